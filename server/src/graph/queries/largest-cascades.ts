/**
 * The directives whose downward cascade is largest: what costs most to answer (a national resolution's 4 000 nodes,
 * a provincial programme's 1 800) and so what the response cache computes ahead (api/cascade-ahead.ts). Their size is
 * estimated the way the explorer's cascade grows: implementing and citing texts down to four levels (at most the
 * cascade's default cap), plus the assignments of those texts.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { DEFAULT_CASCADE_NODES } from './cascade.js';
import { readQuery } from './read.js';

export interface CascadeRoot {
  uid: string;
  code: string;
  issuedOn: string | null;
  province: string | null;
  /** Directives (root included) plus their assignments: roughly the number of nodes and edges of the cascade. */
  size: number;
}

/**
 * Only directives with at least `minTexts` implementing or citing texts are measured: nationally 4 800 of 40 000
 * directives with 3, measured in ≈ 0.5 s (9 300 with 2: 0.8 s); a cascade below that is small anyway.
 */
export async function largestCascades(driver: Driver, first: number, opts: { minTexts?: number; database?: string; timeoutMs?: number } = {}): Promise<CascadeRoot[]> {
  if (first <= 0) return [];
  const res = await readQuery(
    driver,
    `MATCH (d:Directive) WHERE d.code IS NOT NULL AND COUNT { (d)<-[:IMPLEMENTS|CITES]-() } >= $minTexts
     CALL apoc.path.subgraphNodes(d, {relationshipFilter: '<IMPLEMENTS|<CITES', maxLevel: 4, labelFilter: '+Directive', limit: $cap}) YIELD node
     WITH d, count(node) + sum(COUNT { (node)-[:ASSIGNED_TO]->() }) AS size
     ORDER BY size DESC, d.uid LIMIT $first
     RETURN d.uid AS uid, d.code AS code, toString(d.issuedOn) AS issuedOn, d.province AS province, size`,
    { minTexts: neo4j.int(opts.minTexts ?? 3), cap: neo4j.int(DEFAULT_CASCADE_NODES), first: neo4j.int(Math.trunc(first)) },
    { database: opts.database, timeoutMs: opts.timeoutMs },
  );
  return res.records.map((r) => ({
    uid: r.get('uid') as string,
    code: r.get('code') as string,
    issuedOn: (r.get('issuedOn') as string | null) ?? null,
    province: (r.get('province') as string | null) ?? null,
    size: Number(r.get('size')),
  }));
}
