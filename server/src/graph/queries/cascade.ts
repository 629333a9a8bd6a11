/**
 * The cascade: one parameterised Cypher statement (APOC breadth-first expansion, each node once) that returns
 * the subgraph around a root; shaping for Cytoscape (depth, parent, lag) happens in cascade-shape.ts.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { levelByRank } from '../../extract/levels.js';
import { readRows, rowsInRecords } from './read.js';

/** A cascade lists at most this many directives per direction unless asked for more (up to the maximum). */
export const DEFAULT_CASCADE_NODES = 2000;
export const MAX_CASCADE_NODES = 50_000;

export type Direction = 'DOWN' | 'UP' | 'BOTH';
export type RelationKind = 'IMPLEMENTS' | 'CITES' | 'ASSIGNED_TO';

export interface RawNode {
  uid: string;
  labels: readonly string[];
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
  /**
   * Organisations left out (foldOrganizationsAbove): per directive uid, how many organisations it assigns tasks to;
   * null when none were left out.
   */
  folded?: Map<string, number> | null;
  /**
   * Lower levels left out (foldLevelsAbove): the levels left out, and per directive uid how many directives of those
   * levels implement it directly; null when no level was left out.
   */
  levelsFolded?: { levels: string[]; implementers: Map<string, number> } | null;
}

/** Node columns, in order: sent as lists (not maps), so thousands of rows do not repeat their keys over Bolt. */
export const NODE_COLUMNS = ['name', 'code', 'issuedOn', 'type', 'typeName', 'title', 'province', 'level', 'levelRank', 'stub', 'synthetic', 'sourceFile', 'unit'] as const;
/**
 * Without titles and source files, the longest values (what the explorer asks of every node but the root): the
 * national root's statement reads 8–11 ms less. `titleHead` is a title's first 60 characters for the rare directive
 * with neither code nor type name, which its label needs.
 */
export const LEAN_COLUMNS = ['name', 'code', 'issuedOn', 'type', 'typeName', 'titleHead', 'province', 'level', 'levelRank', 'stub', 'synthetic', 'unit'] as const;
export type NodeColumn = (typeof NODE_COLUMNS)[number] | 'titleHead';
/** The node fields of the API (CascadeNode) that need the columns LEAN_COLUMNS leaves out. */
export const FULL_COLUMN_FIELDS = ['title', 'sourceFile'] as const;
/**
 * Edge columns always sent (the shaping needs `inferred`); EVIDENCE_COLUMNS only when asked for: quotes and task
 * lists are most of the bytes, and the stating document and verb matter only where the evidence is shown.
 */
const EDGE_COLUMNS = ['inferred'] as const;
export const EVIDENCE_COLUMNS = ['verb', 'evidenceUid', 'quote', 'start', 'end', 'tasks', 'timings'] as const;

/**
 * The rows of a list of nodes: [uid or key, is an organization, internal id, ...columns]. Each node's properties are
 * read in one pass by a map projection (n {.a, .b, …}) and then laid out as a list: read one by one (n.a, n.b, …),
 * each walks the node's property records again (national root's node rows: 43 → 36 ms, sixth session). The internal
 * id is what the cascade's edge rows name their ends by (edgeRow 'ids'); it means nothing outside this one result.
 */
