/**
 * Whole-response cache for read queries: the same POST body (query, variables, operation name) within
 * RESPONSE_CACHE_TTL_S seconds is answered with the stored JSON bytes, before Apollo parses anything and without
 * touching Neo4j. Only successful queries are stored (never mutations, errors or partial results); this
 * process's ingests clear it at once (graph/changes.ts), any other write — another process's ingest, Cypher typed
 * by hand — within a second (the graph's version and last transaction, graph/graph-version.ts).
 * Answers are also kept gzipped (made once, off the main thread) for clients that accept gzip, so a hit on a
 * national cascade is not compressed again each time. Answers do not depend on who asks; when a token is sent, or
 * the server requires one, it is checked first.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { RequestHandler } from 'express';
import { onGraphChanged } from '../graph/changes.js';
import type { ApiContext } from './context.js';

export interface ResponseCache {
  /** Express middleware in front of Apollo: answers hits. */
  middleware: RequestHandler;
  /** Apollo plugin: stores successful query results. */
  plugin: ApolloServerPlugin<ApiContext>;
}

const gzip = promisify(zlib.gzip);
/** Below this many bytes an answer is sent as it is (the compression middleware's threshold). */
const GZIP_FROM = 1024;

interface Entry {
  json: Buffer;
  gzipped?: Buffer;
}

export interface ResponseCacheOptions {
  ttlSeconds: number;
  /** Keep and send gzipped copies (off when a proxy in front compresses: HTTP_COMPRESSION=false). */
  gzip: boolean;
  mayRead: (authorization: string | undefined) => Promise<boolean>;
}

function keyOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof b.query !== 'string') return null;
  return JSON.stringify([b.query, b.variables ?? null, b.operationName ?? null]);
}

export function responseCache({ ttlSeconds, gzip: withGzip, mayRead }: ResponseCacheOptions): ResponseCache | null {
  if (ttlSeconds <= 0) return null;
  const cache = new InMemoryLRUCache<Entry>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (e) => e.json.length + (e.gzipped?.length ?? 0) });
  // Raised by every change: an answer whose request started before a change is not stored (it may hold what the
  // change replaced), nor is a gzipped copy finished after one.
  let epoch = 0;
  onGraphChanged(() => {
    epoch++;
    cache.clear();
  });
  return {
    middleware: async (req, res, next) => {
      try {
        const key = req.method === 'POST' ? keyOf(req.body) : null;
        const hit = key ? await cache.get(key) : undefined;
        if (hit === undefined || !(await mayRead(req.headers.authorization))) return next();
        res.status(200).type('application/json');
        if (withGzip) res.vary('Accept-Encoding');
        if (hit.gzipped && req.acceptsEncodings('gzip') === 'gzip') res.setHeader('Content-Encoding', 'gzip').send(hit.gzipped);
        else res.send(hit.json);
      } catch (e) {
        next(e);
      }
    },
    plugin: {
      async requestDidStart() {
        const started = epoch;
        return {
          async willSendResponse(rc) {
            if (epoch !== started) return;
            if (rc.operation?.operation !== 'query' || rc.errors?.length || rc.request.http?.method !== 'POST') return;
            const body = rc.response.body;
            if (body.kind !== 'single' || body.singleResult.errors?.length) return;
            const key = keyOf(rc.request.http.body);
            if (!key) return;
            // The bytes Apollo sends for a miss (its JSON ends with a line break).
            const json = Buffer.from(`${JSON.stringify(body.singleResult)}\n`);
            await cache.set(key, { json }, { ttl: ttlSeconds });
            if (!withGzip || json.length < GZIP_FROM) return;
            // Compressed in libuv's thread pool after the answer left: the next hit sends these bytes.
            void gzip(json, { level: 1 })
              .then((gzipped) => (epoch === started ? cache.set(key, { json, gzipped }, { ttl: ttlSeconds }) : undefined))
              .catch(() => undefined);
          },
        };
      },
    },
  };
}
