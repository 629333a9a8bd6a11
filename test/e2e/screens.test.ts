/**
 * The explorer on the screens it is used on: notices above the graph (closable, the root never under them) at
 * 1280×800, a phone's graph with room to work in, a lone root said rather than blown up, dates in the interface's order.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { readGraph, waitForGraph, type GraphNode } from './app.js';
import { browserForTests, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');
const url = (code: string, rest = '') => `${baseUrl}/?code=${encodeURIComponent(code)}${rest}`;

type Rect = { top: number; bottom: number; left: number; right: number };
const rects = (page: Page, selector: string): Promise<Rect[]> =>
  page.locator(selector).evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  }));
const meets = (a: Rect, b: GraphNode['box']) => a.left < b.x2 && b.x1 < a.right && a.top < b.y2 && b.y1 < a.bottom;

/**
 * Cascade requests asked to fold sooner, as a national cascade folds: its organisations above 3 and its levels
 * above 2 (the explorer asks for 400 and 600), so the seed cascade gets the notices a national one gets.
 */
async function foldSooner(page: Page) {
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { query?: string; variables?: Record<string, unknown> };
    if (!body.query?.includes('cascade(')) return route.continue();
    const variables = { ...body.variables };
    if (variables.foldOrganizationsAbove === 400) variables.foldOrganizationsAbove = 3;
    if (variables.foldLevelsAbove === 600) variables.foldLevelsAbove = 2;
    await route.fulfill({ response: await route.fetch({ postData: JSON.stringify({ ...body, variables }) }) });
  });
}

describe('screens', () => {
  const browser = browserForTests();

  it('keeps the root out from under the notices at 1280×800, and closes a notice', async () => {
    const page = await browser.newPage({ width: 1280, height: 800 });
    await foldSooner(page);
    for (const [code, notices] of [['58-CTr/TU', ['folded']], ['28-NQ/TW', ['levels-folded']]] as const) {
      await page.goto(url(code));
      await waitForGraph(page, 1);
      for (const id of notices) await page.locator(`[data-testid=${id}]`).waitFor();
      await page.waitForTimeout(300);
      const root = (await readGraph(page)).nodes.find((n) => n.code === code)!;
      const [graph] = await rects(page, '[data-testid=graph]');
      expect(root.box.y1, code).toBeGreaterThanOrEqual(graph!.top);
      expect(root.box.x1, code).toBeGreaterThanOrEqual(graph!.left);
      expect(root.box.x2, code).toBeLessThanOrEqual(graph!.right);
      for (const notice of await rects(page, '.notice')) expect(meets(notice, root.box), code).toBe(false);
      await screenshot(page, `notices-1280-${code.replace(/\W+/g, '-')}`);
    }
    // Closable, by a button saying so in the interface's language; the graph takes the room back.
    const close = page.locator('[data-testid=levels-folded] [data-testid=notice-close]');
    expect(await close.getAttribute('aria-label')).toBe('Đóng thông báo');
    const [before] = await rects(page, '[data-testid=graph]');
    await close.click();
    await page.locator('[data-testid=levels-folded]').waitFor({ state: 'detached' });
    const [after] = await rects(page, '[data-testid=graph]');
    expect(after!.bottom - after!.top).toBeGreaterThan(before!.bottom - before!.top);
    await page.goto(url('28-NQ/TW', '&lang=en'));
    expect(await page.locator('[data-testid=levels-folded] [data-testid=notice-close]').getAttribute('aria-label')).toBe('Close notice');
    await page.close();
  });

  it('gives the graph most of a phone\'s screen, the rest scrolling below; the briefing stays full screen', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(url('58-CTr/TU'));
    await waitForGraph(page, 5);
    const [area] = await rects(page, '.graph-area');
    expect(area!.bottom - area!.top).toBeGreaterThan(300);
    expect(area!.top).toBeLessThan(844 / 3);
    const root = (await readGraph(page)).nodes.find((n) => n.code === '58-CTr/TU')!;
    expect(root.box.y1).toBeGreaterThanOrEqual(area!.top);
    expect(root.box.y2).toBeLessThanOrEqual(area!.bottom);
    // The legend, filters and details follow, reached by scrolling the page.
    expect(await page.locator('[data-testid=cascade-view]').evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    await screenshot(page, 'phone-graph');
    await page.goto(url('58-CTr/TU', '&step=1'));
    await waitForGraph(page, 2);
    const [view] = await rects(page, '[data-testid=cascade-view]');
    expect(view).toEqual({ top: 0, bottom: 844, left: 0, right: 390 });
    const [briefingArea] = await rects(page, '.graph-area');
    expect(briefingArea!.bottom - briefingArea!.top).toBeGreaterThan(300);
    await screenshot(page, 'phone-briefing');
    await page.close();
  });

  it('says so when the filters leave the root alone, without blowing it up', async () => {
    const page = await browser.newPage({ width: 1280, height: 800 });
    await page.goto(url('58-CTr/TU', '&rel=CITES'));
    await waitForGraph(page, 5);
    const notice = page.locator('[data-testid=filter-empty]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Không có gì khớp với bộ lọc');
    expect((await readGraph(page)).zoom).toBeLessThanOrEqual(1.5);
    await screenshot(page, 'filter-empty');
    await page.click('[data-testid=filter-empty-reset]');
    await notice.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('rel')).toBeNull();
    await page.close();
  });

  it('writes and reads the filter dates in the interface\'s order', async () => {
    const page = await browser.newPage({ width: 1280, height: 800 });
    await page.goto(url('28-NQ/TW', '&from=2023-01-01'));
    await waitForGraph(page, 5);
    const from = page.locator('[data-testid=date-from]');
    expect(await from.inputValue()).toBe('01/01/2023');
    expect(await from.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await page.fill('[data-testid=date-to]', '31/12/2023');
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe('2023-12-31');
    await page.fill('[data-testid=date-to]', '31/02/2023');
    expect(await page.locator('[data-testid=date-to]').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('to')).toBe('2023-12-31');
    await screenshot(page, 'filter-dates');
    await page.click('[data-testid=lang-switch]');
    await expect.poll(() => from.inputValue()).toBe('2023-01-01');
    await page.close();
  });
});