const nodeRows = (nodes: string, columns: readonly NodeColumn[]) => {
  const read = ['uid', 'key', ...columns.filter((c) => c !== 'titleHead')].map((c) => `.${c}`).join(', ');
  const column = (c: NodeColumn) =>
    c === 'issuedOn' ? 'toString(p[1].issuedOn)' : c === 'titleHead' ? 'CASE WHEN p[1].code IS NULL AND p[1].typeName IS NULL THEN left(p[0].title, 60) END' : `p[1].${c}`;
  return `[p IN [n IN ${nodes} | [n, n {${read}}]] | [coalesce(p[1].uid, p[1].key), p[0]:Organization, id(p[0]), ${columns.map(column).join(', ')}]]`;
};
/** The labels of a node row, shared by every node of a result (nobody changes them). */
const ORGANIZATION_LABELS: readonly string[] = ['Organization'];
const DIRECTIVE_LABELS: readonly string[] = ['Directive'];
/** Where a node row's columns start (after uid or key, is an organization, internal id). */
const NODE_COLUMNS_AT = 3;
/**
 * An edge as a list: [id, type, start, end, ...columns]. Its ends are uids or keys ('uids'), or the internal ids of
 * the nodes sent in the same result ('ids'): reading the uid of both ends again for every edge was a fifth of the
 * national root's statement (71 → 56 ms p50, provincial programme 33 → 25 ms; ninth session). `id()` is deprecated
 * as a lasting reference, not for matching the nodes and edges of one result.
 */
export const edgeRow = (r: string, evidence: boolean, ends: 'uids' | 'ids' = 'uids') =>
  `[elementId(${r}), type(${r}), ${
    ends === 'ids' ? `id(startNode(${r})), id(endNode(${r}))` : `coalesce(startNode(${r}).uid, startNode(${r}).key), coalesce(endNode(${r}).uid, endNode(${r}).key)`
  }, ${[...EDGE_COLUMNS, ...(evidence ? EVIDENCE_COLUMNS : [])].map((c) => `${r}.${c}`).join(', ')}]`;

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
  /** Node properties to read (default: all a cascade shows); the root's are all read whatever this says. */
  nodeColumns?: readonly NodeColumn[];
  /**
   * When the directives assign tasks to more organisations than this, leave them and their ASSIGNED_TO edges out and
   * say instead how many organisations each directive assigns tasks to (what a drawing that folds them needs; the
   * national root's statement 74 → 59 ms p50, a provincial programme's 32 → 19, ninth session). Default: never.
   */
  foldOrganizationsAbove?: number | null;
  /**
   * When the texts implementing the root (DOWN) are more than this, keep only the highest administrative levels that
   * fit (by levelRank, as the first this-many-plus-one texts of a breadth-first walk count them) and leave the texts
   * of the lower levels out; each text kept then says how many texts of the levels left out implement it directly. A
   * national resolution's explorer view: its provinces' programmes and their departments' texts, with "+92 plans of
   * communes" on each programme, instead of 2 000 texts cut by the cap. Default: never.
   */
  foldLevelsAbove?: number | null;
  /** Send the ids of every relationship a merged edge stands for (`statements` > 1), its own first (default false). */
  statementIds?: boolean;
  database?: string;
  timeoutMs?: number;
}

/**
 * The statement for one direction / relation set / evidence choice. Depth and caps are parameters ($depth,
 * $maxNodes, $maxAssignments), not text: Neo4j plans each distinct text once (≈ 0.3–0.4 s for this one, 2 s on a
 * cold JVM), so changing the depth does not pay a new plan.
 */
