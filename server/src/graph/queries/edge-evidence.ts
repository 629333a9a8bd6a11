/**
 * The evidence of given cascade edges (verb, stating document, quote, offsets, task lists), by edge id: what the web's details panel asks
 * for when an edge or node is selected, so that the cascade itself travels without it.
 */
import type { Driver } from 'neo4j-driver';
import { edgeRow, rawEdge, type RawEdge, type Row } from './cascade.js';
import { readQuery } from './read.js';

/** At most this many edge ids per request. */
export const MAX_EVIDENCE_IDS = 5000;

export async function fetchEdgeEvidence(driver: Driver, ids: string[], opts: { database?: string; timeoutMs?: number } = {}): Promise<RawEdge[]> {
  if (!ids.length) return [];
  const res = await readQuery(
    driver,
    `UNWIND $ids AS id
     MATCH ()-[r]->() WHERE elementId(r) = id
     RETURN ${edgeRow('r', true)} AS row`,
    { ids: [...new Set(ids)] },
    opts,
  );
  return res.records.map((r) => rawEdge(r.get('row') as Row, true));
}
