/**
 * Downloads: GET /export/cascade.graphml and /export/cascade.json (a cascade for Cytoscape Desktop or Gephi), and
 * /export/assignments.csv, /export/gaps.csv, /export/lag.csv (the explorer's tables for spreadsheets), and
 * /export/province.csv (a province's page), /export/organization.csv (an organisation's page). A root is named as in
 * GraphQL (code, issuedOn, province), a province by `province` alone, an organisation by its `key`; errors are JSON `{ error: { code, message } }` with 400, 401, 404 or 500.
 * A server that wants a token for reads (READS_REQUIRE_AUTH) wants one here too, in the Authorization header.
 */
import express from 'express';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { shapeCascade } from '../graph/cascade-shape.js';
import { gaps, implementationLag } from '../graph/queries/analytics.js';
import { assignmentsUnder } from '../graph/queries/assignments.js';
import { DEFAULT_CASCADE_NODES, fetchCascade, MAX_CASCADE_NODES, type Direction, type RelationKind } from '../graph/queries/cascade.js';
import { findDirectiveUid, LookupError } from '../graph/queries/find-directive.js';
import { AuthError, viewerFromHeader } from './auth.js';
import { toCytoscapeJson, toGraphML } from './exports.js';
import { sendPieces } from './send-pieces.js';
import { assignmentsCsv, gapsCsv, lagCsv, organizationCsv, provinceCsv, TABLES, type TableLang, type TableName } from './table-exports.js';
import { notAProvince, provinceNamed, provinceOverview } from '../graph/queries/province-overview.js';
import { badOrganizationKey, noOrganization, organizationOverview } from '../graph/queries/organization-overview.js';

const DIRECTIONS: Direction[] = ['DOWN', 'UP', 'BOTH'];
const RELATIONS: RelationKind[] = ['IMPLEMENTS', 'CITES', 'ASSIGNED_TO'];

type Query = Record<string, string | undefined>;
/** What is sent: its media type, the body, and the file name's parts (`name-code.extension`). */
interface Download {
  type: string;
  /** The whole body, or its pieces to be sent one after the other (a table). */
  body: string | Iterable<string>;
  name: string;
  extension: string;
  /** What the file is of: a root's code (its id when it has none), a province's slug. */
  code: string;
}
/** Checks a request's parameters (throwing LookupError), then makes the download. */
type Export = (q: Query) => () => Promise<Download>;
/** The same for a download of a root: made for the root the parameters name, looked up once they are checked. */
type RootExport = (q: Query) => (uid: string) => Promise<Download>;

function ofRoot(driver: Driver, config: Config, make: RootExport): Export {
  return (q) => {
    if (!q.code) throw new LookupError('query parameter "code" is required, e.g. ?code=28-NQ/TW', 'BAD_USER_INPUT');
    const forRoot = make(q);
    return async () => forRoot(await findDirectiveUid(driver, { code: q.code!, issuedOn: q.issuedOn, province: q.province }, config.neo4jDatabase));
  };
}

function tableLang(q: Query): TableLang {
  const lang = q.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') throw new LookupError('lang must be vi or en', 'BAD_USER_INPUT');
  return lang;
}

/** A file name's part from a code: 28-NQ/TW → 28_NQ_TW. */
const fileSafe = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '_');

function cascadeExport(driver: Driver, config: Config, format: 'graphml' | 'json'): RootExport {
  return (q) => {
    const depth = q.depth ? Number(q.depth) : 4;
    if (!Number.isInteger(depth) || depth < 1 || depth > 10) throw new LookupError('depth must be between 1 and 10', 'BAD_USER_INPUT');
    const direction = (q.direction ?? 'DOWN').toUpperCase() as Direction;
    if (!DIRECTIONS.includes(direction)) throw new LookupError(`direction must be one of ${DIRECTIONS.join(', ')}`, 'BAD_USER_INPUT');
    const relations = (q.relations ? q.relations.split(',') : RELATIONS).map((r) => r.trim().toUpperCase()) as RelationKind[];
    if (relations.some((r) => !RELATIONS.includes(r))) throw new LookupError(`relations must be among ${RELATIONS.join(', ')}`, 'BAD_USER_INPUT');
    const maxNodes = q.maxNodes ? Number(q.maxNodes) : DEFAULT_CASCADE_NODES;
    if (!Number.isInteger(maxNodes) || maxNodes < 1 || maxNodes > MAX_CASCADE_NODES) throw new LookupError(`maxNodes must be between 1 and ${MAX_CASCADE_NODES}`, 'BAD_USER_INPUT');
    return async (uid) => {
      const raw = await fetchCascade(driver, uid, { depth, direction, relations, maxNodes, database: config.neo4jDatabase, timeoutMs: config.txTimeoutMs });
      if (!raw) throw new LookupError(`no directive ${uid}`, 'NOT_FOUND');
      const cascade = shapeCascade(raw, direction);
      // A text without a printed code is named by its id.
      const code = cascade.root?.code ?? uid;
      return format === 'graphml'
        ? { type: 'application/graphml+xml; charset=utf-8', body: toGraphML(cascade), name: 'cascade', extension: 'graphml', code }
        : { type: 'application/json; charset=utf-8', body: JSON.stringify(toCytoscapeJson(cascade), null, 1), name: 'cascade', extension: 'cyjs', code };
    };
  };
}

