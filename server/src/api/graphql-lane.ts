/**
 * GraphQL POSTs served by Node's http directly, in front of Express. Express's request pipeline (router, its request
 * and response objects, body-parser, the compression wrapper, res.send) cost ≈ 0.5–1 ms per request on this project's
 * machines: a fifth of a small cascade's time, and as much again as a response-cache hit. Whatever the lane does not
 * take goes to Express unchanged: other methods and paths, CORS preflights, bodies that are not plain JSON, and
 * clients whose answer is compressed (compression-wanted.ts: across a network, where 1 ms does not show).
 *
 * What the lane does is what that pipeline did for these requests: CORS headers, the body read with the size limit
 * (413 PAYLOAD_TOO_LARGE / 400 BAD_REQUEST as JSON, after the whole body has been read), the response cache, then
 * Apollo's own HTTP handling (executeHTTPGraphQLRequest: CSRF prevention, batching rules, status codes, headers).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export interface GraphqlLaneOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** The context of a request (token checked); an error thrown here becomes Apollo's answer, as in Express. */
  context: (req: IncomingMessage) => Promise<C>;
  /** The CORS middleware Express uses for /graphql (it works on Node's objects). */
  cors: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  maxBodyBytes: number;
  /** True when this request's answer is to be compressed: Express (and its compression middleware) serves it. */
  compressed: (req: IncomingMessage) => boolean;
  /** The response cache's hit path: true when it answered. */
  fromCache?: (req: IncomingMessage, body: unknown, res: ServerResponse) => Promise<boolean>;
  production: boolean;
}

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Whether the lane takes this request: a POST of UTF-8 JSON, not encoded, to /graphql, answered uncompressed. */
function takes(req: IncomingMessage, compressed: (req: IncomingMessage) => boolean): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  if (url !== '/graphql' && !url.startsWith('/graphql?')) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') return false;
  return JSON_TYPE.test(req.headers['content-type'] ?? '') && !compressed(req);
}

/** An HTTP error as GraphQL clients read one: `{ errors: [{ message, extensions: { code } }] }`. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The whole body, or the reason it is refused; read to its end either way (the client then reads the answer). */
function readBody(req: IncomingMessage, max: number): Promise<{ text: string } | { status: number; code: string; message: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    let ended = false;
    req.on('error', reject);
    // A client gone before the end of its body: nothing to answer.
    req.on('close', () => ended || reject(new Error('request body cut short')));
    req.on('end', () => {
      ended = true;
      if (size > max) resolve({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: `request body over the limit of ${max} bytes` });
      else resolve({ text: Buffer.concat(chunks, size).toString('utf8') });
    });
  });
}

/**
 * A request handler for http.createServer: serves the requests it takes and hands every other one to `next` (the
 * Express app).
 */
export function graphqlLane<C extends BaseContext>(opts: GraphqlLaneOptions<C>, next: (req: IncomingMessage, res: ServerResponse) => void) {
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const read = await readBody(req, opts.maxBodyBytes);
    if (!('text' in read)) return sendError(res, read.status, read.code, read.message);
    let body: unknown;
    try {
      body = read.text.trim() === '' ? {} : JSON.parse(read.text);
    } catch (e) {
      return sendError(res, 400, 'BAD_REQUEST', (e as Error).message);
    }
    if (opts.fromCache && (await opts.fromCache(req, body, res))) return;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const url = req.url ?? '';
    const answer = await opts.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: url.includes('?') ? url.slice(url.indexOf('?')) : '', body },
      context: () => opts.context(req),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!takes(req, opts.compressed)) return next(req, res);
    opts.cors(req, res, (err) => {
      if (err) return sendError(res, 500, 'INTERNAL_SERVER_ERROR', opts.production ? 'Internal server error' : String(err));
      serve(req, res).catch((e: unknown) => {
        if (res.headersSent) return res.destroy();
        sendError(res, 500, 'INTERNAL_SERVER_ERROR', opts.production ? 'Internal server error' : (e as Error).message);
      });
    });
  };
}
