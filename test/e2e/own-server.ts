/**
 * A Neo4j and an API server of a suite's own, holding the seed corpus (and whatever the suite writes next): for suites
 * that change the graph, which the suites running alongside read from the shared server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { expect } from 'vitest';
import type { RunningServer } from '../../server/src/api/server.js';
import type { LocalNeo4j } from '../../server/src/neo4j/local-server.js';

export interface OwnServer {
  base: string;
  driver: Driver;
  close(): Promise<void>;
}

export async function startOwnServer(opts: { name: string; env?: Record<string, string>; beforeStart?: (driver: Driver) => Promise<void> }): Promise<OwnServer> {
  const { readConfig, repoRoot } = await import('../../server/src/config.js');
  const { startHttpServer } = await import('../../server/src/api/server.js');
  const { ingestPaths } = await import('../../server/src/ingest/ingest.js');
  const { freePort, startLocalNeo4j } = await import('../../server/src/neo4j/local-server.js');
  const { createDriver } = await import('../../server/src/runtime.js');
  const { applySchema } = await import('../../server/src/graph/schema.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `dg-${opts.name}-`));
  let neo: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  let server: RunningServer | undefined;
  const close = async () => {
    await server?.close().catch(() => undefined);
    await driver?.close().catch(() => undefined);
    await neo?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    neo = await startLocalNeo4j({ cacheDir: readConfig().cacheDir, dataDir: tmp, port: await freePort(), heap: '384m', pageCache: '64m' });
    // A Neo4j of its own, cold, while the other suites run: its first cascade statement is planned in the server's
    // warm-up (awaited below), and given longer than the default 10 s should the machine be that busy.
    const config = readConfig({ ...process.env, NEO4J_URI: neo.uri, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', GRAPH_VERSION_POLL_MS: '0', RESPONSE_CACHE_KEYS_FILE: '', NEO4J_TX_TIMEOUT_MS: '60000', ...opts.env });
    driver = createDriver(neo.uri, config);
    await applySchema(driver);
    const seeded = await ingestPaths(driver, [path.join(repoRoot, 'seed', 'corpus')]);
    expect(seeded.errors).toEqual([]);
    await opts.beforeStart?.(driver);
    server = await startHttpServer(driver, config, () => undefined);
    await server.warmedUp;
    return { base: `http://127.0.0.1:${server.port}`, driver, close };
  } catch (e) {
    await close();
    throw e;
  }
}