export function cascadeCypher(
  direction: Direction,
  relations: RelationKind[],
  evidence = true,
  withinProvinces = false,
  nodeColumns: readonly NodeColumn[] = NODE_COLUMNS,
  fold = false,
  foldLevels = false,
  statementIds = false,
): string {
  const withCites = relations.includes('CITES');
  const withAssigned = relations.includes('ASSIGNED_TO');
  // fold: more than $foldAbove organisations → none of them, each directive's number of assignees instead.
  const folding = fold && withAssigned;
  // withinProvinces: only directives of $provinces (and central ones) are followed, and only they count as citers.
  const scope = withinProvinces ? 'root, allowed' : 'root';
  const down = direction !== 'UP';
  // foldLevels: the levels kept (levelRank up to $keepRank) decided by a look at the first texts down (levelsKept).
  const levels = foldLevels && down;
  const whitelist = withinProvinces ? 'allowed' : undefined;
  const expand = (filter: string, nodesAs: string, relsAs: string) =>
    implementsTree({ scope, filter, maxLevel: '$depth', limit: '$maxNodes', whitelist, nodesAs, relsAs, keptLevels: levels && filter === '<IMPLEMENTS' });
  const citedBy = withinProvinces
    ? `MATCH (c:Directive)-[r:CITES]->(t) WHERE c.province IN $provinces OR c.level = 'central' RETURN r`
    : 'MATCH (:Directive)-[r:CITES]->(t) RETURN r';
  // Levels left out: only the citations between the texts kept, read from the citing side (the thousands of texts of
  // the levels left out that cite a national programme are not walked to be thrown away).
  // The root's own citing texts of the levels kept are still looked up (≈ 3 500 for a national resolution).
  const citedByKept = levels
    ? `WITH t WHERE keepRank IS NULL ${citedBy}
    UNION
    WITH t WHERE keepRank IS NOT NULL MATCH (t)-[r:CITES]->(u:Directive) WHERE id(u) IN treeIds RETURN r
    UNION
    WITH t WHERE keepRank IS NOT NULL AND t = root
    MATCH (c:Directive)-[r:CITES]->(t) WHERE coalesce(c.levelRank, ${UNKNOWN_RANK}) <= keepRank${withinProvinces ? ` AND (c.province IN $provinces OR c.level = 'central')` : ''} RETURN r`
    : citedBy;
  const up = direction !== 'DOWN';
  const citers = `CALL (t${levels ? ', keepRank, treeIds, root' : ''}) {
    ${down ? citedByKept : ''}
    ${down && up ? 'UNION' : ''}
    ${up ? 'MATCH (t)-[r:CITES]->(:Directive) RETURN r' : ''}
  }`;
  return `
MATCH (root:Directive {uid: $uid})
${withinProvinces ? `CALL (root) { MATCH (d:Directive) WHERE d.province IN $provinces OR d.level = 'central' WITH collect(d) AS ds RETURN ds + [root] AS allowed }` : ''}
${levels ? levelsKept(scope, whitelist) : ''}
${down ? expand('<IMPLEMENTS', 'downNodes', 'downRels') : ''}
${up ? expand('IMPLEMENTS>', 'upNodes', 'upRels') : ''}
WITH root, ${down ? 'downNodes' : '[]'} + ${up ? 'upNodes' : '[]'} AS treeNodes, ${down ? 'downRels' : '[]'} + ${up ? 'upRels' : '[]'} AS implRels,
     ${down ? 'size(downNodes) >= $maxNodes' : 'false'} OR ${up ? 'size(upNodes) >= $maxNodes' : 'false'} AS truncated${levels ? ', keepRank, downBelow' : ''}
${levels ? `// Levels left out: per text kept, how many texts of those levels implement it (each text once: a link stated by
// several texts is several relationships), and the ranks met, named from the ranks (extract/levels).
WITH root, truncated, implRels, treeNodes, keepRank, [b IN downBelow | [b[0], size(b[1])]] AS hidden,
     apoc.coll.toSet(apoc.coll.flatten([b IN downBelow | b[1]])) AS hiddenLevels` : ''}
WITH root, truncated, implRels, apoc.coll.toSet([root] + treeNodes) AS tree${levels ? ', keepRank, hidden, hiddenLevels' : ''}
${levels ? 'WITH root, truncated, implRels, tree, keepRank, hidden, hiddenLevels, [n IN tree | id(n)] AS treeIds' : ''}
// Citing texts count towards maxNodes too (a national resolution is cited by thousands of local plans): when the
// tree already holds maxNodes directives there is no room for them, and they are not looked up at all.
WITH root, truncated, implRels, tree, CASE WHEN $maxNodes > size(tree) THEN $maxNodes - size(tree) ELSE 0 END AS room${levels ? ', keepRank, hidden, hiddenLevels, treeIds' : ''}
CALL (tree, room${levels ? ', keepRank, treeIds, root' : ''}) {
  ${withCites ? `UNWIND CASE WHEN room > 0 THEN tree ELSE [] END AS t
  ${citers}
  RETURN collect(DISTINCT r) AS citeRels` : 'RETURN [] AS citeRels'}
}
// No room left: only whether a citing text is left out (the first one found ends the look-up).
CALL (tree, room, truncated${levels ? ', keepRank, treeIds, root' : ''}) {
  ${withCites ? `UNWIND CASE WHEN room = 0 AND NOT truncated THEN tree ELSE [] END AS t
  ${citers}
  WITH r LIMIT 1
  RETURN count(r) > 0 AS citersLeftOut` : 'RETURN false AS citersLeftOut'}
}
WITH root, implRels, tree, citeRels[0..room] AS citeRels, truncated OR citersLeftOut OR size(citeRels) > room AS truncated${levels ? ', keepRank, hidden, hiddenLevels' : ''}
WITH root, truncated, implRels, citeRels, apoc.coll.toSet(tree + [r IN citeRels | startNode(r)] + [r IN citeRels | endNode(r)]) AS directives${levels ? ', keepRank, hidden, hiddenLevels' : ''}
// Folding: whether the directives assign tasks to more than $foldAbove organisations (the LIMIT ends the count there).
CALL (directives) {
  ${folding ? `UNWIND directives AS x
  MATCH (x)-[:ASSIGNED_TO]->(o:Organization)
  WITH DISTINCT o LIMIT $foldAbove + 1
  RETURN count(o) > $foldAbove AS folded` : 'RETURN false AS folded'}
}
// Assignments of the directives nearest the root first, at most maxNodes of them (the LIMIT stops the expansion).
CALL (directives, folded) {
  ${withAssigned ? `UNWIND CASE WHEN folded THEN [] ELSE directives END AS x
  MATCH (x)-[r:ASSIGNED_TO]->(:Organization)
  WITH r LIMIT $maxAssignments
  RETURN collect(r) AS assignRels` : 'RETURN [] AS assignRels'}
}
// Folded: [internal id, organisations it assigns tasks to] of each directive that assigns any — the figure its writer
// kept (assigneeCount; reading 11 853 assignments again cost the national root's statement ≈ 6 ms), counted here for
// a text stored without it.
WITH root, truncated, directives, implRels + citeRels AS links, assignRels, folded${levels ? ', keepRank, hidden, hiddenLevels' : ''},
     ${folding ? `[x IN CASE WHEN folded THEN directives ELSE [] END | [id(x), coalesce(x.assigneeCount, COUNT { MATCH (x)-[:ASSIGNED_TO]->(o) RETURN DISTINCT o })]]` : '[]'} AS assignees
WITH root, truncated OR size(assignRels) > $maxNodes AS truncated, directives, links, assignRels[0..$maxNodes] AS assignRels, folded, assignees${levels ? ', keepRank, hidden, hiddenLevels' : ''}
WITH root, truncated, links, assignRels, apoc.coll.toSet(directives + [r IN assignRels | endNode(r)]) AS nodes, folded, [a IN assignees WHERE a[1] > 0] AS assignees${levels ? ', keepRank, hidden, hiddenLevels' : ''}
// A link stated more than once — a programme's own IMPLEMENTS and the same link stated by each text below it, marked
// inferred (36 national programmes: 1 011 relationships) — travels as one edge: the text's own statement if there is
// one, and how many relationships it stands for (their ids when asked). Assignments stay one edge each (their tasks).
CALL (links) {
  UNWIND links AS r
  WITH id(startNode(r)) AS s, id(endNode(r)) AS e, type(r) AS t, collect(r) AS rs
  WITH rs, [x IN rs WHERE NOT coalesce(x.inferred, false)] AS owns
  // The same edge whichever request lists it (an expansion's answer merges into the explorer's by edge id).
  WITH rs, reduce(m = null, x IN CASE WHEN owns = [] THEN rs ELSE owns END | CASE WHEN m IS NULL OR elementId(x) < elementId(m) THEN x ELSE m END) AS own
  RETURN collect([own, size(rs)${statementIds ? ', [own] + [x IN rs WHERE x <> own]' : ''}]) AS merged
}
// One header row (with the root's every column), the node rows, the edge rows, sent as records of ROWS_PER_RECORD rows.
WITH [[root.uid, truncated, size(nodes), ${nodeRows('[root]', NODE_COLUMNS)}[0], folded, assignees, ${levels ? 'hidden, hiddenLevels' : '[], []'}]] + ${nodeRows('nodes', nodeColumns)}
     + [m IN merged | ${edgeRow('m[0]', evidence, 'ids')} + [m[1]${statementIds ? ', [x IN m[2] | elementId(x)]' : ''}]]
     + [r IN assignRels | ${edgeRow('r', evidence, 'ids')} + [1${statementIds ? ', [elementId(r)]' : ''}]] AS rows
${rowsInRecords('rows')}`;
}

