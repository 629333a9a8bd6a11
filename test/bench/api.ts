/**
 * API benchmark.
 *
 * 1. Cascade (depth 4, DOWN, all relations) of a root, N = 300 sequential requests after a warm-up:
 *    - over HTTP + GraphQL (Apollo + @neo4j/graphql + custom resolver),
 *    - the same Cypher straight through neo4j-driver (`fetchCascade`, uid resolved beforehand),
 *    - the resolver's full work without HTTP/GraphQL (`findDirectiveUid` + `fetchCascade` + `shapeCascade`);
 *    the variants are interleaved; prints p50 / p95 and the GraphQL ÷ driver ratios.
 * 2. Throughput with autocannon (loopback only, 50 connections, 10 s): a generated-query lookup by uid
 *    (`directives(where: { uid: { eq: … } })`) and `search`.
 *
 *   npm run bench:api        # self-contained: own Neo4j (free port, temp dir) + seed corpus + own HTTP server
 *
 * `benchApi({ driver, baseUrl })` reuses an already-loaded graph (e.g. a larger synthetic one from test/bench/all.ts);
 * with only `driver`, it starts an HTTP server over it for the run. No assertions: it prints and returns rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { startHttpServer, type RunningServer } from '../../server/src/api/server.js';
import { readConfig } from '../../server/src/config.js';
import { shapeCascade } from '../../server/src/graph/cascade-shape.js';
import { fetchCascade, type RelationKind } from '../../server/src/graph/queries/cascade.js';
import { findDirectiveUid } from '../../server/src/graph/queries/find-directive.js';
import { applySchema } from '../../server/src/graph/schema.js';
import { ingestPaths } from '../../server/src/ingest/ingest.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/src/neo4j/local-server.js';
import { createDriver } from '../../server/src/runtime.js';

export interface ApiBenchRow {
  bench: string;
  /** "300 seq" or "10 s × 50 conn" */
  load: string;
  p50Ms: number | null;
  p95Ms: number | null;
  /** Requests per second (autocannon rows), or sequential rate for latency rows. */
  reqPerSec: number | null;
  errors: number;
  note: string;
}

export interface ApiBenchOptions {
  /** Driver on a loaded graph; without it (and without baseUrl) a self-contained Neo4j + seed corpus is started. */
  driver?: Driver;
  /** http://127.0.0.1:PORT of a running server (GraphQL at /graphql); without it a server is started over `driver`. */
  baseUrl?: string;
  /** A second server over the same graph with the response cache on (RESPONSE_CACHE_TTL_S > 0): adds cached throughput rows. */
  cachedBaseUrl?: string;
  rootCode?: string;
  database?: string;
  depth?: number;
  iterations?: number;
  warmup?: number;
  durationSec?: number;
  connections?: number;
  searchText?: string;
  log?: (msg: string) => void;
}

const RELATIONS: RelationKind[] = ['IMPLEMENTS', 'CITES', 'ASSIGNED_TO'];

const CASCADE_QUERY = `query Cascade($code: String!, $depth: Int) {
  cascade(code: $code, depth: $depth) {
    root { id }
    nodes { id kind label code type typeName title level levelRank province issuedOn stub synthetic sourceFile depth lagDays parent }
    edges { id source target kind inferred verb quote start end evidenceUid lagDays tasks timings }
  }
}`;

interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GqlBody> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as GqlBody;
  if (!res.ok || body.errors?.length) {
    throw new Error(`GraphQL request failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

interface Timing {
  p50: number;
  p95: number;
  perSec: number;
}

/**
 * Times several variants sequentially, interleaved (iteration i runs every variant once, in rotating order), so that
 * load changes on the machine during the run affect all of them alike.
 */
async function timeInterleaved(n: number, warmup: number, variants: Array<() => Promise<unknown>>): Promise<Timing[]> {
  for (const fn of variants) for (let i = 0; i < warmup; i++) await fn();
  const samples = variants.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < variants.length; k++) {
      const v = (i + k) % variants.length;
      const s = performance.now();
      await variants[v]!();
      samples[v]!.push(performance.now() - s);
    }
  }
  return samples.map((xs) => {
    const total = xs.reduce((a, b) => a + b, 0);
    xs.sort((a, b) => a - b);
    return { p50: percentile(xs, 50), p95: percentile(xs, 95), perSec: (xs.length / total) * 1000 };
  });
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`benchApi load-tests loopback servers only, not ${host}`);
  }
}

async function cannon(url: string, body: string, durationSec: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: durationSec,
    timeout: 30,
  });
}

/** Runs the API benchmark against a loaded graph (or a self-contained seed graph) and prints a table. */
export async function benchApi(opts: ApiBenchOptions = {}): Promise<ApiBenchRow[]> {
  const log = opts.log ?? ((m: string) => console.error(m));
  if (!opts.driver && !opts.baseUrl) {
    const stack = await startApiBenchStack(log);
    try {
      return await benchApi({ ...opts, driver: stack.driver, baseUrl: stack.baseUrl, cachedBaseUrl: stack.cachedBaseUrl });
    } finally {
      await stack.stop();
    }
  }
  if (!opts.driver) throw new Error('benchApi: pass `driver` (the Neo4j behind baseUrl) to compare GraphQL with direct Cypher');
  const driver = opts.driver;
  let server: RunningServer | null = null;
  let baseUrl = opts.baseUrl;
  if (!baseUrl) {
    const config = readConfig({ ...process.env, NEO4J_URI: 'bolt://unused', PORT: '0', HOST: '127.0.0.1', RESPONSE_CACHE_TTL_S: '0', RESPONSE_CACHE_KEYS_FILE: '', ...(opts.database ? { NEO4J_DATABASE: opts.database } : {}) });
    server = await startHttpServer(driver, config, () => undefined);
    baseUrl = `http://127.0.0.1:${server.port}`;
  }
  try {
    return await runBench(driver, baseUrl.replace(/\/+$/, ''), opts, log);
  } finally {
    await server?.close();
  }
}

