/**
 * Ingest benchmark helpers: corpora at three sizes (seed, ~10 %, national), a throw-away Neo4j, and timed loads
 * (one document per transaction vs batched writeRecords, and the bulk UNWIND writer (graph/bulk-write.ts)).
 *
 *   npx tsx test/bench/ingest.ts [--scale 0.1] [--provinces 34] [--bulk]
 *
 * prints ingest throughput at one size (default ~10 %) in the three modes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { readConfig, repoRoot } from '../../server/src/config.js';
import { extractDocument, resolveCorpus, type ExtractedRecord } from '../../server/src/extract/index.js';
import { applySchema } from '../../server/src/graph/schema.js';
import { writeRecords } from '../../server/src/ingest/ingest.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/src/neo4j/local-server.js';
import { createDriver } from '../../server/src/runtime.js';
import { bulkWriteRecords } from '../../server/src/graph/bulk-write.js';
import { generateNational } from '../../server/src/synthetic/index.js';
import { planBulkLoad } from '../../server/src/graph/bulk-plan.js';
import { importCsvFiles } from '../../server/src/graph/import-csv.js';
import { applyImportFixups } from '../../server/src/graph/import-fixups.js';
import { importStore } from '../../server/src/neo4j/store-import.js';

export type SizeName = 'seed' | '10%' | 'national';

export interface Corpus {
  size: SizeName;
  records: ExtractedRecord[];
  documents: number;
  mb: number;
  extractSeconds: number;
}

/** The seed corpus, plus (for 10 % and national) the synthetic national cascade, extracted and resolved together. */
export function loadCorpus(size: SizeName, opts: { seed?: number; provinces?: 34 | 63; scale?: number } = {}): Corpus {
  const seedDir = path.join(repoRoot, 'seed', 'corpus');
  const texts: { file: string; text: string; synthetic: boolean }[] = fs
    .readdirSync(seedDir)
    .filter((f) => /\.(txt|md)$/i.test(f))
    .sort()
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(seedDir, f), 'utf8'), synthetic: false }));
  const scale = opts.scale ?? (size === 'seed' ? 0 : size === '10%' ? 0.1 : 1);
  if (scale > 0) {
    for (const d of generateNational({ seed: opts.seed ?? 42, scale, provinces: opts.provinces ?? 34 })) texts.push({ file: d.file, text: d.text, synthetic: true });
  }
  const t0 = performance.now();
  const records = resolveCorpus(texts.map((t) => extractDocument(t.file, t.text, { synthetic: t.synthetic })));
  const extractSeconds = (performance.now() - t0) / 1000;
  const mb = texts.reduce((a, t) => a + Buffer.byteLength(t.text), 0) / 1e6;
  return { size, records, documents: records.length, mb, extractSeconds };
}

export interface BenchNeo4j {
  neo: LocalNeo4j;
  driver: Driver;
  dir: string;
  version: string;
  stop(): Promise<void>;
}

/** A fresh Neo4j on a free port with a temp data dir; stop() shuts it down and removes the folder. */
export async function startBenchNeo4j(opts: { heap?: string; pageCache?: string } = {}): Promise<BenchNeo4j> {
  const base = readConfig();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-bench-'));
  const port = await freePort();
  const neo = await startLocalNeo4j({ cacheDir: base.cacheDir, dataDir: path.join(dir, 'neo4j'), port, heap: opts.heap ?? '1g', pageCache: opts.pageCache ?? '512m', log: () => undefined });
  const driver = createDriver(neo.uri, base);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await driver.close().catch(() => undefined);
    await neo.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await driver.verifyConnectivity();
    await applySchema(driver);
    const v = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS v, edition AS e');
    const version = `${v.records[0]?.get('v')} ${v.records[0]?.get('e')}`;
    return { neo, driver, dir, version, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export async function graphCounts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const r = await driver.executeQuery('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels');
  return { nodes: Number(r.records[0]!.get('nodes')), relationships: Number(r.records[0]!.get('rels')) };
}

/** Empties the database (keeps the schema) and puts the levels back. */
export async function wipe(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS');
  } finally {
    await session.close();
  }
  await applySchema(driver);
}

export type IngestMode = 'per-document' | 'batched' | 'bulk' | 'import';

export interface IngestResult {
  mode: IngestMode;
  documents: number;
  seconds: number;
  /** Nodes and relationships in the database after the load (levels excluded). */
  nodes: number;
  relationships: number;
  perSecond: number;
  errors: number;
}