/**
 * A CALL subquery: the directives reached from `root` along IMPLEMENTS (`filter` '<IMPLEMENTS' down, 'IMPLEMENTS>'
 * up; the root included; breadth-first, at most `limit`, within `whitelist` when given), then the IMPLEMENTS links
 * between them — each text's own links to another text reached, found by internal id. apoc.path.subgraphAll gives the
 * links too, but by walking every relationship of every text reached (the thousands citing a national resolution,
 * every assignment): the national root's cascade statement paid ≈ 3 ms more for it (eleventh session).
 */
export const implementsTree = (o: {
  scope: string;
  filter: string;
  maxLevel: string;
  limit: string;
  whitelist?: string;
  nodesAs: string;
  relsAs: string;
  /**
   * Walk only the levels kept (levelsKept's keepRank, when not null); also returns downBelow: [internal id, ranks of
   * the texts of the levels left out implementing it directly] of each text reached whose implementers the depth reaches.
   */
  keptLevels?: boolean;
}) => {
  const walk = `CALL apoc.path.subgraphNodes(root, {relationshipFilter: '${o.filter}', maxLevel: ${o.maxLevel}, labelFilter: '+Directive', limit: ${o.limit}${o.whitelist ? `, whitelistNodes: ${o.whitelist}` : ''}})
    YIELD node`;
  const nodes = o.keptLevels
    ? `CALL (${o.scope}, keepRank) {
      WITH root WHERE keepRank IS NULL
      ${walk}
      RETURN collect(node) AS walked
    }
    // Levels left out: breadth-first through the texts of the levels kept, one depth per step of the reduce. Each
    // step reads the implementers of its frontier once, with their ranks: those of a level kept are the next
    // frontier, the others are counted on the text they implement ([internal id, their ranks] in acc[2]). An
    // ANY SHORTEST walk of the levels kept and a second look for the others read every commune plan twice (national
    // root: 15 → 8 ms). acc: [frontier, ids reached, below, texts reached in order].
    CALL (root, keepRank) {
      WITH root WHERE keepRank IS NOT NULL
      WITH reduce(acc = [[root], [id(root)], [], [root]], step IN range(1, ${o.maxLevel}) |
        [p IN [[x IN acc[0] | [x, COLLECT { MATCH (x)<-[:IMPLEMENTS]-(c:Directive)${o.whitelist ? ` WHERE c.province IN $provinces OR c.level = 'central'` : ''} WITH DISTINCT c RETURN [c, coalesce(c.levelRank, ${UNKNOWN_RANK})] }]]] |
          [n IN [apoc.coll.toSet([k IN apoc.coll.flatten([q IN p | [y IN q[1] WHERE y[1] <= keepRank | y[0]]]) WHERE NOT id(k) IN acc[1]])] |
            [n, acc[1] + [k IN n | id(k)], acc[2] + [q IN p WHERE any(y IN q[1] WHERE y[1] > keepRank) | [id(q[0]), [y IN q[1] WHERE y[1] > keepRank | y[1]]]], acc[3] + n]
          ][0]
        ][0]) AS walk
      RETURN head(collect(walk[3][0..${o.limit}])) AS kept, head(collect(walk[2])) AS below
    }
    WITH CASE WHEN keepRank IS NULL THEN walked ELSE kept END AS ns, coalesce(below, []) AS below
    // (a text cut by the limit is not counted on)
    WITH ns, [b IN below WHERE b[0] IN [n IN ns | id(n)]] AS below`
    : `${walk}
    WITH collect(node) AS ns`;
  return `
  CALL (${o.scope}${o.keptLevels ? ', keepRank' : ''}) {
    ${nodes}
    WITH ns, [n IN ns | id(n)] AS ids${o.keptLevels ? ', below' : ''}
    CALL (ns, ids) {
      UNWIND ns AS t
      MATCH (t)-[r:IMPLEMENTS]->(p) WHERE id(p) IN ids
      RETURN collect(r) AS rs
    }
    RETURN ns AS ${o.nodesAs}, rs AS ${o.relsAs}${o.keptLevels ? ', below AS downBelow' : ''}
  }`;
};

