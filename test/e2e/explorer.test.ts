/**
 * Cascade explorer against the real server + seed corpus: search → cascade layout → details panel with
 * a highlighted quote → deep link → English switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { clickNode, labelsOutsideTheirShape, overlaps, readGraph, waitForGraph } from './app.js';
import { launchBrowser, screenshot, type BrowserHandle } from './browser.js';
import { CASCADE_VIEW_QUERY, cascadeVariables } from '../../web/src/api/queries.js';
import { formatEdgeRef } from '../../web/src/graph/edge-link.js';

const baseUrl = inject('baseUrl');
const ROOT = '28-NQ/TW';

describe('cascade explorer', () => {
  let browser: BrowserHandle;
  let page: Page;
  let cascadeUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('start page lists the roots with their cascade sizes', async () => {
    await page.goto(baseUrl + '/');
    const card = page.locator(`[data-testid=root-card][data-code="${ROOT}"]`);
    await card.waitFor();
    expect(await card.textContent()).toMatch(/\d+ văn bản trong chuỗi/);
    // A root known only from mentions (no date) lists what is known, without an empty "·" part.
    const metas = await page.locator('[data-testid=root-card] .root-meta').allTextContents();
    expect(metas.length).toBeGreaterThan(3);
    for (const m of metas) expect(m, m).not.toMatch(/·\s*$|^\s*·|·\s*·/);
    expect(metas.some((m) => !/\d{2}\/\d{2}\/\d{4}/.test(m))).toBe(true);
    await screenshot(page, 'start');
  });

  it('search without diacritics suggests 28-NQ/TW and opens its cascade', async () => {
    await page.fill('[data-testid=search-input]', 'nghi quyet 28');
    const hit = page.locator(`[data-testid=suggestion][data-code="${ROOT}"]`).first();
    await hit.waitFor();
    await screenshot(page, 'search-suggestions');
    await hit.click();
    await waitForGraph(page, 5);
    expect(decodeURIComponent(page.url())).toContain(`code=${ROOT}`);
    cascadeUrl = page.url();
  });

  it('lays out 003 and 000 below 28-NQ/TW and shows 001/002/004 as citing it', async () => {
    const { nodes, edges } = await readGraph(page);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const root = nodes.find((n) => n.code === ROOT && n.kind === 'DIRECTIVE');
    expect(root).toBeDefined();
    // 003 = 58-CTr/TU (Bình Thuận provincial programme)
    const programmes = nodes.filter((n) => n.code === '58-CTr/TU');
    expect(programmes.length).toBeGreaterThan(0);
    for (const p of programmes) expect(p.y).toBeGreaterThan(root!.y);
    // 000 = the Bình Thuận guidance that implements 58-CTr/TU (edges are drawn parent → child)
    const implementsProgramme = edges.filter((e) => e.kind === 'IMPLEMENTS' && programmes.some((p) => p.id === e.source));
    expect(implementsProgramme.length).toBeGreaterThan(0);
    for (const e of implementsProgramme) {
      const guidance = byId.get(e.target)!;
      expect(guidance.province).toBe('Bình Thuận');
      expect(guidance.y).toBeGreaterThan(byId.get(e.source)!.y);
      expect(guidance.y).toBeGreaterThan(root!.y);
    }
    // citing: 001 (Quảng Nam plan), 002 (374/KH-MTTQ-BTT, Sóc Trăng), 004 (86-HD/BTGTU, Bình Phước)
    const citing = edges.filter((e) => e.kind === 'CITES' && e.source === root!.id).map((e) => byId.get(e.target)!);
    expect(citing.map((n) => n.code)).toEqual(expect.arrayContaining(['86-HD/BTGTU', '374/KH-MTTQ-BTT']));
    expect(citing.some((n) => n.province === 'Quảng Nam')).toBe(true);
    for (const n of citing) expect(n.y).toBeGreaterThan(root!.y);
  });

  it('draws no overlapping nodes or labels on the seed cascade', async () => {
    const { nodes } = await readGraph(page);
    const shown = nodes.filter((n) => !n.hidden);
    const clashes: string[] = [];
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++) if (overlaps(shown[i]!.box, shown[j]!.box)) clashes.push(`${shown[i]!.id} × ${shown[j]!.id}`);
    expect(clashes).toEqual([]);
    // Every line of every label inside its node's shape (hexagons and octagons narrow towards their top and bottom).
    expect(await labelsOutsideTheirShape(page)).toEqual([]);
    await screenshot(page, 'cascade');
  });

  it('frames the whole cascade in the canvas after opening it from the start page', async () => {
    // The first fit runs while the page around the canvas is still settling (details panel, filter bar);
    // the canvas refits on that resize as long as the user has not moved the view.
    const canvas = (await page.locator('[data-testid=graph]').boundingBox())!;
    const shown = (await readGraph(page)).nodes.filter((n) => !n.hidden);
    const outside = shown.filter((n) => n.box.x1 < canvas.x - 1 || n.box.y1 < canvas.y - 1 || n.box.x2 > canvas.x + canvas.width + 1 || n.box.y2 > canvas.y + canvas.height + 1);
    expect(outside.map((n) => n.id)).toEqual([]);
  });

  it('draws cites and assignment edges solid only when zoomed out too far to see their patterns', async () => {
    const styles = () =>
      page.evaluate(() => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const cy = (globalThis as any).__cy;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const lineStyles = (sel: string) => [...new Set(cy.edges(sel).map((e: any) => e.style('line-style')))].sort();
        return { cites: lineStyles('.cites'), assigned: lineStyles('.assigned-to'), implementsEdges: lineStyles('.implements') };
      });
    const zoomTo = (z: number) =>
      page.evaluate((zoom) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const cy = (globalThis as any).__cy;
        const before = { zoom: cy.zoom(), pan: { ...cy.pan() } };
        cy.zoom(zoom);
        return before;
      }, z);
    expect(await styles()).toEqual({ cites: ['dashed'], assigned: ['dotted'], implementsEdges: ['solid'] });
    const before = await zoomTo(0.1);
    expect(await styles()).toEqual({ cites: ['solid'], assigned: ['solid'], implementsEdges: ['solid'] });
    await zoomTo(0.6);
    expect(await styles()).toEqual({ cites: ['dashed'], assigned: ['dotted'], implementsEdges: ['solid'] });
    await page.evaluate((v) => {
      (globalThis as unknown as { __cy: { viewport(v: unknown): void } }).__cy.viewport(v);
    }, before);
  });

  it('opens the details panel with the source quote highlighted in the text', async () => {
    const { nodes } = await readGraph(page);
    const programme = nodes.find((n) => n.code === '58-CTr/TU' && !n.stub) ?? nodes.find((n) => n.code === '58-CTr/TU')!;
    await clickNode(page, programme.id);
    await page.locator(`[data-testid=node-details][data-node="${programme.id}"]`).waitFor();
    const mark = page.locator('[data-testid=doc-text] mark').first();
    await mark.waitFor();
    expect((await mark.textContent())?.trim().length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=assignments] .tasks li').count()).toBeGreaterThan(0);
    const query = await page.locator('[data-testid=copy-query]').first().getAttribute('data-copy');
    expect(query).toContain('directives(where: { uid: { eq: $uid } })');
    expect(decodeURIComponent(page.url())).toContain(`sel=${programme.id}`);
    await screenshot(page, 'details-panel');
  });

  it('loads titles with the selected directive, not with every node, and marks synthetic texts', async () => {
    // The explorer's cascade asks for every node's fields but their titles (the longest); the details panel shows the
    // title of the directive's own record. A synthetic text (here: the real record marked so) gets a badge.
    const other = await browser.newPage();
    const cascadeQueries: string[] = [];
    const titles = new Map<string, string>();
    await other.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query?: string };
      const response = await route.fetch();
      const json = await response.json();
      if (body.query?.includes('cascade(')) cascadeQueries.push(body.query);
      const d = body.query?.includes('directives(') ? json.data?.directives?.[0] : null;
      if (d?.title) titles.set(d.uid, d.title);
      if (d?.code === '58-CTr/TU') d.synthetic = true;
      await route.fulfill({ response, json });
    });
    await other.goto(cascadeUrl.split('&sel=')[0]!);
    await waitForGraph(other, 5);
    expect(cascadeQueries.length).toBeGreaterThan(0);
    for (const q of cascadeQueries) {
      expect(q.match(/root \{([^}]*)\}/)![1]).toContain('title');
      expect(q.match(/nodes \{([^}]*)\}/)![1]).not.toMatch(/\btitle\b/);
    }
    // The header still names the root's title.
    expect(await other.locator('.cascade-title').textContent()).toContain('—');
    const { nodes } = await readGraph(other);
    const programme = nodes.find((n) => n.code === '58-CTr/TU' && !n.stub) ?? nodes.find((n) => n.code === '58-CTr/TU')!;
    const plan = nodes.find((n) => n.kind === 'DIRECTIVE' && n.code && n.code !== ROOT && n.code !== '58-CTr/TU' && !n.stub)!;
    await clickNode(other, plan.id);
    const details = other.locator(`[data-testid=node-details][data-node="${plan.id}"]`);
    await details.waitFor();
    await expect.poll(() => titles.has(plan.id)).toBe(true);
    await expect.poll(() => details.locator('dl.meta').textContent()).toContain(titles.get(plan.id)!.slice(0, 40));
    expect(await details.locator('[data-testid=synthetic-badge]').count()).toBe(0);
    await clickNode(other, programme.id);
    const badge = other.locator(`[data-testid=node-details][data-node="${programme.id}"] [data-testid=synthetic-badge]`);
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toMatch(/thử nghiệm|testing/);
    // Its long labels ("Độ trễ so với văn bản cấp trên": it came 133 days after 28-NQ/TW) wrap rather than squeeze the
    // title and the other values into a narrow column.
    const meta = other.locator(`[data-testid=node-details][data-node="${programme.id}"] dl.meta`);
    expect(await meta.textContent()).toContain('Độ trễ so với văn bản cấp trên');
    const [labels, all] = await meta.evaluate((dl) => [dl.querySelector('dt')!.getBoundingClientRect().width, dl.getBoundingClientRect().width]);
    expect(labels / all).toBeLessThanOrEqual(0.41);
    await screenshot(other, 'synthetic-badge');
    await other.close();
  });

  it('lays out again what the filters leave: no rows kept free for hidden assignees', async () => {
    const directives = async () => (await readGraph(page)).nodes.filter((n) => !n.hidden && n.kind === 'DIRECTIVE');
    const span = (ns: { y: number }[]) => Math.max(...ns.map((n) => n.y)) - Math.min(...ns.map((n) => n.y));
    const all = await directives();
    await page.locator('[data-testid=rel-ASSIGNED_TO]').uncheck();
    await page.waitForTimeout(300);
    const without = await directives();
    expect(without.map((n) => n.id).sort()).toEqual(all.map((n) => n.id).sort());
    // The Quảng Nam plan sat below the organisation rows; with them hidden the directives close up.
    expect(span(without)).toBeLessThan(span(all) * 0.8);
    await page.locator('[data-testid=rel-ASSIGNED_TO]').check();
    await page.waitForTimeout(300);
    expect(span(await directives())).toBeCloseTo(span(all), 0);
  });

  it('draws a link stated by several texts once, and says so in its details', async () => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CASCADE_VIEW_QUERY, variables: cascadeVariables({ code: ROOT }, 4, 'DOWN') }),
    });
    const edges = ((await res.json()) as { data: { cascade: { edges: Array<{ id: string; source: string; target: string; kind: string; statements: number }> } } }).data.cascade.edges;
    const merged = edges.find((e) => e.statements > 1)!;
    expect(merged).toBeDefined();
    const other = await browser.newPage();
    // Named as the explorer names an edge (its relation and ends): the other suites write the seed again meanwhile,
    // which gives its relationships new ids — an id read here was sometimes gone when the page asked (CI).
    const ref = formatEdgeRef({ kind: merged.kind as 'IMPLEMENTS' | 'CITES' | 'ASSIGNED_TO', source: merged.source, target: merged.target, n: 1 });
    await other.goto(`${cascadeUrl.split('&sel=')[0]!}&sel=${encodeURIComponent(ref)}`);
    await waitForGraph(other, 5);
    const drawn = await readGraph(other);
    // One line between the two texts for that kind of link.
    expect(drawn.edges.filter((e) => e.kind === merged.kind && [e.source, e.target].sort().join() === [merged.source, merged.target].sort().join())).toHaveLength(1);
    const note = other.locator('[data-testid=edge-details] [data-testid=stated-also]');
    await note.waitFor();
    expect(await note.textContent()).toBe(`Cũng được nêu trong ${merged.statements - 1} văn bản khác`);
    await screenshot(other, 'stated-also');
    await other.close();
  });

  it('restores the same view from a deep link', async () => {
    await page.locator('[data-testid=rel-ASSIGNED_TO]').uncheck();
    await page.waitForTimeout(200);
    const url = page.url();
    expect(url).toContain('rel=');
    const before = await readGraph(page);
    const selected = await page.locator('[data-testid=node-details]').getAttribute('data-node');

    const other = await browser.newPage();
    await other.goto(url);
    await waitForGraph(other, 5);
    await other.locator('[data-testid=node-details]').waitFor();
    expect(await other.locator('[data-testid=node-details]').getAttribute('data-node')).toBe(selected);
    expect(await other.locator('[data-testid=rel-ASSIGNED_TO]').isChecked()).toBe(false);
    const after = await readGraph(other);
    const shownIds = (g: typeof before) => g.nodes.filter((n) => !n.hidden).map((n) => n.id).sort();
    expect(shownIds(after)).toEqual(shownIds(before));
    expect(after.nodes.filter((n) => !n.hidden && n.kind === 'ORGANIZATION')).toEqual([]);
    await screenshot(other, 'deep-link');
    await other.close();
  });

  it('asks the server for just the chosen province when the cascade was cut by its cap', async () => {
    // The seed cascade is small; a national resolution's is cut at maxNodes. The first answer is marked cut here
    // (everything else is the real server's), so the explorer must fetch the province's own cascade.
    const other = await browser.newPage();
    const asked: { provinces?: string[] }[] = [];
    await other.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query?: string; variables?: { provinces?: string[] } };
      const isCascade = body.query?.includes('cascade(') ?? false;
      if (isCascade) asked.push(body.variables ?? {});
      const response = await route.fetch();
      const json = await response.json();
      if (isCascade && !body.variables?.provinces && json.data?.cascade) json.data.cascade.truncated = true;
      await route.fulfill({ response, json });
    });
    await other.goto(`${cascadeUrl.split('&sel=')[0]}&prov=${encodeURIComponent('Sóc Trăng')}`);
    await waitForGraph(other, 2);
    await expect.poll(() => asked.some((v) => v.provinces?.join() === 'Sóc Trăng'), { timeout: 10_000 }).toBe(true);
    await other.locator('[data-testid=truncated]').waitFor({ state: 'detached' });
    const shown = (await readGraph(other)).nodes.filter((n) => !n.hidden && n.kind === 'DIRECTIVE' && n.code !== ROOT);
    expect(shown.map((n) => n.code)).toContain('374/KH-MTTQ-BTT');
    for (const n of shown) expect(n.province).toBe('Sóc Trăng');
    // "Copy GraphQL query" hands notebooks the narrowed request too
    const copied = await other.locator('[data-testid=copy-query]').first().getAttribute('data-copy');
    expect(copied).toContain('"provinces"');
    expect(copied).toContain('Sóc Trăng');
    await other.close();
  });

  it('folds the organisations of a large cascade into their directives until asked to show them', async () => {
    // The seed cascade assigns tasks to a few dozen organisations; a national one to thousands. Here the real
    // server's answer gets 450 more organisations assigned by the root, so it crosses the fold threshold (400).
    const other = await browser.newPage();
    const EXTRA = 450;
    let rootId = '';
    await other.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query?: string };
      const response = await route.fetch();
      const json = await response.json();
      const c = body.query?.includes('cascade(') ? json.data?.cascade : null;
      if (c?.root && c.nodes.length < 500) {
        rootId = c.root.id;
        for (let i = 0; i < EXTRA; i++) {
          const id = `test-org-${i}#binh-thuan`;
          c.nodes.push({ ...c.nodes.find((n: { kind: string }) => n.kind === 'ORGANIZATION'), id, label: `Tổ chức thử ${i} (Bình Thuận)`, title: `Tổ chức thử ${i}`, parent: rootId, depth: 1 });
          c.edges.push({ id: `test-assign-${i}`, source: rootId, target: id, kind: 'ASSIGNED_TO', inferred: false, lagDays: null });
        }
      }
      await route.fulfill({ response, json });
    });
    await other.goto(cascadeUrl.split('&sel=')[0]!);
    await waitForGraph(other, 5);
    const notice = other.locator('[data-testid=folded]');
    await notice.waitFor();
    // The notice counts the assignments folded away (one per organisation a directive assigns tasks to).
    const total = Number((await notice.textContent())!.match(/^([\d.]+)/)![1]!.replace(/\./g, ''));
    expect(total).toBeGreaterThan(EXTRA);
    // Only directives on the canvas; the root says how many organisations it assigns tasks to.
    const folded = await readGraph(other);
    expect(folded.nodes.filter((n) => n.kind === 'ORGANIZATION')).toEqual([]);
    expect(folded.edges.filter((e) => e.kind === 'ASSIGNED_TO')).toEqual([]);
    const rootLabel = (await other.evaluate(`globalThis.__cy.getElementById(${JSON.stringify(rootId)}).data('label')`)) as string;
    const rootAssignees = Number(rootLabel.match(/\+(\d+) cơ quan/)![1]);
    expect(rootAssignees).toBeGreaterThanOrEqual(EXTRA);
    // The details panel still lists the folded assignees of the selected directive.
    await clickNode(other, rootId);
    await expect.poll(() => other.locator('[data-testid=node-details] [data-testid=assignments] > li').count(), { timeout: 10_000 }).toBe(rootAssignees);
    expect(await other.locator('[data-testid=assignments]').first().textContent()).toContain('Tổ chức thử 449');
    await screenshot(other, 'folded-organisations');
    // One click draws them all, and the address keeps that choice.
    await other.click('[data-testid=show-organizations]');
    await notice.waitFor({ state: 'detached' });
    await expect.poll(async () => (await readGraph(other)).edges.filter((e) => e.kind === 'ASSIGNED_TO').length, { timeout: 10_000 }).toBe(total);
    expect((await readGraph(other)).nodes.filter((n) => n.kind === 'ORGANIZATION').length).toBeGreaterThan(EXTRA);
    expect(other.url()).toContain('orgs=1');
    await other.close();
  });

  /**
   * A page whose cascade requests ask the server to fold above 3 organisations instead of the explorer's 400: the
   * seed has a few dozen, a national cascade thousands. Everything else — folding, counts, later requests — is real.
   */
  async function foldingPage() {
    return loweredPage<{ foldedAssignments: number; root: { id: string; assignees: number | null }; nodes: Array<{ id: string; kind: string; assignees: number | null }> }>('foldOrganizationsAbove', 400, 3);
  }

  /** A page whose cascade requests ask with `variable` lowered from the explorer's `from` to `to`; the answers to those. */
  async function loweredPage<Answer>(variable: 'foldOrganizationsAbove' | 'foldLevelsAbove', from: number, to: number) {
    const other = await browser.newPage();
    const asked: Array<{ relations?: string[]; depth?: number; direction?: string; foldOrganizationsAbove?: number; foldLevelsAbove?: number }> = [];
    const answers: Answer[] = [];
    await other.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query?: string; variables?: Record<string, unknown> };
      if (!body.query?.includes('cascade(')) return route.continue();
      const variables = { ...body.variables };
      if (variables[variable] === from) variables[variable] = to;
      asked.push(variables);
      const response = await route.fetch({ postData: JSON.stringify({ ...body, variables }) });
      const json = await response.json();
      if (variables[variable] === to) answers.push(json.data.cascade);
      await route.fulfill({ response, json });
    });
    return { other, asked, answers };
  }

  it('draws a large cascade\'s highest levels with their lower levels counted, expands one, and shows every level', async () => {
    // The explorer asks the server to fold the levels below those that fit in 600 texts; here in 2, which the seed
    // resolution's two provincial implementers overflow. Everything else — counts, expansion, "every level" — is real.
    const { other, asked, answers } = await loweredPage<{ foldedLevels: string[]; foldedImplementers: number; nodes: Array<{ id: string; kind: string; implementersFolded: number | null }> }>('foldLevelsAbove', 600, 2);
    await other.goto(cascadeUrl.split('&sel=')[0]!);
    const notice = other.locator('[data-testid=levels-folded]');
    await notice.waitFor();
    await waitForGraph(other, 1);
    const folded = answers[0]!;
    expect(folded.foldedLevels).toEqual(['provincial']);
    expect(folded.foldedImplementers).toBe(2);
    expect(await notice.textContent()).toContain('2 văn bản cấp dưới (Cấp tỉnh)');
    const drawn = await readGraph(other);
    const directives = drawn.nodes.filter((n) => n.kind === 'DIRECTIVE');
    expect(directives.map((n) => n.code)).toEqual([ROOT]);
    const rootId = directives[0]!.id;
    const label = () => other.evaluate(`globalThis.__cy.getElementById(${JSON.stringify(rootId)}).data('label')`) as Promise<string>;
    expect(await label()).toContain('+2 văn bản cấp dưới');
    // Its fourth, longest line — bold, as the root's label is — inside the hexagon too.
    expect(await labelsOutsideTheirShape(other)).toEqual([]);
    await screenshot(other, 'levels-folded');
    // A briefing says it too.
    await other.click('[data-testid=briefing-start]');
    expect(await other.locator('[data-testid=briefing-caption]').textContent()).toContain('+2 văn bản cấp dưới');
    await other.keyboard.press('Escape');
    await other.locator('[data-testid=briefing]').waitFor({ state: 'detached' });
    // Expanded, the root draws its neighbours — the provincial texts implementing it — and no longer counts them.
    await clickNode(other, rootId);
    await other.click('[data-testid=node-details] [data-testid=expand]');
    await expect.poll(async () => (await readGraph(other)).nodes.filter((n) => n.kind === 'DIRECTIVE' && n.code === '58-CTr/TU').length, { timeout: 10_000 }).toBe(1);
    expect(await label()).not.toContain('văn bản cấp dưới');
    // It asked for what the count promised: the texts implementing it (and its assignments), not those citing it.
    expect(asked.find((v) => v.depth === 1 && v.direction === 'BOTH')!.relations).toEqual(['IMPLEMENTS', 'ASSIGNED_TO']);
    // The notice counts what is still folded: the two texts the expansion brought in are drawn, nothing is left.
    await notice.waitFor({ state: 'detached' });
    // Collapsed, they are folded again and counted again.
    await other.click('[data-testid=node-details] [data-testid=expand]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('2 văn bản cấp dưới (Cấp tỉnh)');
    // Every level: the request without folding, the whole seed cascade drawn, the notice gone.
    await other.click('[data-testid=show-levels]');
    await notice.waitFor({ state: 'detached' });
    expect(asked.at(-1)!.foldLevelsAbove).toBeUndefined();
    expect(other.url()).toContain('levels=1');
    await expect.poll(async () => (await readGraph(other)).nodes.filter((n) => n.kind === 'DIRECTIVE').length, { timeout: 10_000 }).toBeGreaterThan(5);
    await other.close();
  });

  it('lets the server leave the organisations of a large cascade out, and loads a directive\'s own for its details', async () => {
    const { other, asked, answers } = await foldingPage();
    await other.goto(cascadeUrl.split('&sel=')[0]!);
    await waitForGraph(other, 5);
    const notice = other.locator('[data-testid=folded]');
    await notice.waitFor();
    expect(answers.length).toBe(1);
    const folded = answers[0]!;
    expect(folded.foldedAssignments).toBeGreaterThan(5);
    expect(folded.nodes.filter((n) => n.kind === 'ORGANIZATION')).toEqual([]);
    expect(Number((await notice.textContent())!.match(/^([\d.]+)/)![1]!.replace(/\./g, ''))).toBe(folded.foldedAssignments);
    const drawn = await readGraph(other);
    expect(drawn.nodes.filter((n) => n.kind === 'ORGANIZATION')).toEqual([]);
    expect(drawn.edges.filter((e) => e.kind === 'ASSIGNED_TO')).toEqual([]);
    // A directive's label says how many organisations it assigns tasks to, as the server counted them.
    const programme = folded.nodes.find((n) => n.id.startsWith('58-CTr/TU@'))!;
    expect(programme.assignees).toBeGreaterThan(5);
    const label = (await other.evaluate(`globalThis.__cy.getElementById(${JSON.stringify(programme.id)}).data('label')`)) as string;
    expect(label).toContain(`+${programme.assignees} cơ quan`);
    // Selected, it asks for its own organisations and lists them; the canvas stays folded, laid out and framed as it was.
    const view = () => other.evaluate(`(() => { const cy = globalThis.__cy; return JSON.stringify([cy.zoom(), cy.pan(), cy.nodes().map((n) => [n.id(), n.position()])]); })()`);
    await other.waitForTimeout(600);
    // (clickNode centres the node first: centred here already, so that only the app can move the view.)
    // (void: the call returns the Cytoscape core, which Playwright would otherwise copy out of the page — 17 s.)
    await other.evaluate(`void globalThis.__cy.center(globalThis.__cy.getElementById(${JSON.stringify(programme.id)}))`);
    const before = await view();
    await clickNode(other, programme.id);
    await expect.poll(() => other.locator('[data-testid=node-details] [data-testid=assignments] > li').count(), { timeout: 10_000 }).toBe(programme.assignees);
    expect(asked.some((v) => v.relations?.join() === 'ASSIGNED_TO' && v.depth === 1)).toBe(true);
    expect((await readGraph(other)).nodes.filter((n) => n.kind === 'ORGANIZATION')).toEqual([]);
    await other.waitForTimeout(600);
    expect(await view()).toBe(before);
    await screenshot(other, 'folded-by-server');
    // One of them, chosen in the details panel, shows its own details: what it was assigned, and by whom.
    const org = other.locator('[data-testid=node-details] [data-testid=assignments] > li > button').first();
    const orgName = (await org.textContent())!;
    await org.click();
    await expect.poll(async () => (await other.locator('[data-testid=node-details] h2, [data-testid=node-details] h3').first().textContent()) ?? '', { timeout: 10_000 }).toContain(orgName.split(' (')[0]!);
    expect(await other.locator('[data-testid=node-details]').textContent()).toContain('Giao bởi: 58-CTr/TU');
    // "Show all" asks for the whole cascade, organisations included.
    await other.click('[data-testid=show-organizations]');
    await notice.waitFor({ state: 'detached' });
    await expect.poll(async () => (await readGraph(other)).nodes.filter((n) => n.kind === 'ORGANIZATION').length, { timeout: 10_000 }).toBeGreaterThan(5);
    expect(asked.at(-1)!.foldOrganizationsAbove).toBeUndefined();
    await other.close();
  });

  it('keeps a server-folded cascade folded when a directive is expanded', async () => {
    const { other, asked } = await foldingPage();
    await other.goto(cascadeUrl.split('&sel=')[0]!);
    await waitForGraph(other, 5);
    await other.locator('[data-testid=folded]').waitFor();
    const before = await readGraph(other);
    const programme = before.nodes.find((n) => n.code === '58-CTr/TU')!;
    await clickNode(other, programme.id);
    await other.click('[data-testid=node-details] [data-testid=expand]');
    // (A limit for a hang: in CI the suites that write the seed again make the server answer its refresh-ahead meanwhile.)
    await expect.poll(() => other.locator('[data-testid=node-details] [data-testid=expand]').textContent(), { timeout: 30_000 }).toBe('Thu gọn');
    // The expansion asked for the programme's neighbours with their organisations folded, and drew none.
    const expansion = asked.find((v) => v.depth === 1 && v.direction === 'BOTH')!;
    expect(expansion.foldOrganizationsAbove).toBe(0);
    const after = await readGraph(other);
    expect(after.nodes.filter((n) => n.kind === 'ORGANIZATION')).toEqual([]);
    expect(after.edges.filter((e) => e.kind === 'ASSIGNED_TO')).toEqual([]);
    await other.close();
  });

  it('leads from a gap or a searched organisation to the organisations a server-folded cascade left out', async () => {
    const { other, answers } = await foldingPage();
    await other.goto(`${cascadeUrl.split('&sel=')[0]!}&gaps=1`);
    await waitForGraph(other, 5);
    await other.locator('[data-testid=folded]').waitFor();
    expect(answers.length).toBe(1);
    // Searching an organisation: the notice says the cascade's organisations are folded.
    await other.fill('[data-testid=search-input]', 'ban tuyen giao');
    const hit = other.locator('[data-testid=suggestion][data-kind=ORGANIZATION]').first();
    await hit.waitFor();
    await hit.click();
    await expect.poll(async () => (await other.locator('.notices [role=alert]').textContent()) ?? '', { timeout: 10_000 }).toContain('đang gộp');
    // A gap's organisation is not on the canvas, yet its row leads there: every organisation drawn, that one selected.
    const row = other.locator('[data-testid=gap-list] [data-testid=gap-link]').first();
    await row.waitFor();
    expect(await row.isEnabled()).toBe(true);
    const name = (await row.textContent())!;
    await row.click();
    await expect.poll(() => other.url(), { timeout: 10_000 }).toContain('orgs=1');
    await other.locator('[data-testid=folded]').waitFor({ state: 'detached' });
    await expect.poll(async () => (await other.locator('[data-testid=node-details]').textContent()) ?? '', { timeout: 10_000 }).toContain(name);
    const selected = new URL(other.url()).searchParams.get('sel')!;
    expect((await readGraph(other)).nodes.find((n) => n.id === selected)?.kind).toBe('ORGANIZATION');
    await screenshot(other, 'folded-gap-selected');
    await other.close();
  });

  it('switches the UI to English', async () => {
    await page.goto(cascadeUrl);
    await waitForGraph(page, 5);
    expect(await page.locator('[data-testid=briefing-start]').textContent()).toContain('Trình chiếu');
    await page.click('[data-testid=lang-switch]');
    await page.locator('[data-testid=briefing-start]', { hasText: 'Briefing' }).waitFor();
    expect(await page.locator('[data-testid=lang-switch]').textContent()).toBe('Tiếng Việt');
    expect(await page.locator('.app-header h1').textContent()).toBe('Directive Graph');
    expect(await page.locator('[data-testid=legend]').textContent()).toContain('Implements');
    expect(page.url()).toContain('lang=en');
    await screenshot(page, 'english');
  });
});
