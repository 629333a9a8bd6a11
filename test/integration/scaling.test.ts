/**
 * Scaling: the API is stateless and reaches Neo4j through a routing URI (neo4j://), as it would a cluster or
 * Aura. Starts a second, real API server (startHttpServer) with NEO4J_URI=neo4j://… pointing at the test
 * Neo4j, on a free port, and runs a cascade through it.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { startHttpServer, type RunningServer } from '../../server/src/api/server.js';
import { readConfig } from '../../server/src/config.js';
import { freePort } from '../../server/src/neo4j/local-server.js';
import { createDriver } from '../../server/src/runtime.js';

let driver: Driver;
let server: RunningServer;
let base: string;
let routingUri: string;

beforeAll(async () => {
  routingUri = inject('neo4jUri').replace(/^bolt(\+s|\+ssc)?:\/\//, 'neo4j$1://');
  const port = await freePort();
  const config = readConfig({ ...process.env, NEO4J_URI: routingUri, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test', LOAD_SEED: 'false' });
  expect(config.neo4jUri).toMatch(/^neo4j:\/\/127\.0\.0\.1:\d+$/);
  driver = createDriver(config.neo4jUri!, config);
  await driver.verifyConnectivity();
  server = await startHttpServer(driver, config, () => undefined);
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  await driver?.close();
});

describe('API replica over a neo4j:// routing URI', () => {
  it('the driver routes: the routing table names the test server for reads and writes', async () => {
    const res = await driver.executeQuery('RETURN 1 AS one', {}, { routing: 'READ' });
    expect(res.records[0]!.get('one').toNumber?.() ?? res.records[0]!.get('one')).toBe(1);
    expect(res.summary.server.address).toMatch(/:\d+$/);
  });

  it("serves a cascade: 28-NQ/TW's cascade contains Bình Thuận's action programme", async () => {
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query { cascade(code: "28-NQ/TW", depth: 4, direction: DOWN) {
          root { id code } nodes { id kind code type province depth } edges { source target kind } } }`,
      }),
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { data?: { cascade: { root: { id: string; code: string }; nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const c = body.data!.cascade;
    expect(c.root.code).toBe('28-NQ/TW');
    const programme = c.nodes.find((n) => n.type === 'CTr' && n.province === 'Bình Thuận' && n.code === '58-CTr/TU');
    expect(programme, JSON.stringify(c.nodes.map((n) => [n.code, n.type, n.province]))).toBeDefined();
    expect(programme!.depth).toBe(1);
    expect(c.edges.some((e) => e.kind === 'IMPLEMENTS' && e.source === programme!.id && e.target === c.root.id)).toBe(true);
  });

  it('keeps an idle keep-alive connection open longer than a load balancer does (Node closes it after 5 s)', async () => {
    // A balancer or client reusing a connection the server has just closed sees "socket hang up" (or answers 502).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const ask = () =>
      new Promise<{ reused: boolean; body: string }>((resolve, reject) => {
        const req = http.request(`${base}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ reused: req.reusedSocket, body }));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ query: '{ __typename }' }));
      });
    try {
      expect((await ask()).reused).toBe(false);
      await new Promise((r) => setTimeout(r, 6_500));
      const again = await ask();
      expect(again.body).toContain('"__typename":"Query"');
      expect(again.reused).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});
