/**
 * Identity of a directive node: normalized code + issue date, + province for non-central issuers
 * (a provincial code such as 58-CTr/TU is reused by every province, and any code is reused across terms).
 * A text with no code of its own is identified by its content hash.
 */
import { provinceSlug } from '../extract/provinces.js';

export interface IdentityParts {
  code: string | null;
  issuedOn: string | null;
  level: string | null;
  province: string | null;
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
  return `${base}#${p.province ? provinceSlug(p.province) : 'unknown'}`;
}
