/**
 * The edges the details panel shows, with their evidence (verb, stating document, quote, tasks) loaded on demand: the
 * explorer's cascade travels without it. Evidence already loaded is kept for the page's lifetime.
 */
import { useMemo } from 'react';
import { fetchEdgeEvidence } from '../api/operations';
import type { EdgeEvidence } from '../api/types';
import type { GEdge } from '../graph/model';
import { useAsync } from './useAsync';

const known = new Map<string, EdgeEvidence>();

/**
 * `loading` until the answer for these very edges is in (not only the first render after they changed, as the
 * loader's own state would say); `settled` once it is, or once it failed (`error`).
 */
export function useEdgeEvidence(edges: GEdge[]): { edges: GEdge[]; loading: boolean; settled: boolean; error: unknown; retry: () => void } {
  const missing = edges.filter((e) => e.quote === undefined && !known.has(e.id)).map((e) => e.id);
  const key = missing.join(',');
  const state = useAsync(
    (signal) =>
      fetchEdgeEvidence(missing, signal).then(
        (got) => {
          for (const [id, ev] of got) known.set(id, ev);
          return { key, size: got.size, error: undefined as unknown };
        },
        (error: unknown) => ({ key, size: 0, error }),
      ),
    key,
  );
  const answered = state.data?.key === key ? state.data : undefined;
  const merged = useMemo(
    () => edges.map((e) => (e.quote === undefined && known.has(e.id) ? { ...e, ...known.get(e.id)!, id: e.id } : e)),
    // What is known of these edges changes with `key` (the ones still missing) and with an answer.
    [edges, key, answered], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const settled = missing.length === 0 || answered !== undefined;
  return { edges: merged, loading: !settled, settled, error: answered?.error, retry: state.retry };
}