/** The rank of a text whose level is unknown: below every level. */
const UNKNOWN_RANK = 1000;

/**
 * A CALL subquery giving keepRank: null when the texts implementing the root within $depth are at most
 * $foldLevelsAbove (a breadth-first walk of that many plus one ends there), otherwise the lowest level (highest
 * levelRank, at least the root's) whose texts and those of the levels above number at most $foldLevelsAbove among
 * the texts that walk met — null too when not even the root's level fits.
 */
const levelsKept = (scope: string, whitelist?: string) => `
CALL (${scope}) {
  CALL apoc.path.subgraphNodes(root, {relationshipFilter: '<IMPLEMENTS', maxLevel: $depth, labelFilter: '+Directive', limit: $foldLevelsAbove + 1${whitelist ? `, whitelistNodes: ${whitelist}` : ''}})
  YIELD node
  WITH collect(coalesce(node.levelRank, ${UNKNOWN_RANK})) AS ranks
  UNWIND CASE WHEN size(ranks) > $foldLevelsAbove THEN apoc.coll.toSet(ranks) ELSE [] END AS r
  WITH ranks, r WHERE r >= coalesce(root.levelRank, ${UNKNOWN_RANK}) AND size([x IN ranks WHERE x <= r]) <= $foldLevelsAbove
  RETURN max(r) AS keepRank
}`;

