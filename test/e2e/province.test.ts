/**
 * A province's page: chosen on the start page, the central directives its texts implement as the API gives them, each
 * opening its cascade narrowed to the province; the 2025 map said both ways; an unknown name refused; in English too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { gqlData } from '../support/graphql.js';
import { readGraph, waitForGraph } from './app.js';
import { browserForTests, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');

interface Row { uid: string; code: string | null; texts: number; first: { code: string | null; issuedOn: string | null; lagDays: number | null } | null; organizations: number }
const overview = async (province: string) =>
  (await gqlData<{ provinceOverview: Row[] }>('query($p: String!) { provinceOverview(province: $p) { uid code texts first { code issuedOn lagDays } organizations } }', { p: province })).provinceOverview;

describe("a province's page", () => {
  const browser = browserForTests();

  it('is chosen on the start page and lists the central directives its texts implement, as the API does', async () => {
    const api = await overview('Bình Thuận');
    expect(api.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(baseUrl);
    const choice = page.locator('[data-testid=province-choice]');
    await choice.waitFor();
    // Both maps: the 34 of 2025 first, the older ones apart.
    expect(await choice.locator('optgroup').count()).toBe(2);
    expect(await choice.locator('optgroup').first().locator('option').count()).toBe(34);
    await choice.selectOption('Bình Thuận');
    await page.locator('[data-testid=province-table]').waitFor();
    expect(new URL(page.url()).searchParams.get('province')).toBe('Bình Thuận');
    expect(await page.textContent('[data-testid=province-name]')).toBe('Bình Thuận');
    expect(await page.title()).toBe('Đồ thị văn bản chỉ đạo — Bình Thuận');
    expect(await page.textContent('[data-testid=province-merged]')).toMatch(/^Từ 01\/7\/2025 thuộc\s*Lâm Đồng\.$/);
    const rows = page.locator('[data-testid=province-row]');
    expect(await rows.count()).toBe(api.length);
    const i = api.findIndex((r) => r.code === '28-NQ/TW');
    const row = rows.nth(i);
    expect(await row.locator('[data-testid=province-open]').textContent()).toBe('28-NQ/TW');
    expect((await row.locator('[data-testid=province-first]').innerText()).replace(/\s+/g, ' ').trim()).toBe('58-CTr/TU 30/03/2023 sau 133 ngày');
    expect(await row.textContent()).toContain(`${api[i]!.organizations}`);
    await screenshot(page, 'province-page');
    // The page as a table for a spreadsheet, with the Bình Thuận row as shown.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=province-csv]')]);
    expect(csv.suggestedFilename()).toBe('province-binh_thuan.csv');
    const csvLines = readFileSync(await csv.path(), 'utf8').slice(1).trimEnd().split('\r\n');
    expect(csvLines[0]).toMatch(/^Văn bản trung ương,Ngày ban hành,/);
    expect(csvLines).toHaveLength(api.length + 1);

    // A directive opens its cascade, the province's part only.
    await row.locator('[data-testid=province-open]').click();
    await waitForGraph(page, 2);
    expect(new URL(page.url()).searchParams.get('prov')).toBe('Bình Thuận');
    const { nodes } = await readGraph(page);
    const shown = nodes.filter((n) => !n.hidden && n.kind === 'DIRECTIVE' && n.code !== '28-NQ/TW');
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown.map((n) => n.province))).toEqual(new Set(['Bình Thuận']));
    // Back: the province's page again.
    await page.goBack();
    await page.locator('[data-testid=province-table]').waitFor();
    await page.close();
  });

  it("gives a province of the 2025 map the texts of those it took over; leads from a merged one to it", async () => {
    const page = await browser.newPage();
    // Spelled without its marks in the address: the page names it as the map does.
    await page.goto(`${baseUrl}/?province=binh%20thuan`);
    await expect.poll(() => page.textContent('[data-testid=province-name]')).toBe('Bình Thuận');
    await page.locator('[data-testid=province-merged] button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe('Lâm Đồng');
    await page.locator('[data-testid=province-table]').waitFor();
    expect(await page.textContent('[data-testid=province-took-over]')).toContain('Bình Thuận');
    expect(await page.locator('[data-testid=province-row]').count()).toBe((await overview('Lâm Đồng')).length);
    await page.close();
  });

  it('says so when the graph holds nothing of a province, refuses a name that is none, and speaks English', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/?province=${encodeURIComponent('Hà Giang')}`);
    await expect.poll(() => page.locator('[data-testid=province-page]').textContent()).toContain('Đồ thị chưa có văn bản nào của Hà Giang triển khai văn bản trung ương.');
    await page.goto(`${baseUrl}/?province=Atlantis`);
    await expect.poll(() => page.locator('[data-testid=province-page]').textContent()).toContain('names no province');
    // A generated text is badged as on the start page (the seed has none: the server's answer says the first is one).
    await page.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('provinceOverview')) return route.continue();
      const response = await route.fetch();
      const json = await response.json();
      json.data.provinceOverview[0].synthetic = true;
      await route.fulfill({ response, json });
    });
    await page.goto(`${baseUrl}/?province=${encodeURIComponent('Sóc Trăng')}&lang=en`);
    await page.locator('[data-testid=province-table]').waitFor();
    expect(await page.locator('.province-table th').allTextContents()).toEqual(['Central directive', "Province's texts", 'First answer', 'Organizations assigned']);
    expect((await page.locator('[data-testid=province-first]').first().textContent())!).toMatch(/after \d+ days/);
    expect(await page.locator('[data-testid=province-row] [data-testid=synthetic-badge]').count()).toBe(1);
    expect(await page.locator('[data-testid=province-row]').first().locator('[data-testid=synthetic-badge]').textContent()).toBe('synthetic');
    await screenshot(page, 'province-page-en');
    await page.close();
  });
});
