/**
 * "Tiến độ nhiệm vụ": the tasks of a cascade by when they are due, in the browser against the real server — the API's
 * periods in its order, a period's tasks listed with their due day, each leading to its organisation and its text, a
 * link restoring the period, the province filter narrowing it, in Vietnamese and English.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { gqlData } from '../support/graphql.js';
import { waitForGraph } from './app.js';
import { browserForTests, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');
const ROOT = `${baseUrl}/?code=${encodeURIComponent('28-NQ/TW')}&issuedOn=2022-11-17`;

interface Period { period: string; kind: string; year: number | null; status: string | null; tasks: number; organizations: number; documents: number }
interface Task { documentUid: string; code: string; organization: string; organizationKey: string; dueOn: string | null }

const schedule = async (provinces?: string[]) =>
  (await gqlData<{ taskSchedule: Period[] }>('query($p: [String!]) { taskSchedule(code: "28-NQ/TW", issuedOn: "2022-11-17", provinces: $p) { period kind year status tasks organizations documents } }', { p: provinces ?? null })).taskSchedule;
const tasksOf = async (period: string) =>
  (await gqlData<{ scheduledTasks: { total: number; tasks: Task[] } }>('query($period: String!) { scheduledTasks(code: "28-NQ/TW", issuedOn: "2022-11-17", period: $period, first: 1000) { total tasks { documentUid code organization organizationKey dueOn } } }', { period })).scheduledTasks;

describe('tasks by deadline', () => {
  const browser = browserForTests();

  it("lists the API's periods with where they stand, and a period's tasks with their due day, each leading to its organisation and text", async () => {
    const api = await schedule();
    const byYear = api.find((p) => p.period === 'BY_YEAR:2023')!;
    expect(byYear.tasks).toBeGreaterThan(2);
    const page = await browser.newPage();
    await page.goto(ROOT);
    await waitForGraph(page, 5);
    await page.click('[data-testid=due-toggle]');
    const section = page.locator('[data-testid=task-schedule]');
    const rows = section.locator('[data-testid=due-row]');
    await rows.first().waitFor();
    expect(new URL(page.url()).searchParams.get('due')).toBe('1');
    expect(await rows.count()).toBe(api.length);
    const labels = await section.locator('[data-testid=due-period]').allTextContents();
    expect(labels[api.indexOf(byYear)]).toBe('Trong năm 2023');
    expect(labels).toContain('Thường xuyên');
    // The figures are the API's, row for row.
    for (const [i, p] of api.entries()) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      expect(cells[1]!.startsWith(String(p.tasks)), p.period).toBe(true);
      expect(cells.slice(2), p.period).toEqual([String(p.organizations), String(p.documents)]);
    }
    // Today is after 2023: its period has passed; tasks "from 2023" are running.
    expect(await rows.nth(api.indexOf(byYear)).locator('[data-testid=due-status]').textContent()).toBe('đã qua');
    const from = api.findIndex((p) => p.period === 'FROM_YEAR:2023');
    expect(await rows.nth(from).locator('[data-testid=due-status]').textContent()).toBe('đang thực hiện');

    // A period opens its tasks: as many as the API lists, each due on the day it names.
    await section.locator('[data-testid=due-period]', { hasText: 'Trong năm 2023' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('BY_YEAR:2023');
    const listed = section.locator('[data-testid=due-task]');
    const { tasks } = await tasksOf('BY_YEAR:2023');
    await expect.poll(() => listed.count()).toBe(tasks.length);
    expect(await section.locator('h4').textContent()).toBe(`Trong năm 2023 · ${tasks.length} nhiệm vụ`);
    for (const [i, task] of tasks.entries()) {
      const text = (await listed.nth(i).textContent())!;
      expect(text).toContain(task.organization);
      expect(text).toContain(`hạn ${task.dueOn!.split('-').reverse().join('/')}`);
    }
    // Every task as a table, with its period and due day: the assignments download of the root.
    expect(decodeURIComponent((await section.locator('[data-testid=task-schedule-csv]').getAttribute('href'))!)).toContain('/export/assignments.csv?code=28-NQ/TW');
    await screenshot(page, 'task-schedule');
    // The organisation leads to its node, the code to the text that assigned the task.
    await listed.first().locator('[data-testid=due-organization]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(tasks[0]!.organizationKey);
    await listed.first().locator('[data-testid=due-document]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(tasks[0]!.documentUid);

    // A link restores the open period; the same row again closes it.
    const again = await browser.newPage();
    await again.goto(page.url());
    await again.locator('[data-testid=due-task]').first().waitFor();
    expect(await again.locator('[data-testid=due-task]').count()).toBe(tasks.length);
    await again.locator('[data-testid=due-period]', { hasText: 'Trong năm 2023' }).click();
    await expect.poll(() => again.locator('[data-testid=due-tasks]').count()).toBe(0);
    expect(new URL(again.url()).searchParams.get('period')).toBeNull();
    await again.close();
    await page.close();
  });

  it('narrows to the chosen province, says so, and speaks English', async () => {
    const page = await browser.newPage();
    // No organisation of Hà Nội is given a task under 28-NQ/TW here.
    expect(await schedule(['Hà Nội'])).toEqual([]);
    await page.goto(`${ROOT}&due=1&prov=${encodeURIComponent('Hà Nội')}&lang=en`);
    const section = page.locator('[data-testid=task-schedule]');
    await expect.poll(() => section.textContent()).toContain('No text of this cascade assigns tasks yet.');
    expect(await section.locator('[data-testid=due-row]').count()).toBe(0);
    // Lâm Đồng of the 2025 map stands for Bình Thuận, whose organisations have every task of the seed: all periods, in English.
    await page.goto(`${ROOT}&due=1&period=RECURRING&prov=${encodeURIComponent('Lâm Đồng')}&lang=en`);
    await section.locator('[data-testid=due-task]').first().waitFor();
    const whole = await schedule();
    expect(await schedule(['Lâm Đồng'])).toEqual(whole);
    expect(await section.locator('[data-testid=due-row]').count()).toBe(whole.length);
    expect(await section.locator('[data-testid=due-province]').textContent()).toMatch(/^Only tasks of organizations in Lâm Đồng/);
    expect(await section.locator('h3').textContent()).toBe('Tasks by deadline');
    expect(await section.locator('[data-testid=due-period]').allTextContents()).toContain('Ongoing');
    expect(await section.locator('[data-testid=due-task]').count()).toBe((await tasksOf('RECURRING')).total);
    await screenshot(page, 'task-schedule-en');
    await page.close();
  });
});
