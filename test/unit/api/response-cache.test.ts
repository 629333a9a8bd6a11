/**
 * The response cache's memory rule for answers computed ahead, driven through the hooks Apollo and the HTTP server call
 * (no server): an answer is stored when the plugin picked it and Apollo made its text; hits are answered by `answer`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { responseCache, type CachedRequest, type ResponseCache } from '../../../server/src/api/response-cache.js';

const QUERY = 'query($code: String!) { cascade(code: $code) { truncated } }';

/** What the cache does with a POST of `body`: 'HIT' (answered) or 'MISS'. */
async function ask(cache: ResponseCache, body: object): Promise<string> {
  let marked = '';
  let ended = false;
  const res = {
    statusCode: 0,
    setHeader: (name: string, value: string) => {
      if (name === 'X-Cache') marked = value;
    },
    getHeader: () => undefined,
    end: () => {
      ended = true;
    },
  };
  const req = { method: 'POST', headers: {} };
  const answered = await cache.answer(req as unknown as IncomingMessage, body, res as unknown as ServerResponse, false);
  expect(answered).toBe(marked === 'HIT');
  expect(ended).toBe(answered);
  return marked;
}

/** An answer stored the way a request's is: the plugin picks it, then Apollo asks for its text. */
async function answer(cache: ResponseCache, body: { query: string; variables: Record<string, unknown> }, data: Record<string, unknown>): Promise<void> {
  const hooks = await cache.plugin.requestDidStart!({} as never);
  await hooks!.willSendResponse!({
    operation: { operation: 'query' },
    request: { http: { method: 'POST', body } },
    response: { body: { kind: 'single', singleResult: { data } } },
  } as never);
  cache.stringifyResult({ data });
}

async function idle(cache: ResponseCache): Promise<void> {
  await new Promise((r) => setTimeout(r, 50));
  for (let i = 0; i < 200 && cache.status().refreshing; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('answers computed ahead', () => {
  it('take at most half the memory, so they never push out an answer somebody asked for', async () => {
    const big = 'x'.repeat(100_000);
    const computed: unknown[] = [];
    const cache = responseCache({
      ttlSeconds: 60,
      gzip: false,
      mayRead: async () => true,
      refreshDelayMs: 10,
      maxBytes: 1_000_000,
      refresh: async (r) => {
        computed.push(r.variables?.code);
        return { data: { cascade: big } };
      },
      ahead: {
        pattern: (asked) => [...asked][0] ?? null,
        requests: async (p: CachedRequest) => Array.from({ length: 20 }, (_, i) => ({ ...p, variables: { code: `other-${i}` } })),
      },
    })!;
    try {
      const asked = { query: QUERY, variables: { code: 'asked' } };
      expect(await ask(cache, asked)).toBe('MISS');
      await answer(cache, asked, { cascade: big });
      await idle(cache);
      // 100 KB answers (110 KB counted with a gzipped copy) in 1 MB: four fit in its half, the fifth is dropped.
      expect(cache.status().entries).toBe(5);
      expect(computed).toHaveLength(5);
      expect(await ask(cache, asked)).toBe('HIT');
      for (let i = 0; i < 4; i++) expect(await ask(cache, { query: QUERY, variables: { code: `other-${i}` } })).toBe('HIT');
      expect(await ask(cache, { query: QUERY, variables: { code: 'other-4' } })).toBe('MISS');
    } finally {
      await cache.close();
    }
  });
});

describe('requests carrying a file', () => {
  it('are not stored: asked once, and a 2 MB key the cache would not count', async () => {
    const cache = responseCache({ ttlSeconds: 60, gzip: false, mayRead: async () => true, refreshDelayMs: 10, maxBytes: 1_000_000, refresh: async () => ({ data: {} }) })!;
    try {
      const preview = { query: 'query($f: String!, $b: String) { previewDocument(fileName: $f, contentBase64: $b) { id } }', variables: { f: 'a.docx', b: 'A'.repeat(70_000) } };
      await answer(cache, preview, { previewDocument: { id: 'x' } });
      expect(await ask(cache, preview)).toBe('MISS');
      const small = { query: QUERY, variables: { code: 'asked' } };
      await answer(cache, small, { cascade: { truncated: false } });
      expect(await ask(cache, small)).toBe('HIT');
      expect(cache.status().entries).toBe(1);
    } finally {
      await cache.close();
    }
  });
});

