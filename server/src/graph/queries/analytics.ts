/** Counts, implementation lag and the gap list. Lag and gaps reuse the cascade statement. */
import neo4j, { type Driver } from 'neo4j-driver';
import { daysBetween, reachedFrom } from '../cascade-shape.js';
import { implementsTree, MAX_CASCADE_NODES } from './cascade.js';
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
 * is ≈ 10 000 texts). Header row [root uid, number of node rows], then the node rows, then the link rows.
 */
const LAG_TREE = `
MATCH (root:Directive {uid: $uid})
${implementsTree({ scope: 'root', filter: '<IMPLEMENTS', maxLevel: '10', limit: '$maxNodes', nodesAs: 'nodes', relsAs: 'links' })}
WITH root, apoc.coll.toSet([root] + nodes) AS tree, links
WITH [[root.uid, size(tree)]] + [n IN tree | [n.uid, toString(n.issuedOn), n.province, n.level, n.levelRank]]
     + [r IN links | [startNode(r).uid, endNode(r).uid]] AS rows
${rowsInRecords('rows')}`;

/** Days between two ISO dates, either way round (null when one is unknown). */
const absDays = (a: string | null, b: string | null): number | null => {
  const d = daysBetween(a, b);
  return d === null ? null : Math.abs(d);
};

/** Rows per Bolt record of LAG_TREE (short rows). */
const LAG_ROWS_PER_RECORD = 500;

export async function implementationLag(driver: Driver, rootUid: string, database?: string, timeoutMs?: number): Promise<LagRow[]> {
  const rows = await readRows(driver, LAG_TREE, { uid: rootUid, maxNodes: neo4j.int(MAX_CASCADE_NODES) }, LAG_ROWS_PER_RECORD, { database, timeoutMs });
  if (!rows.length) return [];
  const count = Number(rows[0]![1]);
  const nodeRows = rows.slice(1, 1 + count) as [string, string | null, string | null, string | null, unknown][];
  const links = rows.slice(1 + count).map(([source, target]) => ({ type: 'IMPLEMENTS', source: source as string, target: target as string }));
  // The node each text was first reached from, as the cascade's shaping finds it (cascade-shape.ts).
  const { depth, parent } = reachedFrom(rootUid, links, 'DOWN', ['IMPLEMENTS']);
  const issued = new Map(nodeRows.map(([uid, on]) => [uid, on]));
  const nodes = nodeRows.map(([uid, , province, level, levelRank]) => {
    const par = parent.get(uid) ?? null;
    return { depth: depth.get(uid) ?? 0, province, level, levelRank: levelRank === null ? null : Number(levelRank), lagDays: par === null ? null : absDays(issued.get(par) ?? null, issued.get(uid) ?? null) };
  });
  const groups = new Map<string, { province: string | null; level: string | null; rank: number; lags: number[]; documents: number }>();
  for (const n of nodes) {
    if (n.depth === 0) continue;
    const key = `${n.province ?? ''}|${n.level ?? ''}`;
    const g = groups.get(key) ?? { province: n.province, level: n.level, rank: n.levelRank ?? 99, lags: [], documents: 0 };
    g.documents += 1;
    if (n.lagDays !== null) g.lags.push(n.lagDays);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.rank - b.rank || String(a.province).localeCompare(String(b.province)))
    .map((g) => ({
      province: g.province,
      level: g.level,
      documents: g.documents,
      dated: g.lags.length,
      minDays: g.lags.length ? Math.min(...g.lags) : null,
      medianDays: median(g.lags),
      maxDays: g.lags.length ? Math.max(...g.lags) : null,
    }));
}

export interface Gap {
  organization: string;
  key: string;
  province: string | null;
  level: string | null;
  assignedBy: string[];
  tasks: number;
}

/** Gap rows per Bolt record (read.ts rowsInRecords): 30 619 national gaps in 30 619 records cost 586 ms, in 62 records 416 ms. */
const GAP_ROWS_PER_RECORD = 500;

/**
 * The head both gap statements share: the root's implementation tree (`tree`) and the organisations that issued a text
 * of it (`issuing`). The issuers are collected once: a national root has ≈ 10 000 implementing texts and 30 000
 * assignees without a plan, and asking each assignee whether one of its texts is in the tree cost more.
 */
