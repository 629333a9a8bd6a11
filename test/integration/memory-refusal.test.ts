/**
 * A statement Neo4j refuses for memory (MemoryPoolOutOfMemoryError: a *Transient* error by its code, which the driver
 * retries in a managed transaction for up to 30 s, refused the same way each time) is run once: over GraphQL, where
 * @neo4j/graphql ran it in such a transaction and now runs each statement as one auto-commit read
 * (api/auto-commit-reads.ts), and by readQuery (graph/queries/read.ts); other transient errors are still run again.
 *
 * In a Neo4j of its own started with 4 MB for one transaction (NEO4J_TX_MEMORY; Neo4j Community cannot change
 * db.memory.transaction.max once started): enough to apply the schema and ingest the seed (2 MB is), too little for a
 * sorted `directivesConnection` over the seed's 102 directives (it needs 8–16 MB). Attempts are counted where they
 * leave for Neo4j: the calls of a managed transaction's work (the driver calls it once per attempt) and of
 * `session.run`. (Neo4j Community keeps no log of queries, and its query statistics leave failed queries out.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoCommitReads } from '../../server/src/api/auto-commit-reads.js';
import { startHttpServer, type RunningServer } from '../../server/src/api/server.js';
import { readConfig, repoRoot } from '../../server/src/config.js';
import { isOutOfMemory, NEO4J_OUT_OF_MEMORY } from '../../server/src/graph/neo4j-errors.js';
import { gapPage, gaps } from '../../server/src/graph/queries/analytics.js';
import { readQuery } from '../../server/src/graph/queries/read.js';
import { applySchema } from '../../server/src/graph/schema.js';
import { nameSortKey } from '../../server/src/graph/sort-key.js';
import { ingestPaths } from '../../server/src/ingest/ingest.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/src/neo4j/local-server.js';
import { createDriver, localNeo4jOptions } from '../../server/src/runtime.js';

let neo: LocalNeo4j;
let driver: Driver;
let server: RunningServer;
let tmp: string;

interface Counts {
  /** Calls of the work of executeRead / executeWrite: one per attempt of the transaction. */
  attempts: number;
  /** Auto-commit statements (session.run). */
  runs: number;
}

