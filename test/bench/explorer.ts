/**
 * The explorer as a visitor meets it: headless Chromium opens the web app served by the API server on a cascade
 * (`/?code=UID`) and the time from navigation to the drawn graph is taken (API request, JSON, model, layout, styles,
 * first frame), then the graph is panned for two seconds and the frame rate counted; last, the briefing is made into
 * slides ("Xuất PPTX": every step drawn off screen, the .pptx written) and the time to the download taken, and the page
 * opened once more on the timeline ("Dòng thời gian", `time=1`) and the time to its drawn axis taken. Needs the built web app
 * (`npm run build -w web`) and /usr/bin/chromium; without them it says so instead of measuring.
 * Headless Chromium here renders without a GPU: a desktop browser is faster, the proportions hold.
 */
import { existsSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import path from 'node:path';
import { repoRoot } from '../../server/src/config.js';
import { launchBrowser } from '../e2e/browser.js';

export interface ExplorerTiming {
  /** Median over the measured loads, ms. */
  loadMs: number;
  panFps: number;
  nodes: number;
  loads: number;
  /** "Xuất PPTX" on the loaded view: click to download, ms; the file's size and slides. */
  deck: { ms: number; bytes: number; slides: number };
  /** The page opened on the timeline: navigation → drawn, ms; the texts it places. */
  timeline: { ms: number; texts: number };
}

/** Why the explorer cannot be measured here, or null when it can. */
export function explorerUnavailable(): string | null {
  if (!existsSync(path.join(repoRoot, 'web', 'dist', 'index.html'))) return 'web app not built (npm run build -w web)';
  if (!existsSync('/usr/bin/chromium')) return 'no /usr/bin/chromium';
  return null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** One warm-up load, then `loads` measured ones (each followed by a 2 s pan). */
export async function benchExplorer(base: string, uid: string, loads = 3): Promise<ExplorerTiming> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    const times: number[] = [];
    const fps: number[] = [];
    let nodes = 0;
    for (let i = 0; i <= loads; i++) {
      await page.goto('about:blank');
      const t0 = performance.now();
      await page.goto(`${base}/?code=${encodeURIComponent(uid)}`);
      await page.waitForFunction(() => ((globalThis as { __cy?: { nodes(): { length: number } } }).__cy?.nodes().length ?? 0) > 1);
      // Drawn: two animation frames after the elements arrived (Cytoscape draws in its own frame callback).
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      const loadMs = performance.now() - t0;
      // A string, not a function: tsx would add helpers the page does not have.
      const panned = (await page.evaluate(`(async () => {
        const cy = globalThis.__cy;
        const t0 = performance.now();
        let frames = 0;
        while (performance.now() - t0 < 2000) {
          cy.panBy({ x: 5, y: 3 });
          await new Promise((r) => requestAnimationFrame(r));
          frames++;
        }
        return { fps: frames / ((performance.now() - t0) / 1000), nodes: cy.nodes().length };
      })()`)) as { fps: number; nodes: number };
      nodes = panned.nodes;
      if (i > 0) {
        times.push(loadMs);
        fps.push(panned.fps);
      }
    }
    const t0 = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-deck]')]);
    const bytes = readFileSync(await download.path());
    const deck = { ms: performance.now() - t0, bytes: bytes.length, slides: (await JSZip.loadAsync(bytes)).file(/^ppt\/slides\/slide\d+\.xml$/).length };
    await page.goto('about:blank');
    const t1 = performance.now();
    await page.goto(`${base}/?code=${encodeURIComponent(uid)}&time=1`);
    await page.waitForFunction(() => ((globalThis as { __cy?: { nodes(s: string): { length: number } } }).__cy?.nodes('.axis-tick').length ?? 0) > 0);
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const timelineMs = performance.now() - t1;
    const texts = (await page.evaluate(`globalThis.__cy.nodes('[kind = "DIRECTIVE"]').filter((n) => !n.hasClass('hidden')).length`)) as number;
    return { loadMs: median(times), panFps: median(fps), nodes, loads, deck, timeline: { ms: timelineMs, texts } };
  } finally {
    await browser.close();
  }
}
