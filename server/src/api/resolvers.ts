/** Custom resolvers: each runs one parameterised Cypher statement (see graph/queries). */
import type { GraphQLResolveInfo } from 'graphql';
import { ingestText } from '../ingest/ingest.js';
import { shapeCascade, shapeEdge } from '../graph/cascade-shape.js';
import { fetchEdgeEvidence, MAX_EVIDENCE_IDS } from '../graph/queries/edge-evidence.js';
import { countsBy, gapPage, gaps, implementationLag, MAX_GAP_KEYS, MAX_GAP_PAGE, type CountDimension } from '../graph/queries/analytics.js';
import { EVIDENCE_COLUMNS, fetchCascade, FULL_COLUMN_FIELDS, LEAN_COLUMNS, MAX_CASCADE_NODES, NODE_COLUMNS, type Direction, type RelationKind } from '../graph/queries/cascade.js';
import { findDirectiveUid, LookupError, type DirectiveRef } from '../graph/queries/find-directive.js';
import { assignmentsUnder } from '../graph/queries/assignments.js';
import { roots } from '../graph/queries/roots.js';
import { MAX_LIST, search } from '../graph/queries/search.js';
import { PROVINCES, provinceArea } from '../extract/provinces.js';
import { notAProvince, provinceNamed, provinceOverview } from '../graph/queries/province-overview.js';
import { periodKey, periodReader } from '../extract/task-period.js';
import { requireRole } from './auth.js';
import { selectsAny, selectsAnyBelow } from './selection.js';
import type { ApiContext } from './context.js';
import { userError } from './errors.js';
import { givenText, type GivenText } from './given-text.js';
import { previewDocument } from './preview.js';
import { resolveOrganizationOverview } from './organization.js';
import { resolveScheduledTasks, resolveTaskSchedule, type ScheduleArgs, type ScheduleDeps, type ScheduledTasksArgs } from './schedule.js';

async function rootUid(ctx: ApiContext, ref: DirectiveRef): Promise<string> {
  try {
    return await findDirectiveUid(ctx.driver, ref, ctx.config.neo4jDatabase);
  } catch (e) {
    if (e instanceof LookupError) throw userError(e.message, e.code);
    throw e;
  }
}

function checkDepth(depth: number): number {
  if (!Number.isInteger(depth) || depth < 1 || depth > 10) throw userError('depth must be between 1 and 10', 'BAD_USER_INPUT');
  return depth;
}

/** How many hits or roots a list answers with: 1–MAX_LIST (it was clamped silently: `roots(first: -1)` gave one). */
function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw userError(`first must be between 1 and ${MAX_LIST}`, 'BAD_USER_INPUT');
}

/**
 * A `provinces` argument: at most 100 names of at most 100 characters, each in any spelling ("binh thuan"), a province
 * of the 2025 map standing for those it took over too ("Lâm Đồng": Bình Thuận's texts of 2023 are in its area now).
 */
function checkProvinces(provinces: string[] | null | undefined): string[] {
  const list = provinces ?? [];
  if (list.length > 100 || list.some((p) => p.length > 100)) throw userError('provinces takes at most 100 names of at most 100 characters', 'BAD_USER_INPUT');
  return [...new Set(list.flatMap(provinceArea))];
}

const scheduleDeps = (ctx: ApiContext): ScheduleDeps => ({ rootUid: (ref) => rootUid(ctx, ref), provinces: checkProvinces });

interface CascadeArgs extends DirectiveRef {
  maxNodes: number;
  provinces?: string[] | null;
  depth: number;
  direction: Direction;
  relations: RelationKind[];
  foldOrganizationsAbove?: number | null;
  foldLevelsAbove?: number | null;
}

