/**
 * The tasks under a root by when they are due (API taskSchedule / scheduledTasks): every task the root and the texts
 * implementing it assign, grouped by the period its timing annotation names (extract/task-period.ts) — by a year, from
 * a year, recurring, waiting for something, none.
 */
import type { Driver } from 'neo4j-driver';
import { comparePeriods, parsePeriodKey, periodKey, periodStatus, taskPeriod, type PeriodKind, type PeriodStatus } from '../../extract/task-period.js';
import { IMPLEMENTATION_TREE } from './analytics.js';
import { assignmentsUnder, type AssignmentRow } from './assignments.js';
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
  if (!timings.length) return [];
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
  row: AssignmentRow;
  task: string;
  timing: string;
  dueOn: string | null;
}

/**
 * The tasks of one period (a key of taskSchedule), `first` from `offset`, with how many there are: by the day they are
 * due (earliest first; a period without a day keeps the assigning texts' order), then as the assignments table orders
 * them (assigning text, organisation).
 */
export async function scheduledTasks(driver: Driver, rootUid: string, period: string, page: { first: number; offset: number }, opts: ScheduleOptions = {}): Promise<{ total: number; tasks: ScheduledTask[] }> {
  const wanted = (await timingsUnder(driver, rootUid, opts)).filter((t) => periodKey(taskPeriod(t)) === period);
  if (!wanted.length) return { total: 0, tasks: [] };
  const rows = await assignmentsUnder(driver, rootUid, { ...opts, timings: wanted });
  const dueOn = new Map(wanted.map((t) => [t, taskPeriod(t).dueOn]));
  const tasks: ScheduledTask[] = [];
  for (const row of rows) for (const t of row.tasks) if (dueOn.has(t.timing)) tasks.push({ row, task: t.text, timing: t.timing, dueOn: dueOn.get(t.timing)! });
  // Array.prototype.sort is stable: tasks due on the same day keep the table's order.
  tasks.sort((a, b) => (a.dueOn === b.dueOn ? 0 : a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1));
  return { total: tasks.length, tasks: tasks.slice(page.offset, page.offset + page.first) };
}
