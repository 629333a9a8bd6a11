/** Document types: key ↔ Vietnamese name ↔ category. Data only. */

export type Category = 'document' | 'regulation';

export interface DocType {
  key: string;
  name: string;
  nameEn: string;
  category: Category;
  /** Other names that introduce this type in running text (longest first is handled by the matcher). */
  names?: string[];
}

export const DOC_TYPES: readonly DocType[] = [
  { key: 'NQ', name: 'Nghị quyết', nameEn: 'Resolution', category: 'regulation' },
  { key: 'QĐ', name: 'Quyết định', nameEn: 'Decision / Regulation', category: 'regulation', names: ['Quy định'] },
  { key: 'QĐi', name: 'Quy định', nameEn: 'Regulation', category: 'regulation' },
  { key: 'KL', name: 'Kết luận', nameEn: 'Conclusion', category: 'regulation' },
  { key: 'CT', name: 'Chỉ thị', nameEn: 'Directive', category: 'regulation' },
  { key: 'QC', name: 'Quy chế', nameEn: 'Rules', category: 'regulation' },
  { key: 'Luật', name: 'Luật', nameEn: 'Law', category: 'regulation' },
  { key: 'NĐ', name: 'Nghị định', nameEn: 'Decree', category: 'regulation' },
  { key: 'TT', name: 'Thông tư', nameEn: 'Circular', category: 'regulation' },
  { key: 'TTLT', name: 'Thông tư liên tịch', nameEn: 'Joint circular', category: 'regulation' },
  { key: 'CTr', name: 'Chương trình hành động', nameEn: 'Action programme', category: 'document', names: ['Chương trình'] },
  { key: 'KH', name: 'Kế hoạch', nameEn: 'Plan', category: 'document' },
  { key: 'HD', name: 'Hướng dẫn', nameEn: 'Guidance', category: 'document' },
  { key: 'CV', name: 'Công văn', nameEn: 'Official letter', category: 'document' },
  { key: 'TB', name: 'Thông báo', nameEn: 'Notice', category: 'document', names: ['Thông báo kết luận'] },
  { key: 'ĐA', name: 'Đề án', nameEn: 'Scheme', category: 'document' },
  { key: 'BC', name: 'Báo cáo', nameEn: 'Report', category: 'document' },
  { key: 'TTr', name: 'Tờ trình', nameEn: 'Submission', category: 'document' },
  { key: 'ĐC', name: 'Đề cương', nameEn: 'Outline', category: 'document' },
];

const BY_KEY = new Map(DOC_TYPES.map((t) => [t.key, t]));
/** Upper-cased key (and ASCII spellings) → canonical key: "CTR" → "CTr", "QĐI" → "QĐi", "QD" → "QĐ". */
const CANON = new Map<string, string>();
for (const t of DOC_TYPES) {
  CANON.set(t.key.toUpperCase(), t.key);
  CANON.set(t.key.toUpperCase().replace(/Đ/g, 'D'), t.key);
}
const BY_NAME = new Map<string, DocType>();
for (const t of DOC_TYPES) {
  BY_NAME.set(t.name.toLowerCase(), t);
  for (const n of t.names ?? []) if (!BY_NAME.has(n.toLowerCase())) BY_NAME.set(n.toLowerCase(), t);
}

/** Canonical type key for a code's type part, or null when it is not a known type. */
export function canonicalTypeKey(raw: string): string | null {
  return CANON.get(raw.toUpperCase()) ?? null;
}

export function docType(key: string | null | undefined): DocType | null {
  return key == null ? null : (BY_KEY.get(key) ?? null);
}

/** Type named by a Vietnamese word group ("Chương trình hành động", "KẾ HOẠCH", "Quy định"). */
export function typeByName(name: string): DocType | null {
  return BY_NAME.get(name.toLowerCase().replace(/\s+/g, ' ').trim()) ?? null;
}

export function categoryOf(key: string | null | undefined): Category {
  return docType(key)?.category ?? 'document';
}

/** Words that introduce a referenced document in running text, longest first (regex source). */
export const TYPE_WORDS_SOURCE = [
  'Thông báo kết luận',
  'Chương trình hành động',
  'Thông tư liên tịch',
  'Chương trình',
  'Nghị quyết',
  'Kế hoạch',
  'Hướng dẫn',
  'Quy định',
  'Quyết định',
  'Kết luận',
  'Chỉ thị',
  'Thông báo',
  'Công văn',
  'Đề án',
  'Báo cáo',
  'Nghị định',
  'Thông tư',
  'Quy chế',
  'Tờ trình',
  'Đề cương',
  'Luật',
].join('|');

/** Headings that name the document's own type (upper case, alone on their line). */
export const TYPE_HEADINGS: ReadonlyArray<[heading: string, key: string]> = [
  ['CHƯƠNG TRÌNH HÀNH ĐỘNG', 'CTr'],
  ['CHƯƠNG TRÌNH', 'CTr'],
  ['HƯỚNG DẪN', 'HD'],
  ['KẾ HOẠCH', 'KH'],
  ['NGHỊ QUYẾT', 'NQ'],
  ['QUY ĐỊNH', 'QĐ'],
  ['QUYẾT ĐỊNH', 'QĐ'],
  ['KẾT LUẬN', 'KL'],
  ['CHỈ THỊ', 'CT'],
  ['THÔNG BÁO KẾT LUẬN', 'TB'],
  ['THÔNG BÁO', 'TB'],
  ['CÔNG VĂN', 'CV'],
  ['ĐỀ ÁN', 'ĐA'],
  ['BÁO CÁO', 'BC'],
  ['TỜ TRÌNH', 'TTr'],
  ['QUY CHẾ', 'QC'],
  ['NGHỊ ĐỊNH', 'NĐ'],
  ['THÔNG TƯ', 'TT'],
  ['LUẬT', 'Luật'],
  ['ĐỀ CƯƠNG', 'ĐC'],
];

/** Category of a type key ("regulation" for NQ, QĐ, …; "document" otherwise, also for unknown/null). */
export function typeCategory(key: string | null | undefined): Category {
  return categoryOf(key);
}

/** Vietnamese name of a type key, or null. */
export function typeNameOf(key: string | null | undefined): string | null {
  return docType(key)?.name ?? null;
}
