/**
 * Connects to Neo4j: the server named by NEO4J_URI, the local one another command already runs, or a local one
 * started (and later stopped) here.
 * Verifies connectivity and applies the schema.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from './config.js';
import { fetchCascade } from './graph/queries/cascade.js';
import { applySchema } from './graph/schema.js';
import { enableTcpNoDelay } from './neo4j/tcp-nodelay.js';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from './neo4j/local-server.js';
import { Neo4jSetupError } from './neo4j/artifacts.js';
import { localStoreProcess } from './neo4j/store-holder.js';

export interface Database {
  driver: Driver;
  uri: string;
  local: LocalNeo4j | null;
  close(): Promise<void>;
}

export function createDriver(uri: string, config: Pick<Config, 'neo4jUser' | 'neo4jPassword'>): Driver {
  enableTcpNoDelay();
  return neo4j.driver(uri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 20_000,
    disableLosslessIntegers: false,
  });
}

/**
 * What a scratch server runs while it records the class archive (neo4j/record-class-archive.ts): the schema, and
 * the cascade statement planned once (Cypher planner, APOC path expansion).
 */
export async function exerciseNeo4j(uri: string, config: Pick<Config, 'neo4jUser' | 'neo4jPassword'>): Promise<void> {
  const driver = createDriver(uri, config);
  try {
    await applySchema(driver);
    await fetchCascade(driver, 'nothing', { depth: 4, direction: 'DOWN', relations: ['IMPLEMENTS', 'CITES', 'ASSIGNED_TO'] });
  } finally {
    await driver.close();
  }
}

/** The local Neo4j as configured (NEO4J_BOLT_PORT, NEO4J_DATA_DIR, NEO4J_HEAP, …). */
export function localNeo4jOptions(config: Config): LocalNeo4jOptions {
  return {
    cacheDir: config.cacheDir,
    dataDir: config.localDataDir,
    port: config.localBoltPort,
    heap: config.localHeap,
    pageCache: config.localPageCache,
    ...(config.localTxMemory ? { txMemory: config.localTxMemory } : {}),
    timeoutMs: config.startTimeoutMs,
  };
}

/**
 * The local database already served by another command (`npm start` in another terminal, a detached
 * `npm run neo4j -- start`): its Bolt URI, used as it is and left running. Null when nothing holds the local store.
 * A store held by something else than our launcher (an import still running) is an error, not a second Neo4j.
 */
export function runningLocalNeo4j(config: Config, log: (m: string) => void): string | null {
  const held = localStoreProcess(config.localDataDir, config.neo4jDatabase ?? 'neo4j');
  if (held === null) return null;
  const { pid, port } = held;
  if (port === null) {
    throw new Neo4jSetupError(`the local database in ${config.localDataDir} is in use by process ${pid} (an import?): wait for it to end, or stop it`);
  }
  const uri = `bolt://127.0.0.1:${port}`;
  log(`Using the local Neo4j already running on ${uri} (pid ${pid}; data: ${config.localDataDir})${port === config.localBoltPort ? '' : `, not NEO4J_BOLT_PORT ${config.localBoltPort}`}`);
  return uri;
}

export async function openDatabase(config: Config, log: (m: string) => void = (m) => console.error(m), opts: { brief?: boolean } = {}): Promise<Database> {
  let local: LocalNeo4j | null = null;
  let uri = config.neo4jUri ?? runningLocalNeo4j(config, log);
  if (!uri) {
    log(`Starting local Neo4j on bolt://127.0.0.1:${config.localBoltPort} (data: ${config.localDataDir}) …`);
    local = await startLocalNeo4j({ ...localNeo4jOptions(config), brief: opts.brief, log });
    uri = local.uri;
  }
  const driver = createDriver(uri, config);
  try {
    await driver.verifyConnectivity({ database: config.neo4jDatabase });
    await applySchema(driver, config.neo4jDatabase);
  } catch (e) {
    await driver.close();
    await local?.stop();
    throw new Error(`Neo4j at ${uri} is not usable: ${(e as Error).message}`);
  }
  return {
    driver,
    uri,
    local,
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
