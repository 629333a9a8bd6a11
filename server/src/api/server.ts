/**
 * The HTTP server: GraphQL (Apollo Server 5 + @neo4j/graphql 7) at /graphql, exports at /export/…,
 * the built web app at /. Hardening: graphql-armor depth/cost limits, Neo4j transaction timeout,
 * body size limit, configurable CORS, masked errors in production.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { Neo4jGraphQL } from '@neo4j/graphql';
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import { GraphQLError, isObjectType } from 'graphql';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { homeDatabase } from '../graph/home-database.js';
import { largestCascades } from '../graph/queries/largest-cascades.js';
import { compressionWanted } from './compression-wanted.js';
import { graphqlLane, sendError } from './graphql-lane.js';
import { warmUp } from './warm-up.js';
import { AuthError, jwtSecret, viewerFromHeader, type Viewer } from './auth.js';
import { makeContext, type ApiContext } from './context.js';
import { formatError } from './errors.js';
import { exportRoutes } from './export-routes.js';
import { resolvers } from './resolvers.js';
import { responseCache } from './response-cache.js';
import { cascadesAhead } from './cascade-ahead.js';
import { strictDates } from './date-scalar.js';
import { checkPageArgs } from './page-args.js';
import { withKeysetPages } from './keyset-pages.js';
import { jitGateway } from './jit-executor.js';
import { typeDefs } from './typedefs/index.js';
import { graphChanged } from '../graph/changes.js';
import { watchGraphVersion } from '../graph/graph-version.js';

/** How long the server keeps an idle keep-alive connection open (see startHttpServer). */
export const KEEP_ALIVE_MS = 65_000;

export interface RunningServer {
  url: string;
  port: number;
  /** Resolves when the background work after the start (warm-up, answers kept from the last run) is done. */
  warmedUp: Promise<void>;
  close(): Promise<void>;
}

/**
 * Output types our own resolvers fill with plain values (strings, JS numbers). @neo4j/graphql puts its
 * alias-aware field resolver on every field; without one, graphql-jit reads these fields inline (a cascade has
 * thousands of nodes and edges).
 */
const PLAIN_OUTPUT_TYPES = ['Cascade', 'CascadeNode', 'CascadeEdge'];
/** Query fields answering only with those types (api/jit-executor.ts: their leaves need no serializer). */
const PLAIN_ROOT_FIELDS = ['cascade', 'edgeEvidence'];
/** Tokens a request's document may hold (a syntax error beyond: GRAPHQL_PARSE_FAILED). */
const MAX_TOKENS = 2000;
const NEO4J_DEFAULT_RESOLVERS = new Set(['defaultFieldResolver', 'numericalResolver', 'idResolver']);

export async function buildSchema(driver: Driver) {
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver, resolvers });
  // directivesPage / organizationsPage: keyset pages over the generated types (api/keyset-pages.ts).
  const schema = withKeysetPages(await neoSchema.getSchema());
  strictDates(schema);
  checkPageArgs(schema, new Set(Object.keys(resolvers.Query)));
  for (const name of PLAIN_OUTPUT_TYPES) {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`schema has no object type ${name}`);
    for (const field of Object.values(type.getFields())) if (field.resolve && NEO4J_DEFAULT_RESOLVERS.has(field.resolve.name)) field.resolve = undefined;
  }
  return schema;
}

