/**
 * What a link keeps and what a page offers when there is nothing to show: expansions restored from the address
 * (a text without a printed code expanded by its id), the gap list by province and without dead links, a root
 * that is not there (or not on that date), synthetic roots on the start page, the focus after a briefing.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { gqlData } from '../support/graphql.js';
import { clickNode, readGraph, waitForGraph } from './app.js';
import { browserForTests, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');
const PROGRAMME = `${baseUrl}/?code=${encodeURIComponent('58-CTr/TU')}`;
const RESOLUTION = `${baseUrl}/?code=${encodeURIComponent('28-NQ/TW')}&issuedOn=2022-11-17`;
const NO_GAPS = 'Không phát hiện khoảng trống.';

describe('a view restored from its address', () => {
  const browser = browserForTests();

  it('keeps an expansion — of a text without a printed code too — across a reload', async () => {
    const page = await browser.newPage({ width: 1366, height: 768 });
    await page.goto(PROGRAMME);
    await waitForGraph(page, 5);
    const before = await readGraph(page);
    const guidance = before.nodes.find((n) => n.kind === 'DIRECTIVE' && !n.code)!;
    expect(guidance.id).toMatch(/^doc:/);
    await clickNode(page, guidance.id);
    const expand = page.locator('[data-testid=node-details] [data-testid=expand]');
    await expand.click();
    await expect.poll(() => expand.textContent(), { timeout: 10_000 }).toBe('Thu gọn');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('exp'), { timeout: 5_000 }).toEqual([guidance.id]);
    const expanded = await readGraph(page);
    await page.reload();
    await waitForGraph(page, 5);
    await expect.poll(async () => (await readGraph(page)).nodes.length, { timeout: 10_000 }).toBe(expanded.nodes.length);
    expect(await expand.textContent()).toBe('Thu gọn');
    await screenshot(page, 'expansion-restored');
    // Collapsed, the address forgets it; an id that matches nothing is dropped, the rest of the view kept.
    await expand.click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('exp')).toEqual([]);
    await page.goto(`${PROGRAMME}&exp=nothing-here&exp=`);
    await waitForGraph(page, 5);
    await expect.poll(() => new URL(page.url()).searchParams.getAll('exp'), { timeout: 5_000 }).toEqual([]);
    expect((await readGraph(page)).nodes.length).toBe(before.nodes.length);
    await page.close();
  });

  it('lists the gaps of the chosen province, each a link that leads somewhere or plain text that says why', async () => {
    const page = await browser.newPage({ width: 1366, height: 900 });
    await page.goto(`${RESOLUTION}&gaps=1`);
    await waitForGraph(page, 5);
    const list = page.locator('[data-testid=gap-list]');
    await list.locator('li').first().waitFor();
    const all = await list.locator('li').count();
    expect(await list.locator('button[disabled]').count()).toBe(0);
    expect(await list.locator('[data-testid=gap-link], [data-testid=gap-text]').count()).toBe(all);
    for (const title of await list.locator('[data-testid=gap-text]').evaluateAll((els) => els.map((e) => e.getAttribute('title')))) expect(title).toBeTruthy();
    // The seed's gaps are in one province or two: that one lists them all, another none.
    const { gaps } = await gqlData<{ gaps: Array<{ province: string | null }> }>('{ gaps(code: "28-NQ/TW", issuedOn: "2022-11-17") { province } }');
    expect(gaps.length).toBe(all);
    for (const province of ['Bình Thuận', 'Sóc Trăng']) {
      const expected = gaps.filter((g) => g.province === province).length;
      await page.goto(`${RESOLUTION}&gaps=1&prov=${encodeURIComponent(province)}`);
      // The server lists that province's gaps only (gapPage's provinces): its count, or that there are none.
      if (expected === 0) {
        await list.getByText(NO_GAPS).waitFor();
        expect(await list.locator('li').count()).toBe(0);
        continue;
      }
      await list.locator('[data-testid=gap-province]').waitFor();
      expect(await list.locator('[data-testid=gap-province]').textContent()).toBe(`${expected} cơ quan thuộc ${province}.`);
      const rows = await list.locator('li').allTextContents();
      expect(rows.length).toBe(expected);
      for (const row of rows) expect(row).toContain(province);
    }
    await screenshot(page, 'gaps-province');
    await page.close();
  });

  it('leads from a gap in a folded level to its province\'s part, the organisation selected', async () => {
    // The whole cascade asks the server to fold the levels below those that fit in 2 texts instead of 600, so the seed
    // resolution's provincial texts (and the organisations they assign) are left out; a province's part is asked as usual.
    const page = await browser.newPage({ width: 1366, height: 900 });
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query?: string; variables?: Record<string, unknown> };
      if (!body.query?.includes('cascade(') || body.variables?.foldLevelsAbove !== 600 || body.variables?.provinces) return route.continue();
      const response = await route.fetch({ postData: JSON.stringify({ ...body, variables: { ...body.variables, foldLevelsAbove: 2 } }) });
      await route.fulfill({ response, json: await response.json() });
    });
    await page.goto(`${RESOLUTION}&gaps=1`);
    await page.locator('[data-testid=levels-folded]').waitFor();
    const list = page.locator('[data-testid=gap-list]');
    await list.locator('li').first().waitFor();
    expect(await list.locator('button[disabled]').count()).toBe(0);
    const link = list.locator('[data-testid=gap-link][title*="Bình Thuận"]').first();
    const name = (await link.textContent())!;
    expect(await link.getAttribute('title')).toBe('Chưa vẽ: tải phần của Bình Thuận rồi chọn cơ quan này');
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('prov')).toBe('Bình Thuận');
    expect(new URL(page.url()).searchParams.get('sel')).toBeTruthy();
    await expect.poll(() => page.locator('[data-testid=node-details] h2').first().textContent(), { timeout: 15_000 }).toContain(name.split(' (')[0]!);
    await screenshot(page, 'gap-to-province');
    await page.close();
  });

  it('offers nothing that needs a cascade when the code is unknown', async () => {
    const page = await browser.newPage({ width: 1366, height: 768 });
    await page.goto(`${baseUrl}/?code=${encodeURIComponent('999-NQ/TW')}`);
    await page.locator('[data-testid=empty]').waitFor();
    for (const id of ['fit', 'gaps-toggle', 'lag-toggle', 'due-toggle', 'export-png', 'export-svg', 'briefing-start']) {
      expect(await page.locator(`[data-testid=${id}]`).isDisabled(), id).toBe(true);
    }
    await screenshot(page, 'unknown-code');
    await page.close();
  });

  it('says the date did not match and links the text of that code the graph holds', async () => {
    const page = await browser.newPage({ width: 1366, height: 768 });
    await page.goto(`${baseUrl}/?code=${encodeURIComponent('28-NQ/TW')}&issuedOn=2099-01-01`);
    const message = page.locator('[data-testid=empty]');
    await message.waitFor();
    expect(await message.textContent()).toBe('Không có văn bản 28-NQ/TW ban hành 01/01/2099 trong đồ thị. Đồ thị có: mở 28-NQ/TW (17/11/2022)');
    await screenshot(page, 'not-found-date');
    await message.locator('[data-testid=open-variant]').click();
    await waitForGraph(page, 5);
    const url = new URL(page.url());
    expect(url.searchParams.get('code')).toBe('28-NQ/TW');
    expect(url.searchParams.get('issuedOn')).toBeNull();
    await page.close();
  });

  it('names a cascade opened by its id in the tab by its type and title', async () => {
    const page = await browser.newPage({ width: 1366, height: 768 });
    await page.goto(PROGRAMME);
    await waitForGraph(page, 5);
    const guidance = (await readGraph(page)).nodes.find((n) => n.kind === 'DIRECTIVE' && !n.code)!;
    await page.goto(`${baseUrl}/?code=${encodeURIComponent(guidance.id)}`);
    await waitForGraph(page, 2);
    await expect.poll(() => page.title()).toMatch(/^Đồ thị văn bản chỉ đạo — Hướng dẫn/);
    expect(await page.title()).not.toContain('doc:');
    await page.goto(PROGRAMME);
    await waitForGraph(page, 5);
    await expect.poll(() => page.title()).toBe('Đồ thị văn bản chỉ đạo — 58-CTr/TU');
    await page.close();
  });

  it('badges synthetic roots on the start page', async () => {
    const page = await browser.newPage({ width: 1366, height: 768 });
    // The seed has no generated texts: the server's answer says the first root is one.
    let asked = '';
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query?: string };
      if (!body.query?.includes('roots(')) return route.continue();
      asked = body.query;
      const response = await route.fetch();
      const json = await response.json();
      json.data.roots[0].synthetic = true;
      await route.fulfill({ response, json });
    });
    await page.goto(`${baseUrl}/`);
    const cards = page.locator('[data-testid=root-card]');
    await cards.first().waitFor();
    expect(asked).toContain('synthetic');
    expect(await cards.first().locator('[data-testid=synthetic-badge]').textContent()).toBe('tổng hợp');
    expect(await page.locator('[data-testid=root-card] [data-testid=synthetic-badge]').count()).toBe(1);
    await screenshot(page, 'start-synthetic');
    await page.close();
  });

  it('gives the focus back to the briefing button when Esc ends the briefing', async () => {
    const page = await browser.newPage({ width: 1366, height: 768 });
    await page.goto(RESOLUTION);
    await waitForGraph(page, 5);
    await page.click('[data-testid=briefing-start]');
    await page.locator('[data-testid=briefing]').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=briefing]').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('briefing-start');
    await page.close();
  });
});
