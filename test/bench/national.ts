/**
 * One size of the scaling benchmark: fresh Neo4j → load (stock writer on a slice: per-document transactions
 * and batched writeRecords; then the whole corpus with the bulk UNWIND writer) → API server in a child process (startHttpServer) →
 * cascade depth 4 through GraphQL vs the same Cypher through the driver (fetchCascade) → the explorer's gap list and
 * the implementation-lag table of the national root over GraphQL → lookup requests/s
 * (autocannon, loopback, bounded) → resident memory of the server and of the Neo4j JVM. Everything started
 * is stopped at the end.
 *
 *   npx tsx test/bench/national.ts [--size national|10%|seed]
 *
 * Internal: `--serve BOLT_URI` runs the API server child (stops when its stdin closes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { readConfig, repoRoot } from '../../server/src/config.js';
import { bumpGraphVersion } from '../../server/src/graph/graph-version.js';
import { fetchCascade, LEAN_COLUMNS, NODE_COLUMNS } from '../../server/src/graph/queries/cascade.js';
import { largestCascades } from '../../server/src/graph/queries/largest-cascades.js';
import { writeRecords } from '../../server/src/ingest/ingest.js';
import { freePort } from '../../server/src/neo4j/local-server.js';
import { CASCADE_VIEW_QUERY, cascadeVariables as explorerVariables, FOLD_LEVELS_ABOVE, FOLD_ORGANIZATIONS_ABOVE, GAP_PAGE_QUERY, LAG_QUERY, ORGANIZATION_OVERVIEW_QUERY, PROVINCE_OVERVIEW_QUERY, SCHEDULED_TASKS_QUERY, TASK_SCHEDULE_QUERY } from '../../web/src/api/queries.js';
import { benchExplorer, explorerUnavailable, type ExplorerTiming } from './explorer.js';
import { benchImport, benchIngest, loadCorpus, startBenchNeo4j, wipe, type ImportResult, type IngestResult, type SizeName } from './ingest.js';

const SELF = fileURLToPath(import.meta.url);
const STACK_TRACES = path.join(repoRoot, 'server', 'src', 'cli', 'stack-traces.ts');

export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

export interface CascadeResult {
  root: string;
  nodes: number;
  edges: number;
  graphql: Timing;
  /** The same request to a server with the response cache on (as deployed), after one miss. */
  cached: Timing;
  /**
   * The cached server's first answer after a writer raised the graph version (as every ingest does), once the server
   * says its background work is done (`readyMs` after the change, median): what refresh-ahead leaves for the next
   * visitor (national and provincial root); `hits` = answers it marked X-Cache: HIT.
   */
  afterChange?: Timing & { hits: number; readyMs: number };
  driver: Timing;
  ratio: number;
  /** Directive–organisation pairs the server left out of the explorer's request (0: nothing folded). */
  foldedAssignments: number;
  /**
   * The same cascade with every organisation (the explorer's "show all", a notebook's request), national and provincial
   * root: its size, and driver / GraphQL timings.
   */
  whole?: { nodes: number; edges: number; driver: Timing; graphql: Timing };
  /** Texts of lower levels the server left out of the explorer's request, counted on the texts kept (0: none). */
  foldedImplementers: number;
  /**
   * The explorer's request with every level ("show every level"; what the explorer asked for until the thirteenth
   * session): organisations folded, the texts cut breadth-first at maxNodes. National and provincial root.
   */
  everyLevel?: { nodes: number; edges: number; driver: Timing; graphql: Timing };
  /** Set when the GraphQL request failed (e.g. the API's transaction timeout, NEO4J_TX_TIMEOUT_MS). */
  error?: string;
  /** The explorer opened on this root in headless Chromium (national and provincial root), or why not. */
  explorer?: ExplorerTiming | { unavailable: string };
}

