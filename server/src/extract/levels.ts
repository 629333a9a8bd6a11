/**
 * Administrative levels are data: the rest of the code uses keys and ranks from this list and never
 * assumes a fixed number of levels (the 2025 reform removes the district level).
 */
import type { LevelKey } from './types.js';

export interface Level {
  key: LevelKey;
  /** 0 = top. Lower rank = higher in the hierarchy. */
  rank: number;
  name: string;
  nameEn: string;
}

export const LEVELS: readonly Level[] = Object.freeze([
  { key: 'central', rank: 0, name: 'Trung ương', nameEn: 'Central' },
  { key: 'provincial', rank: 1, name: 'Tỉnh', nameEn: 'Provincial' },
  { key: 'district', rank: 2, name: 'Huyện', nameEn: 'District' },
  { key: 'commune', rank: 3, name: 'Xã', nameEn: 'Commune' },
]);

const BY_KEY = new Map(LEVELS.map((l) => [l.key, l]));

export function getLevel(key: LevelKey | null | undefined): Level | null {
  return key == null ? null : (BY_KEY.get(key) ?? null);
}

export function levelRank(key: LevelKey | null | undefined): number | null {
  return getLevel(key)?.rank ?? null;
}

export function levelByRank(rank: number): Level | null {
  return LEVELS.find((l) => l.rank === rank) ?? null;
}

export function isLevelKey(key: string): boolean {
  return BY_KEY.has(key);
}

/** Negative when a is above b. Unknown levels sort last. */
export function compareLevels(a: LevelKey | null, b: LevelKey | null): number {
  const ra = levelRank(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = levelRank(b) ?? Number.MAX_SAFE_INTEGER;
  return ra - rb;
}

export const CENTRAL: LevelKey = 'central';
export const PROVINCIAL: LevelKey = 'provincial';
export const DISTRICT: LevelKey = 'district';
export const COMMUNE: LevelKey = 'commune';
