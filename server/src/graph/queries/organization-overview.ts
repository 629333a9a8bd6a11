/**
 * An organisation's page (API organizationOverview): every text that gives it tasks, across every directive, with
 * those tasks and the organisation's answer — its earliest own text implementing the assigning one, directly or down
 * a chain of texts — and the texts it issued. Read from the organisation outwards: its assignments and its own texts
 * (a few hundred for the busiest body of a province nationally), never a cascade.
 */
import type { Driver } from 'neo4j-driver';
import type { FirstText } from './province-overview.js';
import { readQuery, type ReadOptions } from './read.js';

/** A text as the page names it. */
interface TextHead {
  uid: string;
  code: string | null;
  title: string | null;
  /** The type's key ("KH") and its Vietnamese name ("Kế hoạch"). */
  type: string | null;
  typeName: string | null;
  issuedOn: string | null;
  level: string | null;
  stub: boolean;
  synthetic: boolean;
}

export interface OrganizationText extends TextHead {
  /** The codes (or ids, for a text without one) of the texts it implements directly. */
  implements: string[];
}

export interface OrganizationAssignment extends TextHead {
  province: string | null;
  /** The tasks as the text lists them, in the text's order (all its places naming the organisation), each with its timing ('' when none). */
  tasks: Array<{ text: string; timing: string }>;
  /** The organisation's earliest own text implementing this one, directly or down a chain; null when none does. */
  answer: FirstText | null;
}

export interface OrganizationOverview {
  key: string;
  name: string;
  province: string | null;
  unit: string | null;
  level: string | null;
  kind: string | null;
  issued: OrganizationText[];
  assignments: OrganizationAssignment[];
}

/** The longest key a lookup takes (names of bodies run to ≈ 150 characters, with province and unit). */
const MAX_ORGANIZATION_KEY = 400;

/** What is wrong with a key as given (GraphQL and the CSV export alike), or null. */
export function badOrganizationKey(key: string | undefined): string | null {
  return !key?.trim() || key.length > MAX_ORGANIZATION_KEY
    ? `key must be an organisation's key of 1–${MAX_ORGANIZATION_KEY} characters (Organization.key, as gaps, taskAssignments and search give it), e.g. "ban tuyen giao tinh uy#binh-thuan"`
    : null;
}

/** What a key no organisation has is told. */
export const noOrganization = (key: string) => `no organisation with key "${key.slice(0, 100)}" in the graph (search finds organisations by name)`;

const OVERVIEW = `
MATCH (o:Organization {key: $key})
CALL (o) {
  OPTIONAL MATCH (t:Directive)-[:ISSUED_BY]->(o)
  RETURN collect(DISTINCT t) AS own
}
CALL (o, own) {
  OPTIONAL MATCH (d:Directive)-[a:ASSIGNED_TO]->(o)
  WITH d, a ORDER BY a.order
  WITH d, collect([a.tasks, a.timings]) AS parts WHERE d IS NOT NULL
  CALL (d, own) {
    UNWIND own AS t
    MATCH (t)-[:IMPLEMENTS*1..10]->(d)
    WITH DISTINCT t ORDER BY t.issuedOn IS NULL, t.issuedOn, t.code, t.uid
    RETURN collect(t)[0] AS answer
  }
  RETURN collect({uid: d.uid, code: d.code, title: d.title, type: d.type, typeName: d.typeName, issuedOn: toString(d.issuedOn), province: d.province,
    level: d.level, levelRank: d.levelRank, stub: coalesce(d.stub, false), synthetic: coalesce(d.synthetic, false), parts: parts,
    answer: CASE WHEN answer IS NULL THEN null ELSE {uid: answer.uid, code: answer.code, issuedOn: toString(answer.issuedOn), stub: coalesce(answer.stub, false),
      lagDays: CASE WHEN answer.issuedOn IS NULL OR d.issuedOn IS NULL THEN null ELSE duration.inDays(d.issuedOn, answer.issuedOn).days END} END}) AS assigned
}
RETURN o.key AS key, o.name AS name, o.province AS province, o.unit AS unit, o.level AS level, o.kind AS kind, assigned,
  [t IN own | {uid: t.uid, code: t.code, title: t.title, type: t.type, typeName: t.typeName, issuedOn: toString(t.issuedOn), level: t.level,
    stub: coalesce(t.stub, false), synthetic: coalesce(t.synthetic, false), implements: [(t)-[:IMPLEMENTS]->(x) | coalesce(x.code, x.uid)]}] AS issued`;

type Row = Omit<OrganizationAssignment, 'tasks' | 'answer'> & {
  levelRank: unknown;
  parts: Array<[string[] | null, Array<string | null> | null]>;
  answer: (Omit<FirstText, 'lagDays'> & { lagDays: unknown }) | null;
};

/** Newest first (undated last), then the higher level, then by code and id: what a reader checks first is the latest. */
function newestFirst(a: { issuedOn: string | null; rank: number; code: string | null; uid: string }, b: typeof a): number {
  if (a.issuedOn !== b.issuedOn) return a.issuedOn === null ? 1 : b.issuedOn === null ? -1 : a.issuedOn < b.issuedOn ? 1 : -1;
  return a.rank - b.rank || (a.code ?? '').localeCompare(b.code ?? '') || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

/** The organisation by its key (`Organization.key`, as the gap list and the assignments table give it); null when none has it. */
export async function organizationOverview(driver: Driver, key: string, opts: ReadOptions = {}): Promise<OrganizationOverview | null> {
  const res = await readQuery(driver, OVERVIEW, { key }, opts);
  const r = res.records[0];
  if (!r) return null;
  const assignments = (r.get('assigned') as Row[]).map((row) => {
    const { parts, levelRank, answer, ...text } = row;
    const tasks = parts.flatMap(([list, timings]) => (list ?? []).map((t, i) => ({ text: t, timing: timings?.[i] ?? '' })));
    return {
      entry: { ...text, tasks, answer: answer ? { ...answer, lagDays: answer.lagDays === null ? null : Number(answer.lagDays) } : null },
      rank: levelRank === null || levelRank === undefined ? 99 : Number(levelRank),
    };
  });
  assignments.sort((a, b) => newestFirst({ ...a.entry, rank: a.rank }, { ...b.entry, rank: b.rank }));
  const issued = (r.get('issued') as OrganizationText[]).sort((a, b) => newestFirst({ ...a, rank: 0 }, { ...b, rank: 0 }));
  return {
    key: r.get('key') as string,
    name: r.get('name') as string,
    province: r.get('province') as string | null,
    unit: r.get('unit') as string | null,
    level: r.get('level') as string | null,
    kind: r.get('kind') as string | null,
    issued,
    assignments: assignments.map((a) => a.entry),
  };
}