export interface SizeResult {
  size: SizeName;
  documents: number;
  mb: number;
  extractSeconds: number;
  perDocument: IngestResult;
  batched: IngestResult;
  /** The batched slice written again unchanged: every text found as stored and skipped (rowsDigest). */
  again: { documents: number; unchanged: number; seconds: number };
  bulk: IngestResult;
  /** Offline store import (npm run neo4j -- import) of the whole corpus into a scratch home. */
  imported: ImportResult;
  nodes: number;
  relationships: number;
  cascades: CascadeResult[];
  /**
   * The national root's analytics over GraphQL (uncached server): `gaps` the explorer's first page of the gap list (200
   * rows and the total, `gapRows`), `wholeGaps` the whole list as a notebook asks it (`gapMb` its size), the lag table.
   */
  analytics: {
    gapRows: number; gapMb: number; gaps: Timing; deepGaps: Timing; wholeGaps: Timing; lag: Timing;
    /** The tasks by deadline (taskSchedule), and the first page of 50 of its largest period (scheduledTasks): tasks in all, that period's. */
    tasks: number; periodTasks: number; schedule: Timing; periodPage: Timing;
    /** The province's page of Lâm Đồng (with the provinces it took over, Bình Thuận among them): its rows, its texts under the first. */
    provinceRows?: number; provinceTexts?: number; province?: Timing;
    /** The page of the organisation given tasks by the most texts (organizationOverview): those texts, its tasks. */
    orgTexts?: number; orgTasks?: number; organization?: Timing;
    error?: string;
  };
  /**
   * The largest cascades (largestCascades, as many as the server answers ahead), each asked for once after a change:
   * from the uncached server, and from the cached one once it is ready (`readyMs` after the change).
   */
  largest?: { count: number; uncached: Timing; ahead: Timing & { hits: number }; readyMs: number };
  lookupRps: number;
  lookupP95: number;
  serverRssMb: number;
  /** The server with the response cache on, at the end (its cache full of the largest cascades). */
  cachedServerRssMb: number;
  neo4jRssMb: number;
  neo4jVersion: string;
}

