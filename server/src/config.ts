/**
 * All configuration, read from the environment in one place. Every variable is listed in README.md.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Config {
  port: number;
  host: string;
  /** When set, no local Neo4j is started and this server is used. */
  neo4jUri: string | null;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string | undefined;
  /** Local Neo4j (started when neo4jUri is null). */
  localBoltPort: number;
  localDataDir: string;
  localHeap: string;
  localPageCache: string;
  /** The most memory one query (transaction) may take in the local Neo4j (64m, 1g); null = Neo4j's default. */
  localTxMemory: string | null;
  cacheDir: string;
  startTimeoutMs: number;
  /** Cypher transaction timeout for API queries, in ms. */
  txTimeoutMs: number;
  seedDir: string;
  loadSeed: boolean;
  webDist: string;
  jwtSecret: string | null;
  readsRequireAuth: boolean;
  corsOrigins: string[] | '*';
  production: boolean;
  maxDepth: number;
  maxCost: number;
  /** Largest request body, bytes (BODY_LIMIT: 2mb, 500kb, 1048576). */
  bodyLimitBytes: number;
  /**
   * Identical read queries are answered from memory for at most this long (0 = off). Any write drops them sooner: at
   * once for this process's ingests, within graphVersionPollMs for every other (so the TTL only bounds an entry's
   * age, and matters for staleness only with the watch off).
   */
  responseCacheTtlSeconds: number;
  /** After a change, this many of the most asked-for cached answers are computed again in the background (0 = none). */
  responseCacheRefresh: number;
  /** Where the most asked-for requests are kept from a stop to the next start, to be answered again (null = nowhere). */
  responseCacheKeysFile: string | null;
  /**
   * After a change (and once a cascade is asked for), the most asked-for cascade request is also answered ahead for
   * this many of the largest cascades (0 = none): the first visitor of a provincial programme finds it in memory.
   */
  responseCacheAhead: number;
  /** Memory for cached answers (plain and gzipped), in MB; least recently used answers leave first. */
  responseCacheMegabytes: number;
  /** How often the API reads the graph's version and last transaction to drop its caches after other writes (0 = never). */
  graphVersionPollMs: number;
  /**
   * gzip answers for clients that accept it: `network` (default) for clients elsewhere or behind a proxy, not for a
   * client on this machine reached directly (api/compression-wanted.ts); `always`; `off` when a proxy in front
   * already compresses.
   */
  httpCompression: CompressionMode;
  /**
   * Error stacks mapped back to the TypeScript sources (SOURCE_MAPS; on under `npm run dev`). Off elsewhere: with maps
   * on, every statement the driver runs formats a stack (it keeps one per result for its error messages) through the
   * source maps of the packages on it — ≈ 1 ms per lookup over GraphQL here — and loading the packages' 1 300 map
   * files costs every command ≈ 0.4 s at its start.
   */
  sourceMaps: boolean;
}

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/** true / false as the settings write them (1, yes, on / 0, no, off); null for anything else. */
function truth(raw: string): boolean | null {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  return null;
}

function bool(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = truth(raw);
  if (value === null) throw new Error(`${name} must be true or false, got "${raw}"`);
  return value;
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A size as written in settings: 2mb, 500kb, 1.5mb, 1048576 (bytes). */
export function byteSize(name: string, raw: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(raw);
  const n = m ? Math.floor(Number(m[1]) * BYTE_UNITS[(m[2] ?? '').toLowerCase()]!) : NaN;
  if (!Number.isFinite(n) || n < 1) throw new Error(`${name} must be a size such as 2mb, 500kb or 1048576, got "${raw}"`);
  return n;
}

/** off: never; network: for clients elsewhere or behind a proxy (the default); always: also for clients on this machine. */
export type CompressionMode = 'off' | 'network' | 'always';

/** HTTP_COMPRESSION: true (or unset) = network, false = off, always. */
function compressionMode(raw: string | undefined): CompressionMode {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === 'always' || v === 'network') return v;
  const value = v === '' ? true : truth(v);
  if (value === null) throw new Error(`HTTP_COMPRESSION must be true (clients elsewhere), always or false, got "${raw}"`);
  return value ? 'network' : 'off';
}

/** NEO4J_URI: a Bolt or routing URI (neo4j-driver's own error for anything else was "Unknown scheme: null"). */
function neo4jUri(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!/^(?:bolt|neo4j)(?:\+s|\+ssc)?:\/\/[^\s/]+/i.test(raw.trim())) {
    throw new Error(`NEO4J_URI must be a Bolt or routing URI such as bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io, got "${raw}"`);
  }
  return raw.trim();
}

/** SOURCE_MAPS, read alone: the commands' preload (cli/stack-traces.ts) needs it before anything else is loaded. */
export function sourceMapsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return bool('SOURCE_MAPS', false, env);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cacheDir = path.resolve(env.DG_CACHE_DIR || path.join(repoRoot, '.cache'));
  const cors = (env.CORS_ORIGINS ?? '*').trim();
  return {
    port: int('PORT', 4000, env),
    host: env.HOST || '0.0.0.0',
    neo4jUri: neo4jUri(env.NEO4J_URI),
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || 'neo4j',
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    localBoltPort: int('NEO4J_BOLT_PORT', 7687, env),
    localDataDir: path.resolve(env.NEO4J_DATA_DIR || path.join(cacheDir, 'neo4j-data')),
    localHeap: env.NEO4J_HEAP || '512m',
    localPageCache: env.NEO4J_PAGECACHE || '128m',
    localTxMemory: env.NEO4J_TX_MEMORY || null,
    cacheDir,
    startTimeoutMs: int('NEO4J_START_TIMEOUT_MS', 120_000, env),
    txTimeoutMs: int('NEO4J_TX_TIMEOUT_MS', 10_000, env),
    seedDir: path.resolve(env.SEED_DIR || path.join(repoRoot, 'seed', 'corpus')),
    loadSeed: bool('LOAD_SEED', true, env),
    webDist: path.resolve(env.WEB_DIST || path.join(repoRoot, 'web', 'dist')),
    jwtSecret: env.JWT_SECRET || null,
    readsRequireAuth: bool('READS_REQUIRE_AUTH', false, env),
    corsOrigins: cors === '*' ? '*' : cors.split(',').map((s) => s.trim()).filter(Boolean),
    production: env.NODE_ENV === 'production',
    maxDepth: int('GRAPHQL_MAX_DEPTH', 8, env),
    maxCost: int('GRAPHQL_MAX_COST', 20_000, env),
    bodyLimitBytes: byteSize('BODY_LIMIT', env.BODY_LIMIT || '2mb'),
    responseCacheTtlSeconds: int('RESPONSE_CACHE_TTL_S', 3600, env),
    responseCacheRefresh: int('RESPONSE_CACHE_REFRESH', 8, env),
    responseCacheKeysFile: env.RESPONSE_CACHE_KEYS_FILE === undefined ? path.join(cacheDir, 'response-cache-keys.json') : env.RESPONSE_CACHE_KEYS_FILE ? path.resolve(env.RESPONSE_CACHE_KEYS_FILE) : null,
    responseCacheAhead: int('RESPONSE_CACHE_AHEAD', 80, env),
    responseCacheMegabytes: int('RESPONSE_CACHE_MB', 256, env),
    graphVersionPollMs: int('GRAPH_VERSION_POLL_MS', 1000, env),
    httpCompression: compressionMode(env.HTTP_COMPRESSION),
    sourceMaps: sourceMapsWanted(env),
  };
}
