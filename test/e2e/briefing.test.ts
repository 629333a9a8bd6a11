/** Briefing mode (steps through levels, captions) and PNG / SVG export of the current view. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { visibleNodeCount, waitForGraph } from './app.js';
import { launchBrowser, screenshot, type BrowserHandle } from './browser.js';

const baseUrl = inject('baseUrl');
const cascadeUrl = `${baseUrl}/?code=${encodeURIComponent('28-NQ/TW')}&issuedOn=2022-11-17`;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('briefing mode and export', () => {
  let browser: BrowserHandle;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(cascadeUrl);
    await waitForGraph(page, 5);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('steps level by level with the arrow keys; captions change and the graph grows', async () => {
    await page.click('[data-testid=briefing-start]');
    const caption = page.locator('[data-testid=briefing-caption]');
    await caption.waitFor();
    await page.waitForTimeout(900);
    const captions = [await caption.textContent()];
    const counts = [await visibleNodeCount(page)];
    expect(captions[0]).toContain('28-NQ/TW');
    expect(counts[0]).toBe(1);
    await screenshot(page, 'briefing-step1');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(900);
      captions.push(await caption.textContent());
      counts.push(await visibleNodeCount(page));
      await screenshot(page, `briefing-step${i + 2}`);
    }
    // The provincial programmes and guidance below 28-NQ/TW: all implementing documents, with their median lag.
    expect(captions[1]).toMatch(/^Cấp tỉnh: 3 văn bản triển khai, 3 tỉnh\/thành · độ trễ trung vị \d+ ngày$/);
    // Then the provincial texts carrying those out (Bình Thuận's guidance on its programme, Sóc Trăng's front's plan):
    // the same level, said so rather than "Cấp tỉnh" twice in a row.
    expect(captions[2]).toMatch(/^Cấp tỉnh, thực hiện văn bản cùng cấp: 2 văn bản triển khai, 2 tỉnh\/thành/);
    for (let i = 1; i < captions.length; i++) {
      expect(captions[i]).not.toBe(captions[i - 1]);
      expect(counts[i]).toBeGreaterThan(counts[i - 1]!);
    }
    expect(page.url()).toContain('step=3');
    // fullscreen or the full-window fallback: the header is gone either way
    expect(await page.locator('.app-header').count()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(300);
    expect(await caption.textContent()).toBe(captions[2]);
    expect(await visibleNodeCount(page)).toBe(counts[2]);
  });

  it('exports the current view as a PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=briefing-png]')]);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(bytes.length).toBeGreaterThan(10 * 1024);
    // width / height from the IHDR chunk stay under the canvas limit
    expect(bytes.readUInt32BE(16)).toBeLessThanOrEqual(8000);
    expect(bytes.readUInt32BE(20)).toBeLessThanOrEqual(8000);
    // A white margin all round, and the title written in the band above the drawing (dark pixels on its first line).
    const look = await page.evaluate(async (b64) => {
      const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const dark = (x: number, y: number, w: number, h: number) => {
        const d = ctx.getImageData(x, y, w, h).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 128 && d[i + 1]! < 128 && d[i + 2]! < 128) n++;
        return n;
      };
      // The first 8 px all round, and the band above the drawing (its top tenth: the title's first line).
      return { edges: dark(0, 0, img.width, 8) + dark(0, 0, 8, img.height) + dark(img.width - 8, 0, 8, img.height), title: dark(0, 0, img.width, Math.round(img.height / 10)) };
    }, bytes.toString('base64'));
    expect(look.edges).toBe(0);
    expect(look.title).toBeGreaterThan(50);
  });

  it('exports the current view as an SVG that parses', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=briefing-svg]')]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length, shapes: doc.querySelectorAll('path, rect, text, polygon').length };
    }, text);
    expect(parsed.errors).toBe(0);
    expect(parsed.root.toLowerCase()).toBe('svg');
    expect(parsed.shapes).toBeGreaterThan(0);
    // What the picture shows, written above it: the root's code and title, then the step's caption.
    const caption = await page.textContent('[data-testid=briefing-caption]');
    const lines = await page.evaluate((svg) => [...new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement.children].filter((e) => e.nodeName === 'text').map((e) => e.textContent ?? ''), text);
    expect(lines[0]).toMatch(/^28-NQ\/TW( — |$)/);
    expect(lines.join(' ')).toContain(caption!.trim().split(/\s+/).slice(0, 3).join(' '));
    expect(lines[lines.length - 1]).toMatch(/^Directive Graph · /);
  });

  it('leaves briefing mode with Escape', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.app-header').waitFor();
    expect(page.url()).not.toContain('step=');
  });

  it('exports the full cascade as PNG from the toolbar too', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(bytes.length).toBeGreaterThan(10 * 1024);
  });

  it('downloads the gap list, the lag table and the assigned tasks as CSV files for a spreadsheet', async () => {
    const other = await browser.newPage();
    await other.goto(`${cascadeUrl}&gaps=1&lag=1&lang=en`);
    await waitForGraph(other, 5);
    await other.waitForSelector('[data-testid=gap-list-csv]');
    await other.waitForSelector('[data-testid=lag-table-csv]');
    await screenshot(other, 'csv-links');
    const download = async (testId: string) => {
      const [d] = await Promise.all([other.waitForEvent('download'), other.click(`[data-testid=${testId}]`)]);
      const bytes = readFileSync(await d.path());
      expect([...bytes.subarray(0, 3)], testId).toEqual([0xef, 0xbb, 0xbf]);
      return { name: d.suggestedFilename(), lines: bytes.toString('utf8').slice(1).trimEnd().split('\r\n') };
    };
    const gaps = await download('gap-list-csv');
    expect(gaps.name).toBe('gaps-28_NQ_TW.csv');
    expect(gaps.lines[0]).toBe('Organization,Unit,Province,Level,Tasks,Assigned by,Organization key');
    expect(gaps.lines.length).toBeGreaterThan(5);
    const lag = await download('lag-table-csv');
    expect(lag.name).toBe('lag-28_NQ_TW.csv');
    expect(lag.lines).toContain('Bình Thuận,Provincial,Central,1,1,133,133,133');
    const tasks = await download('assignments-csv');
    expect(tasks.name).toBe('assignments-28_NQ_TW.csv');
    expect(tasks.lines[0]).toMatch(/^Assigning document,/);
    expect(tasks.lines.some((l) => l.startsWith('58-CTr/TU,Action programme,2023-03-30,Bình Thuận,Provincial,'))).toBe(true);
    await other.close();
  });
});
