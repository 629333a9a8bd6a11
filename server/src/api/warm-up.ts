/**
 * What a freshly started server does once, in the background, before its first visitor: the start page's roots
 * and search, and the explorer's cascade statements. On a cold Neo4j the first plan of the cascade statement takes
 * ≈ 2 s and the first national-scale roots list ≈ 3 s; warm, they take 0.3–0.4 s. Planning uses a uid that matches
 * nothing; the largest root's cascade (what a visitor opens first), its gap list, its lag table and its tasks by
 * deadline are then computed once.
 */
import type { Driver } from 'neo4j-driver';
import { shapeCascade } from '../graph/cascade-shape.js';
import { DEFAULT_CASCADE_NODES, fetchCascade, LEAN_COLUMNS, NODE_COLUMNS, type Direction, type NodeColumn, type RelationKind } from '../graph/queries/cascade.js';
import { gapPage, implementationLag } from '../graph/queries/analytics.js';
import { roots } from '../graph/queries/roots.js';
import { scheduledTasks, taskSchedule } from '../graph/queries/schedule.js';
import { search } from '../graph/queries/search.js';
import { todayInVietnam } from './schedule.js';

const ALL: RelationKind[] = ['IMPLEMENTS', 'CITES', 'ASSIGNED_TO'];
/**
 * The explorer's threshold for folding organisations (web/src/api/queries.ts FOLD_ORGANIZATIONS_ABOVE; the statement
 * text is the same for any threshold, so only the top root's warm answer depends on it).
 */
const EXPLORER_FOLD = 400;
/** The explorer's threshold for folding the lower levels of a cascade (web/src/api/queries.ts FOLD_LEVELS_ABOVE). */
const EXPLORER_LEVELS = 600;
/**
 * The statements the explorer and notebooks send, each planned once: [direction, relations, evidence, provinces, node
 * columns, fold, fold levels]. The explorer: its cascade (organisations and lower levels folded above its thresholds)
 * and the same narrowed to provinces, "show all" organisations or levels, an expansion (BOTH; in a folded view with the organisations folded,
 * and of a text whose lower levels were folded only its implementations and assignments), a directive's own organisations for the details panel (UP,
 * ASSIGNED_TO); upwards; downwards with evidence and titles (notebooks, the export route).
 */
const VARIANTS: [Direction, RelationKind[], boolean, string[], readonly NodeColumn[], number | null, number | null][] = [
  ['DOWN', ALL, false, [], LEAN_COLUMNS, EXPLORER_FOLD, EXPLORER_LEVELS],
  ['DOWN', ALL, false, ['-'], LEAN_COLUMNS, EXPLORER_FOLD, EXPLORER_LEVELS],
  ['DOWN', ALL, false, [], LEAN_COLUMNS, null, EXPLORER_LEVELS],
  ['DOWN', ALL, false, [], LEAN_COLUMNS, EXPLORER_FOLD, null],
  ['DOWN', ALL, false, [], LEAN_COLUMNS, null, null],
  ['BOTH', ALL, false, [], LEAN_COLUMNS, null, null],
  ['BOTH', ALL, false, [], LEAN_COLUMNS, 0, null],
  ['BOTH', ['IMPLEMENTS', 'ASSIGNED_TO'], false, [], LEAN_COLUMNS, 0, null],
  ['UP', ['ASSIGNED_TO'], false, [], LEAN_COLUMNS, null, null],
  ['UP', ALL, false, [], LEAN_COLUMNS, null, null],
  ['DOWN', ALL, true, [], NODE_COLUMNS, null, null],
];

/**
 * `stopped`: asked before each statement — a server stopping right after its start waits for the statement under way
 * only, not for the whole warm-up (sixteen statements, each up to a few seconds on a cold Neo4j).
 */
export async function warmUp(driver: Driver, database?: string, stopped: () => boolean = () => false): Promise<void> {
  for (const [direction, relations, evidence, provinces, nodeColumns, foldOrganizationsAbove, foldLevelsAbove] of VARIANTS) {
    if (stopped()) return;
    await fetchCascade(driver, '', { depth: 1, direction, relations, evidence, provinces, nodeColumns, foldOrganizationsAbove, foldLevelsAbove, database });
  }
  if (stopped()) return;
  const top = await roots(driver, 20, database);
  // The start page's search box (one statement for every text; its full-text indexes opened). National graph, Neo4j
  // and server started together, searches 50–90 s later without / with this: the first 0.65–0.69 s / 0.40–0.43 s,
  // the next text 0.31–0.42 s / 0.05 s.
  if (stopped()) return;
  await search(driver, 'nghị quyết 28', 10, database);
  if (!top[0] || stopped()) return;
  const raw = await fetchCascade(driver, top[0].id, { depth: 4, direction: 'DOWN', relations: ALL, evidence: false, nodeColumns: LEAN_COLUMNS, maxNodes: DEFAULT_CASCADE_NODES, foldOrganizationsAbove: EXPLORER_FOLD, foldLevelsAbove: EXPLORER_LEVELS, database });
  if (raw) shapeCascade(raw, 'DOWN');
  // The explorer's two tables of that root: the gap list's first page and its highlights (`keys`; none here: the
  // statement is planned), the lag table. National root, first request after a start without / with this (thirteenth
  // session, the whole gap list): gap list 1.8–2.2 s / 1.0–1.3 s, lag table 0.85–0.9 s / 0.5–0.7 s.
  if (stopped()) return;
  await gapPage(driver, top[0].id, { first: 200, offset: 0, database });
  if (stopped()) return;
  await gapPage(driver, top[0].id, { first: 200, offset: 0, keys: [], database });
  if (stopped()) return;
  await implementationLag(driver, top[0].id, database);
  // "Tiến độ nhiệm vụ": the schedule, and the first page of its first period (its statements planned once).
  if (stopped()) return;
  const schedule = await taskSchedule(driver, top[0].id, todayInVietnam(), { database });
  if (stopped()) return;
  await scheduledTasks(driver, top[0].id, schedule[0]?.period ?? 'NONE', { first: 50, offset: 0 }, { database });
}