export const resolvers = {
  Query: {
    async cascade(_: unknown, args: CascadeArgs, ctx: ApiContext, info: GraphQLResolveInfo) {
      const depth = checkDepth(args.depth);
      if (!Number.isInteger(args.maxNodes) || args.maxNodes < 1 || args.maxNodes > MAX_CASCADE_NODES) throw userError(`maxNodes must be between 1 and ${MAX_CASCADE_NODES}`, 'BAD_USER_INPUT');
      const provinces = checkProvinces(args.provinces);
      const fold = args.foldOrganizationsAbove ?? null;
      if (fold !== null && (!Number.isInteger(fold) || fold < 0)) throw userError('foldOrganizationsAbove must be 0 or more', 'BAD_USER_INPUT');
      const foldLevels = args.foldLevelsAbove ?? null;
      if (foldLevels !== null && (!Number.isInteger(foldLevels) || foldLevels < 1 || foldLevels > MAX_CASCADE_NODES)) throw userError(`foldLevelsAbove must be between 1 and ${MAX_CASCADE_NODES}`, 'BAD_USER_INPUT');
      const uid = await rootUid(ctx, args);
      const raw = await fetchCascade(ctx.driver, uid, {
        depth,
        provinces,
        direction: args.direction,
        relations: args.relations?.length ? args.relations : ['IMPLEMENTS', 'CITES', 'ASSIGNED_TO'],
        maxNodes: args.maxNodes,
        foldOrganizationsAbove: fold,
        foldLevelsAbove: foldLevels,
        statementIds: selectsAnyBelow(info, 'edges', ['statementIds']),
        // Quotes and task lists are most of a large cascade's bytes: fetched only when the query asks for them.
        evidence: selectsAnyBelow(info, 'edges', EVIDENCE_COLUMNS),
        // Titles and source files of every node only when asked for below `nodes` (the root's are always read).
        nodeColumns: selectsAnyBelow(info, 'nodes', FULL_COLUMN_FIELDS) ? NODE_COLUMNS : LEAN_COLUMNS,
        database: ctx.config.neo4jDatabase,
        timeoutMs: ctx.config.txTimeoutMs,
      });
      if (!raw) throw userError(`directive ${uid} vanished`, 'NOT_FOUND');
      return shapeCascade(raw, args.direction);
    },
    async edgeEvidence(_: unknown, args: { ids: string[] }, ctx: ApiContext) {
      if (args.ids.length > MAX_EVIDENCE_IDS) throw userError(`edgeEvidence takes at most ${MAX_EVIDENCE_IDS} ids`, 'BAD_USER_INPUT');
      const edges = await fetchEdgeEvidence(ctx.driver, args.ids, { database: ctx.config.neo4jDatabase, timeoutMs: ctx.config.txTimeoutMs });
      return edges.map((e) => shapeEdge(e, null));
    },
    async search(_: unknown, args: { text: string; first: number }, ctx: ApiContext) {
      if (args.text.length > 200) throw userError('search text is limited to 200 characters', 'BAD_USER_INPUT');
      checkFirst(args.first);
      return search(ctx.driver, args.text, args.first, ctx.config.neo4jDatabase);
    },
    provinces(_: unknown, args: { newMapOnly?: boolean | null }) {
      return PROVINCES.filter((p) => !args.newMapOnly || p.post2025).map((p) => ({
        name: p.name,
        slug: p.slug,
        kind: p.kind,
        oldMap: p.pre2025,
        newMap: p.post2025,
        mergedInto: p.into ?? null,
        tookOver: p.post2025 ? provinceArea(p.name).slice(1) : [],
      }));
    },
    organizationOverview(_: unknown, args: { key: string; asOf?: { toString(): string } | null }, ctx: ApiContext) {
      return resolveOrganizationOverview(args, ctx);
    },
    async provinceOverview(_: unknown, args: { province: string }, ctx: ApiContext) {
      const province = provinceNamed(args.province);
      if (!province) throw userError(notAProvince(args.province), 'BAD_USER_INPUT');
      return provinceOverview(ctx.driver, province.names, { database: ctx.config.neo4jDatabase, timeoutMs: ctx.config.txTimeoutMs });
    },
    async roots(_: unknown, args: { first: number }, ctx: ApiContext) {
      checkFirst(args.first);
      return roots(ctx.driver, args.first, ctx.config.neo4jDatabase);
    },
    async countsBy(_: unknown, args: { dimension: CountDimension; includeStubs: boolean }, ctx: ApiContext) {
      return countsBy(ctx.driver, args.dimension, args.includeStubs, ctx.config.neo4jDatabase);
    },
    async implementationLag(_: unknown, args: DirectiveRef, ctx: ApiContext) {
      return implementationLag(ctx.driver, await rootUid(ctx, args), ctx.config.neo4jDatabase, ctx.config.txTimeoutMs);
    },
    async gaps(_: unknown, args: DirectiveRef, ctx: ApiContext, info: GraphQLResolveInfo) {
      return gaps(ctx.driver, await rootUid(ctx, args), ctx.config.neo4jDatabase, { assignedBy: selectsAny(info, ['assignedBy']) });
    },
    async taskAssignments(_: unknown, args: DirectiveRef, ctx: ApiContext) {
      const rows = await assignmentsUnder(ctx.driver, await rootUid(ctx, args), { database: ctx.config.neo4jDatabase, timeoutMs: ctx.config.txTimeoutMs });
      const periodOf = periodReader();
      return rows.map((r) => ({
        ...r,
        documentUid: r.uid,
        tasks: r.tasks.map((t) => t.text),
        timings: r.tasks.map((t) => t.timing),
        periods: r.tasks.map((t) => periodKey(periodOf(t.timing))),
        dueOn: r.tasks.map((t) => periodOf(t.timing).dueOn),
      }));
    },
    taskSchedule(_: unknown, args: ScheduleArgs, ctx: ApiContext) {
      return resolveTaskSchedule(args, ctx, scheduleDeps(ctx));
    },
    scheduledTasks(_: unknown, args: ScheduledTasksArgs, ctx: ApiContext) {
      return resolveScheduledTasks(args, ctx, scheduleDeps(ctx));
    },
    previewDocument(_: unknown, args: GivenText, ctx: ApiContext) {
      return previewDocument(args, ctx);
    },
    async gapPage(_: unknown, args: DirectiveRef & { first: number; offset: number; keys?: string[] | null; provinces?: string[] | null }, ctx: ApiContext) {
      if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_GAP_PAGE) throw userError(`first must be 1–${MAX_GAP_PAGE}`, 'BAD_USER_INPUT');
      if (!Number.isInteger(args.offset) || args.offset < 0) throw userError('offset must be 0 or more', 'BAD_USER_INPUT');
      if (args.keys && args.keys.length > MAX_GAP_KEYS) throw userError(`keys takes at most ${MAX_GAP_KEYS} organizations`, 'BAD_USER_INPUT');
      const provinces = checkProvinces(args.provinces);
      return gapPage(ctx.driver, await rootUid(ctx, args), { first: args.first, offset: args.offset, keys: args.keys ?? null, provinces, database: ctx.config.neo4jDatabase });
    },
  },
  Mutation: {
    async ingestDocument(_: unknown, args: GivenText, ctx: ApiContext) {
      requireRole(ctx.viewer, 'editor');
      const { fileName, text } = await givenText(args);
      const { record, rows, nodes, relationships } = await ingestText(ctx.driver, fileName, text, ctx.config.neo4jDatabase);
      const ref = (r: (typeof record.implements)[number]) => ({ code: r.code, issuedOn: r.issuedOn, quote: r.quote, start: r.start, end: r.end, verb: r.verb });
      return {
        uid: rows.directive.uid,
        code: record.code,
        resolvedCode: record.resolvedCode,
        type: record.type,
        typeName: record.typeName,
        title: record.title,
        issuedOn: record.issuedOn,
        province: record.issuer.province,
        level: record.issuer.level,
        implements: record.implements.map(ref),
        cites: record.cites.map(ref),
        assignments: record.assignments.map((a) => ({ organization: a.organization, tasks: a.tasks.map((t) => t.text), timings: a.tasks.map((t) => t.timing?.text ?? '') })),
        nodesWritten: nodes,
        relationshipsWritten: relationships,
      };
    },
  },
};