export async function benchIngest(driver: Driver, records: ExtractedRecord[], mode: IngestMode, batchSize = 200): Promise<IngestResult> {
  const before = await graphCounts(driver);
  const t0 = performance.now();
  let errors = 0;
  if (mode === 'bulk') {
    const r = await bulkWriteRecords(driver, records, { batchSize: 1000 });
    errors = r.errors;
  } else {
    const r = await writeRecords(driver, records, { batchSize: mode === 'batched' ? batchSize : 1 });
    errors = r.errors.length;
    if (r.errors.length) process.stderr.write(`  ${mode}: ${r.errors.length} errors, first: ${r.errors[0]!.file}: ${r.errors[0]!.message}\n`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const after = await graphCounts(driver);
  const nodes = after.nodes - before.nodes;
  const relationships = after.relationships - before.relationships;
  return { mode, documents: records.length, seconds, nodes, relationships, perSecond: (nodes + relationships) / seconds, errors };
}

export interface ImportResult extends IngestResult {
  /** Planning + CSV files, the store importer, and what the first start adds (fix-ups, indexes); start excluded. */
  phases: { csv: number; importer: number; indexes: number; start: number };
}

/**
 * The offline first load (`npm run neo4j -- import`) into its own scratch Neo4j home: plan + CSV, Neo4j's store
 * importer, then a start with the schema, the fix-ups and every index online. The rate counts everything but
 * the start itself (a server starts anyway; its time is reported apart).
 */
export async function benchImport(records: ExtractedRecord[], opts: { heap?: string; pageCache?: string } = {}): Promise<ImportResult> {
  const base = readConfig();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-bench-import-'));
  try {
    const t0 = performance.now();
    const csv = importCsvFiles(planBulkLoad(records));
    const t1 = performance.now();
    const imported = await importStore(csv.files, { cacheDir: base.cacheDir, dataDir: dir, heap: opts.heap ?? '1g', log: () => undefined });
    const t2 = performance.now();
    // As `npm run neo4j -- import` does: a Neo4j started to build the indexes, then stopped.
    const neo = await startLocalNeo4j({ cacheDir: base.cacheDir, dataDir: dir, port: await freePort(), heap: opts.heap ?? '1g', pageCache: opts.pageCache ?? '512m', brief: true, log: () => undefined });
    const t3 = performance.now();
    const driver = createDriver(neo.uri, base);
    try {
      await applySchema(driver);
      await applyImportFixups(driver, csv.fixups);
      await driver.executeQuery('CALL db.awaitIndexes(600)');
      const t4 = performance.now();
      const all = await graphCounts(driver);
      const levels = Number((await driver.executeQuery('MATCH (l:Level) RETURN count(l) AS n')).records[0]!.get('n'));
      const counts = { nodes: all.nodes - levels, relationships: all.relationships };
      const seconds = (t4 - t0 - (t3 - t2)) / 1000;
      const phases = { csv: (t1 - t0) / 1000 + imported.csvSeconds, importer: imported.importSeconds, indexes: (t4 - t3) / 1000, start: (t3 - t2) / 1000 };
      return { mode: 'import', documents: records.length, seconds, nodes: counts.nodes, relationships: counts.relationships, perSecond: (counts.nodes + counts.relationships) / seconds, errors: 0, phases };
    } finally {
      await driver.close();
      await neo.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, def: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1]! : def;
  };
  const scale = Number(arg('scale', '0.1'));
  const corpus = loadCorpus('10%', { scale, provinces: Number(arg('provinces', '34')) as 34 | 63 });
  console.log(`corpus: ${corpus.documents} documents, ${corpus.mb.toFixed(1)} MB, extracted in ${corpus.extractSeconds.toFixed(1)} s`);
  const db = await startBenchNeo4j({ heap: '2g', pageCache: '1g' });
  try {
    const modes: IngestMode[] = process.argv.includes('--bulk') ? ['bulk', 'batched'] : ['per-document', 'batched', 'bulk'];
    for (const mode of modes) {
      const r = await benchIngest(db.driver, corpus.records, mode);
      console.log(`${mode.padEnd(13)} ${r.documents} docs in ${r.seconds.toFixed(1)} s → ${r.nodes} nodes + ${r.relationships} rels = ${Math.round(r.perSecond)} /s (errors ${r.errors})`);
      await wipe(db.driver);
    }
  } finally {
    await db.stop();
  }
}
