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

export function useEdgeEvidence(edges: GEdge[]): { edges: GEdge[]; loading: boolean; error: unknown; retry: () => void } {
  const missing = edges.filter((e) => e.quote === undefined && !known.has(e.id)).map((e) => e.id);
  const state = useAsync(
    (signal) =>
      fetchEdgeEvidence(missing, signal).then((got) => {
        for (const [id, ev] of got) known.set(id, ev);
        return got.size;
      }),
    missing.join(','),
  );
  const loaded = state.data;
  const merged = useMemo(
    () => edges.map((e) => (e.quote === undefined && known.has(e.id) ? { ...e, ...known.get(e.id)!, id: e.id } : e)),
    [edges, loaded], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return { edges: merged, loading: missing.length > 0 && state.loading, error: state.error, retry: state.retry };
}
