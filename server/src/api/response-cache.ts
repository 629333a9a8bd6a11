/**
 * Whole-response cache for read queries: the same POST body (query, variables, operation name) within
 * RESPONSE_CACHE_TTL_S seconds is answered with the stored JSON text, before Apollo parses anything and without
 * touching Neo4j. Only successful queries are stored (never mutations, errors or partial results); this
 * process's ingests clear it at once (graph/changes.ts), other processes' writes within a second (the graph version,
 * graph/graph-version.ts), Cypher typed by hand within the TTL.
 * Answers do not depend on who asks; when a token is sent, or the server requires one, it is checked first.
 */
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

function keyOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof b.query !== 'string') return null;
  return JSON.stringify([b.query, b.variables ?? null, b.operationName ?? null]);
}

export function responseCache(ttlSeconds: number, mayRead: (authorization: string | undefined) => Promise<boolean>): ResponseCache | null {
  if (ttlSeconds <= 0) return null;
  const cache = new InMemoryLRUCache<string>({ maxSize: 64 * 1024 * 1024, sizeCalculation: InMemoryLRUCache.sizeCalculation });
  onGraphChanged(() => cache.clear());
  return {
    middleware: async (req, res, next) => {
      try {
        const key = req.method === 'POST' ? keyOf(req.body) : null;
        const hit = key ? await cache.get(key) : undefined;
        if (hit === undefined || !(await mayRead(req.headers.authorization))) return next();
        res.status(200).type('application/json').send(hit);
      } catch (e) {
        next(e);
      }
    },
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse(rc) {
            if (rc.operation?.operation !== 'query' || rc.errors?.length || rc.request.http?.method !== 'POST') return;
            const body = rc.response.body;
            if (body.kind !== 'single' || body.singleResult.errors?.length) return;
            const key = keyOf(rc.request.http.body);
            if (key) await cache.set(key, JSON.stringify(body.singleResult), { ttl: ttlSeconds });
          },
        };
      },
    },
  };
}
