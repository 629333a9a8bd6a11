/**
 * The tasks under a root by when they are due (API taskSchedule / scheduledTasks): every task the root and the texts
 * implementing it assign, grouped by the period its timing annotation names (extract/task-period.ts) — by a year, from
 * a year, recurring, waiting for something, none.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { comparePeriods, parsePeriodKey, periodKey, periodReader, periodStatus, taskPeriod, type PeriodKind, type PeriodStatus } from '../../extract/task-period.js';
import { IMPLEMENTATION_TREE } from './analytics.js';
import { PROVINCES } from '../../extract/provinces.js';
import { ASSIGNMENT_COLUMNS, assignmentOf, type AssignmentHead } from './assignments.js';
import { provinceOrder } from './order.js';
import { readQuery, type ReadOptions } from './read.js';

export interface ScheduleOptions extends ReadOptions {
  /** Only tasks given to organisations of these provinces (names as stored). */
  provinces?: string[] | null;
}

export interface SchedulePeriod {
  period: string;
  kind: PeriodKind;
  year: number | null;
  status: PeriodStatus | null;
  tasks: number;
  /** How many of the tasks wait for something ("sau khi có văn bản chỉ đạo của Trung ương"). */
  conditional: number;
  organizations: number;
  documents: number;
}

/** The assignments under the root, as the schedule counts them: organisations of the chosen provinces only. */
const ASSIGNMENTS = `${IMPLEMENTATION_TREE}
     UNWIND tree AS d
     MATCH (d)-[a:ASSIGNED_TO]->(o:Organization) WHERE $provinces IS NULL OR o.province IN $provinces`;

/** Each distinct timing as stored under the root ('' for tasks without one). */
const TIMINGS = `${ASSIGNMENTS}
     UNWIND range(0, size(a.tasks) - 1) AS i
     RETURN DISTINCT coalesce(a.timings[i], '') AS timing`;

/**
 * Tasks, organisations and texts per period: `$periods` names each timing's period (found here from the distinct
 * timings), so Neo4j counts the distinct organisations and texts of a period without sending them.
 */
const COUNTS = `${ASSIGNMENTS}
     UNWIND range(0, size(a.tasks) - 1) AS i
     WITH $periods[coalesce(a.timings[i], '')] AS period, $conditional[coalesce(a.timings[i], '')] AS conditional, o, d
     RETURN period, count(*) AS tasks, sum(CASE WHEN conditional THEN 1 ELSE 0 END) AS conditional,
            count(DISTINCT o) AS organizations, count(DISTINCT d) AS documents`;

const params = (rootUid: string, opts: ScheduleOptions) => ({ uid: rootUid, provinces: opts.provinces?.length ? opts.provinces : null });

async function timingsUnder(driver: Driver, rootUid: string, opts: ScheduleOptions): Promise<string[]> {
  const res = await readQuery(driver, TIMINGS, params(rootUid, opts), opts);
  return res.records.map((r) => (r.get('timing') as string | null) ?? '');
}

/** The root's tasks by period, in the schedule's order; `asOf` (yyyy-mm-dd) decides which periods have ended. */
export async function taskSchedule(driver: Driver, rootUid: string, asOf: string, opts: ScheduleOptions = {}): Promise<SchedulePeriod[]> {
  const timings = await timingsUnder(driver, rootUid, opts);
  const periods: Record<string, string> = {};
  const conditional: Record<string, boolean> = {};
  for (const t of timings) {
    const p = taskPeriod(t);
    periods[t] = periodKey(p);
    conditional[t] = p.conditional;
  }
  const res = await readQuery(driver, COUNTS, { ...params(rootUid, opts), periods, conditional }, opts);
  const year = Number(asOf.slice(0, 4));
  return res.records
    .map((r) => {
      const key = r.get('period') as string;
      const p = parsePeriodKey(key)!;
      return {
        period: key,
        kind: p.kind,
        year: p.year,
        status: periodStatus(p, year),
        tasks: Number(r.get('tasks')),
        conditional: Number(r.get('conditional')),
        organizations: Number(r.get('organizations')),
        documents: Number(r.get('documents')),
      };
    })
    .sort(comparePeriods);
}

export interface ScheduledTask {
  row: AssignmentHead;
  task: string;
  timing: string;
  dueOn: string | null;
}

/** Every province's place in Vietnamese order, as the assignments table orders provinces (queries/assignments.ts). */
const PROVINCE_RANK: Record<string, number> = Object.fromEntries([...new Set(PROVINCES.map((p) => p.name))].sort(provinceOrder.compare).map((name, i) => [name, i]));

/**
 * One period's tasks (its timings: `$timings`), in the order of scheduledTasks, `$first` from `$offset`, with their
 * number. Sorted in Neo4j: a national root's largest period has ≈ 29 000 tasks, sent and sorted in Node they cost
 * twice as much as the page does here.
 */
const PERIOD_PAGE = `${ASSIGNMENTS}
     UNWIND range(0, size(a.tasks) - 1) AS i
     WITH d, a, o, i, coalesce(a.timings[i], '') AS timing
     WHERE timing IN $timings
     WITH d, a, o, i, timing
     ORDER BY $dueOn[timing], d.levelRank, CASE WHEN d.province IS NULL THEN -1 ELSE coalesce($provinceRank[d.province], 1000000) END,
              d.province, d.issuedOn, d.code, d.uid, o.sortKey, o.name, a.order, i
     WITH collect([d, o, a, i, timing]) AS rows
     WITH size(rows) AS total, rows[$offset..$offset + $first] AS shown
     // A page past the end still answers with the total.
     UNWIND CASE shown WHEN [] THEN [null] ELSE shown END AS r
     WITH total, r[0] AS d, r[1] AS o, r[2] AS a, r[3] AS i, r[4] AS timing
     RETURN total, collect(CASE WHEN d IS NULL THEN null ELSE [${ASSIGNMENT_COLUMNS}, a.tasks[i], timing] END) AS page`;

/**
 * The tasks of one period (a key of taskSchedule), `first` from `offset`, with how many there are: by the day they are
 * due (earliest first; tasks without one last), then as the assignments table orders them (assigning text: level,
 * province, issue date, code; organisation; the assignment's place in its text; the task's).
 */
export async function scheduledTasks(driver: Driver, rootUid: string, period: string, page: { first: number; offset: number }, opts: ScheduleOptions = {}): Promise<{ total: number; tasks: ScheduledTask[] }> {
  const periodOf = periodReader();
  const timings = (await timingsUnder(driver, rootUid, opts)).filter((t) => periodKey(periodOf(t)) === period);
  const dueOn = Object.fromEntries(timings.map((t) => [t, periodOf(t).dueOn]));
  const res = await readQuery(
    driver,
    PERIOD_PAGE,
    { ...params(rootUid, opts), timings, dueOn, provinceRank: PROVINCE_RANK, first: neo4j.int(page.first), offset: neo4j.int(page.offset) },
    opts,
  );
  const record = res.records[0];
  if (!record) return { total: 0, tasks: [] };
  return {
    total: Number(record.get('total')),
    tasks: (record.get('page') as unknown[][]).map((r) => ({ row: assignmentOf(r), task: String(r[11] ?? ''), timing: r[12] as string, dueOn: dueOn[r[12] as string] ?? null })),
  };
}
