/**
 * "Dòng thời gian": the cascade's texts at the day they were issued, a band per level, against the real server in
 * headless Chromium — distances in days as the API's dates say, the axis above, organisations left out, the axis never
 * selected or walked, the view kept in the address and left as it was.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { readGraph, waitForGraph, type GraphNode } from './app.js';
import { browserForTests, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');
const ROOT = `${baseUrl}/?code=${encodeURIComponent('28-NQ/TW')}&issuedOn=2022-11-17`;

const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const axisLabels = (page: Page) => page.evaluate(() => (globalThis as any).__cy.nodes('.axis-tick').map((n: any) => n.data('label')).filter(Boolean) as string[]);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const dateOf = (page: Page, id: string) => page.evaluate((i) => (globalThis as any).__cy.getElementById(i).data('issuedOn') as string | null, id);

describe('the timeline', () => {
  const browser = browserForTests();

  it('puts each text at its day, a band per level, the axis above; organisations are not drawn; the address keeps it', async () => {
    const page = await browser.newPage();
    await page.goto(ROOT);
    await waitForGraph(page, 5);
    const layered = await readGraph(page);
    expect(layered.nodes.some((n) => n.kind === 'ORGANIZATION' && !n.hidden)).toBe(true);
    await page.click('[data-testid=timeline-toggle]');
    await expect.poll(() => new URL(page.url()).searchParams.get('time')).toBe('1');
    await page.waitForFunction(() => ((globalThis as { __cy?: { nodes(s: string): { length: number } } }).__cy?.nodes('.axis-tick').length ?? 0) > 0);
    await page.waitForTimeout(400);
    const { nodes } = await readGraph(page);
    const shown = nodes.filter((n) => !n.hidden && n.kind !== 'AXIS');
    expect(shown.some((n) => n.kind === 'ORGANIZATION')).toBe(false);
    const texts = shown.filter((n) => n.kind === 'DIRECTIVE');
    expect(texts.length).toBeGreaterThanOrEqual(5);
    const byCode = (code: string) => texts.find((n) => n.code === code)!;
    const root = byCode('28-NQ/TW');
    // Distances are days: 58-CTr/TU came 133 days after 28-NQ/TW, 32-CTr/TU 99 — the same scale for both.
    const dated = await Promise.all(texts.map(async (n) => ({ n, date: await dateOf(page, n.id) })));
    const withDates = dated.filter((d): d is { n: GraphNode; date: string } => !!d.date);
    const scale = (byCode('58-CTr/TU').x - root.x) / days('2022-11-17', '2023-03-30');
    expect(scale).toBeGreaterThan(0);
    for (const { n, date } of withDates) expect(n.x - root.x, n.code ?? n.id).toBeCloseTo(scale * days('2022-11-17', date), 3);
    // A band per level: the central root above the provincial texts, those above the district's.
    const provincial = texts.filter((n) => n.code === '58-CTr/TU' || n.code === '32-CTr/TU');
    for (const p of provincial) expect(p.y).toBeGreaterThan(root.y);
    // Texts with no date stand left of every dated one.
    for (const { n } of dated.filter((d) => !d.date)) for (const d of withDates) expect(n.x).toBeLessThan(d.n.x);
    // The axis: the months from the root's to after the last text, and the levels named.
    const labels = await axisLabels(page);
    expect(labels.slice(labels.indexOf('11/2022'), labels.indexOf('11/2022') + 3)).toEqual(['11/2022', '12/2022', '01/2023']);
    expect(labels).toContain('07/2023');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const bands = await page.evaluate(() => (globalThis as any).__cy.nodes('.axis-band').map((n: any) => n.data('label')) as string[]);
    expect(bands.slice(0, 2)).toEqual(['Trung ương', 'Cấp tỉnh']);
    await screenshot(page, 'timeline');

    // A link restores it.
    const again = await browser.newPage();
    await again.goto(page.url());
    await waitForGraph(again, 5);
    await again.waitForFunction(() => ((globalThis as { __cy?: { nodes(s: string): { length: number } } }).__cy?.nodes('.axis-tick').length ?? 0) > 0);
    expect(await again.locator('[data-testid=timeline-toggle]').getAttribute('aria-pressed')).toBe('true');
    await again.close();

    // Off again: the layered drawing with its organisations, no axis.
    await page.click('[data-testid=timeline-toggle]');
    await expect.poll(() => new URL(page.url()).searchParams.has('time')).toBe(false);
    await page.waitForTimeout(400);
    const back = await readGraph(page);
    expect(back.nodes.some((n) => n.kind === 'AXIS')).toBe(false);
    expect(back.nodes.some((n) => n.kind === 'ORGANIZATION' && !n.hidden)).toBe(true);
    await page.close();
  });

  it('never selects or walks the axis: a click on a month selects nothing, the keyboard goes from text to text', async () => {
    const page = await browser.newPage();
    await page.goto(`${ROOT}&time=1`);
    await waitForGraph(page, 5);
    await page.waitForTimeout(400);
    const { nodes } = await readGraph(page);
    const tick = nodes.find((n) => n.kind === 'AXIS' && n.id.startsWith('axis:tick:2023-03'))!;
    await page.mouse.click((tick.box.x1 + tick.box.x2) / 2, (tick.box.y1 + tick.box.y2) / 2);
    await page.waitForTimeout(300);
    expect(new URL(page.url()).searchParams.has('sel')).toBe(false);
    await expect.poll(() => page.locator('[data-testid=details-panel]').textContent()).toContain('Bấm vào một nút hoặc cạnh để xem chi tiết.');
    // From the keyboard: Home is the root, End the last text, never an axis element.
    await page.locator('[data-testid=graph]').focus();
    await page.keyboard.press('Home');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const cursor = () => page.evaluate(() => (globalThis as any).__cy.nodes('.cursor').map((n: any) => n.data('kind') as string));
    await expect.poll(cursor).toEqual(['DIRECTIVE']);
    await page.keyboard.press('End');
    await expect.poll(cursor).toEqual(['DIRECTIVE']);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowDown');
      expect(await cursor()).not.toContain('AXIS');
    }
    await page.close();
  });

  it('says the organisations are not drawn, and a gap leads out of it to its organisation', async () => {
    const page = await browser.newPage();
    await page.goto(`${ROOT}&time=1&gaps=1`);
    await waitForGraph(page, 5);
    const assigned = page.locator('[data-testid=rel-ASSIGNED_TO]');
    expect(await assigned.isDisabled()).toBe(true);
    expect(await assigned.isChecked()).toBe(false);
    expect(await page.locator('label', { has: assigned }).getAttribute('title')).toBe('Dòng thời gian chỉ vẽ văn bản: cơ quan không có ngày ban hành');
    // The address keeps the user's own filter: off the timeline the relation is back.
    expect(new URL(page.url()).searchParams.has('rel')).toBe(false);
    const link = page.locator('[data-testid=gap-link]').first();
    await link.waitFor();
    const name = (await link.textContent())!.trim();
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.has('time')).toBe(false);
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBeTruthy();
    const sel = new URL(page.url()).searchParams.get('sel')!;
    const org = (await readGraph(page)).nodes.find((n) => n.id === sel)!;
    expect(org.kind).toBe('ORGANIZATION');
    expect(org.hidden).toBe(false);
    await expect.poll(() => page.locator('[data-testid=details-panel]').textContent()).toContain(name.split(' (')[0]!);
    expect(await assigned.isDisabled()).toBe(false);
    expect(await assigned.isChecked()).toBe(true);
    await page.close();
  });

  it('speaks English, and the briefing and its slides show the axis', async () => {
    const page = await browser.newPage();
    await page.goto(`${ROOT}&time=1&lang=en`);
    await waitForGraph(page, 5);
    await page.waitForTimeout(400);
    const labels = await axisLabels(page);
    expect(labels).toContain('2022-11');
    expect(labels).toContain('undated');
    expect(await page.locator('[data-testid=timeline-toggle]').textContent()).toBe('Timeline');
    await screenshot(page, 'timeline-en');
    await page.click('[data-testid=briefing-start]');
    await page.locator('[data-testid=briefing-caption]').waitFor();
    await page.waitForTimeout(900);
    // The first step: the root alone on its axis.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const shown = await page.evaluate(() => (globalThis as any).__cy.nodes().filter((n: any) => !n.hasClass('hidden')).map((n: any) => n.data('kind') as string));
    expect(shown.filter((k: string) => k === 'DIRECTIVE')).toHaveLength(1);
    expect(shown.filter((k: string) => k === 'AXIS').length).toBeGreaterThan(5);
    await screenshot(page, 'timeline-briefing');
    await page.keyboard.press('Escape');
    await page.close();
  });
});
