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

/** The first code cell whose source contains `marker`, with its text output. */
function outputOf(marker: string): string {
  const cell = cells.find((c) => c.cell_type === 'code' && joined(c.source).includes(marker));
  expect(cell, `a code cell containing ${JSON.stringify(marker)}`).toBeDefined();
  return cellText(cell!);
}

describe('notebook cascade-28-NQ-TW.ipynb', () => {
  it('is committed as valid nbformat 4 without outputs', () => {
    const nb = JSON.parse(fs.readFileSync(NOTEBOOK, 'utf8')) as { nbformat: number; cells: Cell[] };
    expect(nb.nbformat).toBe(4);
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    expect(code.length).toBeGreaterThan(5);
    expect(code.every((c) => (c.outputs ?? []).length === 0 && c.execution_count == null)).toBe(true);
    expect(nb.cells.some((c) => c.cell_type === 'markdown')).toBe(true);
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

  it('tabulates directives by province with the lag in days', () => {
    const perDirective = outputOf('per_directive =');
    expect(perDirective).toContain('Bình Thuận');
    expect(perDirective).toMatch(/58-CTr\/TU · Bình Thuận.*\b133\b/);
    const byProvince = outputOf('implementationLag(code: $code)');
    expect(byProvince).toMatch(/Bình Thuận.*\b133\b/);
    expect(byProvince).toMatch(/Sóc Trăng.*\b99\b/);
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

  it('finds 28-NQ/TW by a search without diacritics and runs a generated documents query', () => {
    expect(outputOf('"nghi quyet 28"')).toContain('28-NQ/TW');
    const docs = outputOf('documents(where: { province: { eq: $province } }');
    expect(docs).toMatch(/\d+ documents in Bình Thuận/);
    expect(docs).toContain('58-CTr/TU');
  });
});
