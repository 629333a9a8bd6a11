/**
 * "Đọc thử một văn bản": a file chosen in the browser is read by the server as ingest reads it, shown beside its
 * text with each fact's quote marked, linked to the cascades it would join — and nothing is stored (storing with an
 * editor's token is tested in states.test.ts, on the graph of its own that suite writes to).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { docx } from '../fixtures/builders.js';
import { districtPlan } from '../fixtures/unit-texts.js';
import { repoRoot } from '../../server/src/config.js';
import { gqlData } from '../support/graphql.js';
import { waitForGraph } from './app.js';
import { browserForTests, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');
let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-read-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const totals = () => gqlData<{ c: Array<{ count: number }> }>('{ c: countsBy(dimension: TYPE, includeStubs: true) { count } }').then((d) => d.c.reduce((n, r) => n + r.count, 0));

describe('reading a file without storing it', () => {
  const browser = browserForTests();

  it('shows what a .docx plan says, marks a fact in its text, and opens the cascade it would join', async () => {
    const file = path.join(dir, 'ke-hoach-45-KH-HU.docx');
    fs.writeFileSync(file, docx(districtPlan('Hàm Thuận Bắc', '45-KH/HU', '12').split('\n')));
    const before = await totals();
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('open-read').click();
    await page.waitForURL(/[?&]read=1/);
    await page.getByTestId('read-file').setInputFiles(file);
    const facts = page.getByTestId('read-facts');
    await facts.waitFor();
    expect(await page.getByTestId('read-code').textContent()).toBe('45-KH/HU');
    expect(await page.getByTestId('read-status').getAttribute('data-status')).toBe('NEW');
    expect(await page.getByTestId('read-joins').textContent()).toContain('58-CTr/TU');
    expect(await page.getByTestId('read-warnings').count()).toBe(0);
    const assignments = page.getByTestId('read-assignments');
    expect(await assignments.textContent()).toContain('Ban Tuyên giáo Huyện ủy Hàm Thuận Bắc');
    expect(await assignments.textContent()).toContain('nhiệm vụ thường xuyên');
    // "Xem trong văn bản" on the assignment outlines its quote in the text.
    await assignments.locator('.show-in-text').first().click();
    const focused = page.locator('[data-testid=doc-text] mark.focused');
    await focused.waitFor();
    expect(await focused.textContent()).toBe('Ban Tuyên giáo Huyện ủy');
    await screenshot(page, 'read-file');
    expect(await totals()).toBe(before);
    // The cascade it would join opens from the link.
    await page.getByTestId('read-joins').getByRole('button', { name: '58-CTr/TU' }).click();
    await page.waitForURL(/code=58-CTr/);
    await waitForGraph(page, 3);
    expect(new URL(page.url()).searchParams.get('read')).toBeNull();
    // Back returns to the read page (its file is not kept: nothing of it is stored anywhere).
    await page.goBack();
    await page.getByTestId('read-file').waitFor({ state: 'attached' });
    await page.close();
  });

  it('reads several files at once: a list with what each is and whether the graph has it, a row opening its reading', async () => {
    const plan = path.join(dir, 'ke-hoach-46-KH-HU.docx');
    fs.writeFileSync(plan, docx(districtPlan('Bắc Bình', '46-KH/HU', '14').split('\n')));
    const programme = path.join(dir, '003_b599351afc1a319a.txt');
    fs.copyFileSync(path.join(repoRoot, 'seed', 'corpus', '003_b599351afc1a319a.txt'), programme);
    const other = path.join(dir, 'bao-cao.doc');
    fs.writeFileSync(other, 'binary');
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/?read=1`);
    await page.getByTestId('read-file').setInputFiles([plan, programme, other]);
    const rows = page.locator('[data-testid=read-batch] tbody tr');
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state'))), { timeout: 60_000 }).toEqual(['read', 'read', 'refused']);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(cells[0]!.slice(1, 4)).toEqual(['46-KH/HU Kế hoạch', 'Bình Thuận', 'mới']);
    expect(cells[1]!.slice(1, 4)).toEqual(['58-CTr/TU Chương trình hành động', 'Bình Thuận', 'đã lưu']);
    expect(cells[2]![1]).toContain('không đọc được');
    // The first file's reading shows; a row opens another's.
    expect(await page.getByTestId('read-code').textContent()).toBe('46-KH/HU');
    await rows.nth(1).getByRole('button').click();
    await expect.poll(() => page.getByTestId('read-code').textContent(), { timeout: 10_000 }).toBe('58-CTr/TU');
    expect(await page.getByTestId('read-status').getAttribute('data-status')).toBe('SAME_TEXT');
    expect(await page.getByTestId('store-form').count()).toBe(0);
    await screenshot(page, 'read-files');
    await rows.nth(2).getByRole('button').click();
    expect(await page.getByTestId('error').textContent()).toContain('bao-cao.doc');
    await page.close();
  });

  it('refuses a file of another type in the browser and a broken .docx with the server’s reason, in English', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/?read=1&lang=en`);
    const doc = path.join(dir, 'old.doc');
    fs.writeFileSync(doc, 'binary');
    await page.getByTestId('read-file').setInputFiles(doc);
    const error = page.getByTestId('error');
    await error.waitFor();
    expect(await error.textContent()).toContain('old.doc is of a type the tool does not read');
    const broken = path.join(dir, 'broken.docx');
    fs.writeFileSync(broken, 'not a zip file');
    await page.getByTestId('read-file').setInputFiles(broken);
    await page.waitForFunction(() => document.querySelector('[data-testid=error]')?.textContent?.includes('The server reported'));
    expect(await page.getByTestId('error').textContent()).toMatch(/docx/i);
    await screenshot(page, 'read-file-refused');
    await page.close();
  });
});
