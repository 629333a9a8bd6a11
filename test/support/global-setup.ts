/**
 * One real Neo4j (free port, temp data dir) and one real server with the seed corpus for the whole run.
 * Everything started here is stopped in teardown; the JVM also stops by itself if this process dies.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { readConfig, repoRoot } from '../../server/src/config.js';
import { startHttpServer, type RunningServer } from '../../server/src/api/server.js';
import { ingestPaths } from '../../server/src/ingest/ingest.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/src/neo4j/local-server.js';
import { createDriver } from '../../server/src/runtime.js';
import { applySchema } from '../../server/src/graph/schema.js';
import type { Driver } from 'neo4j-driver';

let neo: LocalNeo4j | undefined;
let driver: Driver | undefined;
let server: RunningServer | undefined;
let tmp: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-test-'));
  const outputDir = path.join(repoRoot, 'test-output');
  fs.mkdirSync(outputDir, { recursive: true });
  const base = readConfig();
  const boltPort = await freePort();
  neo = await startLocalNeo4j({ cacheDir: base.cacheDir, dataDir: path.join(tmp, 'neo4j'), port: boltPort, heap: '768m', pageCache: '128m' });
  const jwtSecret = 'test-secret-for-this-run-only-0123456789';
  // The suites run in parallel and write to this database: with the graph-version watch on, another suite's ingest
  // could clear this server's cache in the middle of a cache test. The watch is tested on a server of its own.
  // Nor does it keep its most asked-for requests in the developer's .cache (RESPONSE_CACHE_KEYS_FILE, tested apart).
  const config = readConfig({ ...process.env, NEO4J_URI: neo.uri, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: jwtSecret, NODE_ENV: 'test', GRAPH_VERSION_POLL_MS: '0', RESPONSE_CACHE_KEYS_FILE: '' });
  driver = createDriver(neo.uri, config);
  await applySchema(driver);
  const seeded = await ingestPaths(driver, [config.seedDir]);
  if (seeded.errors.length) throw new Error(`seed corpus failed: ${seeded.errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
  server = await startHttpServer(driver, config, () => undefined);
  const baseUrl = `http://127.0.0.1:${server.port}`;
  project.provide('baseUrl', baseUrl);
  project.provide('neo4jUri', neo.uri);
  project.provide('jwtSecret', jwtSecret);
  project.provide('outputDir', outputDir);
}

export async function teardown(): Promise<void> {
  await server?.close().catch(() => undefined);
  await driver?.close().catch(() => undefined);
  await neo?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
