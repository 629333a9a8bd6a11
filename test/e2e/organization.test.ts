/**
 * An organisation's page: found on the start page by its name or opened from its node's details, it lists every text
 * giving it tasks as the API does — each task's deadline, the organisation's answer or the gap — and the texts it
 * issued; a text opens its cascade, the province its page; a table for a spreadsheet; an unknown key said so; English.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { gqlData } from '../support/graphql.js';
import { clickNode, waitForGraph } from './app.js';
import { browserForTests, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');
const BOARD = 'ban tuyen giao tinh uy#binh-thuan';

interface Overview { tasks: number; answered: number; assignments: Array<{ uid: string; code: string | null; tasks: unknown[]; answer: { uid: string } | null }>; issued: Array<{ uid: string }> }
const overview = async (key: string) =>
  (await gqlData<{ organizationOverview: Overview }>('query($k: ID!) { organizationOverview(key: $k) { tasks answered assignments { uid code tasks { text } answer { uid } } issued { uid } } }', { k: key })).organizationOverview;

describe("an organisation's page", () => {
  const browser = browserForTests();

  it('is found on the start page by name and lists the texts giving it tasks, their deadlines and its answers, as the API does', async () => {
    const api = await overview(BOARD);
    const page = await browser.newPage({ width: 1400, height: 900 });
    await page.goto(baseUrl);
    await page.fill('[data-testid=search-input]', 'ban tuyen giao tinh uy binh thuan');
    const hit = page.locator(`[data-testid=suggestion][data-id="${BOARD}"]`);
    await hit.waitFor();
    await hit.click();
    await page.locator('[data-testid=organization-table]').waitFor();
    expect(new URL(page.url()).searchParams.get('org')).toBe(BOARD);
    expect(await page.textContent('[data-testid=organization-name]')).toBe('Ban Tuyên giáo Tỉnh ủy');
    expect(await page.title()).toBe('Đồ thị văn bản chỉ đạo — Ban Tuyên giáo Tỉnh ủy');
    expect(await page.textContent('[data-testid=organization-summary]')).toBe(
      `${api.assignments.length} văn bản giao ${api.tasks} nhiệm vụ; cơ quan đã có văn bản triển khai ${api.answered}/${api.assignments.length} văn bản.`,
    );
    const rows = page.locator('[data-testid=organization-row]');
    expect(await rows.count()).toBe(api.assignments.length);
    const i = api.assignments.findIndex((a) => a.code === '58-CTr/TU');
    const row = rows.nth(i);
    expect(await row.locator('[data-testid=organization-open]').first().textContent()).toBe('58-CTr/TU');
    expect(await row.locator('[data-testid=organization-task]').count()).toBe(api.assignments[i]!.tasks.length);
    // Each task says its deadline: the ongoing ones "Thường xuyên", running; the 2025 one past, due 31/12/2025.
    const tasks = await row.locator('[data-testid=organization-task]').allInnerTexts();
    expect(tasks.filter((x) => /Thường xuyên\s*đang thực hiện/.test(x)).length).toBeGreaterThan(2);
    expect(tasks.find((x) => x.includes('37-NQ/TW'))).toMatch(/Trong năm 2025\s*đã qua\s*· hạn 31\/12\/2025/);
    expect(await row.getAttribute('data-gap')).toBe('false');
    expect(await page.locator('[data-testid=organization-issued-text]').count()).toBe(api.issued.length);
    await screenshot(page, 'organization-page');

    // The page as a table for a spreadsheet: a line per task.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=organization-csv]')]);
    expect(csv.suggestedFilename()).toBe('organization-ban_tuyen_giao_tinh_uy_binh_thuan.csv');
    expect(readFileSync(await csv.path(), 'utf8').slice(1).trimEnd().split('\r\n')).toHaveLength(api.tasks + 1);

    // Its answer opens the answering text's cascade; back, and the province leads to its page.
    await row.locator('[data-testid=organization-answer-open]').click();
    await waitForGraph(page, 2);
    expect(new URL(page.url()).searchParams.get('code')).toBe(api.assignments[i]!.answer!.uid);
    await page.goBack();
    await page.locator('[data-testid=organization-table]').waitFor();
    await page.click('[data-testid=organization-province]');
    await page.locator('[data-testid=province-table]').waitFor();
    expect(new URL(page.url()).searchParams.get('province')).toBe('Bình Thuận');
    await page.close();
  });

  it("opens from an organisation's details in a cascade; a gap says so; in English", async () => {
    const page = await browser.newPage({ width: 1400, height: 900 });
    await page.goto(`${baseUrl}/?code=${encodeURIComponent('58-CTr/TU')}&lang=en`);
    await waitForGraph(page, 5);
    await clickNode(page, BOARD);
    await page.click('[data-testid=organization-page-link]');
    await page.locator('[data-testid=organization-table]').waitFor();
    expect(new URL(page.url()).searchParams.get('org')).toBe(BOARD);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.textContent('[data-testid=organization-summary]')).toMatch(/^\d+ texts? gives? it \d+ tasks; it answered \d+ of \d+ with a text of its own\.$/);
    expect(await page.locator('thead').innerText()).toMatch(/Given by\s+Tasks and deadlines\s+The organization's answer/);

    // A body that issued nothing, from the gap list of the guidance that gave it a task: every row is a gap.
    const gapKey = 'so van hoa - the thao va du lich#binh-phuoc';
    const api = await overview(gapKey);
    expect(api.answered).toBe(0);
    await page.goto(`${baseUrl}/?code=${encodeURIComponent('86-HD/BTGTU')}&gaps=1&lang=en`);
    const gapRow = page.locator('[data-testid=gap-list] li', { hasText: 'Sở Văn hóa - Thể thao và Du lịch' });
    await gapRow.locator('[data-testid=gap-organization-page]').click();
    await page.locator('[data-testid=organization-table]').waitFor();
    expect(new URL(page.url()).searchParams.get('org')).toBe(gapKey);
    expect(await page.locator('[data-testid=organization-row][data-gap=true]').count()).toBe(api.assignments.length);
    expect(await page.locator('[data-testid=organization-answer]').first().textContent()).toBe('none yet');
    // The assigning text's type in the page's language.
    expect(await page.locator('[data-testid=organization-row]').first().innerText()).toMatch(/86-HD\/BTGTU.*\n.*Guidance · Provincial · Bình Phước/);
    expect(await page.textContent('[data-testid=organization-issued-none]')).toBe('The graph holds no text this organization issued.');
    await screenshot(page, 'organization-gap-en');

    // An address whose organisation the graph does not hold.
    await page.goto(`${baseUrl}/?org=${encodeURIComponent('nobody#nowhere')}`);
    await expect.poll(() => page.locator('.organization-page').textContent()).toContain('Đồ thị không có cơ quan này');
    await page.close();
  });
});