function tableExport(driver: Driver, config: Config, table: TableName): RootExport {
  return (q) => {
    const lang = tableLang(q);
    return async (uid) => {
      const opts = { database: config.neo4jDatabase, timeoutMs: config.txTimeoutMs };
      const body =
        table === 'assignments'
          ? assignmentsCsv(await assignmentsUnder(driver, uid, opts), lang)
          : table === 'gaps'
            ? gapsCsv(await gaps(driver, uid, config.neo4jDatabase), lang)
            : lagCsv(await implementationLag(driver, uid, config.neo4jDatabase, config.txTimeoutMs), lang);
      return { type: 'text/csv; charset=utf-8', body, name: table, extension: 'csv', code: uid.split('@')[0]! };
    };
  };
}

/** A province's page as a table (/export/province.csv?province=Bình Thuận): the province in any spelling. */
function provinceExport(driver: Driver, config: Config): Export {
  return (q) => {
    const lang = tableLang(q);
    if (!q.province) throw new LookupError('query parameter "province" is required, e.g. ?province=Bình Thuận', 'BAD_USER_INPUT');
    const province = provinceNamed(q.province);
    if (!province) throw new LookupError(notAProvince(q.province), 'BAD_USER_INPUT');
    return async () => {
      const rows = await provinceOverview(driver, province.names, { database: config.neo4jDatabase, timeoutMs: config.txTimeoutMs });
      return { type: 'text/csv; charset=utf-8', body: provinceCsv(rows, lang), name: 'province', extension: 'csv', code: province.slug };
    };
  };
}

/** An organisation's page as a table (/export/organization.csv?key=…): its key as gaps.csv and assignments.csv give it. */
function organizationExport(driver: Driver, config: Config): Export {
  return (q) => {
    const lang = tableLang(q);
    const key = q.key?.normalize('NFC');
    const bad = badOrganizationKey(key);
    if (bad || !key) throw new LookupError(`query parameter ${bad ?? 'key'}`, 'BAD_USER_INPUT');
    return async () => {
      const org = await organizationOverview(driver, key, { database: config.neo4jDatabase, timeoutMs: config.txTimeoutMs });
      if (!org) throw new LookupError(noOrganization(key), 'NOT_FOUND');
      return { type: 'text/csv; charset=utf-8', body: organizationCsv(org, lang), name: 'organization', extension: 'csv', code: org.key };
    };
  };
}

/** The routes, to be mounted at /export. */
export function exportRoutes(driver: Driver, config: Config, secret: Uint8Array | null): express.Router {
  const serve = (make: Export) => async (req: express.Request, res: express.Response) => {
    try {
      const q: Query = {};
      for (const [key, value] of Object.entries(req.query)) {
        if (typeof value !== 'string') throw new LookupError(`query parameter "${key}" must be given once, as text`, 'BAD_USER_INPUT');
        q[key] = value;
      }
      const viewer = await viewerFromHeader(req.headers.authorization, secret);
      if (config.readsRequireAuth && !viewer.roles.length) throw new AuthError('this server requires a token for every request', 'UNAUTHENTICATED');
      const out = await make(q)();
      // The file name first: `attachment` sets a type from its extension (.cyjs, .graphml: application/octet-stream).
      res.attachment(`${out.name}-${fileSafe(out.code)}.${out.extension}`).type(out.type);
      if (typeof out.body === 'string') res.send(out.body);
      else await sendPieces(res, out.body);
    } catch (e) {
      if (res.headersSent) return void res.destroy();
      if (e instanceof AuthError) return void res.status(401).json({ error: { code: e.code, message: e.message } });
      if (e instanceof LookupError) return void res.status(e.code === 'NOT_FOUND' ? 404 : 400).json({ error: { code: e.code, message: e.message } });
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: config.production ? 'Internal server error' : (e as Error).message } });
    }
  };
  const router = express.Router();
  router.get('/cascade.graphml', serve(ofRoot(driver, config, cascadeExport(driver, config, 'graphml'))));
  router.get('/cascade.json', serve(ofRoot(driver, config, cascadeExport(driver, config, 'json'))));
  for (const table of TABLES) router.get(`/${table}.csv`, serve(ofRoot(driver, config, tableExport(driver, config, table))));
  router.get('/province.csv', serve(provinceExport(driver, config)));
  router.get('/organization.csv', serve(organizationExport(driver, config)));
  const files = ['cascade.graphml', 'cascade.json', ...TABLES.map((t) => `${t}.csv`), 'province.csv', 'organization.csv'];
  // Anything else under /export answers as the downloads do (JSON), not with Express's HTML page.
  router.use((req, res) => {
    const known = files.includes(req.path.slice(1));
    if (known) res.set('Allow', 'GET, HEAD');
    res.status(known ? 405 : 404).json({
      error: known
        ? { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not allowed here: downloads are GET requests` }
        : { code: 'NOT_FOUND', message: `no download at /export${req.path}; there are ${files.map((f) => `/export/${f}`).join(', ')}` },
    });
  });
  return router;
}
