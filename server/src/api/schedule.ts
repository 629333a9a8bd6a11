/** Resolvers of taskSchedule and scheduledTasks: the tasks under a root by when they are due. */
import { parsePeriodKey } from '../extract/task-period.js';
import { scheduledTasks, taskSchedule } from '../graph/queries/schedule.js';
import type { DirectiveRef } from '../graph/queries/find-directive.js';
import type { ApiContext } from './context.js';
import { userError } from './errors.js';

/** The most tasks a page of scheduledTasks holds. */
export const MAX_SCHEDULE_PAGE = 1000;

export interface ScheduleArgs extends DirectiveRef {
  provinces?: string[] | null;
  asOf?: { toString(): string } | null;
}

export interface ScheduledTasksArgs extends DirectiveRef {
  provinces?: string[] | null;
  period: string;
  first: number;
  offset: number;
}

/** Today as yyyy-mm-dd, in Vietnam's time zone (UTC+7, no daylight saving): the day the texts' readers live in. */
export function todayInVietnam(now = Date.now()): string {
  return new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
}

/** What the resolvers need besides the arguments: the root's uid and the provinces' names as stored. */
export interface ScheduleDeps {
  rootUid: (ref: DirectiveRef) => Promise<string>;
  provinces: (given: string[] | null | undefined) => string[];
}

export async function resolveTaskSchedule(args: ScheduleArgs, ctx: ApiContext, deps: ScheduleDeps) {
  const provinces = deps.provinces(args.provinces);
  const asOf = args.asOf ? args.asOf.toString() : todayInVietnam();
  return taskSchedule(ctx.driver, await deps.rootUid(args), asOf, { provinces, database: ctx.config.neo4jDatabase, timeoutMs: ctx.config.txTimeoutMs });
}

export async function resolveScheduledTasks(args: ScheduledTasksArgs, ctx: ApiContext, deps: ScheduleDeps) {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_SCHEDULE_PAGE) throw userError(`first must be 1–${MAX_SCHEDULE_PAGE}`, 'BAD_USER_INPUT');
  if (!Number.isInteger(args.offset) || args.offset < 0) throw userError('offset must be 0 or more', 'BAD_USER_INPUT');
  if (!parsePeriodKey(args.period)) {
    throw userError(`period "${args.period.slice(0, 40)}" names no period: BY_YEAR:<year>, FROM_YEAR:<year>, RECURRING, CONDITIONAL or NONE (a key of taskSchedule)`, 'BAD_USER_INPUT');
  }
  const provinces = deps.provinces(args.provinces);
  const page = await scheduledTasks(ctx.driver, await deps.rootUid(args), args.period, { first: args.first, offset: args.offset }, { provinces, database: ctx.config.neo4jDatabase, timeoutMs: ctx.config.txTimeoutMs });
  return {
    total: page.total,
    tasks: page.tasks.map(({ row, task, timing, dueOn }) => ({
      documentUid: row.uid,
      code: row.code,
      typeName: row.typeName,
      issuedOn: row.issuedOn,
      province: row.province,
      level: row.level,
      synthetic: row.synthetic,
      organization: row.organization,
      organizationKey: row.organizationKey,
      task,
      timing,
      dueOn,
    })),
  };
}
