/** Production behaviour: masked errors, CORS allow-list, reads requiring a token, compressed answers. */
import http from 'node:http';
import zlib from 'node:zlib';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { readConfig } from '../../server/src/config.js';
import { startHttpServer, type RunningServer } from '../../server/src/api/server.js';
import { freePort } from '../../server/src/neo4j/local-server.js';
import { mintToken } from '../../server/src/api/auth.js';

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { res, body: (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

describe('production server', () => {
  let dead: RunningServer;
  let strict: RunningServer;
  let plain: RunningServer;
  const deadDriver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'x'), { connectionAcquisitionTimeout: 2000, connectionTimeout: 2000, maxTransactionRetryTime: 1000 });
  const liveDriver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'x'));

  beforeAll(async () => {
    const env = { ...process.env, NODE_ENV: 'production', JWT_SECRET: 'prod-secret-0123456789abcdef', HOST: '127.0.0.1' };
    dead = await startHttpServer(deadDriver, readConfig({ ...env, PORT: String(await freePort()), NEO4J_URI: 'bolt://127.0.0.1:1' }), () => undefined);
    strict = await startHttpServer(liveDriver, readConfig({ ...env, PORT: String(await freePort()), NEO4J_URI: inject('neo4jUri'), CORS_ORIGINS: 'https://briefing.example', READS_REQUIRE_AUTH: 'true' }), () => undefined);
    plain = await startHttpServer(liveDriver, readConfig({ ...env, PORT: String(await freePort()), NEO4J_URI: inject('neo4jUri'), HTTP_COMPRESSION: 'false' }), () => undefined);
  });
  afterAll(async () => {
    await dead.close();
    await strict.close();
    await plain.close();
    await deadDriver.close();
    await liveDriver.close();
  });

  it('masks internal errors: a code and a message, no stack trace', async () => {
    const { body } = await post(dead.url.replace('localhost', '127.0.0.1'), '{ roots { code } }');
    expect(body.errors?.[0]?.message).toBe('Internal server error');
    expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js|ServiceUnavailable|127\.0\.0\.1:1/);
  });

  it('still tells users what was wrong with their input', async () => {
    const token = await mintToken(new TextEncoder().encode('prod-secret-0123456789abcdef'), 'viewer');
    const { body } = await post(strict.url.replace('localhost', '127.0.0.1'), '{ cascade(code: "hello") { nodes { id } } }', { authorization: `Bearer ${token}` });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/not a document code/);
  });

  it('reports an unhealthy database on /health', async () => {
    const res = await fetch(`${dead.url.replace('localhost', '127.0.0.1')}/health`);
    expect(res.status).toBe(503);
  });

  it('requires a token for reads when configured, and answers CORS for allowed origins only', async () => {
    const url = strict.url.replace('localhost', '127.0.0.1');
    const anon = await post(url, '{ roots { code } }', { origin: 'https://briefing.example' });
    expect(anon.res.status).toBe(401);
    expect(anon.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anon.res.headers.get('access-control-allow-origin')).toBe('https://briefing.example');
    // A cached answer is no way around the token: an authorised read fills the cache, anonymous ones still get 401.
    const token = await mintToken(new TextEncoder().encode('prod-secret-0123456789abcdef'), 'viewer');
    const first = await post(url, '{ roots { code } }', { authorization: `Bearer ${token}` });
    const again = await post(url, '{ roots { code } }', { authorization: `Bearer ${token}` });
    expect(first.res.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await post(url, '{ roots { code } }')).res.status).toBe(401);
    expect((await post(url, '{ roots { code } }', { authorization: 'Bearer not-a-token' })).res.status).toBe(401);
    const other = await fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('requires the token for downloads too (/export/…), in the Authorization header', async () => {
    const url = strict.url.replace('localhost', '127.0.0.1');
    for (const path of ['/export/gaps.csv?code=28-NQ/TW', '/export/cascade.json?code=28-NQ/TW']) {
      const anon = await fetch(`${url}${path}`);
      expect(anon.status, path).toBe(401);
      expect(await anon.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'this server requires a token for every request' } });
      expect((await fetch(`${url}${path}`, { headers: { authorization: 'Bearer not-a-token' } })).status, path).toBe(401);
    }
    const token = await mintToken(new TextEncoder().encode('prod-secret-0123456789abcdef'), 'viewer');
    const ok = await fetch(`${url}/export/gaps.csv?code=28-NQ/TW`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).toString('utf8').split('\r\n')[0]).toBe('\uFEFFCơ quan,Thuộc đơn vị,Tỉnh/thành,Cấp,Số nhiệm vụ,Văn bản giao nhiệm vụ,Mã định danh cơ quan');
  });

  it('gzips answers for clients elsewhere that accept it, not for clients on this machine, and not when switched off (HTTP_COMPRESSION=false)', async () => {
    const query = JSON.stringify({ query: '{ cascade(code: "28-NQ/TW") { nodes { id label title } edges { id source target kind } } }' });
    const raw = (url: string, headers: Record<string, string>) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        const req = http.request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end(query);
      });
    const base = inject('baseUrl');
    // A proxy in front (Forwarded) passes the answer on to a client elsewhere.
    const zipped = await raw(base, { 'accept-encoding': 'gzip', forwarded: 'for=203.0.113.7' });
    const unzipped = await raw(base, { forwarded: 'for=203.0.113.7' });
    const local = await raw(base, { 'accept-encoding': 'gzip' });
    expect(zipped.encoding).toBe('gzip');
    expect(unzipped.encoding).toBeUndefined();
    expect(local.encoding).toBeUndefined();
    expect(local.body.equals(unzipped.body)).toBe(true);
    const answer = JSON.parse(zlib.gunzipSync(zipped.body).toString('utf8')) as { data: { cascade: { nodes: unknown[] } } };
    expect(answer).toEqual(JSON.parse(unzipped.body.toString('utf8')));
    expect(answer.data.cascade.nodes.length).toBeGreaterThan(10);
    expect(zipped.body.length).toBeLessThan(unzipped.body.length / 3);
    const off = await raw(plain.url.replace('localhost', '127.0.0.1'), { 'accept-encoding': 'gzip', forwarded: 'for=203.0.113.7' });
    expect(off.encoding).toBeUndefined();
    expect(JSON.parse(off.body.toString('utf8'))).toEqual(answer);
  });

  it('caches the hashed assets of the web app for good and asks for the page every time', async () => {
    const base = inject('baseUrl');
    for (const page of ['/', '/?code=28-NQ/TW']) {
      const res = await fetch(`${base}${page}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    const html = await (await fetch(`${base}/`)).text();
    const asset = /(?:src|href)="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const res = await fetch(`${base}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('closes once however many callers ask at the same time (a signal handler and a test teardown, say)', async () => {
    const server = await startHttpServer(liveDriver, readConfig({ ...process.env, HOST: '127.0.0.1', PORT: String(await freePort()), NEO4J_URI: inject('neo4jUri') }), () => undefined);
    const within = (p: Promise<unknown>) => Promise.race([p.then(() => 'closed'), new Promise((r) => setTimeout(() => r('hung'), 15_000))]);
    expect(await within(Promise.all([server.close(), server.close()]))).toBe('closed');
    expect(await within(server.close())).toBe('closed');
  });
});
