/**
 * npm run bench [-- --sizes seed,10%,national] [--md FILE]
 *
 * Prints ONE table: machine details, extraction MB/s, ingest nodes+relationships/s (one document per
 * transaction vs batched writeRecords, and the bulk UNWIND prototype), cascade depth 4 through GraphQL vs
 * the driver (p50 / p95 / ratio), the explorer opened on the two large roots in headless Chromium (page load →
 * graph drawn, pan frame rate), lookup requests/s, and resident memory of the API server and the Neo4j
 * JVM — at three sizes (seed corpus, ~10 %, national ≥ 35 000 documents). Figures only: nothing is asserted.
 * Each size runs its own Neo4j (free port, temp data dir) and stops it at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument } from '../../server/src/extract/index.js';
import { benchSize, type CascadeResult, type SizeResult } from './national.js';
import type { SizeName } from './ingest.js';

const SELF = fileURLToPath(import.meta.url);

async function extractionMbPerSec(): Promise<{ mbPerSec: number; mb: number; source: string }> {
  const file = path.join(path.dirname(SELF), 'extract.ts');
  if (fs.existsSync(file)) {
    const mod = (await import(file)) as { benchExtract?: (o?: { targetMb?: number }) => Promise<{ mbPerSec: number; mb: number }> };
    if (mod.benchExtract) {
      const r = await mod.benchExtract({ targetMb: 30 });
      return { ...r, source: 'benchExtract (test/bench/extract.ts), seed corpus repeated' };
    }
  }
  const dir = path.resolve(path.dirname(SELF), '../../seed/corpus');
  const docs = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  let bytes = 0;
  const t0 = performance.now();
  for (let i = 0; bytes < 30e6; i++) {
    const t = `${docs[i % docs.length]}\n<!-- ${i} -->`;
    extractDocument(`${i}.txt`, t);
    bytes += Buffer.byteLength(t);
  }
  return { mbPerSec: bytes / 1e6 / ((performance.now() - t0) / 1000), mb: bytes / 1e6, source: 'extractDocument over the seed corpus repeated' };
}

function machine(): Record<string, string> {
  const cpus = os.cpus();
  return {
    CPU: `${cpus[0]?.model ?? 'unknown'}`,
    cores: String(cpus.length),
    RAM: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    Node: process.version,
    OS: `${os.type()} ${os.release()}`,
    load: os.loadavg().map((x) => x.toFixed(1)).join(' / '),
  };
}

const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

function explorerCell(e: CascadeResult['explorer']): string {
  if (!e) return 'n/a';
  if ('unavailable' in e) return `not measured: ${e.unavailable}`;
  return `${f0(e.loadMs)}; ${f1(e.panFps)} fps; ${e.deck.slides} slides in ${f1(e.deck.ms / 1000)} s (${f1(e.deck.bytes / 1e6)} MB); timeline ${f0(e.timeline.ms)} (${e.timeline.texts} texts)`;
}

export function table(results: SizeResult[], extract: { mbPerSec: number; source: string }, mach: Record<string, string>): string {
  const neo = results[0]?.neo4jVersion ?? 'n/a';
  const head = `| metric | target | ${results.map((r) => r.size).join(' | ')} |`;
  const sep = `|---|---|${results.map(() => '---:').join('|')}|`;
  const row = (name: string, target: string, cell: (r: SizeResult) => string) => `| ${name} | ${target} | ${results.map(cell).join(' | ')} |`;
  const casc = (r: SizeResult, i: number) => r.cascades[i];
  const lines = [
    `Machine: ${mach.CPU}, ${mach.cores} cores, ${mach.RAM} RAM, Node ${mach.Node}, Neo4j ${neo}, ${mach.OS}; load average at the end ${mach.load}`,
    `Extraction: ${f1(extract.mbPerSec)} MB/s on one core (${extract.source})`,
    '',
    head,
    sep,
    row('documents (text MB)', '≥ 35 000 national', (r) => `${f0(r.documents)} (${f1(r.mb)})`),
    row('graph nodes / relationships', '≥ 300 000 rels national', (r) => `${f0(r.nodes)} / ${f0(r.relationships)}`),
    row('extraction of the corpus, s', '', (r) => f1(r.extractSeconds)),
    row('ingest, 1 doc per tx: nodes+rels/s (docs)', '≥ 20 000', (r) => `${f0(r.perDocument.perSecond)} (${f0(r.perDocument.documents)})`),
    row('ingest, writeRecords batch 200: nodes+rels/s (docs)', '≥ 20 000', (r) => `${f0(r.batched.perSecond)} (${f0(r.batched.documents)})`),
    row('batched / per-document', '', (r) => `${(r.batched.perSecond / r.perDocument.perSecond).toFixed(2)}×`),
    row('incremental writer, projected full load', '< 2 min national', (r) => `${f0(r.documents / (r.batched.documents / r.batched.seconds))} s`),
    row('the batched texts again, unchanged: docs/s (skipped of docs)', '', (r) => `${f0(r.again.documents / r.again.seconds)} (${f0(r.again.unchanged)} of ${f0(r.again.documents)})`),
    row('bulk loader (ingest --bulk): nodes+rels/s', '≥ 20 000', (r) => f0(r.bulk.perSecond)),
    row('bulk loader (ingest --bulk): full load, s', '< 2 min national', (r) => f1(r.bulk.seconds)),
    row('offline import (neo4j -- import): nodes+rels/s', '≥ 20 000', (r) => f0(r.imported.perSecond)),
    row('offline import: full load, s (CSV + importer + indexes; start apart)', '< 2 min national', (r) => {
      const p = r.imported.phases;
      return `${f1(r.imported.seconds)} (${f1(p.csv)} + ${f1(p.importer)} + ${f1(p.indexes)}; ${f1(p.start)})`;
    }),
    ...[0, 1, 2].flatMap((i) => [
      row(
        `cascade ${['28-NQ/TW (national root)', 'largest CTr (provincial root)', 'median root (median number of implementing texts)'][i]}, the explorer's request (organisations folded by the server above 400, texts of lower levels above 600): nodes / edges (assignments folded; lower-level texts counted on the texts kept)`,
        '',
        (r) => {
          const c = casc(r, i);
          if (!c) return 'n/a';
          const folded = [c.foldedAssignments ? f0(c.foldedAssignments) : '', c.foldedImplementers ? `${f0(c.foldedImplementers)} texts` : ''].filter(Boolean).join('; ');
          return `${f0(c.nodes)} / ${f0(c.edges)}${folded ? ` (${folded})` : ''}`;
        },
      ),
      row(`  driver fetchCascade p50 / p95, ms`, 'p95 < 50 national', (r) => (casc(r, i) ? `${f1(casc(r, i)!.driver.p50)} / ${f1(casc(r, i)!.driver.p95)}` : 'n/a')),
      row(`  GraphQL POST p50 / p95, ms`, 'p95 < 50 national', (r) => (casc(r, i) ? (casc(r, i)!.error ? (/timeout|terminated/i.test(casc(r, i)!.error!) ? 'failed: API transaction timeout (NEO4J_TX_TIMEOUT_MS)' : `failed: ${casc(r, i)!.error!.replace(/\|/g, '/').slice(0, 80)}`) : `${f1(casc(r, i)!.graphql.p50)} / ${f1(casc(r, i)!.graphql.p95)}`) : 'n/a')),
      row(`  GraphQL / driver (p50)`, '≤ 1.5×', (r) => (casc(r, i) ? `${casc(r, i)!.ratio.toFixed(2)}×` : 'n/a')),
      ...(i < 2
        ? [
            row(`  the same with every level ("show every level"; the explorer's request until the thirteenth session): nodes / edges; driver, GraphQL p50 / p95, ms; ratio`, 'p95 < 50 national', (r) => {
              const w = casc(r, i)?.everyLevel;
              return w ? `${f0(w.nodes)} / ${f0(w.edges)}; ${f1(w.driver.p50)} / ${f1(w.driver.p95)}, ${f1(w.graphql.p50)} / ${f1(w.graphql.p95)}; ${(w.graphql.p50 / w.driver.p50).toFixed(2)}×` : 'n/a';
            }),
            row(`  the whole cascade, every organisation and level ("show all", notebooks): nodes / edges; driver, GraphQL p50 / p95, ms; ratio`, 'p95 < 50 national', (r) => {
              const w = casc(r, i)?.whole;
              return w ? `${f0(w.nodes)} / ${f0(w.edges)}; ${f1(w.driver.p50)} / ${f1(w.driver.p95)}, ${f1(w.graphql.p50)} / ${f1(w.graphql.p95)}; ${(w.graphql.p50 / w.driver.p50).toFixed(2)}×` : 'n/a';
            }),
          ]
        : []),
      row(`  GraphQL, response cache on: p50 / p95, ms`, '', (r) => (casc(r, i)?.cached?.n ? `${f1(casc(r, i)!.cached.p50)} / ${f1(casc(r, i)!.cached.p95)}` : 'n/a')),
      ...(i < 2
        ? [row(`  GraphQL, response cache on, first request after a change (refresh-ahead): p50 / p95, ms (hits; ready after, s)`, '', (r) => {
            const a = casc(r, i)?.afterChange;
            return a?.n ? `${f1(a.p50)} / ${f1(a.p95)} (${a.hits}/${a.n}; ${f1(a.readyMs / 1000)})` : 'n/a';
          })]
        : []),
      ...(i < 2 ? [row(`  explorer (headless Chromium): page load → graph drawn, ms; pan fps; "Xuất PPTX" (the briefing as slides): slides, click → download, s (file MB); the page on the timeline (time=1): load → drawn, ms (texts)`, '', (r) => explorerCell(casc(r, i)?.explorer))] : []),
    ]),
    row('the largest cascades (as many as the server answers ahead), each asked for once: count; uncached GraphQL p50 / p95, ms', 'p95 < 50 national', (r) =>
      r.largest ? `${r.largest.count}; ${f1(r.largest.uncached.p50)} / ${f1(r.largest.uncached.p95)}` : 'n/a'),
    row('  the same after a change, response cache on (answered ahead): p50 / p95, ms (hits; ready after, s)', 'p95 < 50 national', (r) =>
      r.largest ? `${f1(r.largest.ahead.p50)} / ${f1(r.largest.ahead.p95)} (${r.largest.ahead.hits}/${r.largest.count}; ${f1(r.largest.readyMs / 1000)})` : 'n/a'),
    row('gaps of 28-NQ/TW: rows in all (MB as one list); the explorer\'s first page of 200, a page 20 000 rows down (or the last), then the whole list (notebooks), GraphQL p50 / p95, ms', '', (r) =>
      r.analytics.error
        ? `failed: ${r.analytics.error.replace(/\|/g, '/').slice(0, 80)}`
        : `${f0(r.analytics.gapRows)} (${f1(r.analytics.gapMb)}); ${f1(r.analytics.gaps.p50)} / ${f1(r.analytics.gaps.p95)}, ${f1(r.analytics.deepGaps.p50)} / ${f1(r.analytics.deepGaps.p95)}, ${f1(r.analytics.wholeGaps.p50)} / ${f1(r.analytics.wholeGaps.p95)}`),
    row('implementation lag of 28-NQ/TW: GraphQL p50 / p95, ms', '', (r) => (r.analytics.error ? 'failed' : `${f1(r.analytics.lag.p50)} / ${f1(r.analytics.lag.p95)}`)),
    row('tasks of 28-NQ/TW by deadline: tasks in all, of the largest period; the schedule, then that period\'s first page of 50, GraphQL p50 / p95, ms', '', (r) =>
      r.analytics.error || !r.analytics.schedule
        ? 'failed'
        : `${f0(r.analytics.tasks)}, ${f0(r.analytics.periodTasks)}; ${f1(r.analytics.schedule.p50)} / ${f1(r.analytics.schedule.p95)}, ${f1(r.analytics.periodPage.p50)} / ${f1(r.analytics.periodPage.p95)}`),
    row("a province's page (provinceOverview) of Lâm Đồng with Bình Thuận and Đắk Nông: central texts; the province's texts under the latest; GraphQL p50 / p95, ms", '', (r) =>
      r.analytics.error || !r.analytics.province
        ? 'failed'
        : `${f0(r.analytics.provinceRows ?? 0)}; ${f0(r.analytics.provinceTexts ?? 0)}; ${f1(r.analytics.province.p50)} / ${f1(r.analytics.province.p95)}`),
    row("an organisation's page (organizationOverview) of the one given tasks by the most texts: those texts; its tasks; GraphQL p50 / p95, ms", '', (r) =>
      r.analytics.error || !r.analytics.organization
        ? 'failed'
        : `${f0(r.analytics.orgTexts ?? 0)}; ${f0(r.analytics.orgTasks ?? 0)}; ${f1(r.analytics.organization.p50)} / ${f1(r.analytics.organization.p95)}`),
    row('lookup by uid (GraphQL), requests/s (p97.5 ms)', '', (r) => `${f0(r.lookupRps)} (${f1(r.lookupP95)})`),
    row('API server RSS, MB: uncached / response cache on (holding the largest cascades)', '', (r) => `${f0(r.serverRssMb)} / ${f0(r.cachedServerRssMb)}`),
    row('Neo4j JVM RSS, MB', '', (r) => f0(r.neo4jRssMb)),
  ];
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const i = process.argv.indexOf('--sizes');
  const sizes = (i >= 0 ? process.argv[i + 1]! : 'seed,10%,national').split(',') as SizeName[];
  const m = process.argv.indexOf('--md');
  const t0 = performance.now();
  const extract = await extractionMbPerSec();
  process.stderr.write(`extraction: ${extract.mbPerSec.toFixed(1)} MB/s\n`);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    try {
      results.push(await benchSize(size));
    } catch (e) {
      process.stderr.write(`[${size}] failed: ${(e as Error).stack}\n`);
    }
  }
  const out = table(results, extract, machine());
  console.log(`\n${out}\n\n(total ${((performance.now() - t0) / 60000).toFixed(1)} min)`);
  if (m >= 0) fs.writeFileSync(process.argv[m + 1]!, `${out}\n`);
}