async function runBench(driver: Driver, baseUrl: string, opts: ApiBenchOptions, log: (m: string) => void): Promise<ApiBenchRow[]> {
  assertLoopback(baseUrl);
  const gqlUrl = `${baseUrl}/graphql`;
  const rootCode = opts.rootCode ?? '28-NQ/TW';
  const depth = opts.depth ?? 4;
  const n = opts.iterations ?? 300;
  const warmup = opts.warmup ?? 30;
  const durationSec = opts.durationSec ?? 10;
  const connections = opts.connections ?? 50;
  const searchText = opts.searchText ?? 'nghi quyet 28';
  const database = opts.database;
  const rows: ApiBenchRow[] = [];

  // Same work, checked once: the GraphQL cascade and the direct Cypher see the same subgraph.
  const uid = await findDirectiveUid(driver, { code: rootCode }, database);
  const viaApi = (await post(gqlUrl, CASCADE_QUERY, { code: rootCode, depth })).data!.cascade as { root: { id: string }; nodes: unknown[]; edges: unknown[] };
  const raw = await fetchCascade(driver, uid, { depth, direction: 'DOWN', relations: RELATIONS, database });
  if (!raw) throw new Error(`fetchCascade found no ${uid}`);
  const shaped = shapeCascade(raw, 'DOWN');
  if (viaApi.root.id !== uid || viaApi.nodes.length !== shaped.nodes.length || viaApi.edges.length !== shaped.edges.length) {
    throw new Error(`GraphQL and direct cascade differ: ${viaApi.root.id} ${viaApi.nodes.length}/${viaApi.edges.length} vs ${uid} ${shaped.nodes.length}/${shaped.edges.length}`);
  }
  const size = `${shaped.nodes.length} nodes, ${shaped.edges.length} edges`;
  log(`api bench: ${rootCode} (${uid}) depth ${depth}: ${size}; ${n} sequential runs per variant (interleaved) after ${warmup} warm-up each`);

  const gqlBody = JSON.stringify({ query: CASCADE_QUERY, variables: { code: rootCode, depth } });
  const [viaGraphql, viaDriver, viaResolverWork] = await timeInterleaved(n, warmup, [
    async () => {
      const res = await fetch(gqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: gqlBody });
      const body = (await res.json()) as GqlBody;
      if (body.errors?.length) throw new Error(`cascade: ${JSON.stringify(body.errors)}`);
    },
    () => fetchCascade(driver, uid, { depth, direction: 'DOWN', relations: RELATIONS, database }),
    async () => {
      const u = await findDirectiveUid(driver, { code: rootCode }, database);
      const r = await fetchCascade(driver, u, { depth, direction: 'DOWN', relations: RELATIONS, database });
      return shapeCascade(r!, 'DOWN');
    },
  ]) as [Timing, Timing, Timing];
  const latencyRow = (bench: string, t: Timing, note: string): ApiBenchRow => ({
    bench,
    load: `${n} seq`,
    p50Ms: t.p50,
    p95Ms: t.p95,
    reqPerSec: t.perSec,
    errors: 0,
    note,
  });
  rows.push(latencyRow('cascade · GraphQL over HTTP', viaGraphql, size));
  rows.push(latencyRow('cascade · driver fetchCascade', viaDriver, 'same Cypher, uid resolved once'));
  rows.push(latencyRow('cascade · driver lookup+fetch+shape', viaResolverWork, "the resolver's work without HTTP/GraphQL"));
  rows.push({
    bench: 'ratio GraphQL ÷ fetchCascade',
    load: '',
    p50Ms: viaGraphql.p50 / viaDriver.p50,
    p95Ms: viaGraphql.p95 / viaDriver.p95,
    reqPerSec: null,
    errors: 0,
    note: `GraphQL ÷ lookup+fetch+shape: p50 ×${(viaGraphql.p50 / viaResolverWork.p50).toFixed(2)}, p95 ×${(viaGraphql.p95 / viaResolverWork.p95).toFixed(2)}`,
  });

  // Throughput: a generated query and the search resolver, each verified before and after the load.
  const lookupQuery = `{ directives(where: { uid: { eq: ${JSON.stringify(uid)} } }) { code title } }`;
  const searchQuery = `{ search(text: ${JSON.stringify(searchText)}, first: 10) { id kind label score } }`;
  const checks: Array<{ bench: string; query: string; check: (b: GqlBody) => string | null }> = [
    {
      bench: 'lookup · directives(where uid eq)',
      query: lookupQuery,
      check: (b) => {
        const d = (b.data?.directives as Array<{ code: string }> | undefined) ?? [];
        return d.length === 1 && d[0]!.code === shaped.root?.code ? null : `unexpected answer ${JSON.stringify(b.data)}`;
      },
    },
    {
      bench: `search("${searchText}")`,
      query: searchQuery,
      check: (b) => ((b.data?.search as unknown[] | undefined)?.length ? null : `no hits: ${JSON.stringify(b.data)}`),
    },
  ];
  const targets: Array<{ url: string; suffix: string }> = [{ url: gqlUrl, suffix: '' }];
  if (opts.cachedBaseUrl) targets.push({ url: `${opts.cachedBaseUrl.replace(/\/+$/, '')}/graphql`, suffix: ' · response cache' });
  for (const t of targets)
  for (const c0 of checks) {
    const c = { ...c0, bench: `${c0.bench}${t.suffix}` };
    const gqlUrl = t.url;
    const verify = async (when: string) => {
      const problem = c.check(await post(gqlUrl, c.query));
      if (problem) throw new Error(`${c.bench} ${when}: ${problem}`);
    };
    await verify('before load');
    const body = JSON.stringify({ query: c.query });
    await cannon(gqlUrl, body, 1, 8); // warm-up
    log(`api bench: ${c.bench}: autocannon ${connections} connections × ${durationSec} s …`);
    const r = await cannon(gqlUrl, body, durationSec, connections);
    await verify('after load');
    rows.push({
      bench: c.bench,
      load: `${durationSec} s × ${connections} conn`,
      p50Ms: r.latency.p50,
      p95Ms: r.latency.p97_5,
      reqPerSec: r.requests.average,
      errors: r.errors + r.timeouts + r.non2xx,
      note: `${r.requests.total} requests; p95 column = autocannon p97.5`,
    });
  }
  printTable(rows);
  return rows;
}

