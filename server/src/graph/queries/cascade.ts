/**
 * The cascade: one parameterised Cypher statement (APOC breadth-first expansion, each node once) that returns
 * the subgraph around a root; shaping for Cytoscape (depth, parent, lag) happens in cascade-shape.ts.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { readQuery } from './read.js';

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

/** Node columns, in order: sent as lists (not maps), so thousands of rows do not repeat their keys over Bolt. */
const NODE_COLUMNS = ['name', 'code', 'issuedOn', 'type', 'typeName', 'title', 'province', 'level', 'levelRank', 'stub', 'synthetic', 'sourceFile'] as const;
type NodeColumn = (typeof NODE_COLUMNS)[number];
/** What the lag figures need of a node (analytics): a national tree of 10 000 texts is read in half the time. */
export const DATE_COLUMNS: readonly NodeColumn[] = ['issuedOn', 'province', 'level', 'levelRank'];
/**
 * Edge columns always sent (the shaping needs `inferred`); EVIDENCE_COLUMNS only when asked for: quotes and task
 * lists are most of the bytes, and the stating document and verb matter only where the evidence is shown.
 */
const EDGE_COLUMNS = ['inferred'] as const;
export const EVIDENCE_COLUMNS = ['verb', 'evidenceUid', 'quote', 'start', 'end', 'tasks', 'timings'] as const;

const nodeRow = (n: string, columns: readonly NodeColumn[]) =>
  `[coalesce(${n}.uid, ${n}.key), ${n}:Organization, ${columns.map((c) => (c === 'issuedOn' ? `toString(${n}.issuedOn)` : `${n}.${c}`)).join(', ')}]`;
export const edgeRow = (r: string, evidence: boolean) =>
  `[elementId(${r}), type(${r}), coalesce(startNode(${r}).uid, startNode(${r}).key), coalesce(endNode(${r}).uid, endNode(${r}).key), ${[
    ...EDGE_COLUMNS,
    ...(evidence ? EVIDENCE_COLUMNS : []),
  ]
    .map((c) => `${r}.${c}`)
    .join(', ')}]`;

export interface CascadeOptions {
  depth: number;
  direction: Direction;
  relations: RelationKind[];
  /** Directives listed at most (citing texts included), and assignments listed at most; default 2 000. */
  maxNodes?: number;
  /** Send verbs, stating documents, quotes, offsets, tasks and timings of the edges (default true). */
  evidence?: boolean;
  /** Follow only directives of these provinces (and central ones): one province's part of a national cascade. */
  provinces?: string[];
  /** Node properties to read (default: all a cascade shows). */
  nodeColumns?: readonly NodeColumn[];
  database?: string;
  timeoutMs?: number;
}

/**
 * The statement for one direction / relation set / evidence choice. Depth and caps are parameters ($depth,
 * $maxNodes, $maxAssignments), not text: Neo4j plans each distinct text once (≈ 0.3–0.4 s for this one, 2 s on a
 * cold JVM), so changing the depth does not pay a new plan.
 */
