/**
 * Identity of a directive node: normalized code + issue date, + province for non-central issuers
 * (a provincial code such as 58-CTr/TU is reused by every province, and any code is reused across terms),
 * + the unit below the province for a district's, a bloc's or a commune's text (every commune of a province numbers
 * its own "…-KH/ĐU": two of them on one day are two texts). A text with no code of its own is identified by its
 * content hash.
 */
import { provinceSlug, slugify } from '../extract/provinces.js';

export interface IdentityParts {
  code: string | null;
  issuedOn: string | null;
  level: string | null;
  province: string | null;
  /** The issuing unit below the province ("xã Hàm Thắng"), for texts of a district, a bloc or a commune; else null. */
  unit?: string | null;
  contentHash?: string;
}

export const UNDATED = 'undated';

export function directiveUid(p: IdentityParts): string {
  if (!p.code) {
    if (!p.contentHash) throw new Error('a directive without a code needs a content hash');
    return `doc:${p.contentHash.slice(0, 20)}`;
  }
  const base = `${p.code}@${p.issuedOn ?? UNDATED}`;
  if (p.level === 'central') return base;
  const province = `${base}#${p.province ? provinceSlug(p.province) : 'unknown'}`;
  return p.unit ? `${province}/${slugify(p.unit)}` : province;
}
