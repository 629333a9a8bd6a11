/** Typed wrappers around the queries. */
import { gql } from './client';
import { ALL_PROVINCES_QUERY, CASCADE_VIEW_QUERY, cascadeVariables, DIRECTIVE_QUERY, EDGE_EVIDENCE_QUERY, GAP_PAGE_QUERY, INGEST_FILE_MUTATION, LAG_QUERY, ORGANIZATION_OVERVIEW_QUERY, PREVIEW_QUERY, PROVINCE_OVERVIEW_QUERY, PROVINCES_QUERY, ROOTS_QUERY, SCHEDULED_TASKS_QUERY, SEARCH_QUERY, TASK_SCHEDULE_QUERY } from './queries';
import type { Cascade, DirectiveDetails, DocumentPreview, EdgeEvidence, GapPage, LagRow, OrganizationOverview, ProvinceDirective, ProvinceEntry, ProvinceInfo, Relation, RootDirective, RootRef, ScheduledTaskPage, SearchHit, StoredFile, TaskPeriod } from './types';

export const fetchRoots = (first = 20, signal?: AbortSignal) =>
  gql<{ roots: RootDirective[] }>(ROOTS_QUERY, { first }, signal).then((d) => d.roots);

/** A file read and matched by the server without storing it: its bytes go as base64, decoded there as the CLI decodes a file. */
export const previewDocument = (fileName: string, contentBase64: string, signal?: AbortSignal) =>
  gql<{ previewDocument: DocumentPreview }>(PREVIEW_QUERY, { fileName, contentBase64 }, signal).then((d) => d.previewDocument);

/** The same file stored in the graph, with an editor's token (`npm run token -- --role editor`). */
export const ingestFile = (fileName: string, contentBase64: string, token: string) =>
  gql<{ ingestDocument: StoredFile }>(INGEST_FILE_MUTATION, { fileName, contentBase64 }, undefined, {
    authorization: `Bearer ${token.trim()}`,
  }).then((d) => d.ingestDocument);

export const searchDirectives = (text: string, first = 10, signal?: AbortSignal) =>
  gql<{ search: SearchHit[] }>(SEARCH_QUERY, { text, first }, signal).then((d) => d.search);

export interface CascadeRequest {
  depth?: number;
  direction?: 'DOWN' | 'UP' | 'BOTH';
  /** Relation kinds to follow (default: all). */
  relations?: string[];
  /** Follow only those provinces' directives (the server's cut of a national cascade). */
  provinces?: string[];
  /** Leave the organisations out when there are more than this many (each directive then says how many it assigns tasks to). */
  foldAbove?: number;
  /** Leave the lower levels' texts out when more than this many implement the root. */
  foldLevelsAbove?: number;
  signal?: AbortSignal;
}

export const fetchCascade = (ref: RootRef, r: CascadeRequest = {}) =>
  gql<{ cascade: Cascade }>(CASCADE_VIEW_QUERY, cascadeVariables(ref, r.depth ?? 4, r.direction ?? 'DOWN', r.relations, r.provinces, r.foldAbove, r.foldLevelsAbove), r.signal).then((d) => d.cascade);

/**
 * One directive (by uid) with the organisations it assigns tasks to: what a folded cascade left out of it. Upwards,
 * so that the one level the cascade always follows is the few texts it implements, not the hundreds implementing it.
 */
export const fetchAssignments = (uid: string, signal?: AbortSignal) =>
  gql<{ cascade: Cascade }>(CASCADE_VIEW_QUERY, cascadeVariables({ code: uid }, 1, 'UP', ['ASSIGNED_TO']), signal).then((d) => d.cascade);

/** The server takes at most 5 000 ids per request (edgeEvidence); a national root's node can touch more edges. */
const EVIDENCE_CHUNK = 2000;

/** Verb, stating document, quote, offsets and task lists of the given edges, by edge id. */
export async function fetchEdgeEvidence(ids: string[], signal?: AbortSignal): Promise<Map<string, EdgeEvidence>> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += EVIDENCE_CHUNK) chunks.push(ids.slice(i, i + EVIDENCE_CHUNK));
  const answers = await Promise.all(chunks.map((chunk) => gql<{ edgeEvidence: EdgeEvidence[] }>(EDGE_EVIDENCE_QUERY, { ids: chunk }, signal)));
  return new Map(answers.flatMap((d) => d.edgeEvidence.map((e) => [e.id, e] as const)));
}

