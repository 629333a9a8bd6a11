/**
 * Vietnamese provinces and centrally-run cities: the 63 units before the 2025 merger and the 34 after
 * it (Resolution 202/2025/QH15, in force 1 July 2025). Names carry diacritics (NFC).
 */

export interface Province {
  name: string;
  slug: string;
  kind: 'province' | 'city';
  pre2025: boolean;
  post2025: boolean;
  /** Other spellings seen in texts (old tone placement, old names). */
  aliases?: string[];
  /** A province of the old map only: the province of the 2025 map that took it over (Bình Thuận → Lâm Đồng). */
  into?: string;
}

/** NFD, strip combining marks, đ→d, lowercase: the definition (foldDiacritics is a faster way to the same result). */
export function foldByNormalizing(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

const folded = new Map<string, string>();
/** The folded form of each UTF-16 unit of a lower-cased text ("ấ" → "a", a combining mark → ""), filled as met. */
const UNIT_FOLD: string[] = [];

/**
 * "Bình Thuận" → "binh thuan". Lower-cases the whole text once, then replaces each non-ASCII unit by its folded
 * form (≈ 1.5× faster than normalizing the text; equal results — test/unit/extract/data.test.ts). A text with
 * characters beyond the BMP (which may decompose into two such characters) takes the normalizing path. Short
 * strings (names, codes, titles) repeat across a corpus: remembered.
 */
export function foldDiacritics(s: string): string {
  const short = s.length <= 256;
  const hit = short ? folded.get(s) : undefined;
  if (hit !== undefined) return hit;
  const out = foldUnits(s);
  if (short) {
    if (folded.size >= 50_000) folded.clear();
    folded.set(s, out);
  }
  return out;
}

function foldUnits(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const u = lower.charCodeAt(i);
    if (u < 0x80) continue;
    if (u >= 0xd800 && u <= 0xdfff) return foldByNormalizing(s);
    let f = UNIT_FOLD[u];
    if (f === undefined) UNIT_FOLD[u] = f = foldByNormalizing(lower[i]!);
    out += lower.slice(from, i) + f;
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

/** ASCII slug: "Bình Thuận" → "binh-thuan", "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau". */
export function slugify(s: string): string {
  return foldDiacritics(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type Row = [name: string, kind: 'province' | 'city', pre: boolean, post: boolean, aliases?: string[]];

const ROWS: Row[] = [
  ['An Giang', 'province', true, true],
  ['Bà Rịa - Vũng Tàu', 'province', true, false, ['Bà Rịa Vũng Tàu', 'Bà Rịa-Vũng Tàu']],
  ['Bạc Liêu', 'province', true, false],
  ['Bắc Giang', 'province', true, false],
  ['Bắc Kạn', 'province', true, false, ['Bắc Cạn']],
  ['Bắc Ninh', 'province', true, true],
  ['Bến Tre', 'province', true, false],
  ['Bình Dương', 'province', true, false],
  ['Bình Định', 'province', true, false],
  ['Bình Phước', 'province', true, false],
  ['Bình Thuận', 'province', true, false],
  ['Cà Mau', 'province', true, true],
  ['Cao Bằng', 'province', true, true],
  ['Cần Thơ', 'city', true, true],
  ['Đà Nẵng', 'city', true, true],
  ['Đắk Lắk', 'province', true, true, ['Đắc Lắc', 'Đắk Lắc']],
  ['Đắk Nông', 'province', true, false, ['Đắc Nông']],
  ['Điện Biên', 'province', true, true],
  ['Đồng Nai', 'province', true, true],
  ['Đồng Tháp', 'province', true, true],
  ['Gia Lai', 'province', true, true],
  ['Hà Giang', 'province', true, false],
  ['Hà Nam', 'province', true, false],
  ['Hà Nội', 'city', true, true],
  ['Hà Tĩnh', 'province', true, true],
  ['Hải Dương', 'province', true, false],
  ['Hải Phòng', 'city', true, true],
  ['Hậu Giang', 'province', true, false],
  ['Hòa Bình', 'province', true, false],
  ['Hồ Chí Minh', 'city', true, true, ['TP.HCM', 'TPHCM']],
  ['Hưng Yên', 'province', true, true],
  ['Khánh Hòa', 'province', true, true],
  ['Kiên Giang', 'province', true, false],
  ['Kon Tum', 'province', true, false],
  ['Lai Châu', 'province', true, true],
  ['Lạng Sơn', 'province', true, true],
  ['Lào Cai', 'province', true, true],
  ['Lâm Đồng', 'province', true, true],
  ['Long An', 'province', true, false],
  ['Nam Định', 'province', true, false],
  ['Nghệ An', 'province', true, true],
  ['Ninh Bình', 'province', true, true],
  ['Ninh Thuận', 'province', true, false],
  ['Phú Thọ', 'province', true, true],
  ['Phú Yên', 'province', true, false],
  ['Quảng Bình', 'province', true, false],
  ['Quảng Nam', 'province', true, false],
  ['Quảng Ngãi', 'province', true, true],
  ['Quảng Ninh', 'province', true, true],
  ['Quảng Trị', 'province', true, true],
  ['Sóc Trăng', 'province', true, false],
  ['Sơn La', 'province', true, true],
  ['Tây Ninh', 'province', true, true],
  ['Thái Bình', 'province', true, false],
  ['Thái Nguyên', 'province', true, true],
  ['Thanh Hóa', 'province', true, true],
  ['Thừa Thiên Huế', 'province', true, false, ['Thừa Thiên - Huế']],
  ['Huế', 'city', false, true],
  ['Tiền Giang', 'province', true, false],
  ['Trà Vinh', 'province', true, false],
  ['Tuyên Quang', 'province', true, true],
  ['Vĩnh Long', 'province', true, true],
  ['Vĩnh Phúc', 'province', true, false],
  ['Yên Bái', 'province', true, false],
];

/**
 * The 2025 map (Nghị quyết 202/2025/QH15, from 1 July 2025): each province of the old map that is not on the new one,
 * and the province that took it over — its texts of before the reform belong to that province's area now.
 */
const MERGED_INTO: Readonly<Record<string, string>> = {
  'Hà Giang': 'Tuyên Quang',
  'Yên Bái': 'Lào Cai',
  'Bắc Kạn': 'Thái Nguyên',
  'Vĩnh Phúc': 'Phú Thọ',
  'Hòa Bình': 'Phú Thọ',
  'Bắc Giang': 'Bắc Ninh',
  'Thái Bình': 'Hưng Yên',
  'Hải Dương': 'Hải Phòng',
  'Hà Nam': 'Ninh Bình',
  'Nam Định': 'Ninh Bình',
  'Quảng Bình': 'Quảng Trị',
  'Thừa Thiên Huế': 'Huế',
  'Quảng Nam': 'Đà Nẵng',
  'Kon Tum': 'Quảng Ngãi',
  'Bình Định': 'Gia Lai',
  'Ninh Thuận': 'Khánh Hòa',
  'Đắk Nông': 'Lâm Đồng',
  'Bình Thuận': 'Lâm Đồng',
  'Phú Yên': 'Đắk Lắk',
  'Bình Dương': 'Hồ Chí Minh',
  'Bà Rịa - Vũng Tàu': 'Hồ Chí Minh',
  'Bình Phước': 'Đồng Nai',
  'Long An': 'Tây Ninh',
  'Sóc Trăng': 'Cần Thơ',
  'Hậu Giang': 'Cần Thơ',
  'Bến Tre': 'Vĩnh Long',
  'Trà Vinh': 'Vĩnh Long',
  'Tiền Giang': 'Đồng Tháp',
  'Bạc Liêu': 'Cà Mau',
  'Kiên Giang': 'An Giang',
};

export const PROVINCES: readonly Province[] = Object.freeze(
  ROWS.map(([name, kind, pre2025, post2025, aliases]) => {
    const p: Province = { name, slug: slugify(name), kind, pre2025, post2025 };
    if (aliases) p.aliases = aliases;
    const into = MERGED_INTO[name];
    if (into) p.into = into;
    return p;
  }),
);

export const PROVINCES_PRE_2025: readonly Province[] = PROVINCES.filter((p) => p.pre2025);
export const PROVINCES_POST_2025: readonly Province[] = PROVINCES.filter((p) => p.post2025);

/** Folded name (spaces and hyphens squeezed) → province. */
const BY_FOLDED = new Map<string, Province>();
const BY_SLUG = new Map<string, Province>();
function squeeze(s: string): string {
  return foldDiacritics(s).replace(/[^a-z0-9]+/g, ' ').trim();
}
for (const p of PROVINCES) {
  BY_FOLDED.set(squeeze(p.name), p);
  BY_SLUG.set(p.slug, p);
  BY_SLUG.set(p.slug.replace(/-/g, ''), p);
  for (const a of p.aliases ?? []) BY_FOLDED.set(squeeze(a), p);
}

/** Look a province up by any spelling (diacritics, case and tone placement ignored). */
export function findProvince(name: string): Province | null {
  return BY_FOLDED.get(squeeze(name)) ?? null;
}

/** Look a province up by slug, with or without hyphens ("binh-thuan", "binhthuan"). */
export function provinceBySlug(slug: string): Province | null {
  return BY_SLUG.get(slug.toLowerCase()) ?? null;
}

export function provinceSlug(name: string): string {
  return findProvince(name)?.slug ?? slugify(name);
}

/** Provinces of the old map each province of the 2025 map took over (Lâm Đồng ← Bình Thuận, Đắk Nông). */
const PREDECESSORS = new Map<string, string[]>();
for (const p of PROVINCES) if (p.into) PREDECESSORS.set(p.into, [...(PREDECESSORS.get(p.into) ?? []), p.name]);

/**
 * The provinces whose texts a province's area holds: the province by its stored name (any spelling: "binh thuan"),
 * and for a province of the 2025 map those it took over ("Lâm Đồng" → Lâm Đồng, Bình Thuận, Đắk Nông). A name that is
 * no province is kept as given (it matches what was stored under it, if anything).
 */
export function provinceArea(name: string): string[] {
  const p = findProvince(name);
  if (!p) return [name.normalize('NFC').trim()];
  return [p.name, ...(PREDECESSORS.get(p.name) ?? [])];
}
