/**
 * The analysts' notebook, executed headless (nbclient, kernel from the cached venv) against the real server:
 * every cell must run, and the outputs must carry the cascade of 28-NQ/TW. The executed notebook and its PNG
 * are kept in test-output/notebook/.
 */
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { readConfig, repoRoot } from '../../server/src/config.js';
import { ensurePythonEnv } from '../support/python.js';
import { gqlData } from '../support/graphql.js';

const NOTEBOOK = path.join(repoRoot, 'notebooks', 'cascade-28-NQ-TW.ipynb');
const RUNNER = path.join(repoRoot, 'notebooks', 'run_notebook.py');
const PNG_NAME = 'cascade-28-NQ-TW.png';

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
}

const joined = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join('') : (t ?? ''));
/** All text a cell printed or displayed (streams, text/plain, text/html). */
function cellText(cell: Cell): string {
  return (cell.outputs ?? [])
    .map((o) => joined(o.text) + joined(o.data?.['text/plain']) + joined(o.data?.['text/html']) + (o.ename ? `${o.ename}: ${o.evalue}` : ''))
    .join('\n');
}

let python: string;
let outDir: string;
let run: { status: number | null; stdout: string; stderr: string; error?: Error };
let cells: Cell[] = [];

beforeAll(() => {
  python = ensurePythonEnv(path.join(readConfig().cacheDir, 'venv'));
  outDir = path.join(inject('outputDir'), 'notebook');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const executed = path.join(outDir, 'cascade-28-NQ-TW.executed.ipynb');
  const r = spawnSync(python, [RUNNER, NOTEBOOK, '-o', executed, '--timeout', '120', '--cwd', outDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 240_000,
    env: {
      ...process.env,
      DIRECTIVE_GRAPH_URL: `${inject('baseUrl')}/graphql`,
      NOTEBOOK_OUTPUT_DIR: outDir,
      MPLBACKEND: 'module://matplotlib_inline.backend_inline',
      PYTHONIOENCODING: 'utf-8',
    },
  });
  run = { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
  if (fs.existsSync(executed)) cells = (JSON.parse(fs.readFileSync(executed, 'utf8')) as { cells: Cell[] }).cells;
}, 300_000);

/** The first executed code cell whose source contains `marker`. */
function codeCell(marker: string): Cell {
  const cell = cells.find((c) => c.cell_type === 'code' && joined(c.source).includes(marker));
  expect(cell, `a code cell containing ${JSON.stringify(marker)}`).toBeDefined();
  return cell!;
}
/** The text output of the first code cell whose source contains `marker`. */
function outputOf(marker: string): string {
  return cellText(codeCell(marker));
}
/** The committed notebook. */
const nb = () => JSON.parse(fs.readFileSync(NOTEBOOK, 'utf8')) as { nbformat: number; cells: Cell[] };

describe('notebook cascade-28-NQ-TW.ipynb', () => {
  it('is committed as valid nbformat 4 without outputs', () => {
    const committed = nb();
    expect(committed.nbformat).toBe(4);
    const code = committed.cells.filter((c) => c.cell_type === 'code');
    expect(code.length).toBeGreaterThan(5);
    expect(code.every((c) => (c.outputs ?? []).length === 0 && c.execution_count == null)).toBe(true);
    expect(committed.cells.some((c) => c.cell_type === 'markdown')).toBe(true);
  });

  it('runs every cell without error', () => {
    const errors = cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`));
    expect(run.status, `run_notebook.py exit ${run.status} ${run.error?.message ?? ''}\n--- stderr ---\n${run.stderr.slice(-6000)}\n--- stdout ---\n${run.stdout.slice(-2000)}\n--- cell errors ---\n${errors.join('\n')}`).toBe(0);
    expect(errors).toEqual([]);
    const code = cells.filter((c) => c.cell_type === 'code');
    expect(code.every((c) => typeof c.execution_count === 'number')).toBe(true);
  });

  it('fetches the cascade and reports GraphQL errors with their code', () => {
    expect(outputOf('caught as expected')).toMatch(/GraphQL error NOT_FOUND/);
    expect(outputOf('cascade = gql(')).toMatch(/root: 28-NQ\/TW@2022-11-17/);
  });

  it('asks for the whole cascade (maxNodes 50 000) and for truncated', () => {
    const cell = codeCell('cascade = gql(');
    expect(joined(cell.source)).toMatch(/cascade\(code: \$code, depth: \$depth, maxNodes: \$maxNodes\)[\s\S]*\btruncated\b/);
    const out = cellText(cell);
    expect(out).toMatch(/\d+ nodes \(\d+ directives, \d+ organizations\), \d+ edges \(\d+ assignments\)/);
    expect(out).toContain('truncated: False (maxNodes 50000)');
    expect(out).not.toContain('WARNING');
  });

  it('warns with the numbers when the cascade answer is cut (CASCADE_MAX_NODES)', () => {
    // The notebook's first code cells, up to the fetch, run by the venv's Python with a cap below the seed cascade.
    const code = (nb().cells as Cell[]).filter((c) => c.cell_type === 'code');
    const upTo = code.findIndex((c) => joined(c.source).includes('cascade = gql('));
    const script = code.slice(0, upTo + 1).map((c) => joined(c.source)).join('\n\n');
    const r = spawnSync(python, ['-c', script], {
      cwd: outDir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DIRECTIVE_GRAPH_URL: `${inject('baseUrl')}/graphql`, NOTEBOOK_OUTPUT_DIR: outDir, CASCADE_MAX_NODES: '3', MPLBACKEND: 'Agg' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('truncated: True (maxNodes 3)');
    expect(r.stderr).toMatch(/WARNING: the cascade answer is CUT at maxNodes=3: it holds only 3 directives and \d+ assignments to \d+ organizations/);
  });

  it('tabulates directives by province with the lag in days', () => {
    const perDirective = outputOf('per_directive =');
    expect(perDirective).toContain('Bình Thuận');
    expect(perDirective).toMatch(/58-CTr\/TU · Bình Thuận.*\b133\b/);
    const byProvince = outputOf('implementationLag(code: $code)');
    expect(byProvince).toMatch(/Bình Thuận.*\b133\b/);
    expect(byProvince).toMatch(/Sóc Trăng.*\b99\b/);
  });

  it('says how each text is related to the root: implements, implements (inferred) or cites only', () => {
    const perDirective = outputOf('per_directive =');
    expect(perDirective).toMatch(/58-CTr\/TU · Bình Thuận\s+CTr\s+provincial\s+implements\s+28-NQ\/TW\s+2023-03-30\s+1\s+133/);
    expect(perDirective).toMatch(/32-CTr\/TU · Sóc Trăng\s+CTr\s+provincial\s+implements \(inferred\)\s+28-NQ\/TW\s+2023-02-24\s+1\s+99/);
    expect(perDirective).toMatch(/86-HD\/BTGTU · Bình Phước.*cites only.*<NA>/);
    expect(perDirective).toMatch(/Hướng dẫn · Bình Thuận.*implements\s+58-CTr\/TU · Bình Thuận/);
    expect(outputOf('nodes["relation"] =')).toMatch(/cites only\s+\d+/);
  });

  it('gives one row per province: its texts and the lag of the text implementing 28-NQ/TW directly', () => {
    const out = outputOf('implementationLag(code: $code)');
    const [perProvince = '', server] = out.split('implementationLag (server)');
    expect(server).toBeDefined();
    const lines = perProvince.split('\n');
    for (const p of ['Bình Thuận', 'Sóc Trăng', 'Bình Phước', 'Quảng Nam']) expect(lines.filter((l) => l.includes(p)), p).toHaveLength(1);
    expect(perProvince).toMatch(/province\s+texts\s+implementing\s+citing_only\s+direct\s+first_direct\s+its_level\s+its_date\s+lag_days/);
    expect(perProvince).toMatch(/Sóc Trăng\s+2\s+1\s+1\s+1\s+32-CTr\/TU · Sóc Trăng\s+provincial\s+2023-02-24\s+99\s*$/m);
    expect(perProvince).toMatch(/Bình Thuận\s+2\s+2\s+0\s+1\s+58-CTr\/TU · Bình Thuận\s+provincial\s+2023-03-30\s+133\s*$/m);
    expect(perProvince).toMatch(/Bình Phước\s+1\s+0\s+1\s+0\s*$/m); // only cites: no direct text, no lag
    expect(perProvince).not.toMatch(/\b\d+\.0\b/); // counts stay integers
    // with parentLevel (newer servers) the programme has a row of its own: "Bình Thuận provincial central 1 1 133 …"
    expect(server).toMatch(/Bình Thuận\s+provincial\s+(?:central\s+1|2)\s+1\s+133\s+133\.0\s+133/);
  });

  it('lists the gaps', () => {
    const gaps = outputOf('gaps(code: $code)');
    expect(gaps).toMatch(/\d+ organizations with tasks but no implementing text/);
    expect(gaps).toContain('Ban Tổ chức Tỉnh ủy');
  });

  it('reads every task under the root from the CSV download into pandas', async () => {
    const out = outputOf('/export/assignments.csv');
    const res = await fetch(`${inject('baseUrl')}/export/assignments.csv?code=28-NQ/TW`);
    const records = parse(Buffer.from(await res.arrayBuffer()), { bom: true }) as string[][];
    const tasks = records.length - 1;
    expect(tasks).toBeGreaterThan(20);
    expect(out).toContain(`${tasks} tasks assigned under 28-NQ/TW by ${new Set(records.slice(1).map((r) => r[8])).size} documents`);
    expect(out).toMatch(/\d+ of them with a timing, e\.g\. \[.*'nhiệm vụ thường xuyên'/);
    expect(out).toContain('Ban Tổ chức Tỉnh ủy');
  });

  it('counts tasks per organization key (name + province), not per name', async () => {
    const out = outputOf('/export/assignments.csv');
    const res = await fetch(`${inject('baseUrl')}/export/assignments.csv?code=28-NQ/TW&lang=en`);
    const records = (parse(Buffer.from(await res.arrayBuffer()), { bom: true }) as string[][]).slice(1);
    // Every line gets its organization's key from the cascade; one row per organization and province.
    expect(out).not.toContain('lines name an organization');
    expect(out).toContain(`${new Set(records.map((r) => `${r[5]}\u0000${r[3]}`)).size} organizations (keys) given tasks`);
    const bt = records.filter((r) => r[5] === 'Ban Tổ chức Tỉnh ủy' && r[3] === 'Bình Thuận');
    const tasks = bt.filter((r) => r[6] !== '').length;
    const texts = new Set(bt.map((r) => r[8])).size;
    expect(tasks).toBeGreaterThan(5);
    expect(out).toMatch(new RegExp(`Ban Tổ chức Tỉnh ủy\\s+Bình Thuận\\s+provincial\\s+${tasks}\\s+${texts}\\s+ban to chuc tinh uy#binh-thuan`));
  });

  it("counts the tasks by deadline as the API does, and lists the first ended period's earliest tasks", async () => {
    const out = outputOf('taskSchedule(code: $code)');
    const { taskSchedule } = await gqlData<{ taskSchedule: Array<{ period: string; status: string | null; tasks: number }> }>('{ taskSchedule(code: "28-NQ/TW") { period status tasks } }');
    for (const p of taskSchedule) expect(out).toMatch(new RegExp(`${p.period}\\s+${p.status ?? '-'}\\s+${p.tasks}\\s`));
    const ended = taskSchedule.filter((p) => p.status === 'ENDED');
    expect(ended.length).toBeGreaterThan(0);
    expect(out).toContain(`${ended.reduce((n, p) => n + p.tasks, 0)} tasks in periods that have ended`);
    expect(out).toContain(`${ended[0]!.period}: ${ended[0]!.tasks} tasks, the first ${Math.min(5, ended[0]!.tasks)}:`);
    expect(out).toMatch(/\d{4}-12-31/);
  });

  it('draws the cascade and saves a PNG larger than 5 KB', () => {
    const png = path.join(outDir, PNG_NAME);
    expect(fs.existsSync(png), `${png} exists`).toBe(true);
    const buf = fs.readFileSync(png);
    expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(buf.length).toBeGreaterThan(5 * 1024);
    const draw = cells.find((c) => joined(c.source).includes('fig.savefig'))!;
    expect(draw.outputs?.some((o) => o.data?.['image/png'])).toBe(true);
    expect(cellText(draw)).toMatch(/graph: \d+ nodes, \d+ edges/);
  });

  it('draws the top levels only, capped, and says what was left out', () => {
    const png = fs.readFileSync(path.join(outDir, PNG_NAME));
    expect(png.length).toBeLessThan(1024 * 1024);
    const text = cellText(cells.find((c) => joined(c.source).includes('fig.savefig'))!);
    const [, drawnNodes, drawnEdges] = text.match(/graph: (\d+) nodes, (\d+) edges/)!;
    expect(Number(drawnNodes)).toBeGreaterThan(3);
    expect(Number(drawnNodes)).toBeLessThanOrEqual(60); // MAX_DRAWN
    expect(Number(drawnEdges)).toBe(Number(drawnNodes) - 1); // a tree: each text to its (nearest drawn) parent
    expect(text).toMatch(/left out: \d+ directives.* and all \d+ organizations \(counted in the labels\)/);
  });

  it('plots the texts on a timeline, a row per level, and gives each level its median days after the root', async () => {
    const cell = cells.find((c) => joined(c.source).includes('timeline_png'))!;
    expect(cell.outputs?.some((o) => o.data?.['image/png'])).toBe(true);
    const png = fs.readFileSync(path.join(outDir, 'timeline-28-NQ-TW.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5 * 1024);
    // The dates and days, against the API's own cascade.
    const { cascade } = await gqlData<{ cascade: { nodes: Array<{ id: string; kind: string; level: string | null; issuedOn: string | null }> } }>(
      '{ cascade(code: "28-NQ/TW", depth: 4) { nodes { id kind level issuedOn } } }',
    );
    const texts = cascade.nodes.filter((n) => n.kind === 'DIRECTIVE' && n.issuedOn);
    const days = texts.map((n) => n.issuedOn!).sort();
    const text = cellText(cell);
    expect(text).toContain(`dated texts from ${days[0]} to ${days[days.length - 1]}`);
    const provincial = texts.filter((n) => n.level === 'provincial').map((n) => (Date.parse(n.issuedOn!) - Date.parse('2022-11-17')) / 86_400_000).sort((a, b) => a - b);
    const median = provincial.length % 2 ? provincial[(provincial.length - 1) / 2]! : (provincial[provincial.length / 2 - 1]! + provincial[provincial.length / 2]!) / 2;
    expect(text).toMatch(new RegExp(`provincial\\s+${provincial.length}\\s+${median}(\\.0)?\\s`));
  });

  it("gives one province's part in the central directives, as provinceOverview does", async () => {
    const out = outputOf('provinceOverview(province: $province)');
    const [, province, n] = out.match(/^(.+): (\d+) central texts its texts implement, latest first/m)!;
    const { provinceOverview } = await gqlData<{ provinceOverview: Array<{ code: string; texts: number; first: { code: string; lagDays: number | null } | null }> }>(
      'query($p: String!) { provinceOverview(province: $p) { code texts first { code lagDays } } }',
      { p: province },
    );
    expect(Number(n)).toBe(provinceOverview.length);
    const row = provinceOverview.find((r) => r.code === '28-NQ/TW')!;
    // The province that answered 28-NQ/TW first (the per-province table's first row): its answer and days.
    expect(out).toMatch(new RegExp(`28-NQ/TW\\s+2022-11-17\\s+True\\s+${row.texts}\\s+${row.first!.code.replace('/', '\\/')}\\s+\\S+\\s+${row.first!.lagDays}(\\.0)?\\s`));
  });

  it('finds 28-NQ/TW by a search without diacritics and runs a generated documents query', () => {
    expect(outputOf('"nghi quyet 28"')).toContain('28-NQ/TW');
    const docs = outputOf('documents(where: { province: { eq: $province } }');
    expect(docs).toMatch(/\d+ documents in Bình Thuận/);
    expect(docs).toContain('58-CTr/TU');
  });

  it('shows the busiest organisation across every directive (organizationOverview), as the API gives it', async () => {
    const out = outputOf('organizationOverview(key: $key)');
    const m = /^(.+) \((.+); key (.+)\): (\d+) tasks from (\d+) texts?, (\d+) of them answered$/m.exec(out);
    expect(m, out).not.toBeNull();
    const { organizationOverview: org } = await gqlData<{ organizationOverview: { name: string; province: string; tasks: number; answered: number; assignments: Array<{ code: string | null; tasks: unknown[]; answer: { code: string | null } | null }> } }>(
      'query($k: ID!) { organizationOverview(key: $k) { name province tasks answered assignments { code tasks { period } answer { code } } } }',
      { k: m![3] },
    );
    expect([m![1], m![2], Number(m![4]), Number(m![5]), Number(m![6])]).toEqual([org.name, org.province, org.tasks, org.assignments.length, org.answered]);
    // The busiest organisation of the cascade's per-organisation table, which the cell before printed first.
    expect(outputOf('per_org = (')).toContain(m![3]);
    for (const a of org.assignments) {
      expect(out).toMatch(new RegExp(`${(a.code ?? '(no number)').replace(/[/()]/g, '\\$&')}\\s.*\\s${a.tasks.length}\\s.*${a.answer ? '' : '— \\(gap\\)'}`));
    }
  });

  it('opens the XIII Congress\'s resolution, which no text numbers, as typed ("dai hoi 13"), with the texts naming it', async () => {
    const out = outputOf('"dai hoi 13"');
    expect(out).toContain('Đại hội XIII/TW — Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng');
    const { cascade } = await gqlData<{ cascade: { root: { id: string }; edges: Array<{ source: string; target: string; kind: string }> } }>(
      '{ cascade(code: "Đại hội XIII/TW", depth: 1, relations: [IMPLEMENTS, CITES]) { root { id } edges { source target kind } } }',
    );
    const naming = cascade.edges.filter((e) => e.target === cascade.root.id);
    expect(naming.length).toBeGreaterThanOrEqual(5);
    expect(out).toContain(`${naming.length} texts name it`);
    for (const code of ['86-HD/BTGTU', '58-CTr/TU', '374/KH-MTTQ-BTT']) expect(out).toMatch(new RegExp(`${code.replace(/\//g, '\\/')}\\s+\\S.*\\s(?:CITES|IMPLEMENTS)`));
  });

  it('shows distinct assignees (assigneeCount) apart from assignment sections', async () => {
    const docs = outputOf('documents(where: { province: { eq: $province } }');
    const res = await fetch(`${inject('baseUrl')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ documents(where: { code: { eq: "58-CTr/TU" } }) { assigneeCount assignedToConnection { totalCount } } }' }),
    });
    const [d] = ((await res.json()) as { data: { documents: { assigneeCount: number; assignedToConnection: { totalCount: number } }[] } }).data.documents;
    if (!d) throw new Error('58-CTr/TU is not in the graph');
    expect(d.assigneeCount).toBeGreaterThan(5);
    expect(docs).toMatch(/assignees\s+sections/);
    expect(docs).toMatch(new RegExp(`58-CTr/TU .*\\s${d.assigneeCount}\\s+${d.assignedToConnection.totalCount}\\s+\\S+\\.txt`));
  });
});
