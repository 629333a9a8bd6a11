import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, ROOT, SEED_FILES } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dg-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  return spawnSync('npx', ['tsx', 'server/src/cli/extract.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

const seeds = SEED_FILES.map((f) => path.join(CORPUS_DIR, f));

describe('extract CLI', () => {
  it('prints one record per seed file, resolved together, without text by default', () => {
    const r = run(seeds);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out).toHaveLength(5);
    expect(out.every((x) => !('text' in x))).toBe(true);
    expect(out.find((x) => String(x.file).startsWith('003'))!.resolvedCode).toBe('58-CTr/TU');
  }, 60_000);

  it('includes text with --with-text', () => {
    const r = run(['--with-text', seeds[0]!]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { text: string }[];
    expect(out[0]!.text.length).toBeGreaterThan(1000);
  }, 60_000);

  it('reports a bad file on stderr, prints the others, exits 1', () => {
    const bad = path.join(dir, 'empty.txt');
    writeFileSync(bad, '');
    const r = run([...seeds.slice(0, 2), bad, ...seeds.slice(2)]);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes(bad));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/empty/);
    expect(JSON.parse(r.stdout)).toHaveLength(5);
  }, 60_000);

  it('exits 2 with a usage error when no file is given', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  }, 60_000);
});
