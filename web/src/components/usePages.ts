/**
 * A list loaded a page at a time: the first page when the key changes, the next ones on request. Used by the gap list
 * (a national resolution has ≈ 30 000 gaps) and by the tasks of a period (tens of thousands nationally).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAsync } from './useAsync';

export interface Page<T> {
  total: number;
  rows: T[];
}

export interface PagesState<T> {
  /** The rows loaded so far, in the server's order (undefined until the first page arrived). */
  rows: T[] | undefined;
  total: number;
  loading: boolean;
  error: unknown;
  retry: () => void;
  /** Loads the next page (nothing while one is loading or when all are here). */
  more: () => void;
  loadingMore: boolean;
  moreError: unknown;
}

/** `load(offset, signal)`: the page from `offset`; `key` names what is listed (a new key starts again from the first page). */
export function usePages<T>(load: ((offset: number, signal: AbortSignal) => Promise<Page<T>>) | null, key: string): PagesState<T> {
  const first = useAsync<Page<T> | undefined>((signal) => (load ? load(0, signal) : Promise.resolve(undefined)), `${load !== null}:${key}`);
  const [later, setLater] = useState<{ rows: T[]; loading: boolean; error?: unknown }>({ rows: [], loading: false });
  // Pages asked for a first page that is no longer shown (another key, a retry) are dropped when they arrive.
  const current = useRef<Page<T> | undefined>(undefined);
  const aborter = useRef<AbortController | null>(null);
  useEffect(() => {
    current.current = first.data;
    aborter.current?.abort();
    setLater({ rows: [], loading: false });
  }, [first.data]);
  useEffect(() => () => aborter.current?.abort(), []);

  const page = first.data;
  const rows = useMemo(() => (page ? (later.rows.length ? [...page.rows, ...later.rows] : page.rows) : undefined), [page, later.rows]);
  const more = useCallback(() => {
    if (!load || !page || later.loading || page.rows.length + later.rows.length >= page.total) return;
    const ctrl = new AbortController();
    aborter.current = ctrl;
    setLater((l) => ({ ...l, loading: true, error: undefined }));
    load(page.rows.length + later.rows.length, ctrl.signal).then(
      (next) => current.current === page && setLater((l) => ({ rows: [...l.rows, ...next.rows], loading: false })),
      (error: unknown) => current.current === page && !ctrl.signal.aborted && setLater((l) => ({ ...l, loading: false, error })),
    );
  }, [load, page, later]);

  return { rows, total: page?.total ?? 0, loading: first.loading, error: first.error, retry: first.retry, more, loadingMore: later.loading, moreError: later.error };
}
