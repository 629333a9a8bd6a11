/**
 * Error and empty states: server down (?api= pointing at a closed port), unknown directive; gap view; the province
 * filter across the 2025 reform (a new province covering the old ones it took over); texts of units below the province;
 * a text stored from the read page with an editor's token (the last three in a graph of their own).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { gqlData } from '../support/graphql.js';
import { docx } from '../fixtures/builders.js';
import { communePlan, communeUbndPlan, districtPlan } from '../fixtures/unit-texts.js';
import { clickNode, readGraph, waitForGraph } from './app.js';
import { browserForTests, launchBrowser, screenshot, type BrowserHandle } from './browser.js';
import { startOwnServer, type OwnServer } from './own-server.js';

const baseUrl = inject('baseUrl');
const DOWN = encodeURIComponent('http://127.0.0.1:1/graphql');
/** The secret of the graph of its own below, whose editors store a text from the read page. */
const EDITOR_SECRET = 'states-e2e-secret-0123456789abcdef';

describe('loading, error and empty states', () => {
  const browser = browserForTests();

  it('shows a clear error on the start page when the server is down', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/?api=${DOWN}`);
    const error = page.locator('[data-testid=error]');
    await error.waitFor();
    expect(await error.textContent()).toContain('Không kết nối được máy chủ');
    expect(await error.textContent()).toContain('127.0.0.1:1');
    await screenshot(page, 'server-down-start');
    await page.close();
  });

  it('shows the error in the cascade view too, in English when asked', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/?api=${DOWN}&code=28-NQ%2FTW&lang=en`);
    const error = page.locator('[data-testid=error]');
    await error.waitFor();
    expect(await error.textContent()).toContain('Cannot reach the data server');
    await screenshot(page, 'server-down-cascade');
    await page.close();
  });

  it('says so when a directive is not in the graph', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/?code=${encodeURIComponent('999-NQ/XYZ')}`);
    const message = page.locator('[data-testid=empty], [data-testid=error]').first();
    await message.waitFor();
    expect((await message.textContent())?.length).toBeGreaterThan(0);
    await screenshot(page, 'not-found');
    await page.close();
  });

  it('lists gaps and highlights them in the graph', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/?code=${encodeURIComponent('28-NQ/TW')}&issuedOn=2022-11-17&gaps=1`);
    await waitForGraph(page, 5);
    const list = page.locator('[data-testid=gap-list]');
    await list.waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid=gap-list] .status-loading'));
    const { gaps } = await gqlData<{ gaps: Array<{ key: string }> }>('{ gaps(code: "28-NQ/TW") { key } }');
    expect(await list.locator('li').count()).toBe(gaps.length);
    // The graph highlights exactly the gaps it draws (asked for by the organisations drawn).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const drawnOrgs: string[] = await page.evaluate(() => (globalThis as any).__cy.nodes('[kind = "ORGANIZATION"]').map((n: any) => n.id()));
    const expected = gaps.map((g) => g.key).filter((k) => drawnOrgs.includes(k)).sort();
    expect(expected.length).toBeGreaterThan(0);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await expect.poll(() => page.evaluate(() => (globalThis as any).__cy.nodes('.gap').map((n: any) => n.id()).sort())).toEqual(expected);
    await screenshot(page, 'gaps');
    await page.close();
  });

  it('tabulates the days each level took, and narrows to a province from it', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/?code=${encodeURIComponent('28-NQ/TW')}&issuedOn=2022-11-17`);
    await waitForGraph(page, 5);
    await page.click('[data-testid=lag-toggle]');
    const table = page.locator('[data-testid=lag-table]');
    await table.locator('tbody tr').first().waitFor();
    expect(page.url()).toContain('lag=1');
    // The rows are the API's, in its order (by level, then province).
    const { implementationLag: api } = await gqlData<{ implementationLag: Array<{ province: string | null; documents: number; medianDays: number | null; minDays: number | null; maxDays: number | null }> }>(
      '{ implementationLag(code: "28-NQ/TW") { province documents medianDays minDays maxDays } }',
    );
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(api.length);
    const programme = api.findIndex((r) => r.province === 'Bình Thuận' && r.minDays !== null);
    expect(programme).toBeGreaterThanOrEqual(0);
    const cells = await rows.nth(programme).locator('td').allTextContents();
    expect(cells[0]).toBe('Bình Thuận');
    expect(cells[2]).toContain(String(api[programme]!.documents));
    expect(cells[3]).toBe(api[programme]!.medianDays!.toLocaleString('vi-VN', { maximumFractionDigits: 1 }));
    const { minDays, maxDays } = api[programme]!;
    expect(cells[4]).toBe(minDays === maxDays ? String(minDays) : `${minDays} – ${maxDays}`);
    // 58-CTr/TU came 133 days after the resolution: within the Bình Thuận provincial range.
    expect(api[programme]!.minDays!).toBeLessThanOrEqual(133);
    expect(api[programme]!.maxDays!).toBeGreaterThanOrEqual(133);
    // Its propaganda board's guidance carries out the programme, not the resolution: a row of its own, said so.
    const levels = await table.locator('[data-testid=lag-level]').allTextContents();
    expect(levels[programme]).toBe('Cấp tỉnh');
    expect(levels).toContain('Cấp tỉnh (cùng cấp)');
    expect(await table.locator('[data-testid=lag-level]', { hasText: 'cùng cấp' }).first().getAttribute('title')).toBe('Cấp tỉnh, thực hiện văn bản cùng cấp');
    await screenshot(page, 'lag-table');
    // In a laptop's window (1 280 px, the narrowest sidebar) every column shows without scrolling sideways.
    const laptop = await browser.newPage({ width: 1280, height: 800 });
    await laptop.goto(`${baseUrl}/?code=${encodeURIComponent('28-NQ/TW')}&issuedOn=2022-11-17&lag=1`);
    await laptop.locator('[data-testid=lag-table] tbody tr').first().waitFor();
    const fit = await laptop.evaluate(() => {
      const box = document.querySelector('[data-testid=lag-table] .lag-scroll') as HTMLElement;
      return { client: box.clientWidth, scroll: box.scrollWidth };
    });
    expect(fit.client).toBeGreaterThan(200);
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    await screenshot(laptop, 'lag-table-1280');
    await laptop.close();
    // A province name narrows the graph to that province.
    await rows.nth(programme).locator('button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('prov')).toBe('Bình Thuận');
    expect(await rows.nth(programme).getAttribute('class')).toBe('on');
    await expect
      .poll(async () => new Set((await readGraph(page)).nodes.filter((n) => !n.hidden && n.kind === 'DIRECTIVE' && n.province).map((n) => n.province)))
      .toEqual(new Set(['Bình Thuận']));
    await page.close();
  });

  it('draws a national-size gap list a page at a time', async () => {
    // A national root has ≈ 30 000 gaps, sent 200 at a time. Here the real server's gaps of the seed are followed by
    // 450 made-up ones, and each page the web app asks for is cut from that list.
    const page = await browser.newPage();
    let real: Array<{ organization: string }> = [];
    const madeUp = Array.from({ length: 450 }, (_, i) => ({ organization: `Tổ chức thử ${i}`, key: `test-gap-${i}#national`, province: null, level: 'commune', tasks: 1 }));
    const pagesAsked: number[] = [];
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query?: string; variables?: { first?: number; offset?: number; keys?: string[] } };
      if (!body.query?.includes('gapPage(') || body.variables?.keys) return route.continue();
      const response = await route.fetch({ postData: JSON.stringify({ ...body, variables: { ...body.variables, first: 5000, offset: 0 } }) });
      const json = await response.json();
      real = json.data.gapPage.gaps;
      const all = [...real, ...madeUp];
      const { first = 200, offset = 0 } = body.variables ?? {};
      pagesAsked.push(offset);
      json.data.gapPage = { total: all.length, gaps: all.slice(offset, offset + first) };
      await route.fulfill({ response, json });
    });
    await page.goto(`${baseUrl}/?code=${encodeURIComponent('28-NQ/TW')}&issuedOn=2022-11-17&gaps=1`);
    await waitForGraph(page, 5);
    const rows = page.locator('[data-testid=gap-list] li');
    await expect.poll(() => rows.count()).toBe(200);
    const total = real.length + 450;
    expect(await page.locator('[data-testid=gap-count]').textContent()).toContain(total.toLocaleString('vi-VN'));
    // The real gaps come first (the server's order), each still leads to its organisation in the graph.
    expect(await rows.first().locator('[data-testid=gap-link]').textContent()).toBe(real[0]!.organization);
    expect(await rows.first().locator('[data-testid=gap-link]').isEnabled()).toBe(true);
    await page.click('[data-testid=gaps-more]');
    await expect.poll(() => rows.count()).toBe(400);
    await page.click('[data-testid=gaps-more]');
    await expect.poll(() => rows.count()).toBe(total);
    expect(await page.locator('[data-testid=gaps-more]').count()).toBe(0);
    // Each page was asked for once, from where the list ended.
    expect(pagesAsked).toEqual([0, 200, 400]);
    await page.close();
  });
});

