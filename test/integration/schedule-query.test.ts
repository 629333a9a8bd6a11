/** The tasks under a root by when they are due: taskSchedule / scheduledTasks over the seed graph in the real Neo4j. */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { periodKey, taskPeriod } from '../../server/src/extract/task-period.js';
import { assignmentsUnder } from '../../server/src/graph/queries/assignments.js';
import { scheduledTasks, taskSchedule } from '../../server/src/graph/queries/schedule.js';
import { gql, gqlData } from '../support/graphql.js';

let driver: Driver;
beforeAll(() => {
  driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'unused'));
});
afterAll(() => driver.close());

const root = '28-NQ/TW@2022-11-17';

/** Every task under the root as the assignments table lists it, with the period its timing names. */
async function everyTask() {
  const rows = await assignmentsUnder(driver, root);
  return rows.flatMap((row) => row.tasks.map((t) => ({ row, task: t.text, timing: t.timing, period: periodKey(taskPeriod(t.timing)) })));
}

describe('taskSchedule', () => {
  it("counts each of the root's tasks once, under the period its timing names, with its organisations and texts", async () => {
    const all = await everyTask();
    expect(all.length).toBeGreaterThan(40);
    const schedule = await taskSchedule(driver, root, '2026-11-28');
    expect(schedule.reduce((n, p) => n + p.tasks, 0)).toBe(all.length);
    expect(new Set(schedule.map((p) => p.period)).size).toBe(schedule.length);
    for (const p of schedule) {
      const mine = all.filter((t) => t.period === p.period);
      expect(p.tasks, p.period).toBe(mine.length);
      expect(p.organizations, p.period).toBe(new Set(mine.map((t) => t.row.organizationKey)).size);
      expect(p.documents, p.period).toBe(new Set(mine.map((t) => t.row.uid)).size);
      expect(p.conditional, p.period).toBe(mine.filter((t) => taskPeriod(t.timing).conditional).length);
    }
    // 58-CTr/TU's "(thực hiện năm 2023)", "(nhiệm vụ thường xuyên)", "(thực hiện từ năm 2023)" and tasks without timing.
    expect(schedule.map((p) => p.period)).toEqual(expect.arrayContaining(['BY_YEAR:2023', 'FROM_YEAR:2023', 'RECURRING', 'NONE']));
    expect(schedule.find((p) => p.period === 'BY_YEAR:2023')!.conditional).toBeGreaterThan(0);
  });

  it('orders periods by a year, from a year, recurring, conditional, none, and says which have ended on the day asked about', async () => {
    const late = await taskSchedule(driver, root, '2026-11-28');
    const kinds = late.map((p) => p.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['BY_YEAR', 'FROM_YEAR', 'RECURRING', 'CONDITIONAL', 'NONE'].indexOf(a) - ['BY_YEAR', 'FROM_YEAR', 'RECURRING', 'CONDITIONAL', 'NONE'].indexOf(b)));
    const byYear = late.filter((p) => p.kind === 'BY_YEAR').map((p) => p.year!);
    expect(byYear).toEqual([...byYear].sort((a, b) => a - b));
    expect(late.find((p) => p.period === 'BY_YEAR:2023')!.status).toBe('ENDED');
    const early = await taskSchedule(driver, root, '2023-03-01');
    expect(early.find((p) => p.period === 'BY_YEAR:2023')!.status).toBe('THIS_YEAR');
    expect(early.find((p) => p.period === 'BY_YEAR:2024')!.status).toBe('LATER');
    expect(early.find((p) => p.period === 'RECURRING')!.status).toBe('RUNNING');
    expect(early.map(({ status: _s, ...p }) => p)).toEqual(late.map(({ status: _s, ...p }) => p));
  });

  it("counts only the tasks of the provinces' organisations when asked, and nothing for an unknown root", async () => {
    expect(await taskSchedule(driver, root, '2026-11-28', { provinces: ['Sóc Trăng'] })).toEqual([]);
    expect(await taskSchedule(driver, root, '2026-11-28', { provinces: ['Bình Thuận'] })).toEqual(await taskSchedule(driver, root, '2026-11-28'));
    expect(await taskSchedule(driver, 'nope@2000-01-01', '2026-11-28')).toEqual([]);
  });
});

