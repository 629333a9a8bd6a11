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

/** The texts of some assignments' tasks: [document uid, organisation key, order] each, answered in any order. */
const TASK_TEXTS = `UNWIND $pairs AS pair
     MATCH (:Directive {uid: pair[0]})-[a:ASSIGNED_TO]->(:Organization {key: pair[1]}) WHERE a.order = pair[2]
     RETURN pair[0] AS uid, pair[1] AS key, pair[2] AS order, a.tasks AS tasks`;

/** One assignment among those under a root (the writer's identity of an ASSIGNED_TO: text, organisation, place). */
const assignmentId = (uid: unknown, key: unknown, order: unknown) => `${String(uid)}\n${String(key)}\n${order == null ? '' : Number(order)}`;

/** An assignment's tasks as read back: its text, organisation and place (`order`), and its task texts. */
export interface AssignmentTexts {
  uid: string;
  key: string;
  order: number | null;
  tasks: string[];
}

/**
 * The tasks of one period among the assignments under a root (their timings only, in the assignments table's order):
 * by the day they are due (earliest first; a period without a day keeps the table's order), `first` from `offset`, with
 * how many there are; `readTexts` gives the task texts of the page's assignments.
 */
export async function tasksOfPeriod(
  rows: readonly AssignmentRow[],
  period: string,
  page: { first: number; offset: number },
  readTexts: (ids: Array<[string, string, number | null]>) => Promise<AssignmentTexts[]>,
): Promise<{ total: number; tasks: ScheduledTask[] }> {
  // A national root's 75 000 tasks have a few dozen distinct timings: each read once.
  const periods = new Map<string, { key: string; dueOn: string | null }>();
  const periodOf = (timing: string) => {
    let p = periods.get(timing);
    if (!p) {
      const read = taskPeriod(timing);
      periods.set(timing, (p = { key: periodKey(read), dueOn: read.dueOn }));
    }
    return p;
  };
  const found: Array<{ row: AssignmentRow; index: number; timing: string; dueOn: string | null }> = [];
  for (const row of rows) {
    row.tasks.forEach((t, index) => {
      const p = periodOf(t.timing);
      if (p.key === period) found.push({ row, index, timing: t.timing, dueOn: p.dueOn });
    });
  }
  // Array.prototype.sort is stable: tasks due on the same day keep the table's order.
  found.sort((a, b) => (a.dueOn === b.dueOn ? 0 : a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1));
  const shown = found.slice(page.offset, page.offset + page.first);
  // A text may give one organisation tasks in several places: an assignment is its text, organisation and place.
  const idOf = (row: AssignmentRow) => assignmentId(row.uid, row.organizationKey, row.order);
  const ids = [...new Map(shown.map((t) => [idOf(t.row), [t.row.uid, t.row.organizationKey, t.row.order] as [string, string, number | null]])).values()];
  const texts = new Map<string, string[]>();
  if (ids.length) for (const a of await readTexts(ids)) texts.set(assignmentId(a.uid, a.key, a.order), a.tasks);
  return {
    total: found.length,
    tasks: shown.map((t) => ({ row: t.row, task: texts.get(idOf(t.row))?.[t.index] ?? '', timing: t.timing, dueOn: t.dueOn })),
  };
}

/**
 * The tasks of one period (a key of taskSchedule) under a root, a page at a time (tasksOfPeriod). The period's tasks
 * are found and ordered by their timings alone; only the page's texts are read (a national root's largest period has
 * ≈ 29 000 tasks).
 */
export async function scheduledTasks(driver: Driver, rootUid: string, period: string, page: { first: number; offset: number }, opts: ScheduleOptions = {}): Promise<{ total: number; tasks: ScheduledTask[] }> {
  const rows = await assignmentsUnder(driver, rootUid, { ...opts, texts: false });
  return tasksOfPeriod(rows, period, page, async (ids) => {
    const res = await readQuery(driver, TASK_TEXTS, { pairs: ids }, opts);
    return res.records.map((r) => ({ uid: r.get('uid') as string, key: r.get('key') as string, order: r.get('order') as number | null, tasks: r.get('tasks') as string[] }));
  });
}
