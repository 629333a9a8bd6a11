/**
 * npm run generate -- --out DIR [--scale 1] [--seed 42] [--provinces 34|63] [--cells 1] [--resolutions 4]
 * Writes a synthetic national cascade (files named synthetic_*.txt, each text marked as synthetic) into DIR.
 * Refuses to write into seed/ (the real corpus) or into a folder that holds non-synthetic files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { repoRoot } from '../config.js';
import { generateNational, SYNTHETIC_PREFIX } from '../synthetic/index.js';
import { runCli } from './run-cli.js';

function num(name: string, raw: string, ok: (n: number) => boolean): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || !ok(n)) throw Object.assign(new Error(`invalid --${name} ${raw}`), { code: 2 });
  return n;
}

await runCli(async () => {
  const program = new Command()
    .name('generate')
    .description('Generate a synthetic national cascade of directive texts (marked synthetic)')
    .requiredOption('--out <dir>', 'output folder (created; never inside seed/)')
    .option('--scale <x>', 'share of the country, 0 < x ≤ 1', '1')
    .option('--seed <n>', 'PRNG seed', '42')
    .option('--provinces <n>', '34 (post-2025 map) or 63 (pre-2025, with districts)', '34')
    .option('--cells <n>', 'average chi bộ plans per commune and resolution', '1')
    .option('--resolutions <n>', 'central resolutions (1–4)', '4')
    .option('--clean', 'remove existing synthetic_* files in the folder first', false)
    .parse(process.argv);
  const o = program.opts<{ out: string; scale: string; seed: string; provinces: string; cells: string; resolutions: string; clean: boolean }>();
  const out = path.resolve(o.out);
  const seedDir = path.join(repoRoot, 'seed');
  if (out === seedDir || out.startsWith(seedDir + path.sep)) throw Object.assign(new Error(`refusing to write synthetic files into ${out}: seed/ holds the real corpus`), { code: 2 });
  const scale = num('scale', o.scale, (n) => n > 0 && n <= 1);
  const seed = num('seed', o.seed, (n) => Number.isInteger(n) && n >= 0);
  const provinces = num('provinces', o.provinces, (n) => n === 34 || n === 63) as 34 | 63;
  const cellsPerCommune = num('cells', o.cells, (n) => n >= 0 && n <= 50);
  const resolutions = num('resolutions', o.resolutions, (n) => Number.isInteger(n) && n >= 1 && n <= 4);
  fs.mkdirSync(out, { recursive: true });
  const existing = fs.readdirSync(out);
  const foreign = existing.filter((f) => !f.startsWith(SYNTHETIC_PREFIX));
  if (foreign.length) throw Object.assign(new Error(`${out} holds non-synthetic files (${foreign.slice(0, 3).join(', ')}…): use an empty folder`), { code: 2 });
  // Files of an earlier run stay unless --clean: written over, the folder would hold a corpus no run produced.
  if (existing.length && !o.clean) {
    throw Object.assign(new Error(`${out} holds ${existing.length} synthetic files of an earlier run: add --clean to replace them, or use an empty folder`), { code: 2 });
  }
  if (o.clean) for (const f of existing) fs.rmSync(path.join(out, f));
  const t0 = performance.now();
  const docs = generateNational({ seed, scale, provinces, cellsPerCommune, resolutions });
  let bytes = 0;
  for (const d of docs) {
    fs.writeFileSync(path.join(out, d.file), d.text);
    bytes += Buffer.byteLength(d.text);
  }
  const byLevel = new Map<string, number>();
  for (const d of docs) byLevel.set(d.level, (byLevel.get(d.level) ?? 0) + 1);
  process.stderr.write(
    `generated ${docs.length} synthetic documents (${(bytes / 1e6).toFixed(1)} MB) in ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s — ` +
      `${[...byLevel].map(([k, v]) => `${k} ${v}`).join(', ')}\n`,
  );
});
