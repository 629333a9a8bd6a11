/**
 * The offline first load (CSV files + Neo4j's store importer) builds the same graph as the transactional
 * writers — every property with its type — and never damages a database it was not allowed to replace.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { readConfig, repoRoot } from '../../server/src/config.js';
import { extractDocument, resolveCorpus } from '../../server/src/extract/index.js';
import { planBulkLoad } from '../../server/src/graph/bulk-plan.js';
import { importCsvFiles, type CsvFile } from '../../server/src/graph/import-csv.js';
import { applyImportFixups } from '../../server/src/graph/import-fixups.js';
import { applySchema } from '../../server/src/graph/schema.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/src/neo4j/local-server.js';
import { importStore, isRunning } from '../../server/src/neo4j/store-import.js';
import { createDriver } from '../../server/src/runtime.js';

const seedDir = path.join(repoRoot, 'seed', 'corpus');
const cacheDir = readConfig().cacheDir;
let tmp: string;
let shared: Driver;
const running: Array<{ neo: LocalNeo4j; driver: Driver }> = [];

function seedImport() {
  const files = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
  return importCsvFiles(planBulkLoad(resolveCorpus(files.map((f) => extractDocument(f, fs.readFileSync(path.join(seedDir, f), 'utf8'))))));
}

async function start(brief = false): Promise<{ neo: LocalNeo4j; driver: Driver }> {
  const neo = await startLocalNeo4j({ cacheDir, dataDir: tmp, port: await freePort(), heap: '384m', pageCache: '64m', brief });
  const driver = createDriver(neo.uri, readConfig());
  const db = { neo, driver };
  running.push(db);
  return db;
}
async function stop(db: { neo: LocalNeo4j; driver: Driver }): Promise<void> {
  await db.driver.close();
  await db.neo.stop();
  running.splice(running.indexOf(db), 1);
}

/**
 * Every node and relationship with all its properties, each value with its Cypher type — but `rowsDigest`, the
 * transactional writer's note of what it wrote a text from (graph/write.ts), which the store import does not keep.
 */
async function dump(driver: Driver) {
  const typed = (x: string) => `apoc.map.fromPairs([k IN keys(${x}) WHERE k <> 'rowsDigest' | [k, [${x}[k], valueType(${x}[k])]]])`;
  const n = await driver.executeQuery(`MATCH (n) WHERE NOT n:Level AND NOT n:GraphVersion RETURN apoc.coll.sort(labels(n)) AS labels, ${typed('n')} AS props ORDER BY coalesce(n.uid, n.key)`);
  const r = await driver.executeQuery(
    `MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.uid, a.key) AS a, coalesce(b.uid, b.key) AS b, ${typed('r')} AS props ORDER BY type, a, b, r.quote, r.order`,
  );
  return { nodes: n.records.map((x) => x.toObject()), rels: r.records.map((x) => x.toObject()) };
}

const jvmArgs = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

