/** What the explorer writes: dates typed in the interface language's order, and days with its digit grouping. */
import { describe, expect, it } from 'vitest';
import { directiveRef } from '../../../web/src/api/types.js';
import { briefingSteps } from '../../../web/src/graph/briefing.js';
import { edgeLabel } from '../../../web/src/graph/elements.js';
import { modelFromCascade, type GEdge } from '../../../web/src/graph/model.js';
import { formatDays, parseDate } from '../../../web/src/i18n/format.js';
import { translator } from '../../../web/src/i18n/translate.js';

describe('parseDate', () => {
  it('reads day/month/year in Vietnamese and the ISO form in both languages', () => {
    expect(parseDate('vi', '17/11/2022')).toBe('2022-11-17');
    expect(parseDate('vi', '1-2-2023')).toBe('2023-02-01');
    expect(parseDate('vi', ' 1.2.2023 ')).toBe('2023-02-01');
    expect(parseDate('vi', '2023-02-01')).toBe('2023-02-01');
    expect(parseDate('en', '2023-2-1')).toBe('2023-02-01');
  });

  it('says null for nothing and undefined for what is not a day', () => {
    expect(parseDate('vi', '  ')).toBeNull();
    expect(parseDate('vi', '31/02/2024')).toBeUndefined();
    expect(parseDate('vi', '17/11/22')).toBeUndefined();
    expect(parseDate('en', '11/17/2022')).toBeUndefined();
    expect(parseDate('vi', '29/02/2024')).toBe('2024-02-29');
  });
});

describe('days', () => {
  const edge = (lagDays: number): GEdge => ({ id: 'e', source: 'a', target: 'b', apiSource: 'b', apiTarget: 'a', kind: 'IMPLEMENTS', inferred: false, lagDays });

  it('groups the digits as the tables do', () => {
    expect(formatDays(translator('vi'), 'vi', 1002)).toBe('1.002 ngày');
    expect(formatDays(translator('en'), 'en', 1002)).toBe('1,002 days');
    expect(formatDays(translator('en'), 'en', 1)).toBe('1 day');
    expect(edgeLabel(edge(1002), translator('vi'), 'vi')).toBe('1.002 ngày');
    expect(edgeLabel(edge(1002), translator('en'), 'en')).toBe('1,002 days');
  });

  it('in the briefing captions too', () => {
    const node = (id: string, level: string, levelRank: number, lagDays: number | null) => ({ id, kind: 'DIRECTIVE' as const, label: id, code: id, type: 'KH', typeName: null, level, levelRank, province: 'Bình Thuận', issuedOn: null, stub: false, depth: 0, lagDays });
    const model = modelFromCascade({
      root: node('root', 'central', 1, null),
      nodes: [node('root', 'central', 1, null), node('kh', 'provincial', 2, 1002)],
      edges: [{ id: 'e', source: 'kh', target: 'root', kind: 'IMPLEMENTS', inferred: false, lagDays: 1002 }],
      truncated: false,
    })!;
    const captions = briefingSteps(model, new Set(['root', 'kh', 'e']), translator('en'), 'en').map((s) => s.caption);
    expect(captions.at(-1)).toContain('median lag 1,002 days');
    expect(briefingSteps(model, new Set(['root', 'kh', 'e']), translator('vi'), 'vi').at(-1)!.caption).toContain('1.002 ngày');
  });
});

describe('directiveRef', () => {
  it('names a text without a printed code by its id, which the server takes as a code', () => {
    expect(directiveRef({ id: 'doc:9248eacdccb44da96f48', code: null, issuedOn: null, province: 'Bình Thuận' })).toEqual({ code: 'doc:9248eacdccb44da96f48' });
    expect(directiveRef({ id: '28-NQ/TW@2022-11-17', code: '28-NQ/TW', issuedOn: '2022-11-17', province: null })).toEqual({ code: '28-NQ/TW', issuedOn: '2022-11-17', province: null });
    expect(directiveRef({ id: '58-CTr/TU@2023-03-30#binh-thuan', code: '58-CTr/TU', issuedOn: '2023-03-30', province: 'Bình Thuận' })).toEqual({ code: '58-CTr/TU', issuedOn: '2023-03-30', province: 'Bình Thuận' });
  });
  it('names a unit\'s text by its id: another commune of the province has a text of the same code and day', () => {
    const uid = '15-KH/ĐU@2023-05-10#binh-thuan/xa-phu-lac';
    expect(directiveRef({ id: uid, code: '15-KH/ĐU', issuedOn: '2023-05-10', province: 'Bình Thuận' })).toEqual({ code: uid });
  });
});