export function cascadeCypher(direction: Direction, relations: RelationKind[], evidence = true, withinProvinces = false, nodeColumns: readonly NodeColumn[] = NODE_COLUMNS): string {
  const withCites = relations.includes('CITES');
  const withAssigned = relations.includes('ASSIGNED_TO');
  // withinProvinces: only directives of $provinces (and central ones) are followed, and only they count as citers.
  const scope = withinProvinces ? 'root, allowed' : 'root';
  const whitelist = withinProvinces ? ', whitelistNodes: allowed' : '';
  const expand = (filter: string) => `
  CALL (${scope}) {
    CALL apoc.path.subgraphAll(root, {relationshipFilter: '${filter}', maxLevel: $depth, labelFilter: '+Directive', limit: $maxNodes${whitelist}})
    YIELD nodes, relationships
    RETURN nodes AS ns, relationships AS rs
  }`;
  const citedBy = withinProvinces
    ? `MATCH (c:Directive)-[r:CITES]->(t) WHERE c.province IN $provinces OR c.level = 'central' RETURN r`
    : 'MATCH (:Directive)-[r:CITES]->(t) RETURN r';
  const down = direction !== 'UP';
  const up = direction !== 'DOWN';
  return `
MATCH (root:Directive {uid: $uid})
${withinProvinces ? `CALL (root) { MATCH (d:Directive) WHERE d.province IN $provinces OR d.level = 'central' WITH collect(d) AS ds RETURN ds + [root] AS allowed }` : ''}
${down ? expand('<IMPLEMENTS').replace('ns, relationships AS rs', 'downNodes, relationships AS downRels') : ''}
${up ? expand('IMPLEMENTS>').replace('ns, relationships AS rs', 'upNodes, relationships AS upRels') : ''}
WITH root, ${down ? 'downNodes' : '[]'} + ${up ? 'upNodes' : '[]'} AS treeNodes, ${down ? 'downRels' : '[]'} + ${up ? 'upRels' : '[]'} AS implRels,
     ${down ? 'size(downNodes) >= $maxNodes' : 'false'} OR ${up ? 'size(upNodes) >= $maxNodes' : 'false'} AS truncated
WITH root, truncated, [r IN implRels WHERE type(r) = 'IMPLEMENTS'] AS implRels, apoc.coll.toSet([root] + treeNodes) AS tree
CALL (tree) {
  ${withCites ? `UNWIND tree AS t
  CALL (t) {
    ${down ? citedBy : ''}
    ${down && up ? 'UNION' : ''}
    ${up ? 'MATCH (t)-[r:CITES]->(:Directive) RETURN r' : ''}
  }
  RETURN collect(DISTINCT r) AS citeRels` : 'RETURN [] AS citeRels'}
}
// Citing texts count towards maxNodes too (a national resolution is cited by thousands of local plans).
WITH root, implRels, tree, citeRels, CASE WHEN $maxNodes > size(tree) THEN $maxNodes - size(tree) ELSE 0 END AS room, truncated
WITH root, implRels, tree, citeRels[0..room] AS citeRels, truncated OR size(citeRels) > room AS truncated
WITH root, truncated, implRels, citeRels, apoc.coll.toSet(tree + [r IN citeRels | startNode(r)] + [r IN citeRels | endNode(r)]) AS directives
// Assignments of the directives nearest the root first, at most maxNodes of them (the LIMIT stops the expansion).
CALL (directives) {
  ${withAssigned ? `UNWIND directives AS x
  MATCH (x)-[r:ASSIGNED_TO]->(:Organization)
  WITH r LIMIT $maxAssignments
  RETURN collect(r) AS assignRels` : 'RETURN [] AS assignRels'}
}
WITH root, truncated, directives, implRels + citeRels AS links, assignRels
WITH root, truncated OR size(assignRels) > $maxNodes AS truncated, directives, links + assignRels[0..$maxNodes] AS rels
WITH root, truncated, rels, apoc.coll.toSet(directives + [r IN rels | endNode(r)]) AS nodes
RETURN root.uid AS rootUid, truncated, [n IN nodes | ${nodeRow('n', nodeColumns)}] AS nodes, [r IN rels | ${edgeRow('r', evidence)}] AS edges`;
}

export type Row = unknown[];

/** Depth as the statement takes it: a whole number of levels from 1 to 10. */
export const cascadeDepth = (depth: number): number => Math.max(1, Math.min(10, Math.trunc(depth)));

function toRaw(rootUid: string, truncated: boolean, nodeRows: Row[], edgeRows: Row[], evidence: boolean, columns: readonly NodeColumn[]): RawCascade {
  const nodes = nodeRows.map((row): RawNode => {
    const props: Record<string, unknown> = {};
    columns.forEach((c, i) => (props[c] = row[i + 2]));
    return { uid: row[0] as string, labels: row[1] ? ['Organization'] : ['Directive'], props };
  });
  return { rootUid, truncated, nodes, edges: edgeRows.map((row) => rawEdge(row, evidence)) };
}

/** An edgeRow() list → RawEdge. */
export function rawEdge(row: Row, evidence: boolean): RawEdge {
  const props: Record<string, unknown> = {};
  EDGE_COLUMNS.forEach((c, i) => (props[c] = row[i + 4]));
  if (evidence) EVIDENCE_COLUMNS.forEach((c, i) => (props[c] = row[i + 4 + EDGE_COLUMNS.length]));
  return { id: row[0] as string, type: row[1] as RawEdge['type'], source: row[2] as string, target: row[3] as string, props };
}

export async function fetchCascade(driver: Driver, uid: string, opts: CascadeOptions): Promise<RawCascade | null> {
  const max = Math.max(1, Math.min(MAX_CASCADE_NODES, Math.trunc(opts.maxNodes ?? DEFAULT_CASCADE_NODES)));
  const evidence = opts.evidence ?? true;
  const within = (opts.provinces ?? []).map((p) => p.normalize('NFC').trim()).filter(Boolean);
  const columns = opts.nodeColumns ?? NODE_COLUMNS;
  const res = await readQuery(driver,
    cascadeCypher(opts.direction, opts.relations, evidence, within.length > 0, columns),
    { uid, depth: neo4j.int(cascadeDepth(opts.depth)), maxNodes: neo4j.int(max), maxAssignments: neo4j.int(max + 1), provinces: within },
    { database: opts.database, timeoutMs: opts.timeoutMs },
  );
  const rec = res.records[0];
  if (!rec) return null;
  return toRaw(rec.get('rootUid'), rec.get('truncated'), rec.get('nodes'), rec.get('edges'), evidence, columns);
}