export type Row = unknown[];

/** Depth as the statement takes it: a whole number of levels from 1 to 10. */
export const cascadeDepth = (depth: number): number => Math.max(1, Math.min(10, Math.trunc(depth)));

/**
 * Rows per Bolt record (read.ts rowsInRecords): a whole cascade in one record (1–2.5 MB at national scale) cost the
 * national root's statement 97 ms, records of 100 rows 76 ms (sixth session).
 */
export const ROWS_PER_RECORD = 100;

function toRaw(rows: Row[], evidence: boolean, columns: readonly NodeColumn[]): RawCascade {
  const [rootUid, truncated, count, rootRow, folded, assignees, hidden, hiddenLevels] = rows[0] as [string, boolean, { toNumber(): number }, Row, boolean, [unknown, unknown][], [unknown, unknown][], unknown[]];
  const nodeCount = count.toNumber();
  const nodeRows = rows.slice(1, 1 + nodeCount);
  const edgeRows = rows.slice(1 + nodeCount);
  const node = (row: Row, cols: readonly NodeColumn[]): RawNode => {
    const props: Record<string, unknown> = {};
    for (let i = 0; i < cols.length; i++) props[cols[i]!] = row[i + NODE_COLUMNS_AT];
    return { uid: row[0] as string, labels: row[1] ? ORGANIZATION_LABELS : DIRECTIVE_LABELS, props };
  };
  const uidOf = new Map<number, string>();
  for (const row of nodeRows) uidOf.set(internalId(row[2]), row[0] as string);
  const nodes = nodeRows.map((row) => (row[0] === rootUid ? node(rootRow, NODE_COLUMNS) : node(row, columns)));
  return {
    rootUid,
    truncated,
    nodes,
    edges: edgeRows.map((row) => rawEdge(row, evidence, uidOf)),
    folded: folded ? new Map(assignees.map(([id, n]) => [uidOf.get(internalId(id))!, internalId(n)])) : null,
    levelsFolded: hidden.length
      ? { levels: foldedLevelNames(hiddenLevels), implementers: new Map(hidden.map(([id, n]) => [uidOf.get(internalId(id))!, internalId(n)])) }
      : null,
  };
}

