import { describe, expect, it } from 'vitest';
import { extractDocument, resolveCorpus } from '../../../server/src/extract/index.js';
import { centralTermOn, termAgrees } from '../../../server/src/extract/terms.js';

describe('Central Committee terms', () => {
  it('a central text belongs to the term of the congress before it; during a congress, to none', () => {
    expect(centralTermOn('2014-10-09')).toBe('XI');
    expect(centralTermOn('2017-10-25')).toBe('XII');
    expect(centralTermOn('2022-06-16')).toBe('XIII');
    expect(centralTermOn('2016-01-20')).toBeNull();
    expect(centralTermOn('2016-01-29')).toBe('XII');
    expect(centralTermOn('1990-01-01')).toBeNull();
  });
  it('a mention without a term agrees with any date; "khóa XI, XII" with either', () => {
    expect(termAgrees(null, '2014-10-09', true)).toBe(true);
    expect(termAgrees('XII', '2014-10-09', true)).toBe(false);
    expect(termAgrees('XI, XII', '2014-10-09', true)).toBe(true);
    // Not central: only the terms printed with the dated mentions count.
    expect(termAgrees('XIV', '2014-10-09', false)).toBe(true);
    expect(termAgrees('XIV', '2014-10-09', false, ['XIII'])).toBe(false);
  });
});

describe('undated mentions and terms', () => {
  const doc = (file: string, body: string) => extractDocument(file, `KẾ HOẠCH\n\nvề một việc\n\n${body}\n`);

  it('within a text: the term picks one of two dated resolutions; without a term, several dates stay unresolved', () => {
    const r = doc('a.txt', [
      'Thực hiện Kế hoạch số 10-KH/TU, ngày 02/3/2023 của Ban Thường vụ Tỉnh ủy Sóc Trăng,',
      '- Nghị quyết số 18-NQ/TW, ngày 16/6/2022 về đất đai.',
      '- Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khoá XII về bộ máy.',
      '- Tiếp tục theo Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khoá XIII.',
      '- Rà soát theo Nghị quyết số 18-NQ/TW.',
    ].join('\n\n'));
    const q = r.cites.filter((x) => x.code === '18-NQ/TW');
    expect(q.map((x) => `${x.resolvedIssuedOn}:${x.mentions}`).sort()).toEqual(['2017-10-25:1', '2022-06-16:2', 'null:1']);
  });

  it('across texts: an undated mention is dated only by a text of its own term', () => {
    const a = doc('a.txt', 'Thực hiện Kế hoạch số 10-KH/TU, ngày 02/3/2023 của Ban Thường vụ Tỉnh ủy Sóc Trăng.\n\n- Rà soát theo Nghị quyết số 37-NQ/TW, ngày 09/10/2014 của Bộ Chính trị (khóa XI) về lý luận.');
    const b = doc('b.txt', 'Thực hiện Kế hoạch số 11-KH/TU, ngày 03/3/2023 của Ban Thường vụ Tỉnh ủy Sóc Trăng.\n\n- Rà soát theo Nghị quyết số 37-NQ/TW của Bộ Chính trị khoá XII.');
    const c = doc('c.txt', 'Thực hiện Kế hoạch số 12-KH/TU, ngày 04/3/2023 của Ban Thường vụ Tỉnh ủy Sóc Trăng.\n\n- Rà soát theo Nghị quyết số 37-NQ/TW của Bộ Chính trị khoá XI.');
    const [, rb, rc] = resolveCorpus([a, b, c]);
    expect(rb!.cites.find((x) => x.code === '37-NQ/TW')).toMatchObject({ resolvedIssuedOn: null, term: 'XII' });
    expect(rc!.cites.find((x) => x.code === '37-NQ/TW')).toMatchObject({ resolvedIssuedOn: '2014-10-09', dateSource: 'corpus' });
  });
});
