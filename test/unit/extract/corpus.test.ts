import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument, resolveCorpus } from '../../../server/src/extract/index.js';
import { CORPUS_DIR, SEED_FILES } from './helpers.js';

const raw = () => SEED_FILES.map((f) => extractDocument(f, readFileSync(path.join(CORPUS_DIR, f), 'utf8')));
const byPrefix = (rs: ReturnType<typeof raw>, p: string) => rs.find((r) => r.file.startsWith(p))!;

/** A small provincial guidance that cites a programme implementing 28-NQ/TW. */
function citing(province: string, date: string, code = '58-CTr/TU'): string {
  return `HƯỚNG DẪN\n\nThực hiện Chương trình hành động số ${code}, ngày ${date} của Ban Chấp hành Đảng bộ tỉnh về thực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:\n\nI. MỤC ĐÍCH\n\nTrên địa bàn tỉnh ${province}.\n`;
}

describe('resolveCorpus', () => {
  it('does not mutate its input and is idempotent', () => {
    const rs = raw();
    const once = resolveCorpus(rs);
    expect(byPrefix(rs, '003').resolvedCode).toBeNull();
    expect(byPrefix(once, '003').resolvedCode).toBe('58-CTr/TU');
    const twice = resolveCorpus(once);
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
  });

  it('leaves 003 unresolved when nothing in the corpus cites its code', () => {
    const rs = raw().filter((r) => !r.file.startsWith('000'));
    expect(byPrefix(resolveCorpus(rs), '003').resolvedCode).toBeNull();
  });

  it('resolves 003 from any same-province text that cites the programme with its subject', () => {
    const rs = raw().filter((r) => !r.file.startsWith('000'));
    rs.push(extractDocument('other.txt', citing('Bình Thuận', '30/3/2023')));
    const r = byPrefix(resolveCorpus(rs), '003');
    expect(r.resolvedCode).toBe('58-CTr/TU');
    expect(r.resolvedIssuedOn).toBe('2023-03-30');
  });

  it('ignores the same code cited in another province', () => {
    const rs = raw().filter((r) => !r.file.startsWith('000'));
    rs.push(extractDocument('other.txt', citing('Sóc Trăng', '01/4/2023')));
    expect(byPrefix(resolveCorpus(rs), '003').resolvedCode).toBeNull();
  });

  it('refuses to choose between two candidates (never guesses)', () => {
    const rs = raw();
    rs.push(extractDocument('other.txt', citing('Bình Thuận', '02/5/2023')));
    const r = byPrefix(resolveCorpus(rs), '003');
    expect(r.resolvedCode).toBeNull();
    expect(r.codeSource).toBeNull();
  });

  it('requires the type to agree', () => {
    const rs = raw().filter((r) => !r.file.startsWith('000'));
    rs.push(extractDocument('other.txt', citing('Bình Thuận', '30/3/2023', '58-KH/TU').replace('Chương trình hành động', 'Kế hoạch')));
    expect(byPrefix(resolveCorpus(rs), '003').resolvedCode).toBeNull();
  });

  it('dates an undated provincial mention only from the same province', () => {
    const a = extractDocument('a.txt', 'KẾ HOẠCH\n\nNội dung trên địa bàn tỉnh Bình Thuận: Kế hoạch số 82-KH/TU của Tỉnh ủy.\n');
    const b = extractDocument('b.txt', 'KẾ HOẠCH\n\nNội dung trên địa bàn tỉnh Sóc Trăng: Kế hoạch số 82-KH/TU, ngày 02/02/2020 của Tỉnh ủy.\n');
    const [ra] = resolveCorpus([a, b]);
    expect(ra!.cites[0]!.province).toBe('Bình Thuận');
    expect(ra!.cites[0]!.resolvedIssuedOn ?? null).toBeNull();
    const c = extractDocument('c.txt', 'KẾ HOẠCH\n\nNội dung trên địa bàn tỉnh Bình Thuận: Kế hoạch số 82-KH/TU, ngày 30/01/2018 của Tỉnh ủy.\n');
    const [ra2] = resolveCorpus([a, b, c]);
    expect(ra2!.cites[0]!.resolvedIssuedOn).toBe('2018-01-30');
    expect(ra2!.cites[0]!.dateSource).toBe('corpus');
  });
});