/** Level ranks → the level names, highest level first (texts of an unknown level are counted, not named). */
const foldedLevelNames = (ranks: unknown[]): string[] =>
  ranks
    .map(internalId)
    .sort((a, b) => a - b)
    .map((rank) => levelByRank(rank)?.key)
    .filter((key): key is NonNullable<typeof key> => key != null);

/** An internal id as the driver gives it (a neo4j Integer; a number with disableLosslessIntegers). */
export const internalId = (v: unknown): number => (typeof v === 'number' ? v : (v as { toNumber(): number }).toNumber());

/**
 * An edgeRow() list → RawEdge; with `uidOf`, its ends are internal ids ('ids') named by the result's node rows.
 * Called once per edge (thousands per cascade): no closures made per call.
 */
export function rawEdge(row: Row, evidence: boolean, uidOf?: Map<number, string>): RawEdge {
  const props: Record<string, unknown> = {};
  for (let i = 0; i < EDGE_COLUMNS.length; i++) props[EDGE_COLUMNS[i]!] = row[i + 4];
  if (evidence) for (let i = 0; i < EVIDENCE_COLUMNS.length; i++) props[EVIDENCE_COLUMNS[i]!] = row[i + 4 + EDGE_COLUMNS.length];
  // The cascade's rows end with how many relationships the edge stands for (and, when asked, their ids).
  const after = 4 + EDGE_COLUMNS.length + (evidence ? EVIDENCE_COLUMNS.length : 0);
  if (row.length > after) props.statements = internalId(row[after]);
  if (row.length > after + 1) props.statementIds = row[after + 1];
  const source = uidOf ? uidOf.get(internalId(row[2]))! : (row[2] as string);
  const target = uidOf ? uidOf.get(internalId(row[3]))! : (row[3] as string);
  return { id: row[0] as string, type: row[1] as RawEdge['type'], source, target, props };
}

export async function fetchCascade(driver: Driver, uid: string, opts: CascadeOptions): Promise<RawCascade | null> {
  const max = Math.max(1, Math.min(MAX_CASCADE_NODES, Math.trunc(opts.maxNodes ?? DEFAULT_CASCADE_NODES)));
  const evidence = opts.evidence ?? true;
  const within = (opts.provinces ?? []).map((p) => p.normalize('NFC').trim()).filter(Boolean);
  const columns = opts.nodeColumns ?? NODE_COLUMNS;
  const foldAbove = opts.foldOrganizationsAbove == null ? null : Math.max(0, Math.trunc(opts.foldOrganizationsAbove));
  const fold = foldAbove !== null;
  const foldLevelsAbove = opts.foldLevelsAbove == null ? null : Math.max(1, Math.trunc(opts.foldLevelsAbove));
  const rows = await readRows(driver,
    cascadeCypher(opts.direction, opts.relations, evidence, within.length > 0, columns, fold, foldLevelsAbove !== null, opts.statementIds ?? false),
    {
      uid,
      depth: neo4j.int(cascadeDepth(opts.depth)),
      maxNodes: neo4j.int(max),
      maxAssignments: neo4j.int(max + 1),
      provinces: within,
      foldAbove: neo4j.int(foldAbove ?? 0),
      foldLevelsAbove: neo4j.int(foldLevelsAbove ?? 0),
    },
    ROWS_PER_RECORD,
    { database: opts.database, timeoutMs: opts.timeoutMs },
  );
  return rows.length ? toRaw(rows, evidence, columns) : null;
}

