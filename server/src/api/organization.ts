/** Resolver of organizationOverview: an organisation's tasks across every directive, each with its period. */
import { periodKey, periodReader, periodStatus } from '../extract/task-period.js';
import { badOrganizationKey, noOrganization, organizationOverview } from '../graph/queries/organization-overview.js';
import type { ApiContext } from './context.js';
import { userError } from './errors.js';
import { todayInVietnam } from './schedule.js';

export async function resolveOrganizationOverview(args: { key: string; asOf?: { toString(): string } | null }, ctx: ApiContext) {
  const key = args.key.normalize('NFC');
  const bad = badOrganizationKey(key);
  if (bad) throw userError(bad, 'BAD_USER_INPUT');
  const found = await organizationOverview(ctx.driver, key, { database: ctx.config.neo4jDatabase, timeoutMs: ctx.config.txTimeoutMs });
  if (!found) throw userError(noOrganization(key), 'NOT_FOUND');
  const asOfYear = Number((args.asOf ? args.asOf.toString() : todayInVietnam()).slice(0, 4));
  const periodOf = periodReader();
  const assignments = found.assignments.map((a) => ({
    ...a,
    tasks: a.tasks.map((t) => {
      const period = periodOf(t.timing);
      return { text: t.text, timing: t.timing || null, period: periodKey(period), status: periodStatus(period, asOfYear), conditional: period.conditional, dueOn: period.dueOn };
    }),
  }));
  return {
    ...found,
    assignments,
    tasks: assignments.reduce((n, a) => n + a.tasks.length, 0),
    answered: assignments.filter((a) => a.answer !== null).length,
  };
}
