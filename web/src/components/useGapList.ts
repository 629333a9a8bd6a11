/**
 * The gap list of a root, a page at a time: the first page when shown, the next ones on request (a national
 * resolution has ≈ 30 000 gaps; the server counts them and sends 200 rows per page).
 */
import { useCallback } from 'react';
import { fetchGapPage } from '../api/operations';
import type { Gap, RootRef } from '../api/types';
import { usePages, type PagesState } from './usePages';

export type GapListState = PagesState<Gap>;

/** `provinces`: the server lists only their gaps (a national list holds 30 000; a province's are found at once). */
export function useGapList(ref: RootRef, enabled: boolean, provinces: readonly string[] = []): GapListState {
  const key = `${JSON.stringify(ref)}:${JSON.stringify(provinces)}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback((offset: number, signal: AbortSignal) => fetchGapPage(ref, offset, provinces, signal).then((p) => ({ total: p.total, rows: p.gaps })), [key]);
  return usePages(enabled ? load : null, key);
}