describe('scheduledTasks', () => {
  it("lists each period's tasks, earliest due first, page after page, and all periods together are the root's tasks", async () => {
    const all = await everyTask();
    const schedule = await taskSchedule(driver, root, '2026-11-28');
    const listed: string[] = [];
    for (const p of schedule) {
      const whole = await scheduledTasks(driver, root, p.period, { first: 1000, offset: 0 });
      expect(whole.total, p.period).toBe(p.tasks);
      const due = whole.tasks.map((t) => t.dueOn ?? '9999');
      expect(due).toEqual([...due].sort());
      for (const t of whole.tasks) expect(periodKey(taskPeriod(t.timing))).toBe(p.period);
      const pages = [];
      for (let offset = 0; offset < p.tasks; offset += 3) pages.push(...(await scheduledTasks(driver, root, p.period, { first: 3, offset })).tasks);
      expect(pages).toEqual(whole.tasks);
      listed.push(...whole.tasks.map((t) => `${t.row.uid}|${t.row.organizationKey}|${t.task}`));
    }
    expect(listed.sort()).toEqual(all.map((t) => `${t.row.uid}|${t.row.organizationKey}|${t.task}`).sort());
    // Within a day, as the assignments table orders them — 003 gives three bodies tasks in two places each.
    expect(all.some((t) => all.some((u) => u.row.uid === t.row.uid && u.row.organizationKey === t.row.organizationKey && u.row.order !== t.row.order))).toBe(true);
    for (const p of schedule) {
      const due = (t: { timing: string }) => taskPeriod(t.timing).dueOn ?? '9999';
      const expected = all.filter((t) => t.period === p.period).sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0));
      const { tasks } = await scheduledTasks(driver, root, p.period, { first: 1000, offset: 0 });
      expect(tasks.map((t) => `${t.row.uid}|${t.row.organizationKey}|${t.task}`), p.period).toEqual(expected.map((t) => `${t.row.uid}|${t.row.organizationKey}|${t.task}`));
    }
    expect(await scheduledTasks(driver, root, 'BY_YEAR:1999', { first: 10, offset: 0 })).toEqual({ total: 0, tasks: [] });
    // A page past the end: no task, and still the period's number.
    const byYear = schedule.find((p) => p.period === 'BY_YEAR:2023')!;
    expect(await scheduledTasks(driver, root, 'BY_YEAR:2023', { first: 10, offset: byYear.tasks })).toEqual({ total: byYear.tasks, tasks: [] });
  });
});

describe('over GraphQL', () => {
  const SCHEDULE = 'query($p: [String!], $asOf: Date) { taskSchedule(code: "28-NQ/TW", provinces: $p, asOf: $asOf) { period kind year status tasks conditional organizations documents } }';
  const TASKS = 'query($period: String!, $first: Int, $offset: Int, $p: [String!]) { scheduledTasks(code: "28-NQ/TW", period: $period, first: $first, offset: $offset, provinces: $p) { total tasks { documentUid code organization organizationKey task timing dueOn province level } } }';

  it('answers as the statements do, with the provinces in any spelling and a province of the 2025 map for those it took over', async () => {
    const direct = await taskSchedule(driver, root, '2023-06-01');
    const { taskSchedule: viaApi } = await gqlData<{ taskSchedule: unknown[] }>(SCHEDULE, { asOf: '2023-06-01' });
    expect(viaApi).toEqual(direct);
    expect((await gqlData<{ taskSchedule: unknown[] }>(SCHEDULE, { asOf: '2023-06-01', p: ['binh thuan'] })).taskSchedule).toEqual(direct);
    expect((await gqlData<{ taskSchedule: unknown[] }>(SCHEDULE, { asOf: '2023-06-01', p: ['Lâm Đồng'] })).taskSchedule).toEqual(direct);
    expect((await gqlData<{ taskSchedule: unknown[] }>(SCHEDULE, { p: ['Hà Nội'] })).taskSchedule).toEqual([]);
    const page = (await gqlData<{ scheduledTasks: { total: number; tasks: Array<{ code: string; timing: string; dueOn: string; task: string }> } }>(TASKS, { period: 'BY_YEAR:2023', first: 2, offset: 0 })).scheduledTasks;
    expect(page.total).toBe(direct.find((p) => p.period === 'BY_YEAR:2023')!.tasks);
    expect(page.tasks).toHaveLength(2);
    expect(page.tasks[0]).toMatchObject({ code: '58-CTr/TU', dueOn: '2023-12-31' });
    expect(page.tasks[0]!.task).toContain(`(${page.tasks[0]!.timing})`);
  });

  it('refuses a period no schedule has, pages out of bounds, an unknown root and a day that is none', async () => {
    const code = async (q: string, v: Record<string, unknown>) => (await gql(q, v)).errors?.[0]?.extensions?.code;
    for (const period of ['BY_YEAR:20x', 'SOON', 'RECURRING:2023']) expect(await code(TASKS, { period }), period).toBe('BAD_USER_INPUT');
    expect(await code(TASKS, { period: 'RECURRING', first: 0 })).toBe('BAD_USER_INPUT');
    expect(await code(TASKS, { period: 'RECURRING', first: 1001 })).toBe('BAD_USER_INPUT');
    expect(await code(TASKS, { period: 'RECURRING', offset: -1 })).toBe('BAD_USER_INPUT');
    expect(await code(SCHEDULE, { asOf: '2023-02-30' })).toBe('BAD_USER_INPUT');
    expect(await code('{ taskSchedule(code: "999-NQ/TW") { period } }', {})).toBe('NOT_FOUND');
  });
});