export function printTable(rows: ApiBenchRow[], out: (s: string) => void = console.log): void {
  const fmt = (v: number | null, digits: number) => (v === null || !Number.isFinite(v) ? '' : v.toFixed(digits));
  const isRatio = (r: ApiBenchRow) => r.bench.startsWith('ratio');
  const table = [
    ['benchmark', 'load', 'p50', 'p95', 'req/s', 'errors', 'note'],
    ...rows.map((r) => [
      r.bench,
      r.load,
      isRatio(r) ? `×${fmt(r.p50Ms, 2)}` : `${fmt(r.p50Ms, 2)} ms`,
      isRatio(r) ? `×${fmt(r.p95Ms, 2)}` : `${fmt(r.p95Ms, 2)} ms`,
      fmt(r.reqPerSec, 0),
      isRatio(r) ? '' : String(r.errors),
      r.note,
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)));
  const line = (row: string[]) => row.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  out(line(table[0]!));
  out(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of table.slice(1)) out(line(row));
}

interface ApiBenchStack {
  driver: Driver;
  baseUrl: string;
  cachedBaseUrl: string;
  stop(): Promise<void>;
}

/** Own Neo4j (free port, temp data dir) with the schema and the seed corpus, and the HTTP server over it. */
export async function startApiBenchStack(log: (m: string) => void = (m) => console.error(m)): Promise<ApiBenchStack> {
  const base = readConfig();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-bench-api-'));
  let neo: LocalNeo4j | null = null;
  let driver: Driver | null = null;
  let server: RunningServer | null = null;
  let cached: RunningServer | null = null;
  const stop = async () => {
    await server?.close().catch(() => undefined);
    await cached?.close().catch(() => undefined);
    await driver?.close().catch(() => undefined);
    await neo?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    log(`api bench: starting Neo4j on bolt://127.0.0.1:${port} (data: ${dir}) …`);
    neo = await startLocalNeo4j({ cacheDir: base.cacheDir, dataDir: path.join(dir, 'neo4j'), port, heap: '1g', pageCache: '256m', log: () => undefined });
    // Timings measure the query path, so this server caches nothing; a second one shows the response cache.
    const config = readConfig({ ...process.env, NEO4J_URI: neo.uri, PORT: '0', HOST: '127.0.0.1', RESPONSE_CACHE_TTL_S: '0', RESPONSE_CACHE_KEYS_FILE: '' });
    driver = createDriver(neo.uri, config);
    await driver.verifyConnectivity({ database: config.neo4jDatabase });
    await applySchema(driver, config.neo4jDatabase);
    const seeded = await ingestPaths(driver, [config.seedDir], { database: config.neo4jDatabase });
    if (seeded.errors.length) throw new Error(`seed corpus failed: ${seeded.errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
    log(`api bench: seed corpus: ${seeded.documents} documents, ${seeded.nodes} nodes, ${seeded.relationships} relationships`);
    server = await startHttpServer(driver, config, () => undefined);
    cached = await startHttpServer(driver, { ...config, responseCacheTtlSeconds: 5 }, () => undefined);
    return { driver, baseUrl: `http://127.0.0.1:${server.port}`, cachedBaseUrl: `http://127.0.0.1:${cached.port}`, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let stack: ApiBenchStack | null = null;
  const shutdown = (code: number) => {
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
  };
  process.once('SIGINT', () => shutdown(130));
  process.once('SIGTERM', () => shutdown(143));
  (async () => {
    stack = await startApiBenchStack();
    try {
      await benchApi({ driver: stack.driver, baseUrl: stack.baseUrl, cachedBaseUrl: stack.cachedBaseUrl });
    } finally {
      const s = stack;
      stack = null;
      await s.stop();
    }
  })().then(
    () => process.exit(0),
    (e: Error) => {
      console.error(`bench:api failed: ${e.stack ?? e.message}`);
      process.exit(1);
    },
  );
}