export function rssMb(pid: number | 'self'): number {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(s);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/**
 * Times several functions in alternation (a, b, c, a, b, c, …) so that a noisy neighbour on a shared machine
 * weighs on all of them alike: 2 warm-up rounds, then `n` rounds or `budgetMs` (at least 5 rounds).
 */
export async function timeInterleaved(fns: Array<() => Promise<unknown>>, n = 30, budgetMs = 40_000): Promise<Timing[]> {
  for (let w = 0; w < 2; w++) for (const fn of fns) await fn();
  const xs: number[][] = fns.map(() => []);
  const t0 = performance.now();
  while (xs[0]!.length < n && (xs[0]!.length < 5 || performance.now() - t0 < budgetMs)) {
    for (let i = 0; i < fns.length; i++) {
      const t = performance.now();
      await fns[i]!();
      xs[i]!.push(performance.now() - t);
    }
  }
  return xs.map((x) => ({ p50: pct(x, 50), p95: pct(x, 95), n: x.length }));
}

const AFTER_CHANGE_ROUNDS = 8;

/**
 * Waits until the server's response cache has nothing left to compute in the background (its /health says so; the
 * watch sees a change within 1 s, refresh-ahead waits for a quiet second, then works); returns how long it waited.
 */
export async function settled(base: string, sinceMs = performance.now(), limitMs = 120_000): Promise<number> {
  await new Promise((r) => setTimeout(r, 1500)); // the watch's second: until then the server has not seen the change
  for (;;) {
    const health = (await (await fetch(`${base}/health`)).json()) as { responseCache?: { refreshing: boolean } };
    if (!health.responseCache?.refreshing || performance.now() - sinceMs > limitMs) return performance.now() - sinceMs;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Rounds of: raise the graph version (what every ingest does), wait until the server has done its background work,
 * ask the cached server for each root's cascade once. Without refresh-ahead each of these answers would be computed
 * anew.
 */
async function timeAfterChange(driver: Driver, base: string, uids: string[]): Promise<Array<Timing & { hits: number; readyMs: number }>> {
  const xs = uids.map(() => [] as number[]);
  const hits = uids.map(() => 0);
  const ready: number[] = [];
  for (let round = 0; round < AFTER_CHANGE_ROUNDS; round++) {
    const t0 = performance.now();
    await bumpGraphVersion(driver);
    ready.push(await settled(base, t0));
    for (const [i, uid] of uids.entries()) {
      const t = performance.now();
      const res = await gql(base, CASCADE_QUERY, cascadeVariables(uid));
      xs[i]!.push(performance.now() - t);
      if (res.cache === 'HIT') hits[i]!++;
    }
  }
  return xs.map((x, i) => ({ p50: pct(x, 50), p95: pct(x, 95), n: x.length, hits: hits[i]!, readyMs: pct(ready, 50) }));
}

/** The largest cascades asked for once each: from the uncached server, then from the cached one after a change. */
async function timeLargest(driver: Driver, base: string, cachedBase: string): Promise<SizeResult['largest']> {
  const largest = await largestCascades(driver, readConfig().responseCacheAhead);
  if (!largest.length) return undefined;
  const once = async (at: string) => {
    const xs: number[] = [];
    let hits = 0;
    for (const d of largest) {
      const t = performance.now();
      const res = await gql(at, CASCADE_QUERY, cascadeVariables(d.uid));
      xs.push(performance.now() - t);
      if (res.cache === 'HIT') hits++;
    }
    return { p50: pct(xs, 50), p95: pct(xs, 95), n: xs.length, hits };
  };
  const uncached = await once(base);
  const t0 = performance.now();
  await bumpGraphVersion(driver);
  const readyMs = await settled(cachedBase, t0);
  return { count: largest.length, uncached, ahead: await once(cachedBase), readyMs };
}

/** Repeats fn: 2 warm-up runs, then until `n` runs or `budgetMs` spent (at least 5). */
export async function timeIt(fn: () => Promise<unknown>, n = 30, budgetMs = 20_000): Promise<Timing> {
  await fn();
  await fn();
  const xs: number[] = [];
  const t0 = performance.now();
  while (xs.length < n && (xs.length < 5 || performance.now() - t0 < budgetMs)) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { p50: pct(xs, 50), p95: pct(xs, 95), n: xs.length };
}

/**
 * The explorer's own request (CASCADE_VIEW_QUERY): every field it draws of the root, fewer of the other nodes (no
 * titles), edges without their evidence, organisations left out above the explorer's fold threshold; with the
 * variables it sends for a cascade of depth 4 downwards.
 */
export const CASCADE_QUERY = CASCADE_VIEW_QUERY;
export const cascadeVariables = (uid: string) => explorerVariables({ code: uid }, 4, 'DOWN', undefined, undefined, FOLD_ORGANIZATIONS_ABOVE, FOLD_LEVELS_ABOVE);

/** One keep-alive connection per server: the figures are the server's, not a fresh TCP handshake's. */
const agents = new Map<string, http.Agent>();

/**
 * POST a GraphQL request with node:http on a keep-alive connection and parse the answer. (fetch adds its
 * WHATWG streams: ~0.7–1 ms per request on this machine, a fifth of a small cascade's time.)
 */
export function gql(base: string, query: string, variables: Record<string, unknown>): Promise<{ data?: any; errors?: unknown[]; cache?: string }> {
  let agent = agents.get(base);
  if (!agent) agents.set(base, (agent = new http.Agent({ keepAlive: true, maxSockets: 4 })));
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const send = (again: boolean) => {
      const req = http.request(`${base}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: any; errors?: unknown[]; cache?: string };
            if (parsed.errors?.length) reject(new Error(`GraphQL: ${JSON.stringify(parsed.errors).slice(0, 300)}`));
            else resolve({ ...parsed, cache: res.headers['x-cache'] as string | undefined });
          } catch (e) {
            reject(new Error(`GraphQL: HTTP ${res.statusCode}, unreadable answer: ${(e as Error).message}`));
          }
        });
      });
      // A kept-alive connection the server closed as this request went out (Node's documented case for a retry).
      req.on('error', (e: NodeJS.ErrnoException) => (again && req.reusedSocket && e.code === 'ECONNRESET' ? send(false) : reject(e)));
      req.end(body);
    };
    send(true);
  });
}

/** The API server in a child process (its RSS is then the server's alone, not the bench's corpus). */
export async function startServerChild(boltUri: string, env: Record<string, string> = {}): Promise<{ base: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const child: ChildProcess = spawn(tsx, ['--import', STACK_TRACES, SELF, '--serve', boltUri], {
    // Deployed as in the Dockerfile (NODE_ENV=production: graphql-js skips its development checks; no source maps,
    // cli/stack-traces.ts); no response cache
    // unless asked for, so the figures are the work of each request.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOAD_SEED: 'false', NEO4J_URI: boltUri, RESPONSE_CACHE_TTL_S: '0', RESPONSE_CACHE_KEYS_FILE: '', ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pid = await new Promise<number>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('API server child did not start in 60 s')), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /READY (\d+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API server child exited (${code})`));
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid,
    stop: () =>
      new Promise<void>((resolve) => {
        agents.get(`http://127.0.0.1:${port}`)?.destroy();
        if (child.exitCode !== null) return resolve();
        const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(hard);
          resolve();
        });
        child.stdin!.end();
        child.kill('SIGTERM');
      }),
  };
}

