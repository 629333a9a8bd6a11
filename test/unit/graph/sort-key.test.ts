/** Organisation names in Vietnamese alphabetical order through a key that sorts by code units, as Neo4j compares. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../server/src/config.js';
import { extractDocument, resolveCorpus } from '../../../server/src/extract/index.js';
import { recordToRows } from '../../../server/src/graph/rows.js';
import { nameSortKey } from '../../../server/src/graph/sort-key.js';
import { generateNational } from '../../../server/src/synthetic/index.js';

const byKey = (names: string[]) => [...names].sort((a, b) => {
  const x = nameSortKey(a);
  const y = nameSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
});

describe('nameSortKey', () => {
  it('orders as a Vietnamese dictionary: letters (ă â after a, đ after d, ô ơ after o, ư after u), then tones, then case', () => {
    const expected = [
      'An', 'Ăn', 'Ân',
      'Ba', 'Bà', 'Bả', 'Bã', 'Bá', 'Bạ', 'Ban', 'Ban Cán sự đảng', 'Ban Chấp hành', 'Ban Tổ chức Trung ương', 'Ban Tuyên giáo Trung ương',
      'các cơ quan', 'Các cơ quan', 'Các cơ quan báo chí',
      'Diên Điền', 'Diên Thủy', 'Dương', 'Đài Phát thanh', 'Đảng đoàn Hội đồng nhân dân tỉnh', 'Em', 'Êm',
      'Mặt trận', 'Ô', 'Ơ', 'Sở 10', 'Sở 2', 'Uy', 'Ủy ban Kiểm tra Tỉnh ủy', 'Ưu', 'Văn phòng Tỉnh ủy',
    ];
    expect(byKey([...expected].reverse())).toEqual(expected);
    // What the names themselves give, by code point: Đ, Ủ and lower case after every other capital.
    const byCodePoint = [...expected].sort();
    for (const later of ['các cơ quan', 'Đài Phát thanh', 'Ủy ban Kiểm tra Tỉnh ủy']) expect(byCodePoint.indexOf(later)).toBeGreaterThan(byCodePoint.indexOf('Văn phòng Tỉnh ủy'));
  });

  it('is the same key for the composed and decomposed forms of a name, and a name sorts before the names it begins', () => {
    const name = 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh';
    expect(nameSortKey(name.normalize('NFD'))).toBe(nameSortKey(name.normalize('NFC')));
    expect(nameSortKey('Sở Nội vụ') < nameSortKey('Sở Nội vụ tỉnh Bắc Ninh')).toBe(true);
    expect(nameSortKey('Ban  Dân vận')).toBe(nameSortKey('Ban Dân vận'));
  });

  it('agrees with ICU\'s Vietnamese collation on every organisation of the seed corpus and of a synthetic province', () => {
    const seedDir = path.join(repoRoot, 'seed', 'corpus');
    const texts = [
      ...fs.readdirSync(seedDir).sort().map((f) => ({ file: f, text: fs.readFileSync(path.join(seedDir, f), 'utf8') })),
      ...generateNational({ seed: 7, scale: 0.03, provinces: 34 }).map((d) => ({ file: d.file, text: d.text })),
    ];
    const records = resolveCorpus(texts.map((t) => extractDocument(t.file, t.text)));
    const names = [...new Set(records.flatMap((r) => recordToRows(r).organizations.map((o) => o.name)))];
    expect(names.length).toBeGreaterThan(200);
    expect(names.some((n) => n.startsWith('Đ')) && names.some((n) => n.startsWith('Ủ'))).toBe(true);
    expect(byKey(names)).toEqual([...names].sort(new Intl.Collator('vi').compare));
  });
});
