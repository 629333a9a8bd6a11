/**
 * The gap list of a root, a page at a time: the first page when shown, the next ones on request (a national
 * resolution has ≈ 30 000 gaps; the server counts them and sends 200 rows per page).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchGapPage } from '../api/operations';
import type { Gap, GapPage, RootRef } from '../api/types';
import { useAsync } from './useAsync';

export interface GapListState {
  /** The rows loaded so far, in the server's order (undefined until the first page arrived). */
  rows: Gap[] | undefined;
  total: number;
  loading: boolean;
  error: unknown;
  retry: () => void;
  /** Loads the next page (nothing while one is loading or when all are here). */
  more: () => void;
  loadingMore: boolean;
  moreError: unknown;
}

/** `provinces`: the server lists only their gaps (a national list holds 30 000; a province's are found at once). */
export function useGapList(ref: RootRef, enabled: boolean, provinces: readonly string[] = []): GapListState {
  const first = useAsync<GapPage | undefined>(
    (signal) => (enabled ? fetchGapPage(ref, 0, provinces, signal) : Promise.resolve(undefined)),
    `${enabled}:${JSON.stringify(ref)}:${JSON.stringify(provinces)}`,
  );
  const [later, setLater] = useState<{ rows: Gap[]; loading: boolean; error?: unknown }>({ rows: [], loading: false });
  // Pages asked for a first page that is no longer shown (another root, a retry) are dropped when they arrive.
  const current = useRef<GapPage | undefined>(undefined);
  const aborter = useRef<AbortController | null>(null);
  useEffect(() => {
    current.current = first.data;
    aborter.current?.abort();
    setLater({ rows: [], loading: false });
  }, [first.data]);
  useEffect(() => () => aborter.current?.abort(), []);

  const page = first.data;
  const rows = useMemo(() => (page ? (later.rows.length ? [...page.gaps, ...later.rows] : page.gaps) : undefined), [page, later.rows]);
  const more = useCallback(() => {
    if (!page || later.loading || page.gaps.length + later.rows.length >= page.total) return;
    const ctrl = new AbortController();
    aborter.current = ctrl;
    setLater((l) => ({ ...l, loading: true, error: undefined }));
    fetchGapPage(ref, page.gaps.length + later.rows.length, provinces, ctrl.signal).then(
      (next) => current.current === page && setLater((l) => ({ rows: [...l.rows, ...next.gaps], loading: false })),
      (error: unknown) => current.current === page && !ctrl.signal.aborted && setLater((l) => ({ ...l, loading: false, error })),
    );
  }, [page, later, ref, provinces]);

  return { rows, total: page?.total ?? 0, loading: first.loading, error: first.error, retry: first.retry, more, loadingMore: later.loading, moreError: later.error };
}
