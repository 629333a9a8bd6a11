/** The page reading a file without storing it: kept in the address, and every fact's quote marked where it is. */
import { describe, expect, it } from 'vitest';
import type { DocumentPreview } from '../../../web/src/api/types.js';
import { highlightRanges, previewHighlights } from '../../../web/src/text/highlights.js';
import { parseView, serializeView } from '../../../web/src/state/url.js';

describe('the read page in the address', () => {
  it('is ?read=1, and a cascade wins over it', () => {
    expect(parseView('?read=1').read).toBe(true);
    expect(parseView('?read=1&lang=en')).toMatchObject({ read: true, lang: 'en', code: null });
    expect(parseView('?read=0').read).toBe(false);
    expect(parseView('?code=28-NQ/TW&read=1').read).toBe(false);
    const start = parseView('');
    expect(serializeView({ ...start, read: true })).toBe('?read=1');
    expect(serializeView({ ...start, read: true, lang: 'en' })).toBe('?read=1&lang=en');
    expect(serializeView({ ...start, read: true, code: '28-NQ/TW' })).toBe('?code=28-NQ%2FTW');
    expect(serializeView(start)).toBe('');
  });
});

describe('previewHighlights', () => {
  it('marks each mention, stated link and assignment at its offsets, under the id its "show in text" focuses', () => {
    const text = 'Thực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022. Căn cứ Quy định số 101-QĐ/TW. 1. Ban Tuyên giáo Huyện ủy chủ trì.';
    const at = (quote: string) => ({ quote, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    const ref = (quote: string, code: string) => ({ code, issuedOn: null, resolvedIssuedOn: null, verb: 'thực hiện', subject: null, mentions: 1, inGraph: null, ...at(quote) });
    const p = {
      text,
      implements: [ref('Nghị quyết số 28-NQ/TW, ngày 17/11/2022', '28-NQ/TW')],
      cites: [ref('Quy định số 101-QĐ/TW', '101-QĐ/TW')],
      statedLinks: [],
      assignments: [{ organization: 'Ban Tuyên giáo Huyện ủy', organizationKey: 'k', province: null, level: 'district', kind: 'party', assignedByTexts: 0, tasks: [], ...at('Ban Tuyên giáo Huyện ủy') }],
    } as unknown as DocumentPreview;
    const hs = previewHighlights(p);
    expect(hs.map((h) => h.id)).toEqual(['impl-0', 'cite-0', 'asg-0']);
    const ranges = highlightRanges(text, hs);
    expect(ranges.map((r) => [text.slice(r.start, r.end), r.ids])).toEqual([
      ['Nghị quyết số 28-NQ/TW, ngày 17/11/2022', ['impl-0']],
      ['Quy định số 101-QĐ/TW', ['cite-0']],
      ['Ban Tuyên giáo Huyện ủy', ['asg-0']],
    ]);
  });
});
