/** Briefing mode (steps through levels, captions) and PNG / SVG export of the current view. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { visibleNodeCount, waitForGraph } from './app.js';
import { SCREENSHOT_DIR, launchBrowser, screenshot, type BrowserHandle } from './browser.js';

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

  it('downloads the whole briefing as slides: a cover, then each step with its caption, picture and notes', async () => {
    const step = page.locator('[data-testid=briefing-step]');
    const before = { step: await step.textContent(), caption: await page.textContent('[data-testid=briefing-caption]'), nodes: await visibleNodeCount(page) };
    const [at, count] = /(\d+)\/(\d+)/.exec(before.step ?? '')!.slice(1).map(Number) as [number, number];
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-testid=briefing-deck]')]);
    expect(download.suggestedFilename()).toBe('cascade-28-NQ-TW.pptx');
    await download.saveAs(join(SCREENSHOT_DIR, 'briefing-slides.pptx'));
    const deck = await readDeck(readFileSync(await download.path()));
    // A cover, a slide per step, then the tasks by deadline and the days each level took (the seed's few rows: a slide).
    expect(deck.slides).toHaveLength(count + 3);
    expect(deck.slides.slice(count + 1).map((s) => s.texts[0])).toEqual(['Nhiệm vụ theo thời hạn', 'Số ngày mỗi cấp triển khai, theo tỉnh/thành và cấp']);
    const [schedule, lag] = deck.slides.slice(count + 1) as [Deck['slides'][0], Deck['slides'][0]];
    expect(schedule.texts[1]).toMatch(/^Tính đến \d{2}\/\d{2}\/\d{4}\.$/);
    expect(schedule.texts.slice(2, 7)).toEqual(['Thời hạn', 'Tình trạng', 'Nhiệm vụ', 'Cơ quan', 'Số văn bản triển khai']);
    expect(schedule.texts).toContain('Trong năm 2023');
    expect(schedule.texts).toContain('Thường xuyên');
    // The lag table's row of Bình Thuận's programme: one text, 133 days after the resolution.
    expect(lag.texts.join('|')).toContain('Bình Thuận|Cấp tỉnh|1|133|133');
    expect(deck.slides[0]!.texts[0]).toBe('28-NQ/TW');
    // Each step's slide is titled by the caption the briefing shows at that step.
    expect(at).toBeGreaterThan(1);
    expect(deck.slides[at]!.texts[0]).toBe(before.caption!.trim());
    expect(deck.slides[1]!.texts[0]).toMatch(/^28-NQ\/TW — /);
    expect(deck.slides[2]!.texts[0]).toMatch(/^Cấp tỉnh: 3 văn bản triển khai, 3 tỉnh\/thành/);
    expect(deck.slides[2]!.texts.at(-1)).toMatch(new RegExp(`^28-NQ/TW · Bước 2/${count} · Directive Graph · \\d{2}/\\d{2}/\\d{4}$`));
    expect(deck.slides[2]!.notes).toContain('58-CTr/TU · Chương trình hành động · Bình Thuận · 30/03/2023');
    // A picture per step, each of what that step shows: the graph grows from the root alone, so no two are alike and
    // the last is the largest.
    const sizes = deck.pictures.map((p) => p.width * p.height);
    expect(deck.pictures).toHaveLength(count);
    expect(new Set(deck.pictures.map((p) => p.base64)).size).toBe(count);
    expect(Math.max(...sizes)).toBe(sizes.at(-1));
    expect(sizes.at(-1)!).toBeGreaterThan(4 * sizes[0]!);
    for (const p of deck.pictures) expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(2400);
    // The screen is as it was: same step, same caption, same graph.
    expect(await step.textContent()).toBe(before.step);
    expect(await page.textContent('[data-testid=briefing-caption]')).toBe(before.caption);
    expect(await visibleNodeCount(page)).toBe(before.nodes);
    await expect.poll(() => page.locator('[data-testid=briefing-deck]').isEnabled()).toBe(true);
    await screenshot(page, 'briefing-after-deck');
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

  it('makes the slides from the toolbar too, in the language of the page', async () => {
    const other = await browser.newPage();
    await other.goto(`${cascadeUrl}&lang=en`);
    await waitForGraph(other, 5);
    const [download] = await Promise.all([other.waitForEvent('download', { timeout: 30_000 }), other.click('[data-testid=export-deck]')]);
    await download.saveAs(join(SCREENSHOT_DIR, 'briefing-slides-en.pptx'));
    const deck = await readDeck(readFileSync(await download.path()));
    expect(deck.slides.length).toBeGreaterThan(3);
    expect(deck.slides[0]!.texts).toContainEqual(expect.stringMatching(/^\d+ texts, \d+ provinces, \d+ organizations assigned tasks · \d+ briefing steps$/));
    expect(deck.slides[2]!.texts[0]).toMatch(/^Provincial: 3 implementing documents, 3 provinces/);
    expect(deck.slides[2]!.texts.at(-1)).toMatch(/^28-NQ\/TW · Step 2\/\d+ · Directive Graph · \d{4}-\d{2}-\d{2}$/);
    expect(deck.pictures).toHaveLength(deck.slides.length - 3);
    expect(deck.slides.slice(-2).map((s) => s.texts[0])).toEqual(['Tasks by deadline', expect.stringMatching(/^Days each level took/)]);
    // Not in a briefing: the page stays as it was.
    expect(await other.locator('[data-testid=briefing]').count()).toBe(0);
    expect(other.url()).not.toContain('step=');
    await other.close();
  });

  it('a table the server cannot give leaves the slides without it, and says so', async () => {
    const other = await browser.newPage();
    await other.route('**/graphql', (route) =>
      (route.request().postData() ?? '').includes('implementationLag')
        ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'the lag table failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }) })
        : route.continue(),
    );
    await other.goto(cascadeUrl);
    await waitForGraph(other, 5);
    const [download] = await Promise.all([other.waitForEvent('download', { timeout: 30_000 }), other.click('[data-testid=export-deck]')]);
    const deck = await readDeck(readFileSync(await download.path()));
    expect(deck.slides.at(-1)!.texts[0]).toBe('Nhiệm vụ theo thời hạn');
    expect(deck.slides.map((s) => s.texts[0])).not.toContain('Số ngày mỗi cấp triển khai, theo tỉnh/thành và cấp');
    expect(deck.pictures).toHaveLength(deck.slides.length - 2);
    const notice = other.locator('[data-testid=notices]');
    await expect.poll(() => notice.textContent()).toContain('Bộ trình chiếu thiếu bảng “Số ngày mỗi cấp triển khai, theo tỉnh/thành và cấp”');
    await screenshot(other, 'deck-without-lag');
    await other.close();
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