export async function startHttpServer(driver: Driver, givenConfig: Config, log: (m: string) => void = console.log): Promise<RunningServer> {
  const config: Config = { ...givenConfig, neo4jDatabase: await homeDatabase(driver, givenConfig.neo4jDatabase) };
  const app = express();
  app.disable('x-powered-by');
  // No ETag on generated answers: express would hash every GraphQL answer (1.4 ms for a 2.5 MB national cascade) for
  // a validator POST requests never use. Static files keep theirs (express.static / sendFile set their own).
  app.set('etag', false);
  // A national cascade is 2.4 MB of JSON, the app's script 0.5 MB: gzipped (level 1: ≈ 6 ms for the cascade,
  // 12× smaller) for browsers and anyone sending Accept-Encoding, unless they are on this machine (compression-wanted.ts);
  // clients that do not ask get plain JSON.
  const compress = (req: http.IncomingMessage) => compressionWanted(config.httpCompression, req);
  if (config.httpCompression !== 'off') app.use(compression({ level: 1, threshold: 1024, filter: (req, res) => compress(req) && compression.filter(req, res) }));
  // Its request listener, added once Apollo is up: the GraphQL lane (api/graphql-lane.ts) in front of `app`.
  const httpServer = http.createServer();
  // Idle keep-alive connections stay open 65 s (Node's default is 5 s), longer than the idle timeout of the load
  // balancers and proxies put in front of replicas (60 s for most): the proxy closes an idle connection first, never
  // the server just as the proxy or a client sends the next request on it — which that client sees as "socket hang
  // up" or a 502. Headers must arrive within a little more than that.
  httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
  httpServer.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const schema = await buildSchema(driver);
  const armor = new ApolloArmor({
    maxDepth: { n: config.maxDepth, flattenFragments: true },
    costLimit: { maxCost: config.maxCost },
    maxAliases: { n: 15 },
    // Tokens are counted by graphql-js's own parser (parseOptions below): armor's plugin parsed every new document a
    // second time, in a hook, and answered a syntax error with HTTP 500 and GRAPHQL_VALIDATION_FAILED.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  const secret = jwtSecret(config);
  const cache = responseCache({
    ttlSeconds: config.responseCacheTtlSeconds,
    gzip: config.httpCompression !== 'off',
    compressFor: compress,
    refreshTop: config.responseCacheRefresh,
    keysFile: config.responseCacheKeysFile,
    maxBytes: config.responseCacheMegabytes * 1024 * 1024,
    ahead: cascadesAhead((count) => largestCascades(driver, count, { database: config.neo4jDatabase, timeoutMs: config.txTimeoutMs }), config.responseCacheAhead),
    // The answer as Apollo would send it over HTTP (same plugins, limits and executor), for nobody in particular.
    refresh: async ({ query, variables, operationName }) => {
      const res = await apollo.executeOperation(
        { query, variables: variables ?? undefined, operationName: operationName ?? undefined },
        { contextValue: makeContext(driver, config, { subject: null, roles: [] }) },
      );
      return res.body.kind === 'single' && !res.body.singleResult.errors?.length ? res.body.singleResult : null;
    },
    mayRead: async (authorization) => {
      try {
        const viewer = await viewerFromHeader(authorization, secret);
        return !config.readsRequireAuth || viewer.roles.length > 0;
      } catch {
        return false;
      }
    },
  });
  const apollo = new ApolloServer<ApiContext>({
    // Execution through graphql-jit (api/jit-executor.ts); parsing, validation and plugins stay Apollo's.
    gateway: jitGateway(schema, { plainRootFields: PLAIN_ROOT_FIELDS, compiledRootFields: Object.keys(resolvers.Query) }),
    ...protection,
    // graphql-armor ships CommonJS typings of Apollo's plugin type; the objects are the same at run time.
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<ApiContext>[]),
      // No per-field cache hints: the response cache below keys whole requests.
      ApolloServerPluginCacheControlDisabled(),
      ...(cache ? [cache.plugin] : []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
    validationRules: [...protection.validationRules],
    parseOptions: { maxTokens: MAX_TOKENS },
    // The process's own SIGINT/SIGTERM handling (cli/start.ts) stops the server and then Neo4j. Apollo's handler
    // would call stop() at the same moment, and the later of two concurrent stop() calls never returns (see close()):
    // a signal sent to the Node process alone (a process manager's, `kill PID`) then left it hanging.
    stopOnTerminationSignals: false,
    formatError: formatError(config.production),
    // The response cache keeps the very text Apollo sends (no second JSON.stringify of a 2 MB answer).
    ...(cache ? { stringifyResult: cache.stringifyResult } : {}),
    includeStacktraceInErrorResponses: !config.production,
    introspection: true,
  });
  await apollo.start();
  // Warm-up: @neo4j/graphql checks the database once and Neo4j plans the first queries; do it before traffic.
  await apollo
    .executeOperation(
      { query: '{ levels { key } }' },
      { contextValue: makeContext(driver, config, { subject: null, roles: [] }) },
    )
    .catch(() => undefined);

  // A request's context: its token checked (401 when bad, or when the server wants one and none came).
  const contextFor = async (req: http.IncomingMessage): Promise<ApiContext> => {
    let viewer: Viewer;
    try {
      viewer = await viewerFromHeader(req.headers.authorization, secret);
    } catch (e) {
      if (e instanceof AuthError) throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 401 } } });
      throw e;
    }
    if (config.readsRequireAuth && !viewer.roles.length) {
      throw new GraphQLError('this server requires a token for every request', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    return makeContext(driver, config, viewer);
  };
  const corsMw = cors({ origin: config.corsOrigins === '*' ? true : config.corsOrigins, credentials: false, maxAge: 600 });
  app.get('/health', async (_req, res) => {
    try {
      await driver.executeQuery('RETURN 1', {}, { database: config.neo4jDatabase });
      res.json({ status: 'ok', ...(cache ? { responseCache: cache.status() } : {}) });
    } catch (e) {
      res.status(503).json({ status: 'neo4j unavailable', message: (e as Error).message });
    }
  });
  app.use(
    '/graphql',
    corsMw,
    express.json({ limit: config.bodyLimitBytes }),
    ...(cache ? [cache.middleware] : []),
    expressMiddleware(apollo, { context: ({ req }) => contextFor(req) }),
  );
  app.use('/export', corsMw, exportRoutes(driver, config, secret));

  if (fs.existsSync(path.join(config.webDist, 'index.html'))) {
    // Vite names its assets after their content: cached for good. The page that names them is asked for again
    // every time (a cheap 304 when unchanged), so a new version is picked up at the next load, not an hour later.
    const noCache = (res: express.Response) => res.setHeader('Cache-Control', 'no-cache');
    app.use(
      express.static(config.webDist, {
        index: 'index.html',
        setHeaders: (res, file) => (file.includes(`${path.sep}assets${path.sep}`) ? res.setHeader('Cache-Control', 'public, max-age=31536000, immutable') : noCache(res)),
      }),
    );
    app.get(/^\/(?!graphql|export|health).*/, (_req, res) => {
      noCache(res);
      res.sendFile(path.join(config.webDist, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => res.type('text/plain').send('Directive Graph API: the web app is not built (npm run build -w web). GraphQL at /graphql'));
  }
  // Body too large / malformed JSON → a clear JSON error instead of an HTML page.
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status ?? 500;
    const code = err.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    sendError(res, status, code, status >= 500 && config.production ? 'Internal server error' : err.message);
  });

  const lane = graphqlLane(
    {
      apollo,
      context: contextFor,
      cors: corsMw,
      maxBodyBytes: config.bodyLimitBytes,
      // Answers to compress go through Express's compression middleware.
      compressed: (req) => compress(req) && /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? '')),
      fromCache: cache ? (req, body, res) => cache.answer(req, body, res, false) : undefined,
      production: config.production,
    },
    app,
  );
  httpServer.on('request', lane);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new Error(`Port ${config.port} is already in use: stop what uses it or set PORT to another port`) : e),
    );
    httpServer.listen(config.port, config.host, () => resolve());
  });
  // Another process's ingest (the CLI, another replica) raises the graph version: drop cached answers then.
  const stopWatching = config.graphVersionPollMs > 0 ? watchGraphVersion(driver, config.neo4jDatabase, config.graphVersionPollMs, graphChanged) : () => undefined;
  // In the background, once serving: the first roots list and cascade on a cold Neo4j (api/warm-up.ts).
  // Then the answers asked for most before the last stop (api/response-cache.ts). A stop cuts the warm-up short.
  // One stop, however many callers: Apollo Server 5.5's stop() lets a second, concurrent call wait for a barrier
  // that a successful stop never resolves, so that caller (and a process waiting on it) would hang.
  let closing: Promise<void> | null = null;
  const warm = warmUp(driver, config.neo4jDatabase, () => closing !== null)
    .catch(() => undefined)
    .then(() => cache?.restore());
  const addr = httpServer.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://localhost:${port}`;
  log(`Directive Graph on ${url}  (GraphQL: ${url}/graphql)`);
  return {
    url,
    port,
    warmedUp: warm.then(() => undefined),
    close() {
      closing ??= (async () => {
        stopWatching();
        await cache?.close();
        await warm;
        await apollo.stop();
        httpServer.closeAllConnections?.();
      })();
      return closing;
    },
  };
}