const indexNames = async (driver: Driver) =>
  (await driver.executeQuery("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name ORDER BY name")).records.map((x) => x.get('name') as string);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-import-'));
  shared = createDriver(inject('neo4jUri'), readConfig());
});
afterAll(async () => {
  for (const db of [...running]) await stop(db);
  await shared?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('offline store import', () => {
  let imported: Awaited<ReturnType<typeof dump>>;

  it('imports the seed corpus as the graph the transactional writers build: same nodes, edges, properties and types', async () => {
    const csv = seedImport();
    // The seed holds both kinds of list a CSV field cannot carry: no recipients, and a single task without timing.
    expect(csv.fixups.map((f) => f.cypher.replace(/.* SET x\./, ''))).toEqual(['recipients = row.value', 'timings = row.value']);
    const r = await importStore(csv.files, { cacheDir, dataDir: tmp, heap: '384m', log: () => undefined });
    expect(r.relationships).toBeGreaterThan(150);
    // Started as `npm run neo4j -- import` starts it to build the indexes: a JVM that compiles with C1 only.
    const db = await start(true);
    expect(jvmArgs(db.neo.pid)).toContain('-XX:TieredStopAtLevel=1');
    await applySchema(db.driver);
    await applyImportFixups(db.driver, csv.fixups);
    imported = await dump(db.driver);
    expect(r.nodes).toBe(imported.nodes.length);
    const expected = await dump(shared);
    expect(imported.nodes.length).toBe(expected.nodes.length);
    expect(imported.rels.length).toBe(expected.rels.length);
    expect(imported).toEqual(expected);
    // Indexes come with the first start (applySchema), full-text search included.
    expect(await indexNames(db.driver)).toEqual(await indexNames(shared));
    const hits = await db.driver.executeQuery("CALL db.index.fulltext.queryNodes('directive_search', 'binh thuan') YIELD node RETURN count(node) AS n");
    expect(Number(hits.records[0]!.get('n'))).toBeGreaterThan(0);
  });

  it('refuses to touch a database that is running, or that exists, and a failed import keeps the old one', async () => {
    expect(isRunning(tmp)).toBe(true);
    await expect(importStore(seedImport().files, { cacheDir, dataDir: tmp, replace: true, log: () => undefined })).rejects.toThrow(/is running: stop it first/);
    await stop(running[0]!);
    expect(isRunning(tmp)).toBe(false);
    await expect(importStore(seedImport().files, { cacheDir, dataDir: tmp, log: () => undefined })).rejects.toThrow(/already exists.*--replace/);
    // An edge to a node no file defines (a node number beyond the last): the importer fails (bad tolerance 0) after writing a whole scratch store.
    const dangling: CsvFile = { kind: 'relationships', target: 'CITES', name: 'dangling', header: ':START_ID,:END_ID\n', chunks: () => ['0,999999\n'], multiline: () => false };
    await expect(importStore([...seedImport().files, dangling], { cacheDir, dataDir: tmp, replace: true, heap: '384m', log: () => undefined })).rejects.toThrow(/store importer failed .*999999/);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('import-'))).toEqual([]);
    const db = await start();
    // A server that stays up keeps C2.
    expect(jvmArgs(db.neo.pid).filter((a) => a.startsWith('-XX:TieredStopAtLevel'))).toEqual([]);
    expect(await dump(db.driver)).toEqual(imported);
  });

  it('npm run neo4j -- import: loads a fresh local database, ready to query, and refuses a second load', async () => {
    const dataDir = path.join(tmp, 'cli');
    const env = { ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HEAP: '384m', NEO4J_PAGECACHE: '64m' };
    const run = (...args: string[]) => spawnSync('npx', ['tsx', 'server/src/cli/neo4j.ts', 'import', ...args], { cwd: repoRoot, env, encoding: 'utf8', timeout: 170_000 });
    const first = run(seedDir);
    expect(first.stderr).toMatch(/extracting 5 files/);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/imported 5\/5 documents: \d+ nodes, \d+ relationships .*errors: 0/);
    // Started once for the indexes and stopped again: the store is complete, the fix-ups are in.
    const neo = await startLocalNeo4j({ cacheDir, dataDir, port: await freePort(), heap: '384m', pageCache: '64m' });
    const driver = createDriver(neo.uri, readConfig());
    try {
      expect(await dump(driver)).toEqual(imported);
      expect(await indexNames(driver)).toEqual(await indexNames(shared));
    } finally {
      await driver.close();
      await neo.stop();
    }
    const second = run(seedDir);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/already exists.*--replace/);
    // Refused before the corpus is read (a national one takes minutes to extract).
    expect(second.stderr).not.toMatch(/extracting/);
    const remote = spawnSync('npx', ['tsx', 'server/src/cli/neo4j.ts', 'import', seedDir], { cwd: repoRoot, env: { ...env, NEO4J_URI: 'bolt://db.example:7687' }, encoding: 'utf8', timeout: 60_000 });
    expect(remote.status).toBe(1);
    expect(remote.stderr).toMatch(/local Neo4j's store files.*--bulk/);
  }, 240_000);
});