export const fetchDirective = (uid: string, signal?: AbortSignal) =>
  gql<{ directives: DirectiveDetails[] }>(DIRECTIVE_QUERY, { uid }, signal).then((d) => d.directives[0] ?? null);

const refVariables = (ref: RootRef) => ({ code: ref.code, issuedOn: ref.issuedOn || undefined, province: ref.province || undefined });

/** Rows of the gap list per request (and per "show more"). */
export const GAP_PAGE = 200;
/** The server's limit for one page, and for the organisations named by `keys`. */
const GAP_KEYS_MAX = 5000;

/** A page of the gap list from `offset`, with the total; of the given provinces only, when there are any. */
export const fetchGapPage = (ref: RootRef, offset: number, provinces: readonly string[] = [], signal?: AbortSignal) =>
  gql<{ gapPage: GapPage }>(GAP_PAGE_QUERY, { ...refVariables(ref), first: GAP_PAGE, offset, provinces: provinces.length ? provinces : null }, signal).then((d) => d.gapPage);

/** The gaps among the given organisations (those a drawing shows). */
export const fetchGapsAmong = (ref: RootRef, keys: string[], signal?: AbortSignal) =>
  keys.length
    ? gql<{ gapPage: GapPage }>(GAP_PAGE_QUERY, { ...refVariables(ref), first: GAP_KEYS_MAX, keys: keys.slice(0, GAP_KEYS_MAX) }, signal).then((d) => d.gapPage.gaps)
    : Promise.resolve([]);

/** Tasks of a period per request (and per "show more"). */
export const SCHEDULE_PAGE = 50;

/** The root's tasks by period; of the given provinces' organisations only, when there are any. */
export const fetchTaskSchedule = (ref: RootRef, provinces: readonly string[] = [], signal?: AbortSignal) =>
  gql<{ taskSchedule: TaskPeriod[] }>(TASK_SCHEDULE_QUERY, { ...refVariables(ref), provinces: provinces.length ? provinces : null }, signal).then((d) => d.taskSchedule);

/** A page of one period's tasks from `offset`, with their number. */
export const fetchScheduledTasks = (ref: RootRef, period: string, offset: number, provinces: readonly string[] = [], signal?: AbortSignal) =>
  gql<{ scheduledTasks: ScheduledTaskPage }>(SCHEDULED_TASKS_QUERY, { ...refVariables(ref), period, first: SCHEDULE_PAGE, offset, provinces: provinces.length ? provinces : null }, signal).then((d) => d.scheduledTasks);

export const fetchLag = (ref: RootRef, signal?: AbortSignal) =>
  gql<{ implementationLag: LagRow[] }>(LAG_QUERY, refVariables(ref), signal).then((d) => d.implementationLag);

/**
 * A request whose answer does not change (the maps of provinces): asked once a session, again only after a failure.
 * Not aborted with the view that asked: every view shares the answer.
 */
function onceASession<T>(ask: () => Promise<T>): () => Promise<T> {
  let asked: Promise<T> | undefined;
  return () =>
    (asked ??= ask().catch((err: unknown) => {
      asked = undefined;
      throw err;
    }));
}

/** The provinces of the 2025 map with those each took over. */
export const fetchProvinces = onceASession(() => gql<{ provinces: ProvinceInfo[] }>(PROVINCES_QUERY).then((d) => d.provinces));

/** Both maps' provinces (the start page's choice of a province's page). */
export const fetchAllProvinces = onceASession(() => gql<{ provinces: ProvinceEntry[] }>(ALL_PROVINCES_QUERY).then((d) => d.provinces));

/** An organisation across every directive: the texts giving it tasks, each task's period, its answers and its own texts. */
export const fetchOrganizationOverview = (key: string, signal?: AbortSignal) =>
  gql<{ organizationOverview: OrganizationOverview }>(ORGANIZATION_OVERVIEW_QUERY, { key }, signal).then((d) => d.organizationOverview);

/** The central directives a province's texts implement, latest first (a province of the 2025 map with those it took over). */
export const fetchProvinceOverview = (province: string, signal?: AbortSignal) =>
  gql<{ provinceOverview: ProvinceDirective[] }>(PROVINCE_OVERVIEW_QUERY, { province }, signal).then((d) => d.provinceOverview);