async function serve(boltUri: string): Promise<void> {
  const { createDriver } = await import('../../server/src/runtime.js');
  const { startHttpServer } = await import('../../server/src/api/server.js');
  const config = readConfig();
  const driver = createDriver(boltUri, config);
  const server = await startHttpServer(driver, config, () => undefined);
  const stop = async () => {
    await server.close().catch(() => undefined);
    await driver.close().catch(() => undefined);
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();
  process.on('SIGTERM', () => void stop());
  process.stdout.write(`READY ${process.pid}\n`);
}

async function lookupRps(driver: Driver, base: string, uid: string, seconds: number): Promise<{ rps: number; p95: number; source: string }> {
  // Reuse the API engineer's benchmark when it exists (test/bench/api.ts exporting benchApi).
  const apiPath = path.join(path.dirname(SELF), 'api.ts');
  if (fs.existsSync(apiPath)) {
    try {
      type Row = { bench: string; reqPerSec: number | null; p95Ms: number | null; errors: number };
      const mod = (await import(apiPath)) as { benchApi?: (o: Record<string, unknown>) => Promise<Row[]> };
      if (mod.benchApi) {
        // benchApi prints its own table; keep the output to ONE table.
        const print = console.log;
        console.log = () => undefined;
        let rows: Row[];
        try {
          rows = await mod.benchApi({ driver, baseUrl: base, rootCode: uid, durationSec: seconds, connections: 8, iterations: 5, warmup: 1, log: () => undefined });
        } finally {
          console.log = print;
        }
        const row = rows.find((r) => r.bench.startsWith('lookup'));
        if (row && row.reqPerSec != null) return { rps: row.reqPerSec, p95: row.p95Ms ?? NaN, source: 'benchApi' };
      }
    } catch (e) {
      process.stderr.write(`  benchApi from test/bench/api.ts failed (${(e as Error).message}); using the built-in autocannon run\n`);
    }
  }
  const body = JSON.stringify({
    query: 'query Lookup($uid: ID!) { documents(where: { uid: { eq: $uid } }) { uid code title province issuedOn level } }',
    variables: { uid },
  });
  await gql(base, 'query Lookup($uid: ID!) { documents(where: { uid: { eq: $uid } }) { uid } }', { uid });
  const result = await autocannon({
    url: `${base}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 8,
    duration: seconds,
  });
  if (result.non2xx || result.errors) process.stderr.write(`  lookup: ${result.non2xx} non-2xx, ${result.errors} errors\n`);
  return { rps: result.requests.average, p95: result.latency.p97_5 ?? result.latency.p99, source: 'autocannon' };
}

async function topProgramme(driver: Driver): Promise<string | null> {
  const r = await driver.executeQuery(
    `MATCH (d:Directive {type: 'CTr'})<-[:IMPLEMENTS]-(x) WHERE d.stub = false
     RETURN d.uid AS uid, count(x) AS n ORDER BY n DESC, uid LIMIT 1`,
    {},
    { routing: 'READ' },
  );
  return (r.records[0]?.get('uid') as string | undefined) ?? null;
}

/**
 * The gap list and the lag table of the national root: the explorer's first page of the gap list (200 rows and the
 * total, GAP_PAGE_QUERY), a page far down it (offset 20 000, or the last page of a shorter list: what "Xem thêm" reaches
 * after scrolling, and where each row a sorted page kept was charged with the whole list until the twenty-eighth
 * session), the whole list as a notebook asks it (`gaps`), the lag table as the web app asks it, the tasks by deadline
 * and the first page of its largest period as the web app asks them.
 */
async function benchAnalytics(driver: Driver, base: string): Promise<SizeResult['analytics']> {
  const ref = { code: '28-NQ/TW', issuedOn: '2022-11-17' };
  let gapRows = 0;
  let gapMb = 0;
  let tasks = 0;
  let periodTasks = 0;
  try {
    const gaps = await timeIt(async () => {
      const r = await gql(base, GAP_PAGE_QUERY, { ...ref, first: 200, offset: 0 });
      gapRows = r.data.gapPage.total;
    }, 10);
    const deepGaps = await timeIt(() => gql(base, GAP_PAGE_QUERY, { ...ref, first: 200, offset: Math.max(0, Math.min(20_000, gapRows - 200)) }), 10);
    const wholeGaps = await timeIt(async () => {
      const r = await gql(base, '{ gaps(code: "28-NQ/TW", issuedOn: "2022-11-17") { organization key province level tasks } }', {});
      gapMb = JSON.stringify(r).length / 1e6;
    }, 10);
    const lag = await timeIt(() => gql(base, LAG_QUERY, ref), 10);
    let periods: Array<{ period: string; tasks: number }> = [];
    const schedule = await timeIt(async () => {
      periods = (await gql(base, TASK_SCHEDULE_QUERY, ref)).data.taskSchedule;
    }, 10);
    tasks = periods.reduce((n, p) => n + p.tasks, 0);
    const largest = periods.reduce((a, b) => (b.tasks > a.tasks ? b : a));
    periodTasks = largest.tasks;
    const periodPage = await timeIt(() => gql(base, SCHEDULED_TASKS_QUERY, { ...ref, period: largest.period, first: 50, offset: 0 }), 10);
    let provinceRows = 0;
    let provinceTexts = 0;
    const province = await timeIt(async () => {
      const rows = (await gql(base, PROVINCE_OVERVIEW_QUERY, { province: 'Lâm Đồng' })).data.provinceOverview as Array<{ texts: number }>;
      provinceRows = rows.length;
      provinceTexts = rows[0]?.texts ?? 0;
    }, 10);
    const busiest = await driver.executeQuery('MATCH (o:Organization) RETURN o.key AS key ORDER BY COUNT { (o)<-[:ASSIGNED_TO]-() } DESC, key LIMIT 1');
    let orgTexts = 0;
    let orgTasks = 0;
    const organization = await timeIt(async () => {
      const o = (await gql(base, ORGANIZATION_OVERVIEW_QUERY, { key: busiest.records[0]!.get('key') })).data.organizationOverview as { tasks: number; assignments: unknown[] };
      orgTexts = o.assignments.length;
      orgTasks = o.tasks;
    }, 10);
    return { gapRows, gapMb, gaps, deepGaps, wholeGaps, lag, tasks, periodTasks, schedule, periodPage, provinceRows, provinceTexts, province, orgTexts, orgTasks, organization };
  } catch (e) {
    const none: Timing = { p50: NaN, p95: NaN, n: 0 };
    return { gapRows, gapMb, gaps: none, deepGaps: none, wholeGaps: none, lag: none, tasks, periodTasks, schedule: none, periodPage: none, error: (e as Error).message.slice(0, 200) };
  }
}

/** A typical cascade root: the full text with the median number of implementing documents (at least one). */
async function medianRoot(driver: Driver): Promise<string | null> {
  const r = await driver.executeQuery(
    `MATCH (d:Directive)<-[:IMPLEMENTS]-(x) WHERE d.stub = false
     WITH d, count(x) AS n ORDER BY n, d.uid
     WITH collect(d.uid) AS uids
     RETURN uids[size(uids) / 2] AS uid`,
    {},
    { routing: 'READ' },
  );
  return (r.records[0]?.get('uid') as string | undefined) ?? null;
}

export async function benchSize(size: SizeName, opts: { sliceLimit?: number; log?: (m: string) => void } = {}): Promise<SizeResult> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  log(`[${size}] generating + extracting …`);
  const corpus = loadCorpus(size);
  log(`[${size}] ${corpus.documents} documents, ${corpus.mb.toFixed(1)} MB, extracted in ${corpus.extractSeconds.toFixed(1)} s`);
  const big = size === 'national';
  log(`[${size}] offline store import of ${corpus.documents} documents (CSV + neo4j-admin import + first start) …`);
  const imported = await benchImport(corpus.records, big ? { heap: '2g', pageCache: '1g' } : {});
  const ph = imported.phases;
  log(`[${size}] import: ${imported.seconds.toFixed(1)} s (CSV ${ph.csv.toFixed(1)}, importer ${ph.importer.toFixed(1)}, indexes ${ph.indexes.toFixed(1)}; start ${ph.start.toFixed(1)} s apart), ${Math.round(imported.perSecond)} nodes+rels/s`);
  const db = await startBenchNeo4j(big ? { heap: '2g', pageCache: '1g' } : { heap: '1g', pageCache: '512m' });
  let server: Awaited<ReturnType<typeof startServerChild>> | null = null;
  let cachedServer: Awaited<ReturnType<typeof startServerChild>> | null = null;
  try {
    // The incremental writer (graph/write.ts) on slices: one document per transaction (600 documents), then
    // writeRecords in batches of 200 (2 400 documents: 12 transactions, not 3, so one cold batch does not decide the
    // rate); the full graph used by the read benchmarks is loaded by the bulk writer (graph/bulk-write.ts).
    const limit = opts.sliceLimit ?? (size === 'seed' ? Infinity : 600);
    const slice = corpus.records.slice(0, Math.min(limit, corpus.records.length));
    const batchSlice = corpus.records.slice(0, Math.min(limit * 4, corpus.records.length));
    log(`[${size}] one document per transaction (${slice.length} documents) …`);
    const perDocument = await benchIngest(db.driver, slice, 'per-document');
    await wipe(db.driver);
    log(`[${size}] batched writeRecords(batchSize 200) (${batchSlice.length} documents) …`);
    const batched = await benchIngest(db.driver, batchSlice, 'batched', 200);
    log(`[${size}] the same ${batchSlice.length} documents again, unchanged …`);
    const t0 = performance.now();
    const rewritten = await writeRecords(db.driver, batchSlice, { batchSize: 200 });
    const again = { documents: rewritten.documents, unchanged: rewritten.unchanged, seconds: (performance.now() - t0) / 1000 };
    await wipe(db.driver);
    log(`[${size}] per-document ${Math.round(perDocument.perSecond)} /s, batched ${Math.round(batched.perSecond)} /s; bulk UNWIND load of ${corpus.documents} documents …`);
    const bulk = await benchIngest(db.driver, corpus.records, 'bulk');
    log(`[${size}] bulk: ${bulk.seconds.toFixed(1)} s, ${Math.round(bulk.perSecond)} nodes+rels/s`);
    const counts = await db.driver.executeQuery('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels');

    server = await startServerChild(db.neo.uri);
    // The response cache as deployed (its defaults), not the uncached child's RESPONSE_CACHE_TTL_S=0.
    cachedServer = await startServerChild(db.neo.uri, { RESPONSE_CACHE_TTL_S: String(readConfig({}).responseCacheTtlSeconds) });
    const roots = ['28-NQ/TW@2022-11-17'];
    const prog = await topProgramme(db.driver);
    if (prog) roots.push(prog);
    const typical = await medianRoot(db.driver);
    if (typical) roots.push(typical);
    const cascades: CascadeResult[] = [];
    for (const uid of roots) {
      // The same statement the API runs for CASCADE_QUERY (no quote/task fields asked → no evidence columns).
      // Like the resolver, titles and source files of the nodes only when CASCADE_QUERY asks for them below `nodes`.
      const nodeColumns = /nodes \{[^}]*\b(title|sourceFile)\b/.test(CASCADE_QUERY) ? NODE_COLUMNS : LEAN_COLUMNS;
      // Like the explorer, organisations folded by the server above FOLD_ORGANIZATIONS_ABOVE (web/src/graph/fold.ts),
      // lower levels above FOLD_LEVELS_ABOVE.
      const opts = { depth: 4, direction: 'DOWN', relations: ['IMPLEMENTS', 'CITES', 'ASSIGNED_TO'], evidence: false, nodeColumns, foldOrganizationsAbove: FOLD_ORGANIZATIONS_ABOVE, foldLevelsAbove: FOLD_LEVELS_ABOVE } as const;
      const raw = await fetchCascade(db.driver, uid, { ...opts, relations: [...opts.relations] });
      if (!raw) continue;
      const n = big && uid.startsWith('28-NQ') ? 20 : 30;
      const viaDriver = () => fetchCascade(db.driver, uid, { ...opts, relations: [...opts.relations], database: 'neo4j' });
      const viaGraphql = () => gql(server!.base, CASCADE_QUERY, cascadeVariables(uid));
      const viaCache = () => gql(cachedServer!.base, CASCADE_QUERY, cascadeVariables(uid));
      // Asked for once and then left alone: the cached server answers the largest cascades ahead in the background
      // (api/cascade-ahead.ts), which would otherwise run during the timings below.
      await gql(cachedServer.base, CASCADE_QUERY, cascadeVariables(uid)).catch(() => undefined);
      await settled(cachedServer.base);
      const none: Timing = { p50: NaN, p95: NaN, n: 0 };
      let [driverT, graphqlT, cachedT] = [none, none, none];
      let error: string | undefined;
      try {
        [driverT = none, graphqlT = none, cachedT = none] = await timeInterleaved([viaDriver, viaGraphql, viaCache], n);
      } catch (e) {
        error = (e as Error).message.slice(0, 200);
        log(`[${size}] GraphQL cascade ${uid} failed: ${error}`);
        driverT = await timeIt(viaDriver, n);
      }
      // The whole cascade, organisations included (no folding), on the two large roots.
      let whole: CascadeResult['whole'];
      if (cascades.length < 2 && !error) {
        const all = { ...opts, relations: [...opts.relations], foldOrganizationsAbove: null, foldLevelsAbove: null, database: 'neo4j' };
        const rawAll = (await fetchCascade(db.driver, uid, all))!;
        const { foldOrganizationsAbove: _fold, foldLevelsAbove: _levels, ...unfolded } = cascadeVariables(uid);
        const [d, g] = await timeInterleaved([() => fetchCascade(db.driver, uid, all), () => gql(server!.base, CASCADE_QUERY, unfolded)], n);
        whole = { nodes: rawAll.nodes.length, edges: rawAll.edges.length, driver: d!, graphql: g! };
      }
      // The explorer's request with every level, on the two large roots.
      let everyLevel: CascadeResult['everyLevel'];
      if (cascades.length < 2 && !error) {
        const levels = { ...opts, relations: [...opts.relations], foldLevelsAbove: null, database: 'neo4j' };
        const rawLevels = (await fetchCascade(db.driver, uid, levels))!;
        const { foldLevelsAbove: _levels, ...allLevels } = cascadeVariables(uid);
        const [d, g] = await timeInterleaved([() => fetchCascade(db.driver, uid, levels), () => gql(server!.base, CASCADE_QUERY, allLevels)], n);
        everyLevel = { nodes: rawLevels.nodes.length, edges: rawLevels.edges.length, driver: d!, graphql: g! };
      }
      // The explorer on the two large roots, served by the uncached server (what a visitor meets on a large cascade
      // nobody has asked for since the graph last changed).
      let explorer: CascadeResult['explorer'];
      if (cascades.length < 2) {
        const unavailable = explorerUnavailable();
        explorer = unavailable ? { unavailable } : await benchExplorer(server.base, uid);
      }
      const foldedAssignments = [...(raw.folded?.values() ?? [])].reduce((a, b) => a + b, 0);
      const foldedImplementers = [...(raw.levelsFolded?.implementers.values() ?? [])].reduce((a, b) => a + b, 0);
      cascades.push({ root: uid, nodes: raw.nodes.length, edges: raw.edges.length, graphql: graphqlT, cached: cachedT, driver: driverT, ratio: graphqlT.p50 / driverT.p50, foldedAssignments, foldedImplementers, whole, everyLevel, error, explorer });
      log(`[${size}] cascade ${uid}: ${raw.nodes.length} nodes, ${raw.edges.length} edges; driver p50 ${driverT.p50.toFixed(1)} ms, GraphQL p50 ${graphqlT.p50.toFixed(1)} ms`);
    }
    const large = cascades.slice(0, 2).filter((c) => !c.error);
    if (large.length) {
      log(`[${size}] response cache: first request after a change, ${AFTER_CHANGE_ROUNDS} rounds …`);
      const after = await timeAfterChange(db.driver, cachedServer.base, large.map((c) => c.root));
      large.forEach((c, i) => (c.afterChange = after[i]));
    }
    log(`[${size}] the largest cascades, each asked for once: uncached, then answered ahead after a change …`);
    const largest = await timeLargest(db.driver, server.base, cachedServer.base);
    log(`[${size}] gaps and implementation lag of 28-NQ/TW over GraphQL …`);
    const analytics = await benchAnalytics(db.driver, server.base);
    const lookupUid = prog ?? '28-NQ/TW@2022-11-17';
    log(`[${size}] lookup requests/s (autocannon, 8 connections, 8 s) …`);
    const lookup = await lookupRps(db.driver, server.base, lookupUid, 8);
    return {
      size,
      documents: corpus.documents,
      mb: corpus.mb,
      extractSeconds: corpus.extractSeconds,
      perDocument,
      batched,
      again,
      bulk,
      imported,
      nodes: Number(counts.records[0]!.get('nodes')),
      relationships: Number(counts.records[0]!.get('rels')),
      cascades,
      largest,
      analytics,
      lookupRps: lookup.rps,
      lookupP95: lookup.p95,
      serverRssMb: rssMb(server.pid),
      cachedServerRssMb: rssMb(cachedServer.pid),
      neo4jRssMb: rssMb(db.neo.pid),
      neo4jVersion: db.version,
    };
  } finally {
    await server?.stop();
    await cachedServer?.stop();
    await db.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const serveAt = process.argv.indexOf('--serve');
  if (serveAt >= 0) {
    await serve(process.argv[serveAt + 1]!);
  } else {
    const i = process.argv.indexOf('--size');
    const size = (i >= 0 ? process.argv[i + 1] : 'national') as SizeName;
    const r = await benchSize(size);
    console.log(JSON.stringify(r, null, 1));
  }
}