const GAP_TREE = `MATCH (root:Directive {uid: $uid})
     CALL apoc.path.subgraphNodes(root, {relationshipFilter: '<IMPLEMENTS', maxLevel: 10, labelFilter: '+Directive'}) YIELD node
     WITH collect(node) AS tree
     CALL (tree) { UNWIND tree AS x MATCH (x)-[:ISSUED_BY]->(i:Organization) RETURN collect(DISTINCT i) AS issuing }`;

/** A gap row as both statements send it: [name, key, province, level, assigning texts, tasks]. */
const gapOf = ([name, key, province, level, assignedBy, tasks]: unknown[]): Gap => ({
  organization: String(name),
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
     WITH collect([o.name, o.key, o.province, o.level, assignedBy, tasks, o.levelRank]) AS rows
     ${rowsInRecords('rows')}`,
    { uid: rootUid },
    opts.rowsPerRecord ?? GAP_ROWS_PER_RECORD,
    { database },
  );
  // Ordered here (Neo4j's ORDER BY on 30 619 national gaps cost ≈ 80 ms, this ≈ 20), as gapPage's ORDER BY orders.
  const ranked = rows.map((row) => ({ gap: gapOf(row), rank: row[6] === null || row[6] === undefined ? Infinity : Number(row[6]) }));
  return ranked.sort((a, b) => a.rank - b.rank || byCodeUnits(a.gap.organization, b.gap.organization) || byCodeUnits(a.gap.key, b.gap.key)).map((r) => r.gap);
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
 * One page of the gap list, in its order, and how many there are in all; with `keys`, only those organisations (what
 * a drawing highlights). Two statements: the tree's texts and issuers (internal ids), then the gaps sorted and the
 * page's tasks and assigning texts — with the tree as a parameter, the sort's rows hold one organisation each (in
 * one statement they held the tree's list too, and a page 20 000 rows down the national list, whose sort keeps
 * 20 200 rows, went over Neo4j's transaction memory). National root: ≈ 0.2 s, 200 rows instead of 30 619.
 */
export async function gapPage(driver: Driver, rootUid: string, opts: { first: number; offset: number; keys?: string[] | null; database?: string }): Promise<GapPage> {
  const tree = await readQuery(driver,
    `${GAP_TREE}
     RETURN [n IN tree | id(n)] AS treeIds, [i IN issuing | id(i)] AS issuing`,
    { uid: rootUid },
    { database: opts.database },
  );
  const found = tree.records[0];
  if (!found) return { total: 0, gaps: [] };
  const res = await readQuery(driver,
    `UNWIND $treeIds AS tid
     MATCH (d) WHERE id(d) = tid
     MATCH (d)-[:ASSIGNED_TO]->(o:Organization)
     WHERE NOT id(o) IN $issuing AND ($keys IS NULL OR o.key IN $keys)
     WITH DISTINCT o
     ORDER BY o.levelRank, o.name, o.key
     WITH collect(o) AS sorted
     WITH size(sorted) AS total, sorted[$offset..$offset + $first] AS page
     CALL (page) {
       UNWIND page AS o
       CALL (o) {
         MATCH (o)<-[a:ASSIGNED_TO]-(d:Directive) WHERE id(d) IN $treeIds
         RETURN sum(size(a.tasks)) AS tasks, collect(DISTINCT d.uid) AS assignedBy
       }
       RETURN collect([o.name, o.key, o.province, o.level, assignedBy, tasks]) AS rows
     }
     RETURN total, rows`,
    { treeIds: found.get('treeIds'), issuing: found.get('issuing'), first: neo4j.int(opts.first), offset: neo4j.int(opts.offset), keys: opts.keys ?? null },
    { database: opts.database },
  );
  const record = res.records[0];
  if (!record) return { total: 0, gaps: [] };
  return { total: Number(record.get('total')), gaps: (record.get('rows') as unknown[][]).map(gapOf) };
}

/** Strings in the order Neo4j sorts them (UTF-16 code units), not a locale's. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
