/** Shared headless Chromium for the e2e tests (playwright-core + the system Chromium). */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'e2e');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface BrowserHandle {
  context: BrowserContext;
  /** A new page (tab) at 1920×1080 unless told otherwise. */
  newPage: (viewport?: { width: number; height: number }) => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * Chromium with a fresh temporary profile. Playwright refuses `--user-data-dir` in `args` for
 * `launch()`, so the fresh directory is given to `launchPersistentContext` (same effect).
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<BrowserHandle> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'dg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1920, height: 1080 },
    acceptDownloads: true,
    locale: 'vi-VN',
  });
  for (const page of context.pages()) await page.close();
  return {
    context,
    newPage: async (viewport = { width: 1920, height: 1080 }) => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      page.setDefaultTimeout(20_000);
      return page;
    },
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The Chromium of one describe block: launched before its tests, closed after them. Call it in the block's body; the
 * handle it gives works once the tests run.
 */
export function browserForTests(extraArgs: string[] = []): BrowserHandle {
  let handle: BrowserHandle | undefined;
  beforeAll(async () => {
    handle = await launchBrowser(extraArgs);
  });
  afterAll(async () => {
    await handle?.close();
  });
  const launched = () => {
    if (!handle) throw new Error('the browser is launched before the tests of its block run');
    return handle;
  };
  return {
    get context() {
      return launched().context;
    },
    newPage: (viewport) => launched().newPage(viewport),
    close: async () => handle?.close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