/** `real`, counting what its sessions send to Neo4j (the driver itself and its sessions otherwise as they are). */
function counting(real: Driver, firstRunFails?: Error): { driver: Driver; count: Counts } {
  const count: Counts = { attempts: 0, runs: 0 };
  const proxy = new Proxy(real, {
    get(target, prop) {
      if (prop === 'session') {
        return (...args: Parameters<Driver['session']>) => {
          const session = target.session(...args);
          const [executeRead, executeWrite, run] = [session.executeRead.bind(session), session.executeWrite.bind(session), session.run.bind(session)];
          const attempt = <T>(work: (tx: ManagedTransaction) => T) => (tx: ManagedTransaction) => {
            count.attempts += 1;
            return work(tx);
          };
          session.executeRead = (work, config) => executeRead(attempt(work), config);
          session.executeWrite = (work, config) => executeWrite(attempt(work), config);
          session.run = ((...a: Parameters<Session['run']>) => {
            count.runs += 1;
            if (firstRunFails && count.runs === 1) return Promise.reject(firstRunFails);
            return run(...a);
          }) as Session['run'];
          return session;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { driver: proxy, count };
}
/** What the API server's driver sent. */
let serverCount: Counts;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-tx-memory-'));
  // Started as `npm start` starts it, NEO4J_TX_MEMORY included.
  const local = readConfig({ ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: tmp, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HEAP: '384m', NEO4J_PAGECACHE: '64m', NEO4J_TX_MEMORY: '4m' });
  expect(localNeo4jOptions(local).txMemory).toBe('4m');
  neo = await startLocalNeo4j(localNeo4jOptions(local));
  // Nothing of the server's own in the background (graph-version watch, response cache and its refreshes).
  const config = readConfig({ ...process.env, NEO4J_URI: neo.uri, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', GRAPH_VERSION_POLL_MS: '0', RESPONSE_CACHE_TTL_S: '0', RESPONSE_CACHE_KEYS_FILE: '' });
  driver = createDriver(neo.uri, config);
  const limit = await driver.executeQuery("CALL dbms.listConfig('db.memory.transaction.max') YIELD value RETURN value");
  expect(limit.records[0]!.get('value')).toBe('4.00MiB');
  await applySchema(driver);
  const s = await ingestPaths(driver, [path.join(repoRoot, 'seed', 'corpus')]);
  expect(s.errors).toEqual([]);
  // The server's statements counted; its warm-up in the background sends auto-commit statements only.
  const serverDriver = counting(driver);
  serverCount = serverDriver.count;
  server = await startHttpServer(serverDriver.driver, config, () => undefined);
});
afterAll(async () => {
  await server?.close();
  await driver?.close();
  await neo?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** How many attempts of managed transactions `fn` made through `count`, and how long it took. */
async function counted<T>(count: Counts, fn: () => Promise<T>): Promise<{ value: T; attempts: number; runs: number; ms: number }> {
  const [attempts, runs] = [count.attempts, count.runs];
  const t0 = Date.now();
  const value = await fn();
  return { value, attempts: count.attempts - attempts, runs: count.runs - runs, ms: Date.now() - t0 };
}

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function post(query: string): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await res.json()) as Answer;
}

/** Collects a million numbers in one transaction: far more than 4 MB, while its answer is one number. */
const BIG_LIST = 'UNWIND range(1, 1000000) AS i WITH collect(i) AS xs RETURN size(xs) AS n';

describe('a statement Neo4j refuses for memory', () => {
  it('over GraphQL: QUERY_TOO_LARGE after one attempt, not after the driver\'s 30 s of retries; the API answers on', async () => {
    const sorted = (field: string) => `{ ${field}(first: 100, sort: [{issuedOn: ASC}]) { totalCount edges { node { uid } } } }`;
    const refused = await counted(serverCount, () => post(sorted('directivesConnection')));
    expect(refused.value.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_LARGE']);
    expect(refused.value.errors![0]!.message).toMatch(/directivesPage/);
    // Before: 6–7 attempts of a managed transaction (retried after ≈ 1, 2, 4, 8, 16 s, each ± 20 %), the answer after
    // more than 30 s (7 in 61 s here). Now one auto-commit statement.
    expect(refused.runs).toBe(1);
    expect(refused.attempts).toBe(0);
    expect(refused.ms).toBeLessThan(10_000);

    // The same kind of query within the limit, and a plain one, are answered.
    const docs = await post(sorted('documentsConnection'));
    expect(docs.errors).toBeUndefined();
    expect((docs.data!.documentsConnection as { totalCount: number }).totalCount).toBeGreaterThan(0);
    const plain = await counted(serverCount, () => post('{ directives(limit: 5, sort: [{issuedOn: ASC}]) { uid } }'));
    expect(plain.value.errors).toBeUndefined();
    expect(plain.value.data!.directives).toHaveLength(5);
    expect(plain.runs).toBe(1);
    expect(plain.attempts).toBe(0);
  });

  it('readQuery runs it once (and the statement alone is indeed refused)', async () => {
    const reader = counting(driver);
    const r = await counted(reader.count, () => readQuery(reader.driver, BIG_LIST).then(() => null, (e: unknown) => e));
    expect(isOutOfMemory(r.value)).toBe(true);
    expect((r.value as { code: string }).code).toBe(NEO4J_OUT_OF_MEMORY);
    // Before: run once more, as for any retriable error.
    expect(r.runs).toBe(1);
    const ok = await counted(reader.count, () => readQuery(reader.driver, 'UNWIND range(1, 1000) AS i WITH collect(i) AS xs RETURN size(xs) AS n'));
    expect(ok.value.records[0]!.get('n').toNumber()).toBe(1000);
    expect(ok.runs).toBe(1);
  });

  it('the runner given to @neo4j/graphql: one run on a memory refusal, its code kept; another transient error run once more', async () => {
    const reader = counting(driver);
    const runner = autoCommitReads(reader.driver, undefined, 10_000);
    const refused = await counted(reader.count, () => Promise.resolve(runner.run(BIG_LIST)).then(() => null, (e: unknown) => e));
    expect(refused.runs).toBe(1);
    expect(refused.attempts).toBe(0);
    expect(refused.value).toBeInstanceOf(neo4j.Neo4jError);
    expect((refused.value as neo4j.Neo4jError).code).toBe(NEO4J_OUT_OF_MEMORY);

    // A transient error of another kind (a deadlock, a cluster member gone) on the first run: run again, answered.
    const deadlock = new neo4j.Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', '50N42', 'deadlock');
    const flaky = counting(driver, deadlock);
    const again = await counted(flaky.count, () => Promise.resolve(autoCommitReads(flaky.driver, undefined, 10_000).run('RETURN 42 AS n')));
    expect(again.value.records[0]!.get('n').toNumber()).toBe(42);
    expect(again.runs).toBe(2);
  });
});

describe('gap pages of a root with hundreds of gaps, in the same 4 MB', () => {
  // 600 organisations given tasks by one plan implementing the seed's 28-NQ/TW, none of them with a plan of its own.
  // Neo4j charges each row an ORDER BY keeps with every value the row can reach: the gap statement's map of gaps
  // (≈ 34 KB here, ≈ 2 MB for a national root) on each of the 200 rows a sorted page kept was ≈ 7 MB, and refused.
  const root = '28-NQ/TW@2022-11-17';
  const prefixes = ['Đội công tác', 'Dân vận', 'Ủy ban', 'Văn phòng', 'Ban chỉ đạo', 'Ấp'];
  const orgs = Array.from({ length: 600 }, (_, i) => {
    // Two of every hundred share a name (the key decides between them); two have no level (listed last).
    const name = `${prefixes[i % prefixes.length]} ${i % 100 === 1 ? 0 : i}`;
    return { key: `gap scale ${String(i).padStart(3, '0')}#binh-thuan`, name, sortKey: nameSortKey(name), levelRank: i === 7 || i === 300 ? null : 3 };
  });

  beforeAll(async () => {
    await driver.executeQuery(
      `MATCH (root:Directive {uid: $root})
       CREATE (:Directive:Document {uid: 'gap-scale-plan#binh-thuan', code: '999-KH/TU', type: 'KH', level: 'provincial', levelRank: 2,
         province: 'Bình Thuận', stub: false, synthetic: false, issuedOn: date('2023-05-02'), title: 'Kế hoạch thử', assigneeCount: $n})
         -[:IMPLEMENTS {inferred: false}]->(root)`,
      { root, n: orgs.length },
    );
    // A hundred at a time: the writes of one transaction count towards its 4 MB too.
    for (let i = 0; i < orgs.length; i += 100) {
      await driver.executeQuery(
        `MATCH (d:Directive {uid: 'gap-scale-plan#binh-thuan'})
         UNWIND $orgs AS row
         CREATE (o:Organization {key: row.key, name: row.name, sortKey: row.sortKey, province: 'Bình Thuận', level: 'district', kind: 'other'})
         SET o.levelRank = row.levelRank
         CREATE (d)-[:ASSIGNED_TO {tasks: ['Thực hiện nhiệm vụ'], order: 1}]->(o)`,
        { orgs: orgs.slice(i, i + 100) },
      );
    }
  });

  it('answers every page, the last ones sorted again (organisations of no level), without the order index too, and pages among given keys', async () => {
    const whole = await gaps(driver, root);
    expect(whole.length).toBeGreaterThan(600);
    expect(whole.slice(-2).map((g) => g.key)).toEqual([orgs[7]!.key, orgs[300]!.key]);
    const pages = [];
    for (let offset = 0; offset < whole.length; offset += 200) {
      const page = await gapPage(driver, root, { first: 200, offset });
      expect(page.total).toBe(whole.length);
      pages.push(...page.gaps);
    }
    expect(pages).toEqual(whole);
    const keys = whole.slice(100, 400).map((g) => g.key).reverse();
    expect(await gapPage(driver, root, { first: 200, offset: 50, keys })).toEqual({ total: 300, gaps: whole.slice(150, 350) });
    // Without the order index (the bulk loader drops secondary indexes while it loads): sorted as rows, the page is
    // refused for memory, and asked for again in the fallback's order.
    await driver.executeQuery('DROP INDEX organization_page');
    try {
      for (const offset of [0, 400]) expect(await gapPage(driver, root, { first: 200, offset })).toEqual({ total: whole.length, gaps: whole.slice(offset, offset + 200) });
    } finally {
      await applySchema(driver);
    }
    // Over GraphQL, as the explorer asks for its second page.
    const second = await post(`{ gapPage(code: "28-NQ/TW", issuedOn: "2022-11-17", first: 200, offset: 200) { total gaps { key } } }`);
    expect(second.errors).toBeUndefined();
    expect((second.data!.gapPage as { gaps: Array<{ key: string }> }).gaps.map((g) => g.key)).toEqual(whole.slice(200, 400).map((g) => g.key));
  });
});
