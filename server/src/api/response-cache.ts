/**
 * Whole-response cache for read queries: the same POST body (query, variables, operation name) within
 * RESPONSE_CACHE_TTL_S seconds is answered with the stored JSON bytes, before Apollo parses anything and without
 * touching Neo4j. Only successful queries are stored (never mutations, errors or partial results); this
 * process's ingests clear it at once (graph/changes.ts), any other write — another process's ingest, Cypher typed
 * by hand — within a second (the graph's version and last transaction, graph/graph-version.ts).
 *
 * - Answers are also kept gzipped (made once, off the main thread) for clients that accept gzip, so a hit on a
 *   national cascade is not compressed again each time.
 * - After a change, the most asked-for answers are computed again in the background (refresh-ahead), once the graph
 *   has been quiet for a moment: the next visitor of a national cascade does not pay for the change.
 * - Answers ahead: requests like the most asked-for one are computed too, before anybody asks (the largest cascades
 *   in the shape of the explorer's cascade request: api/cascade-ahead.ts), after a change and once one is asked.
 * - Which requests those are is kept in a small file when the server stops (only the requests: the graph may change
 *   while it is down), and their answers are computed again after the next start.
 * - `X-Cache: HIT` / `MISS` tells clients (and the benchmarks) where an answer came from.
 *
 * Answers do not depend on who asks; when a token is sent, or the server requires one, it is checked first.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { RequestHandler } from 'express';
import type { FormattedExecutionResult } from 'graphql';
import { onGraphChanged } from '../graph/changes.js';
import type { ApiContext } from './context.js';

export interface ResponseCache {
  /**
   * Answers a POST of `body` from the cache when it holds its answer (true; `X-Cache: HIT`), else marks the response
   * `X-Cache: MISS` and leaves it to Apollo (false). `gzipAccepted`: the client takes gzip and is worth it.
   */
  answer(req: IncomingMessage, body: unknown, res: ServerResponse, gzipAccepted: boolean): Promise<boolean>;
  /** The same as Express middleware in front of Apollo (the body parsed by express.json). */
  middleware: RequestHandler;
  /** Apollo plugin: picks the successful query results to store. */
  plugin: ApolloServerPlugin<ApiContext>;
  /** Apollo's stringifyResult: an answer's text, stored when the plugin picked it (one JSON.stringify per answer). */
  stringifyResult(result: FormattedExecutionResult): string;
  /** Computes again the answers asked for most before the last stop (keysFile); resolves when done. */
  restore(): Promise<void>;
  /** Stops a pending refresh and keeps the most asked-for requests in keysFile (server shutdown). */
  close(): Promise<void>;
  /** What the cache holds and whether it is computing answers in the background (for /health and benchmarks). */
  status(): { entries: number; refreshing: boolean };
}

/** A stored request: what `refresh` is given to compute its answer again. */
export interface CachedRequest {
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
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
  /** Whether a request should get the gzipped copy when it accepts gzip (default: yes). */
  compressFor?: (req: IncomingMessage) => boolean;
  mayRead: (authorization: string | undefined) => Promise<boolean>;
  /** Computes a request's answer again, or null when it failed (then it is not stored). */
  refresh?: (request: CachedRequest) => Promise<FormattedExecutionResult | null>;
  /** How many of the most asked-for answers are computed again after a change (0 = none). */
  refreshTop?: number;
  /** The graph has to be quiet this long before they are (an ingest of many texts is many changes). */
  refreshDelayMs?: number;
  /** Where the most asked-for requests are kept between a stop and the next start (null = nowhere). */
  keysFile?: string | null;
  /**
   * Answers computed ahead, after each refresh and once an answer is stored while none were since the last change:
   * `pattern` picks a request among the cached ones (most asked-for first) — kept until another is picked, so that it
   * outlives its own answer's count —, and `requests` gives the requests like it to answer. Their answers start with
   * no count.
   */
  ahead?: AheadOptions;
  /** Memory for stored answers, plain and gzipped (least recently used go first); default 64 MB, 0 = no cache. */
  maxBytes?: number;
}

export interface AheadOptions {
  pattern(asked: Iterable<CachedRequest>): CachedRequest | null;
  requests(pattern: CachedRequest): Promise<CachedRequest[]>;
}

/**
 * A request longer than this is not stored, nor kept in keysFile (a cascade request is ≈ 1 KB; the body limit is 2 MB):
 * one carrying a file (`previewDocument`) is asked once, and the cache counts its answer's bytes, not its key's.
 */
const KEPT_KEY_MAX = 64 * 1024;

const keyOfRequest = (r: CachedRequest): string => JSON.stringify([r.query, r.variables ?? null, r.operationName ?? null]);

function keyOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof b.query !== 'string') return null;
  return keyOfRequest({ query: b.query, variables: (b.variables ?? null) as CachedRequest['variables'], operationName: (b.operationName ?? null) as string | null });
}

/** An answer's text as Apollo sends it by default: JSON and a line break. */
const toText = (result: FormattedExecutionResult): string => `${JSON.stringify(result)}\n`;

/** Raises `map`'s count for `key` to at least `count`. */
function raise(map: Map<string, number>, key: string, count: number): void {
  map.set(key, Math.max(map.get(key) ?? 0, count));
}

function requestOf(key: string): CachedRequest {
  const [query, variables, operationName] = JSON.parse(key) as [string, Record<string, unknown> | null, string | null];
  return { query, variables, operationName };
}

/** The [request key, count] pairs kept in `file`; none when it is missing or not what this module writes. */
function readKeys(file: string): Array<[string, number]> {
  let kept: unknown;
  try {
    kept = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(kept)) return [];
  return kept.filter(
    (item): item is [string, number] => Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'number' && item[0].length <= KEPT_KEY_MAX,
  );
}

export function responseCache(opts: ResponseCacheOptions): ResponseCache | null {
  const { ttlSeconds, gzip: withGzip, mayRead } = opts;
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  if (ttlSeconds <= 0 || maxBytes <= 0) return null;
  /** How often each stored answer was asked for since it was stored (or refreshed): what refresh-ahead picks by. */
  const hits = new Map<string, number>();
  const cache = new InMemoryLRUCache<Entry>({
    maxSize: maxBytes,
    sizeCalculation: (e) => e.json.length + (e.gzipped?.length ?? 0),
    // An answer that leaves the cache (evicted, expired, cleared) takes its count along; replacing it keeps it.
    dispose: (_entry, key, reason) => {
      if (reason !== 'set') hits.delete(key);
    },
  });
  // Raised by every change: an answer whose request started before a change is not stored (it may hold what the
  // change replaced), nor is a gzipped copy or a refreshed answer finished after one.
  let epoch = 0;

  const store = async (key: string, text: string, at: number, count: number) => {
    const json = Buffer.from(text);
    await cache.set(key, { json }, { ttl: ttlSeconds });
    hits.set(key, count);
    if (!withGzip || json.length < GZIP_FROM) return;
    // Compressed in libuv's thread pool after the answer left: the next hit sends these bytes.
    const gzipped = await gzip(json, { level: 1 }).catch(() => undefined);
    if (gzipped && epoch === at && (await cache.get(key))?.json === json) await cache.set(key, { json, gzipped }, { ttl: ttlSeconds });
  };

  // Refresh-ahead: the keys to compute again (with how often they were asked for), the timer waiting for a quiet
  // graph, and the refresh running now.
  const pending = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  // Whether keysFile was read (after the warm-up): a server stopped before that adds to the file, keeping what it held.
  let restored = false;
  const top = opts.refresh ? Math.max(0, opts.refreshTop ?? 8) : 0;
  // The epoch whose answers ahead were computed (or are being computed): one pass per change.
  let aheadAt = -1;
  // The request whose like are answered ahead (null until one is found among the cached ones).
  let pattern: CachedRequest | null = null;
  let refreshing = 0;
  function* cachedRequests(): Iterable<CachedRequest> {
    for (const [key] of [...hits].sort((a, b) => b[1] - a[1])) yield requestOf(key);
  }
  const answerAhead = async (at: number) => {
    if (!opts.ahead || !opts.refresh || closed || epoch !== at || aheadAt === at) return;
    pattern = opts.ahead.pattern(cachedRequests()) ?? pattern;
    if (!pattern) return;
    const more = await opts.ahead.requests(pattern).catch(() => []);
    if (!more.length || epoch !== at) return;
    aheadAt = at;
    // Answers nobody asked for yet take at most half the cache: they never push out the ones that were asked for.
    let taken = 0;
    for (const request of more) {
      if (closed || epoch !== at || taken > maxBytes / 2) return;
      const key = keyOfRequest(request);
      if (await cache.get(key)) continue;
      const result = await opts.refresh(request).catch(() => null);
      if (!result || epoch !== at || (await cache.get(key))) continue;
      const text = toText(result);
      taken += 1.1 * Buffer.byteLength(text); // with its gzipped copy (a tenth of it for a cascade)
      if (taken <= maxBytes / 2) await store(key, text, at, 0);
    }
  };
  const refreshPending = async (at: number) => {
    refreshing++;
    try {
      await refreshTop(at);
      await answerAhead(at);
    } finally {
      refreshing--;
    }
  };
  const refreshTop = async (at: number) => {
    const todo = [...pending].sort((a, b) => b[1] - a[1]).slice(0, top);
    pending.clear();
    for (const [i, [key, count]] of todo.entries()) {
      if (closed || epoch !== at) {
        // Another change came meanwhile (what is left waits for the refresh it scheduled), or the server stops (what
        // is left is kept for the next start).
        for (const [k, c] of todo.slice(i)) raise(pending, k, c);
        return;
      }
      if (await cache.get(key)) continue; // asked for (and stored) meanwhile
      const result = await opts.refresh!(requestOf(key)).catch(() => null);
      // Half its count goes with it: an answer nobody asks for any more drops out after a few changes.
      if (result && epoch === at) await store(key, toText(result), at, Math.floor(count / 2));
    }
  };

  /** Refreshes (and answers ahead) once nothing happened for refreshDelayMs. */
  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const at = epoch;
      running = running.then(() => refreshPending(at));
    }, opts.refreshDelayMs ?? 1000);
    timer.unref();
  };

  const stopListening = onGraphChanged(() => {
    epoch++;
    if (top > 0) {
      for (const key of cache.keys()) {
        const count = hits.get(key) ?? 0;
        if (count > 0) raise(pending, key, count);
      }
    }
    cache.clear();
    if (pending.size || pattern) schedule();
  });

  const answer: ResponseCache['answer'] = async (req, body, res, gzipAccepted) => {
    const key = req.method === 'POST' ? keyOf(body) : null;
    if (!key) return false;
    const hit = await cache.get(key);
    if (hit === undefined || !(await mayRead(req.headers.authorization))) {
      res.setHeader('X-Cache', 'MISS');
      return false;
    }
    hits.set(key, (hits.get(key) ?? 0) + 1);
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('X-Cache', 'HIT');
    if (withGzip) {
      const vary = res.getHeader('Vary');
      res.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    }
    const gzipped = hit.gzipped && gzipAccepted ? hit.gzipped : null;
    if (gzipped) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', (gzipped ?? hit.json).length);
    res.end(gzipped ?? hit.json);
    return true;
  };

  // Answers to store, found again by their `data` object when Apollo makes their text.
  const toStore = new WeakMap<object, { key: string; started: number }>();

  return {
    stringifyResult(result) {
      const text = toText(result);
      const pendingStore = result.data ? toStore.get(result.data) : undefined;
      if (pendingStore && epoch === pendingStore.started) {
        void store(pendingStore.key, text, pendingStore.started, 1);
        // The first answers of an epoch may show what to answer ahead (a cascade request, seen for the first time).
        if (opts.ahead && aheadAt !== epoch) schedule();
      }
      return text;
    },
    answer,
    middleware(req, res, next) {
      const gzipAccepted = (opts.compressFor?.(req) ?? true) && req.acceptsEncodings('gzip') === 'gzip';
      answer(req, req.body, res, gzipAccepted).then((done) => done || next(), next);
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
            // Stored when Apollo turns the answer into text (stringifyResult below): the same bytes, made once.
            if (key && key.length <= KEPT_KEY_MAX && body.singleResult.data) toStore.set(body.singleResult.data, { key, started });
          },
        };
      },
    },
    async restore() {
      if (!top || !opts.keysFile || closed || restored) return;
      restored = true;
      for (const [key, count] of readKeys(opts.keysFile)) raise(pending, key, count);
      const at = epoch;
      running = running.then(() => refreshPending(at));
      await running;
    },
    status() {
      return { entries: cache.keys().length, refreshing: refreshing > 0 || timer !== null };
    },
    async close() {
      closed = true;
      stopListening();
      if (timer) clearTimeout(timer);
      await running;
      if (!top || !opts.keysFile) return;
      // Stopped before it read the file (during its warm-up): what the file held still counts.
      const counts = new Map(restored ? [] : readKeys(opts.keysFile));
      for (const [key, count] of pending) raise(counts, key, count);
      for (const key of cache.keys()) raise(counts, key, hits.get(key) ?? 0);
      // The pattern of the answers computed ahead, so that the next start answers them again.
      if (pattern) raise(counts, keyOfRequest(pattern), 1);
      const kept = [...counts].filter(([key, n]) => n > 0 && key.length <= KEPT_KEY_MAX).sort((a, b) => b[1] - a[1]).slice(0, top);
      try {
        fs.mkdirSync(path.dirname(opts.keysFile), { recursive: true });
        fs.writeFileSync(`${opts.keysFile}.tmp`, JSON.stringify(kept));
        fs.renameSync(`${opts.keysFile}.tmp`, opts.keysFile);
      } catch {
        // a read-only disk: the next start begins with an empty cache, as without the file
      }
    },
  };
}
