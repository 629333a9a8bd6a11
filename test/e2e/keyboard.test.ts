/**
 * The graph from the keyboard: Tab reaches it (a focus ring, the cursor on the root, said in a live region), the
 * arrows walk the drawn nodes as the picture lays them out, Enter opens the details of the node the announcement
 * named, Esc clears, Home and End jump (the cursor kept in view); the search box and a click keep their own ways.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickNode, readGraph, waitForGraph } from './app.js';
import { browserForTests, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');
const PROGRAMME = `${baseUrl}/?code=${encodeURIComponent('58-CTr/TU')}`;

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const cursorIds = (page: Page) => page.evaluate(() => (globalThis as any).__cy.nodes('.cursor').map((n: any) => n.id()) as string[]);
const said = (page: Page) => page.locator('[data-testid=graph-announcement]').textContent().then((s) => (s ?? '').trim());

/** Presses `key` and waits for the live region to say something new; gives the node under the cursor and what was said. */
async function press(page: Page, key: string): Promise<{ id: string | undefined; text: string }> {
  const before = await page.locator('[data-testid=graph-announcement]').textContent();
  await page.keyboard.press(key);
  await expect.poll(() => page.locator('[data-testid=graph-announcement]').textContent()).not.toBe(before);
  return { id: (await cursorIds(page))[0], text: await said(page) };
}

/** The name an announcement starts with: a text's code (or type), an organisation's name. */
const namedIn = (text: string) => text.replace(/^(Cơ quan|Organization): /, '').split(', ')[0]!;