/**
 * The seed's texts of 2023 say Bình Thuận; a plan of 2025 says Lâm Đồng, the province that took Bình Thuận over. In a
 * Neo4j and a server of their own (the seed and that plan), since the shared graph is read by suites running alongside.
 */
const UNIT_TEXTS: Record<string, string> = {
  'tuy-phong.txt': districtPlan('Tuy Phong', '12-KH/HU', '20'),
  'phu-lac.txt': communePlan('Phú Lạc', '15-KH/ĐU'),
  'phuoc-the.txt': communePlan('Phước Thể', '15-KH/ĐU'),
  'ubnd-phu-lac.txt': communeUbndPlan('Phú Lạc', '15-KH/ĐU', '10/5/2023'),
  'ubnd-phuoc-the.txt': communeUbndPlan('Phước Thể', '15-KH/ĐU', '10/5/2023').replace('Số 20/KH-UBND', 'Số 21/KH-UBND'),
};

describe('the province filter across the 2025 reform', () => {
  const ROOT_URL = `code=${encodeURIComponent('28-NQ/TW')}&issuedOn=2022-11-17`;
  const LAM_DONG_PLAN = [
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'TỈNH ỦY LÂM ĐỒNG',
    'Số 15-KH/TU',
    'Lâm Đồng, ngày 12 tháng 8 năm 2025',
    '',
    'KẾ HOẠCH',
    'tiếp tục thực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng',
    '',
    'Thực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII), Ban Thường vụ Tỉnh ủy ban hành kế hoạch thực hiện như sau:',
    '',
    'I. TỔ CHỨC THỰC HIỆN',
    '1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền (nhiệm vụ thường xuyên).',
    '2. Ủy ban Kiểm tra Tỉnh ủy kiểm tra, giám sát việc thực hiện (hằng năm).',
    '',
  ].join('\n');
  let own: OwnServer | undefined;
  let base = '';
  let browser: BrowserHandle;

  beforeAll(async () => {
    const { ingestText } = await import('../../server/src/ingest/ingest.js');
    own = await startOwnServer({
      name: 'provinces',
      env: { JWT_SECRET: EDITOR_SECRET },
      beforeStart: async (driver) => {
        await ingestText(driver, 'lam-dong-2025.txt', LAM_DONG_PLAN);
        // Below 58-CTr/TU: a district's plan, two of its communes' plans of one code and day, and their People's Committees'.
        for (const [file, text] of Object.entries(UNIT_TEXTS)) expect((await ingestText(driver, file, text)).nodes).toBeGreaterThan(0);
      },
    });
    base = own.base;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await own?.close();
  });

  /** The gaps the API lists for those provinces (all of them: one page of 200), their keys and provinces. */
  async function apiGaps(provinces: string[]): Promise<{ total: number; keys: Set<string>; provinces: Set<string | null> }> {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($p: [String!]) { gapPage(code: "28-NQ/TW", first: 200, provinces: $p) { total gaps { key province } } }', variables: { p: provinces } }),
    });
    const body = (await res.json()) as { data?: { gapPage: { total: number; gaps: Array<{ key: string; province: string | null }> } } };
    if (!body.data) throw new Error(`gapPage: ${JSON.stringify(body)}`);
    const { data } = body;
    expect(data.gapPage.gaps).toHaveLength(data.gapPage.total);
    return { total: data.gapPage.total, keys: new Set(data.gapPage.gaps.map((g) => g.key)), provinces: new Set(data.gapPage.gaps.map((g) => g.province)) };
  }
  const shownProvinces = async (page: Page, kind: string) => new Set((await readGraph(page)).nodes.filter((n) => !n.hidden && n.kind === kind && n.province).map((n) => n.province));
  const choice = (page: Page) => page.$eval('[data-testid=province-filter]', (s) => { const el = s as HTMLSelectElement; return { value: el.value, label: el.selectedOptions[0]?.textContent ?? '' }; });
  const gapRows = (page: Page) => page.locator('[data-testid=gap-list] li');

  it('shows under a new province the texts and gaps of the old one it took over, the gap list and the graph agreeing', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?${ROOT_URL}&gaps=1&lag=1`);
    await waitForGraph(page, 5);
    // Both names are in the cascade: the new province is offered with what it covers, the old one on its own.
    const select = page.locator('[data-testid=province-filter]');
    await expect.poll(() => select.locator('option').allTextContents()).toContain('Lâm Đồng (gồm Bình Thuận)');
    const labels = await select.locator('option').allTextContents();
    expect(labels).toContain('Bình Thuận');
    expect(labels).toContain('Quảng Nam');
    expect(await select.locator('option', { hasText: 'Lâm Đồng (gồm' }).getAttribute('value')).toBe('Lâm Đồng');

    await select.selectOption('Lâm Đồng');
    // The address keeps the plain name (links written before keep working).
    await expect.poll(() => new URL(page.url()).searchParams.get('prov')).toBe('Lâm Đồng');
    expect(await choice(page)).toEqual({ value: 'Lâm Đồng', label: 'Lâm Đồng (gồm Bình Thuận)' });
    await expect.poll(() => shownProvinces(page, 'DIRECTIVE')).toEqual(new Set(['Bình Thuận', 'Lâm Đồng']));
    expect(await shownProvinces(page, 'ORGANIZATION')).toEqual(new Set(['Bình Thuận', 'Lâm Đồng']));
    // The gap list is the API's for Lâm Đồng (Bình Thuận's gaps with it); every gap it lists that the graph holds is shown.
    const gaps = await apiGaps(['Lâm Đồng']);
    expect(gaps.provinces).toEqual(new Set(['Bình Thuận', 'Lâm Đồng']));
    await expect.poll(() => gapRows(page).count()).toBe(gaps.total);
    expect(await page.locator('[data-testid=gap-province]').textContent()).toBe(`${gaps.total} cơ quan thuộc Lâm Đồng (gồm Bình Thuận).`);
    const orgs = (await readGraph(page)).nodes.filter((n) => n.kind === 'ORGANIZATION' && gaps.keys.has(n.id));
    expect(new Set(orgs.map((n) => n.province))).toEqual(new Set(['Bình Thuận', 'Lâm Đồng']));
    expect(orgs.filter((n) => n.hidden).map((n) => n.id)).toEqual([]);
    // Each row leads to its organisation, drawn and shown.
    expect(await page.locator('[data-testid=gap-list] [data-testid=gap-text]').count()).toBe(0);
    // The lag table marks the rows of both names.
    const lagRows = page.locator('[data-testid=lag-table] tbody tr');
    await lagRows.first().waitFor();
    const marked = await lagRows.evaluateAll((rows) => rows.filter((r) => r.classList.contains('on')).map((r) => r.querySelector('td')?.textContent ?? ''));
    expect(new Set(marked)).toEqual(new Set(['Bình Thuận', 'Lâm Đồng']));
    await screenshot(page, 'province-new-map');

    // The old name stands only for itself: the Lâm Đồng plan and its organisations are hidden, its gaps not listed.
    await select.selectOption('Bình Thuận');
    await expect.poll(() => new URL(page.url()).searchParams.get('prov')).toBe('Bình Thuận');
    expect(await choice(page)).toEqual({ value: 'Bình Thuận', label: 'Bình Thuận' });
    await expect.poll(() => shownProvinces(page, 'DIRECTIVE')).toEqual(new Set(['Bình Thuận']));
    expect(await shownProvinces(page, 'ORGANIZATION')).toEqual(new Set(['Bình Thuận']));
    const old = await apiGaps(['Bình Thuận']);
    expect(old.provinces).toEqual(new Set(['Bình Thuận']));
    expect(old.total).toBeLessThan(gaps.total);
    await expect.poll(() => gapRows(page).count()).toBe(old.total);
    expect(await page.locator('[data-testid=gap-province]').textContent()).toBe(`${old.total} cơ quan thuộc Bình Thuận.`);
    expect(await gapRows(page).allTextContents()).not.toContainEqual(expect.stringContaining('Lâm Đồng'));
    const marks = await lagRows.evaluateAll((rows) => rows.filter((r) => r.classList.contains('on')).map((r) => r.querySelector('td')?.textContent ?? ''));
    expect(new Set(marks)).toEqual(new Set(['Bình Thuận']));
    await screenshot(page, 'province-old-map');
    await page.close();
  });

  it('tells two communes\' texts of one code and day apart: each drawn with its commune and linked to its own', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?code=${encodeURIComponent('58-CTr/TU')}&issuedOn=2023-03-30&province=${encodeURIComponent('Bình Thuận')}`);
    await waitForGraph(page, 5);
    const phuLac = '15-KH/ĐU@2023-05-10#binh-thuan/xa-phu-lac';
    const phuocThe = '15-KH/ĐU@2023-05-10#binh-thuan/xa-phuoc-the';
    await expect.poll(async () => (await readGraph(page)).nodes.filter((n) => n.code === '15-KH/ĐU').map((n) => n.id).sort()).toEqual([phuLac, phuocThe]);
    const labels = await page.evaluate(() =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      Object.fromEntries((globalThis as any).__cy.nodes().filter((n: any) => n.data('code') === '15-KH/ĐU').map((n: any) => [n.id(), n.data('label')])),
    );
    expect(labels[phuLac]).toMatch(/^15-KH\/ĐU\nxã Phú Lạc\n10\/05\/2023/);
    expect(labels[phuocThe]).toMatch(/^15-KH\/ĐU\nxã Phước Thể\n10\/05\/2023/);
    const { edges } = await readGraph(page);
    // Drawn from the implemented text to its implementers.
    const implementers = (uid: string) => edges.filter((e) => e.kind === 'IMPLEMENTS' && e.source === uid).map((e) => e.target);
    expect(implementers(phuLac)).toEqual(['20/KH-UBND@2023-05-18#binh-thuan/xa-phu-lac']);
    expect(implementers(phuocThe)).toEqual(['21/KH-UBND@2023-05-18#binh-thuan/xa-phuoc-the']);
    await clickNode(page, phuocThe);
    await expect.poll(() => page.locator('[data-testid=node-details] .meta').textContent()).toContain('xã Phước Thể');
    await screenshot(page, 'unit-texts');
    await page.close();
  });

  it('names what a new province covers in English too, from a link written with the plain name', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?${ROOT_URL}&lang=en&prov=${encodeURIComponent('Lâm Đồng')}`);
    await waitForGraph(page, 5);
    await expect.poll(() => choice(page)).toEqual({ value: 'Lâm Đồng', label: 'Lâm Đồng (incl. Bình Thuận)' });
    await expect.poll(() => shownProvinces(page, 'DIRECTIVE')).toEqual(new Set(['Bình Thuận', 'Lâm Đồng']));
    await page.close();
  });

  // Last in this graph of its own: it stores a district's plan below 58-CTr/TU.
  it('refuses a viewer token and a forged one, stores with an editor token, and the plan joins 58-CTr/TU’s cascade', async () => {
    const { mintToken } = await import('../../server/src/api/auth.js');
    const secret = new TextEncoder().encode(EDITOR_SECRET);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-store-'));
    const file = path.join(dir, 'ke-hoach-45-KH-HU.docx');
    fs.writeFileSync(file, docx(districtPlan('Hàm Thuận Bắc', '45-KH/HU', '12').split('\n')));
    const cascadeCodes = async () => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ cascade(code: "58-CTr/TU", province: "Bình Thuận") { nodes { code } } }' }),
      });
      return ((await res.json()) as { data: { cascade: { nodes: Array<{ code: string | null }> } } }).data.cascade.nodes.map((n) => n.code);
    };
    expect(await cascadeCodes()).not.toContain('45-KH/HU');
    const page = await browser.newPage();
    await page.goto(`${base}/?read=1`);
    await page.getByTestId('read-file').setInputFiles(file);
    await page.getByTestId('read-facts').waitFor();
    expect(await page.getByTestId('read-status').getAttribute('data-status')).toBe('NEW');
    const token = page.getByTestId('store-token');
    const error = page.getByTestId('store-error');
    await token.fill(await mintToken(secret, 'viewer'));
    await page.getByTestId('store-submit').click();
    await error.waitFor();
    expect(await error.textContent()).toContain('không có quyền biên tập');
    await token.fill(await mintToken(new TextEncoder().encode('another-secret-0123456789abcdefgh'), 'editor'));
    await page.getByTestId('store-submit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=store-error]')?.textContent?.includes('invalid token'));
    expect(await cascadeCodes()).not.toContain('45-KH/HU');
    await token.fill(await mintToken(secret, 'editor'));
    await page.getByTestId('store-submit').click();
    await page.getByTestId('stored').waitFor();
    expect(await page.getByTestId('stored').textContent()).toMatch(/Đã lưu vào đồ thị: [1-9]\d* nút/);
    // The page reads the file again: the graph now holds this very text, and there is nothing left to store.
    await expect.poll(() => page.getByTestId('read-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('SAME_TEXT');
    expect(await page.getByTestId('store-form').count()).toBe(0);
    await screenshot(page, 'read-file-stored');
    expect(await cascadeCodes()).toContain('45-KH/HU');
    await page.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
