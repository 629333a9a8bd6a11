/** Counts, implementation lag and the gap list. Lag and gaps reuse the cascade statement. */
import neo4j, { type Driver } from 'neo4j-driver';
import { daysBetween, reachedFrom } from '../cascade-shape.js';
import { isOutOfMemory } from '../neo4j-errors.js';
import { implementsTree, internalId, MAX_CASCADE_NODES } from './cascade.js';
import { byCodeUnits, bySortKey, provinceOrder } from './order.js';
import { readQuery, readRows, rowsInRecords } from './read.js';

export type CountDimension = 'TYPE' | 'PROVINCE' | 'LEVEL';

const DIMENSION_PROPERTY: Record<CountDimension, string> = { TYPE: 'type', PROVINCE: 'province', LEVEL: 'level' };

export async function countsBy(driver: Driver, dimension: CountDimension, includeStubs: boolean, database?: string): Promise<Array<{ key: string | null; count: number }>> {
  const prop = DIMENSION_PROPERTY[dimension];
  const res = await readQuery(driver, 
    `MATCH (d:Directive) WHERE $includeStubs OR d.stub = false
     RETURN d.${prop} AS key, count(*) AS count ORDER BY count DESC, key`,
    { includeStubs },
    { database },
  );
  return res.records.map((r) => ({ key: (r.get('key') as string | null) ?? null, count: Number(r.get('count')) }));
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface LagRow {
  province: string | null;
  level: string | null;
  /**
   * The level of the texts these implement (their parent in the cascade): a province's programme carrying out a
   * central resolution and its departments' guidance carrying out that programme are both provincial, and took very
   * different times (1 002 days against 19–58 in a synthetic province) — two rows, not one.
   */
  parentLevel: string | null;
  documents: number;
  /** Documents with an issue date on both ends, i.e. those the lag figures are computed from. */
  dated: number;
  minDays: number | null;
  medianDays: number | null;
  maxDays: number | null;
}

/**
 * The implementation tree below a root for the lag table: every text's issue date, province and level, and the
 * IMPLEMENTS links as (implementer, implemented) pairs — no edge ids, labels or other columns (a national root's tree
 * is ≈ 10 000 texts). Texts are named by their internal ids, not their uids: reading and sending 10 000 uids, and
 * 22 000 more for the links' ends, was a third of the statement (national root 258 → 171 ms with its rows read).
 * Header row [root id, number of node rows], then the node rows, then the link rows.
 */
const LAG_TREE = `
MATCH (root:Directive {uid: $uid})
${implementsTree({ scope: 'root', filter: '<IMPLEMENTS', maxLevel: '10', limit: '$maxNodes', nodesAs: 'nodes', relsAs: 'links' })}
WITH root, apoc.coll.toSet([root] + nodes) AS tree, links
WITH [[id(root), size(tree)]] + [n IN tree | [id(n), toString(n.issuedOn), n.province, n.level, n.levelRank]]
     + [r IN links | [id(startNode(r)), id(endNode(r))]] AS rows
${rowsInRecords('rows')}`;

/** Days between two ISO dates, either way round (null when one is unknown). */
const absDays = (a: string | null, b: string | null): number | null => {
  const d = daysBetween(a, b);
  return d === null ? null : Math.abs(d);
};

/** An internal id (a neo4j Integer) as the string key reachedFrom walks by (Integer's own toString divides digit by digit). */
const idKey = (v: unknown): string => String(internalId(v));

/** Rows per Bolt record of LAG_TREE (short rows). */
const LAG_ROWS_PER_RECORD = 500;

export async function implementationLag(driver: Driver, rootUid: string, database?: string, timeoutMs?: number): Promise<LagRow[]> {
  const rows = await readRows(driver, LAG_TREE, { uid: rootUid, maxNodes: neo4j.int(MAX_CASCADE_NODES) }, LAG_ROWS_PER_RECORD, { database, timeoutMs });
  if (!rows.length) return [];
  const rootId = idKey(rows[0]![0]);
  const count = Number(rows[0]![1]);
  const nodeRows = rows.slice(1, 1 + count).map(([id, on, province, level, rank]) => [idKey(id), on, province, level, rank]) as [string, string | null, string | null, string | null, unknown][];
  const links = rows.slice(1 + count).map(([source, target]) => ({ type: 'IMPLEMENTS', source: idKey(source), target: idKey(target) }));
  // The node each text was first reached from, as the cascade's shaping finds it (cascade-shape.ts).
  const { depth, parent } = reachedFrom(rootId, links, 'DOWN', ['IMPLEMENTS']);
  const issued = new Map(nodeRows.map(([id, on]) => [id, on]));
  const levelOf = new Map(nodeRows.map(([id, , , level, rank]) => [id, { level, rank: rank === null ? 99 : Number(rank) }]));
  const nodes = nodeRows.map(([id, , province, level, levelRank]) => {
    const par = parent.get(id) ?? null;
    const above = par === null ? null : (levelOf.get(par) ?? null);
    return {
      depth: depth.get(id) ?? 0, province, level, levelRank: levelRank === null ? null : Number(levelRank),
      parentLevel: above?.level ?? null, parentRank: above?.rank ?? 99,
      lagDays: par === null ? null : absDays(issued.get(par) ?? null, issued.get(id) ?? null),
    };
  });
  const groups = new Map<string, { province: string | null; level: string | null; rank: number; parentLevel: string | null; parentRank: number; lags: number[]; documents: number }>();
  for (const n of nodes) {
    if (n.depth === 0) continue;
    const key = `${n.province ?? ''}|${n.level ?? ''}|${n.parentLevel ?? ''}`;
    const g = groups.get(key) ?? { province: n.province, level: n.level, rank: n.levelRank ?? 99, parentLevel: n.parentLevel, parentRank: n.parentRank, lags: [], documents: 0 };
    g.documents += 1;
    if (n.lagDays !== null) g.lags.push(n.lagDays);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.rank - b.rank || provinceOrder.compare(String(a.province), String(b.province)) || a.parentRank - b.parentRank)
    .map((g) => ({
      province: g.province,
      level: g.level,
      parentLevel: g.parentLevel,
      documents: g.documents,
      dated: g.lags.length,
      minDays: g.lags.length ? Math.min(...g.lags) : null,
      medianDays: median(g.lags),
      maxDays: g.lags.length ? Math.max(...g.lags) : null,
    }));
}

export interface Gap {
  organization: string;
  /** The unit below the province when the name does not say (Organization.unit), else null. */
  unit: string | null;
  key: string;
  province: string | null;
  level: string | null;
  assignedBy: string[];
  tasks: number;
}

/** Gap rows per Bolt record (read.ts rowsInRecords): 30 619 national gaps in 30 619 records cost 586 ms, in 62 records 416 ms. */
const GAP_ROWS_PER_RECORD = 500;

/** The root and every text implementing it, directly or not, as `tree` (the gap list's and the tables' scope). */
export const IMPLEMENTATION_TREE = `MATCH (root:Directive {uid: $uid})
     CALL apoc.path.subgraphNodes(root, {relationshipFilter: '<IMPLEMENTS', maxLevel: 10, labelFilter: '+Directive'}) YIELD node
     WITH collect(node) AS tree`;

/**
 * The head both gap statements share: the root's implementation tree (`tree`) and the organisations that issued a text
 * of it (`issuing`). The issuers are collected once: a national root has ≈ 10 000 implementing texts and 30 000
 * assignees without a plan, and asking each assignee whether one of its texts is in the tree cost more.
 */
const GAP_TREE = `${IMPLEMENTATION_TREE}
     CALL (tree) { UNWIND tree AS x MATCH (x)-[:ISSUED_BY]->(i:Organization) RETURN collect(DISTINCT i) AS issuing }`;

/** A gap row as both statements send it: [name, key, province, level, assigning texts, tasks]. */
/** [name, key, province, level, assignedBy, tasks, levelRank, sortKey, unit]: the last three as the statement sends them. */
const gapOf = ([name, key, province, level, assignedBy, tasks, , , unit]: unknown[]): Gap => ({
  organization: String(name),
  unit: (unit as string | null) ?? null,
  key: String(key),
  province: (province as string | null) ?? null,
  level: (level as string | null) ?? null,
  assignedBy: assignedBy as string[],
  tasks: Number(tasks),
});

/**
 * Organizations assigned tasks by the root or its implementing documents that issued no implementing document, by
 * level, then name (then key). `assignedBy` (the assigning texts' uids) is collected only when asked for.
 */
export async function gaps(driver: Driver, rootUid: string, database?: string, opts: { assignedBy?: boolean; rowsPerRecord?: number } = {}): Promise<Gap[]> {
  const rows = await readRows(driver,
    `${GAP_TREE}
     UNWIND tree AS d
     MATCH (d)-[a:ASSIGNED_TO]->(o:Organization)
     WITH o, d, a WHERE NOT o IN issuing
     WITH o, ${opts.assignedBy === false ? '[]' : 'collect(DISTINCT d.uid)'} AS assignedBy, sum(size(a.tasks)) AS tasks
     WITH collect([o.name, o.key, o.province, o.level, assignedBy, tasks, o.levelRank, o.sortKey, o.unit]) AS rows
     ${rowsInRecords('rows')}`,
    { uid: rootUid },
    opts.rowsPerRecord ?? GAP_ROWS_PER_RECORD,
    { database },
  );
  // Ordered here (Neo4j's ORDER BY on 30 619 national gaps cost ≈ 80 ms, this ≈ 20), as gapPage's ORDER BY orders.
  const ranked = rows.map((row) => ({ gap: gapOf(row), rank: row[6] === null || row[6] === undefined ? Infinity : Number(row[6]), sortKey: (row[7] as string | null) ?? null }));
  return ranked.sort((a, b) => a.rank - b.rank || bySortKey(a.sortKey, b.sortKey) || byCodeUnits(a.gap.key, b.gap.key)).map((r) => r.gap);
}

/** A gap page has at most this many rows (the organisations a drawing shows fit one); `keys` names at most this many. */
export const MAX_GAP_PAGE = 5000;
export const MAX_GAP_KEYS = 5000;

export interface GapPage {
  /** How many gaps there are in all (among `keys` when given). */
  total: number;
  gaps: Gap[];
}

/**
 * How a gap page picks its rows (`page`, organisations) from `isGap` (element id → true), and its `total`:
 * - `index`: the organisations in the order index (cypher/schema.cypher `organization_page`: levelRank, sortKey, key —
 *   Vietnamese alphabetical order of the names, graph/sort-key.ts, equal names by key), gaps kept, the page skipped
 *   to — only the index entries up to the page's end are read, in the index's order: nothing is sorted. It holds no
 *   organisation without a level rank, so a page that reaches past the ranked gaps comes out short. The index is named
 *   in a hint: right after a small ingest, before the indexes are sampled again, the planner sometimes chose the name
 *   index and a top-k of every organisation. A missing index (the bulk loader drops secondary indexes while it loads)
 *   is only a notification: the page is still answered, sorted as rows — and when Neo4j refuses that for memory (a
 *   national root's list: see below), in `sort` order;
 * - `sort`: every gap in that order, nulls last as ORDER BY puts them — what a short `index` page is asked for again
 *   with (national root: ≈ 0.2 s more, reading 37 000 names and keys);
 * - `keys`: only the organisations named by `$keys` (what a drawing highlights), in that order.
 *
 * `sort` and `keys` sort a list (apoc.coll.sortMulti), not rows: Neo4j charges each row an ORDER BY keeps with every
 * value the row can reach, `isGap` included (≈ 2 MB at national scale), so a sort of rows ran out of transaction memory
 * after ≈ 180 of them on a 512 MB heap. A list of small maps is charged once. sortMulti puts nulls first: the flags
 * (`rn`, `sn`: true when the value is missing) put them last, as ORDER BY does. (Its own skip and limit fail past the
 * list's end: the page is sliced from the sorted list.)
 */
const sortedPage = (organisations: string) =>
  `[x IN apoc.coll.sortMulti([o IN ${organisations} | {rn: o.levelRank IS NULL, r: o.levelRank, sn: o.sortKey IS NULL, s: o.sortKey, k: o.key, o: o}],
       ['^rn', '^r', '^sn', '^s', '^k'])[$offset..$offset + $first] | x.o]`;
const GAP_ORDERS = {
  index: {
    page: `MATCH (o:Organization) USING INDEX o:Organization(levelRank, sortKey, key)
       WHERE o.levelRank IS NOT NULL AND o.sortKey IS NOT NULL AND o.key IS NOT NULL AND isGap[elementId(o)]
       WITH o ORDER BY o.levelRank, o.sortKey, o.key SKIP $offset LIMIT $first
       RETURN collect(o) AS page`,
    total: 'size(keys(isGap))',
  },
  sort: {
    page: `UNWIND keys(isGap) AS gap
       MATCH (o:Organization) WHERE elementId(o) = gap
       WITH collect(o) AS gaps
       RETURN ${sortedPage('gaps')} AS page`,
    total: 'size(keys(isGap))',
  },
  keys: {
    page: `UNWIND $keys AS k
       MATCH (o:Organization {key: k}) WHERE isGap[elementId(o)]
       WITH collect(DISTINCT o) AS among
       WITH among, ${sortedPage('among')} AS page
       RETURN size(among) AS among, page`,
    total: 'among',
  },
} as const;
export type GapOrder = keyof typeof GAP_ORDERS;

/**
 * One statement for a page: the tree and its issuers (GAP_TREE), then the gaps and the tree as maps keyed by element
 * id — the page's rows test `isGap[…]` and `inTree[…]` in constant time. (Lists do not do: `id(o) IN gapIds` with a
 * list the statement built sent a page 20 000 rows down the national list over Neo4j's transaction memory, and the
 * same lists sent as parameters cost ≈ 90 ms of Bolt for 30 000 ids.) Then each row of the page: its tasks and
 * assigning texts within the tree.
 */
export const gapPageStatement = (order: GapOrder): string => `${GAP_TREE}
     CALL (tree, issuing) {
       UNWIND tree AS d
       MATCH (d)-[:ASSIGNED_TO]->(o:Organization) WHERE NOT o IN issuing AND ($provinces IS NULL OR o.province IN $provinces)
       WITH collect(elementId(o)) AS gaps
       RETURN apoc.map.fromLists(gaps, [g IN gaps | true]) AS isGap
     }
     WITH isGap, apoc.map.fromLists([n IN tree | elementId(n)], [n IN tree | true]) AS inTree
     CALL (isGap) {
       ${GAP_ORDERS[order].page}
     }
     CALL (page, inTree) {
       UNWIND page AS o
       CALL (o, inTree) {
         MATCH (o)<-[a:ASSIGNED_TO]-(d:Directive) WHERE inTree[elementId(d)]
         RETURN sum(size(a.tasks)) AS tasks, collect(DISTINCT d.uid) AS assignedBy
       }
       RETURN collect([o.name, o.key, o.province, o.level, assignedBy, tasks, null, null, o.unit]) AS rows
     }
     RETURN ${GAP_ORDERS[order].total} AS total, rows`;

async function readGapPage(driver: Driver, rootUid: string, order: GapOrder, opts: GapPageOptions): Promise<GapPage> {
  const res = await readQuery(driver, gapPageStatement(order),
    { uid: rootUid, first: neo4j.int(opts.first), offset: neo4j.int(opts.offset), keys: opts.keys ?? null, provinces: opts.provinces?.length ? opts.provinces : null },
    { database: opts.database },
  );
  const record = res.records[0];
  if (!record) return { total: 0, gaps: [] };
  return { total: Number(record.get('total')), gaps: (record.get('rows') as unknown[][]).map(gapOf) };
}

/**
 * One page of the gap list, in its order (by level, then name, then key), and how many there are in all; with
 * `keys`, only those organisations (what a drawing highlights). National root (30 598 gaps): one statement of
 * ≈ 0.16–0.2 s, where two statements and a sort of every gap by name took ≈ 0.45 s.
 */
/** A page's options: `provinces` keeps only organisations of these provinces (names as stored): total and pages alike. */
export interface GapPageOptions {
  first: number;
  offset: number;
  keys?: string[] | null;
  provinces?: string[] | null;
  database?: string;
}

export async function gapPage(driver: Driver, rootUid: string, opts: GapPageOptions): Promise<GapPage> {
  if (opts.keys) return readGapPage(driver, rootUid, 'keys', opts);
  // Without its index (dropped while `ingest --bulk` loads) the page's rows are sorted, each charged with `isGap`:
  // refused for memory on a large list, the page is sorted as a list instead.
  const page = await readGapPage(driver, rootUid, 'index', opts).catch((e: unknown) => {
    if (isOutOfMemory(e)) return null;
    throw e;
  });
  if (!page) return readGapPage(driver, rootUid, 'sort', opts);
  const expected = Math.max(0, Math.min(opts.first, page.total - opts.offset));
  // Short: the page reaches gaps the order index does not hold (no level rank).
  return page.gaps.length === expected ? page : readGapPage(driver, rootUid, 'sort', opts);
}
