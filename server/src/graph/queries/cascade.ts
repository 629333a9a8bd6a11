/**
 * The cascade: one parameterised Cypher statement (APOC breadth-first expansion, each node once) that returns
 * the subgraph around a root; shaping for Cytoscape (depth, parent, lag) happens in cascade-shape.ts.
 */
import neo4j, { type Driver } from 'neo4j-driver';

/** A cascade lists at most this many directives per direction unless asked for more (up to the maximum). */
export const DEFAULT_CASCADE_NODES = 2000;
export const MAX_CASCADE_NODES = 50_000;

export type Direction = 'DOWN' | 'UP' | 'BOTH';
export type RelationKind = 'IMPLEMENTS' | 'CITES' | 'ASSIGNED_TO';

export interface RawNode {
  uid: string;
  labels: string[];
  props: Record<string, unknown>;
}

export interface RawEdge {
  id: string;
  type: RelationKind | 'ISSUED_BY';
  source: string;
  target: string;
  props: Record<string, unknown>;
}

export interface RawCascade {
  rootUid: string;
  /** The expansion stopped at maxNodes directives. */
  truncated: boolean;
  nodes: RawNode[];
  edges: RawEdge[];
}

const NODE_FIELDS = `.uid, .key, .name, .code, .issuedOn, .type, .typeName, .title, .province, .level, .levelRank, .stub, .synthetic, .kind, .sourceFile`;

export function cascadeCypher(depth: number, direction: Direction, relations: RelationKind[]): string {
  const d = Math.max(1, Math.min(10, Math.trunc(depth)));
  const withCites = relations.includes('CITES');
  const withAssigned = relations.includes('ASSIGNED_TO');
  const expand = (filter: string) => `
  CALL (root) {
    CALL apoc.path.subgraphAll(root, {relationshipFilter: '${filter}', maxLevel: ${d}, labelFilter: '+Directive', limit: $maxNodes})
    YIELD nodes, relationships
    RETURN nodes AS ns, relationships AS rs
  }`;
  const down = direction !== 'UP';
  const up = direction !== 'DOWN';
  return `
MATCH (root:Directive {uid: $uid})
${down ? expand('<IMPLEMENTS').replace('ns, relationships AS rs', 'downNodes, relationships AS downRels') : ''}
${up ? expand('IMPLEMENTS>').replace('ns, relationships AS rs', 'upNodes, relationships AS upRels') : ''}
WITH root, ${down ? 'downNodes' : '[]'} + ${up ? 'upNodes' : '[]'} AS treeNodes, ${down ? 'downRels' : '[]'} + ${up ? 'upRels' : '[]'} AS implRels,
     ${down ? 'size(downNodes) >= $maxNodes' : 'false'} OR ${up ? 'size(upNodes) >= $maxNodes' : 'false'} AS truncated
WITH root, truncated, [r IN implRels WHERE type(r) = 'IMPLEMENTS'] AS implRels, apoc.coll.toSet([root] + treeNodes) AS tree
CALL (tree) {
  ${withCites ? `UNWIND tree AS t
  CALL (t) {
    ${down ? 'MATCH (:Directive)-[r:CITES]->(t) RETURN r' : ''}
    ${down && up ? 'UNION' : ''}
    ${up ? 'MATCH (t)-[r:CITES]->(:Directive) RETURN r' : ''}
  }
  RETURN collect(DISTINCT r) AS citeRels` : 'RETURN [] AS citeRels'}
}
// Citing texts count towards maxNodes too (a national resolution is cited by thousands of local plans).
WITH root, implRels, tree, citeRels, CASE WHEN $maxNodes > size(tree) THEN $maxNodes - size(tree) ELSE 0 END AS room, truncated
WITH root, implRels, tree, citeRels[0..room] AS citeRels, truncated OR size(citeRels) > room AS truncated
WITH root, truncated, implRels, citeRels, apoc.coll.toSet(tree + [r IN citeRels | startNode(r)] + [r IN citeRels | endNode(r)]) AS directives
CALL (directives) {
  ${withAssigned ? `UNWIND directives AS x
  MATCH (x)-[r:ASSIGNED_TO]->(:Organization)
  RETURN collect(r) AS assignRels` : 'RETURN [] AS assignRels'}
}
WITH root, truncated, directives, implRels + citeRels + assignRels AS rels
WITH root, truncated, rels, apoc.coll.toSet(directives + [r IN rels | endNode(r)]) AS nodes
RETURN root.uid AS rootUid, truncated,
  [n IN nodes | {uid: coalesce(n.uid, n.key), labels: labels(n), props: n { ${NODE_FIELDS} }}] AS nodes,
  [r IN rels | {id: elementId(r), type: type(r), source: coalesce(startNode(r).uid, startNode(r).key),
                target: coalesce(endNode(r).uid, endNode(r).key),
                props: r { .verb, .quote, .start, .end, .inferred, .evidenceUid, .mentionedCode, .tasks, .timings } }] AS edges`;
}

export async function fetchCascade(
  driver: Driver,
  uid: string,
  opts: { depth: number; direction: Direction; relations: RelationKind[]; maxNodes?: number; database?: string; timeoutMs?: number },
): Promise<RawCascade | null> {
  const maxNodes = neo4j.int(Math.max(1, Math.min(MAX_CASCADE_NODES, Math.trunc(opts.maxNodes ?? DEFAULT_CASCADE_NODES))));
  const res = await driver.executeQuery(cascadeCypher(opts.depth, opts.direction, opts.relations), { uid, maxNodes }, {
    database: opts.database,
    routing: 'READ',
    transactionConfig: opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined,
  });
  const rec = res.records[0];
  if (!rec) return null;
  return { rootUid: rec.get('rootUid'), truncated: rec.get('truncated'), nodes: rec.get('nodes'), edges: rec.get('edges') };
}
