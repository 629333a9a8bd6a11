import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../server/src/config.js';
import {
  LEVELS, getLevel, levelRank, compareLevels, PROVINCES_PRE_2025, PROVINCES_POST_2025, foldDiacritics, slugify, findProvince,
  provinceBySlug, provinceSlug, DOC_TYPES, categoryOf, typeCategory, typeNameOf,
} from '../../../server/src/extract/index.js';
import { flatten, evidence, sourceText } from '../../../server/src/extract/normalize.js';
import { foldByNormalizing, PROVINCES, provinceArea } from '../../../server/src/extract/provinces.js';

describe('levels', () => {
  it('is an ordered list with unique keys and ranks', () => {
    expect(LEVELS.map((l) => l.key)).toEqual(['central', 'provincial', 'district', 'commune']);
    expect(LEVELS.map((l) => l.rank)).toEqual([0, 1, 2, 3]);
    expect(getLevel('provincial')?.name).toBe('Tỉnh');
    expect(getLevel('nope')).toBeNull();
    expect(levelRank('district')).toBe(2);
    expect(compareLevels('central', 'commune')).toBeLessThan(0);
  });
});

describe('provinces', () => {
  it('lists 63 units before 2025 and 34 after', () => {
    expect(PROVINCES_PRE_2025).toHaveLength(63);
    expect(PROVINCES_POST_2025).toHaveLength(34);
    expect(new Set(PROVINCES_PRE_2025.map((p) => p.slug)).size).toBe(63);
  });
  it('slugs and folds', () => {
    expect(slugify('Bình Thuận')).toBe('binh-thuan');
    expect(slugify('Bà Rịa - Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(foldDiacritics('Đảng bộ TỈNH Bình Thuận')).toBe('dang bo tinh binh thuan');
    expect(provinceSlug('Đắk Lắk')).toBe('dak-lak');
  });
  it('folds every character as normalizing would, alone, in context and in the real corpus', () => {
    const units: string[] = [];
    for (let u = 0; u <= 0xffff; u++) if (u < 0xd800 || u > 0xdfff) units.push(String.fromCharCode(u));
    const mismatches = units.filter((ch) => foldDiacritics(`Ab${ch}Σ ${ch}`) !== foldByNormalizing(`Ab${ch}Σ ${ch}`) || foldDiacritics(ch) !== foldByNormalizing(ch));
    expect(mismatches).toEqual([]);
    // Decomposed input (marks apart), astral characters, final sigma.
    for (const s of ['Bi\u0300nh Thua\u0323\u0302n', 'ĐẢNG 𝐀𝔅 \u{1D15E} ΟΔΟΣ', 'x'.repeat(300) + 'Ố']) expect(foldDiacritics(s)).toBe(foldByNormalizing(s));
    const dir = path.join(repoRoot, 'seed', 'corpus');
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(foldDiacritics(text)).toBe(foldByNormalizing(text));
    }
  });
  it('finds provinces by any spelling', () => {
    expect(findProvince('BÌNH PHƯỚC')?.name).toBe('Bình Phước');
    expect(findProvince('Thanh Hoá')?.name).toBe('Thanh Hóa');
    expect(findProvince('Khánh Hoà')?.name).toBe('Khánh Hòa');
    expect(provinceBySlug('binhthuan')?.name).toBe('Bình Thuận');
    expect(findProvince('Nam')).toBeNull();
  });
  it('knows which province of the 2025 map took over each province of the old one', () => {
    const gone = PROVINCES.filter((p) => !p.post2025);
    expect(gone).toHaveLength(30);
    for (const p of gone) expect(findProvince(p.into!)?.post2025, p.name).toBe(true);
    for (const p of PROVINCES.filter((x) => x.post2025)) expect(p.into, p.name).toBeUndefined();
    // Every province of the old map lies in exactly one of the new map's areas.
    const areas = PROVINCES_POST_2025.flatMap((p) => provinceArea(p.name).filter((n) => findProvince(n)!.pre2025));
    expect(areas.sort()).toEqual(PROVINCES_PRE_2025.map((p) => p.name).sort());
    expect(provinceArea('lam dong')).toEqual(['Lâm Đồng', 'Bình Thuận', 'Đắk Nông']);
    expect(provinceArea('Hồ Chí Minh')).toEqual(['Hồ Chí Minh', 'Bà Rịa - Vũng Tàu', 'Bình Dương']);
    expect(provinceArea('binh thuan')).toEqual(['Bình Thuận']);
    expect(provinceArea(' Nowhere ')).toEqual(['Nowhere']);
  });
});

describe('types', () => {
  it('splits regulations from documents', () => {
    for (const k of ['NQ', 'QĐ', 'QĐi', 'KL', 'CT', 'Luật', 'NĐ', 'TT']) expect(categoryOf(k)).toBe('regulation');
    for (const k of ['CTr', 'KH', 'HD', 'CV', 'TB', 'ĐA', 'BC']) expect(typeCategory(k)).toBe('document');
    expect(typeNameOf('CTr')).toBe('Chương trình hành động');
    expect(typeNameOf(null)).toBeNull();
    expect(new Set(DOC_TYPES.map((t) => t.key)).size).toBe(DOC_TYPES.length);
  });
});

describe('normalisation offset map', () => {
  it('collapses whitespace and markdown but maps back exactly', () => {
    const src = sourceText('\uFEFF**IV. TỔ  CHỨC**\n\n### *2.1. Ban*  Tuyên\u00a0giáo <sup>(1)</sup>x');
    expect(src.startsWith('**')).toBe(true);
    const f = flatten(src);
    expect(f.text).toBe('IV. TỔ CHỨC\n2.1. Ban Tuyên giáo (1)x');
    const at = f.text.indexOf('Ban Tuyên');
    const ev = evidence(f, at, at + 'Ban Tuyên giáo'.length);
    expect(ev.quote).toBe('Ban*  Tuyên\u00a0giáo');
    expect(src.slice(ev.start, ev.end)).toBe(ev.quote);
  });
  it('applies NFC', () => {
    const decomposed = 'Nghi\u0323 quyê\u0301t';
    expect(sourceText(decomposed)).toBe('Nghị quyết');
  });
});