interface Deck {
  /** Each slide's texts in order (title first), and its speaker notes. */
  slides: Array<{ texts: string[]; notes: string }>;
  /** The pictures, in slide order, with their size from the PNG's header. */
  pictures: Array<{ base64: string; width: number; height: number }>;
}

/** A .pptx read back: the slides' paragraphs, their notes, and the pictures they show. */
async function readDeck(bytes: Buffer): Promise<Deck> {
  const zip = await JSZip.loadAsync(bytes);
  const numbered = (re: RegExp) => Object.keys(zip.files).filter((f) => re.test(f)).sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const paragraphs = (xml: string) => [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((r) => unescape(r[1]!)).join('')).filter(Boolean);
  const slides: Deck['slides'] = [];
  const pictures: Deck['pictures'] = [];
  for (const file of numbered(/^ppt\/slides\/slide\d+\.xml$/)) {
    const xml = await zip.file(file)!.async('string');
    const rels = await zip.file(file.replace('slides/', 'slides/_rels/') + '.rels')!.async('string');
    const notesFile = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    const notes = notesFile ? paragraphs(await zip.file(`ppt/notesSlides/${notesFile}`)!.async('string')).join('\n') : '';
    slides.push({ texts: paragraphs(xml), notes });
    for (const m of xml.matchAll(/<a:blip r:embed="(rId\d+)"/g)) {
      const target = new RegExp(`Id="${m[1]}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)![1]!;
      const png = Buffer.from(await zip.file(`ppt/media/${target}`)!.async('uint8array'));
      pictures.push({ base64: png.toString('base64'), width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
    }
  }
  return { slides, pictures };
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
