/** The tasks-by-deadline section in the address (`due=1&period=…`) and the names of its periods. */
import { describe, expect, it } from 'vitest';
import { periodLabel } from '../../../web/src/i18n/format.js';
import { translator } from '../../../web/src/i18n/translate.js';
import { parseView, serializeView } from '../../../web/src/state/url.js';

describe('tasks by deadline in the address', () => {
  it('keeps the section and its open period, and drops a period the API has no key for', () => {
    const view = parseView('?code=28-NQ%2FTW&due=1&period=BY_YEAR%3A2023');
    expect(view).toMatchObject({ due: true, period: 'BY_YEAR:2023' });
    expect(serializeView(view)).toBe('?code=28-NQ%2FTW&due=1&period=BY_YEAR%3A2023');
    for (const key of ['FROM_YEAR:2024', 'RECURRING', 'CONDITIONAL', 'NONE']) expect(parseView(`?code=x&due=1&period=${key}`).period).toBe(key);
    for (const bad of ['BY_YEAR', 'BY_YEAR:20x', 'SOON', 'recurring']) expect(parseView(`?code=x&due=1&period=${bad}`).period, bad).toBeNull();
    // A period without its section means nothing, and is not written back.
    expect(parseView('?code=x&period=RECURRING')).toMatchObject({ due: false, period: null });
    expect(serializeView({ ...view, due: false })).toBe('?code=28-NQ%2FTW');
    expect(parseView('?code=x').due).toBe(false);
  });
});

describe('periodLabel', () => {
  it('names each kind of period in Vietnamese and English', () => {
    const vi = translator('vi');
    const en = translator('en');
    expect(periodLabel(vi, { kind: 'BY_YEAR', year: 2023 })).toBe('Trong năm 2023');
    expect(periodLabel(vi, { kind: 'FROM_YEAR', year: 2024 })).toBe('Từ năm 2024');
    expect(periodLabel(vi, { kind: 'RECURRING', year: null })).toBe('Thường xuyên');
    expect(periodLabel(vi, { kind: 'CONDITIONAL', year: null })).toBe('Khi có văn bản chỉ đạo');
    expect(periodLabel(vi, { kind: 'NONE', year: null })).toBe('Không ghi thời hạn');
    expect(periodLabel(en, { kind: 'BY_YEAR', year: 2023 })).toBe('During 2023');
    expect(periodLabel(en, { kind: 'FROM_YEAR', year: 2024 })).toBe('From 2024 on');
    expect(periodLabel(en, { kind: 'RECURRING', year: null })).toBe('Ongoing');
  });
});
