/**
 * The explorer's own requests meet the answers the server computed ahead: after a visitor opened one cascade, the
 * largest other cascades are answered before anybody asks (api/cascade-ahead.ts), under the very key the browser's
 * request has. A server of its own (no other test's writes clear its cache meanwhile), serving the built web app.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/src/api/server.js';
import { waitForGraph } from './app.js';
import { launchBrowser, screenshot, type BrowserHandle } from './browser.js';

describe('cascades answered ahead', () => {
  let browser: BrowserHandle;
  let page: Page;
  let driver: Driver;
  let server: RunningServer;
  let base = '';

  beforeAll(async () => {
    const neo4j = (await import('neo4j-driver')).default;
    const { readConfig } = await import('../../server/src/config.js');
    const { startHttpServer } = await import('../../server/src/api/server.js');
    driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'x'));
    // No graph-version watch: a suite running alongside that writes to the shared graph would clear the answers.
    const config = readConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', RESPONSE_CACHE_TTL_S: '600', GRAPH_VERSION_POLL_MS: '0' });
    server = await startHttpServer(driver, config, () => undefined);
    base = `http://127.0.0.1:${server.port}`;
    await server.warmedUp;
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await driver?.close();
  });

  /** Opens `query` in the explorer and gives the X-Cache header of its cascade request. */
  async function open(query: string): Promise<string | null> {
    const answer = page.waitForResponse((r) => r.url().endsWith('/graphql') && /cascade\(/.test(r.request().postData() ?? ''));
    await page.goto(`${base}/?${query}`);
    const res = await answer;
    await waitForGraph(page, 3);
    return res.headers()['x-cache'] ?? null;
  }

  it('opens a cascade nobody asked for from memory once another one was opened', async () => {
    const { largestCascades } = await import('../../server/src/graph/queries/largest-cascades.js');
    const [, other] = (await largestCascades(driver, 80)).filter((d) => d.code !== '28-NQ/TW');
    expect(other).toBeDefined();
    const link = (d: { code: string; issuedOn: string | null; province: string | null }) =>
      new URLSearchParams({ code: d.code, ...(d.issuedOn ? { issuedOn: d.issuedOn } : {}), ...(d.province ? { province: d.province } : {}) }).toString();

    expect(await open('code=28-NQ/TW&issuedOn=2022-11-17')).toBe('MISS');
    // One quiet second later the server answers the largest cascades in the background; /health says when it is done.
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    while (Date.now() - t0 < 15_000) {
      const health = (await (await fetch(`${base}/health`)).json()) as { responseCache: { refreshing: boolean } };
      if (!health.responseCache.refreshing) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await open(link(other!))).toBe('HIT');
    await screenshot(page, 'answered-ahead');
  });
});
