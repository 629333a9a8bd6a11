/**
 * Web render benchmark: serves the built web app (web/dist — build it first with `npm run build -w web`)
 * from a tiny static server on a free loopback port, opens bench.html in headless Chromium with the
 * canvas renderer (as the app draws, and with edge patterns kept at every zoom) and the WebGL one, and prints
 * time to first render and frame rate while panning.
 * Prints, does not assert.   Usage: tsx test/bench/web-render.ts [--elements 10000] [--pan 3000]
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/browser.js';
import type { BenchResult } from '../../web/src/bench/result.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(here, '../../web/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

function serveDist(): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function main() {
  if (!existsSync(join(dist, 'bench.html'))) {
    console.error(`web/dist/bench.html not found — run "npm run build -w web" first.`);
    process.exitCode = 1;
    return;
  }
  const elements = arg('elements', 10_000);
  const pan = arg('pan', 3000);
  const server = await serveDist();
  const { port } = server.address() as AddressInfo;
  const browser = await launchBrowser(['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--enable-webgl', '--ignore-gpu-blocklist']);
  // Each run named by what it draws ("canvas, patterns always"), not only by its renderer.
  const results: Array<Omit<BenchResult, 'renderer'> & { renderer: string }> = [];
  try {
    // "canvas, patterns always": dashed and dotted edges keep their patterns when zoomed out (the app draws them
    // solid below SOLID_EDGES_BELOW_ZOOM, graph/edge-detail.ts) — the cost that rule saves.
    const runs = [
      { renderer: 'canvas', query: 'renderer=canvas' },
      { renderer: 'canvas, patterns always', query: 'renderer=canvas&patterns=always' },
      { renderer: 'webgl', query: 'renderer=webgl' },
    ];
    for (const { renderer, query } of runs) {
      const page = await browser.newPage({ width: 1920, height: 1080 });
      page.on('pageerror', (e) => console.error(`[${renderer}] page error: ${e.message}`));
      await page.goto(`http://127.0.0.1:${port}/bench.html?${query}&elements=${elements}&pan=${pan}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => (globalThis as { __benchResult?: unknown }).__benchResult !== undefined, undefined, { timeout: 180_000 });
      const result = (await page.evaluate(() => (globalThis as { __benchResult?: unknown }).__benchResult)) as BenchResult;
      results.push({ ...result, renderer });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`\nWeb render benchmark — synthetic cascade, ${elements} elements, panning ${pan} ms, headless Chromium 1920×1080`);
  console.table(
    results.map((r) =>
      r.error
        ? { renderer: r.renderer, error: r.error }
        : {
            renderer: r.renderer,
            'webgl active': r.webglActive,
            nodes: r.nodes,
            edges: r.edges,
            'build ms': r.buildMs,
            'layout ms': r.layoutMs,
            'first render ms': r.firstRenderMs,
            'pan fps': r.fps,
            'p95 frame ms': r.p95FrameMs,
            'cy renders': r.renders,
          },
    ),
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