describe('the graph from the keyboard', () => {
  const browser = browserForTests();

  it('is reached by Tab; the arrows walk the drawn nodes; Enter opens what was said, Esc clears', async () => {
    const page = await browser.newPage({ width: 1366, height: 768 });
    await page.goto(PROGRAMME);
    await waitForGraph(page, 5);
    const graph = page.locator('[data-testid=graph]');
    expect(await graph.getAttribute('tabindex')).toBe('0');
    expect(await graph.getAttribute('role')).toBe('application');
    expect(await graph.getAttribute('aria-roledescription')).toBe('đồ thị');
    expect(await graph.getAttribute('aria-label')).toBe('Đồ thị triển khai 58-CTr/TU');
    const help = await page.locator(`[id="${await graph.getAttribute('aria-describedby')}"]`).textContent();
    expect(help).toContain('Enter hoặc Space: xem chi tiết');
    expect(await page.locator('[data-testid=legend-keys]').textContent()).toContain('Bàn phím (Tab tới đồ thị): ↑ ↓');
    const { nodes, edges } = await readGraph(page);
    const root = nodes.find((n) => n.code === '58-CTr/TU' && n.kind === 'DIRECTIVE')!;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const linked = (parent: string, child: string) => edges.some((e) => e.source === parent && e.target === child && !e.hidden);

    // Tab through the header, the toolbar and the filters to the graph.
    for (let i = 0; i < 60 && (await focused(page)) !== 'graph'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('graph');
    // The ring (inside the canvas's edge), the cursor on the root, its name said.
    await expect.poll(() => graph.evaluate((el) => getComputedStyle(el, '::after').borderTopWidth)).toBe('3px');
    await expect.poll(() => cursorIds(page)).toEqual([root.id]);
    await expect.poll(() => said(page)).toMatch(/^58-CTr\/TU, Chương trình hành động, .*Văn bản gốc, Cấp tỉnh, Bình Thuận, Ngày ban hành \d\d\/\d\d\/\d{4}, nút 1\/1 của tầng$/);
    await screenshot(page, 'keyboard-focus-root');

    // ↓ along an edge to a node the root leads to, said with its place in its layer; down again to a layer of several.
    const down = await press(page, 'ArrowDown');
    expect(linked(root.id, down.id!)).toBe(true);
    expect(down.text).toMatch(/nút \d+\/\d+ của tầng$/);
    let here = down;
    const placeOf = (text: string) => /nút (\d+)\/(\d+) của tầng$/.exec(text)!.slice(1).map(Number) as [number, number];
    for (let i = 0; i < 4 && placeOf(here.text)[1] < 2; i++) {
      const next = await press(page, 'ArrowDown');
      expect(linked(here.id!, next.id!), `${here.id} → ${next.id}`).toBe(true);
      here = next;
    }
    const [place, count] = placeOf(here.text);
    expect(count).toBeGreaterThan(1);
    // ← / → to the neighbour in the same layer; none past its end.
    const side = await press(page, place < count ? 'ArrowRight' : 'ArrowLeft');
    expect(side.id).not.toBe(here.id);
    expect(side.text).toContain(`nút ${place < count ? place + 1 : place - 1}/${count} của tầng`);
    if (place + 1 === count) expect((await press(page, 'ArrowRight')).text).toBe('Không có nút nào theo hướng này');
    // ↑ up along an edge, ↓ back to the node it came from.
    const up = await press(page, 'ArrowUp');
    expect(linked(up.id!, side.id!)).toBe(true);
    expect((await press(page, 'ArrowDown')).id).toBe(side.id);
    const at = (await cursorIds(page))[0]!;
    const text = await said(page);
    // The node under the cursor is one of those drawn.
    expect(byId.has(at)).toBe(true);
    await screenshot(page, 'keyboard-cursor');

    // Enter opens the details of the node the announcement named, as a click does (sel= in the address).
    const chosen = await press(page, 'Enter');
    expect(chosen.id).toBe(at);
    expect(chosen.text).toBe(`Đã chọn: ${text.replace(/, nút \d+\/\d+ của tầng$/, '')}`);
    const details = page.locator('[data-testid=node-details]');
    await expect.poll(() => details.getAttribute('data-node')).toBe(at);
    expect((await details.locator('h2').textContent())!.startsWith(namedIn(text))).toBe(true);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(at);
    expect(await focused(page)).toBe('graph');
    await screenshot(page, 'keyboard-selected');

    // Esc clears the selection and the cursor; the focus stays; an arrow brings the cursor back where it was.
    await press(page, 'Escape');
    expect(await said(page)).toBe('Đã bỏ chọn');
    await details.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('sel')).toBeNull();
    expect(await cursorIds(page)).toEqual([]);
    expect(await focused(page)).toBe('graph');
    expect((await press(page, 'ArrowLeft')).id).toBe(at);

    // Home: the root; End: the last node, brought into view when it is out of it.
    expect((await press(page, 'Home')).id).toBe(root.id);
    await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const cy = (globalThis as any).__cy;
      cy.zoom({ level: 2.5, renderedPosition: cy.getElementById(cy.nodes('.cursor').id()).renderedPosition() });
    });
    const last = await press(page, 'End');
    expect(last.id).not.toBe(root.id);
    await page.waitForTimeout(400);
    const inView = await page.evaluate((id) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const cy = (globalThis as any).__cy;
      const bb = cy.getElementById(id).renderedBoundingBox({ includeLabels: true });
      return bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= cy.width() && bb.y2 <= cy.height();
    }, last.id);
    expect(inView).toBe(true);
    await screenshot(page, 'keyboard-end-in-view');
    await page.close();
  });

  it('starts from the node clicked, and leaves the search box its own arrows', async () => {
    const page = await browser.newPage({ width: 1366, height: 768 });
    await page.goto(`${PROGRAMME}&lang=en`);
    await waitForGraph(page, 5);
    expect(await page.locator('[data-testid=graph]').getAttribute('aria-roledescription')).toBe('graph');
    expect(await page.locator('[data-testid=legend-keys]').textContent()).toContain('Keyboard (Tab to the graph)');
    const board = (await readGraph(page)).nodes.find((n) => n.kind === 'ORGANIZATION' && !n.hidden)!;
    // A click selects and focuses the graph, without the ring or the cursor a keyboard focus shows.
    await clickNode(page, board.id);
    expect(await focused(page)).toBe('graph');
    expect(await cursorIds(page)).toEqual([]);
    // The first arrow shows the cursor on the node clicked.
    const first = await press(page, 'ArrowRight');
    expect(first.id).toBe(board.id);
    expect(first.text).toMatch(/^Organization: .*, node \d+ of \d+ in its layer$/);
    // Arrows typed in the search box move through its suggestions, not the cursor.
    await page.fill('[data-testid=search-input]', 'Ban');
    await page.locator('[data-testid=suggestion]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await cursorIds(page)).toEqual([]);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(board.id);
    await page.close();
  });
});
