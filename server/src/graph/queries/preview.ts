/**
 * Where a text not yet stored would join the graph: whether the graph knows it already, which stored texts implement
 * it, what each of its mentions would link to (as the writer would link it) and how many texts already assign its
 * organisations tasks. Reads only.
 */
import neo4j, { type Driver, type Integer } from 'neo4j-driver';
import type { GraphRows } from '../rows.js';
import { UNDATED_TARGET } from '../undated-target.js';
import { readQuery } from './read.js';

export interface StoredDirective {
  id: string;
  code: string | null;
  issuedOn: string | null;
  title: string | null;
  type: string | null;
  province: string | null;
  level: string | null;
  stub: boolean;
  synthetic: boolean;
}

export type PreviewStatus = 'NEW' | 'MENTIONED' | 'SAME_TEXT' | 'OTHER_TEXT';

export interface PreviewMatches {
  status: PreviewStatus;
  implementedBy: StoredDirective[];
  implementedByCount: number;
  /** What each of `rows.links` would link to, in their order (null: a directive the graph does not hold). */
  linkTargets: Array<StoredDirective | null>;
  /** How many stored texts assign each organisation of the rows tasks, by organisation key. */
  assignedByTexts: Map<string, number>;
}

/** At most this many implementing texts are named. */
const MAX_IMPLEMENTED_BY = 50;

const summary = (v: string) =>
  `${v} { id: ${v}.uid, .code, issuedOn: toString(${v}.issuedOn), .title, .type, .province, .level, stub: coalesce(${v}.stub, false), synthetic: coalesce(${v}.synthetic, false) }`;

const SELF = `
OPTIONAL MATCH (d:Directive {uid: $uid})
CALL (d) {
  OPTIONAL MATCH (d)<-[:IMPLEMENTS]-(x:Directive) WHERE x <> d
  WITH DISTINCT x ORDER BY x.issuedOn, x.code
  RETURN collect(${summary('x')}) AS implementedBy
}
RETURN d IS NOT NULL AS known, coalesce(d.stub, false) AS stub, d.contentHash AS contentHash, implementedBy[0..$max] AS implementedBy, size(implementedBy) AS implementedByCount`;

const LINK_TARGETS = `
UNWIND range(0, size($links) - 1) AS i
WITH i, $links[i] AS row
${UNDATED_TARGET}
OPTIONAL MATCH (b:Directive {uid: row.to})
WITH i, coalesce(resolved, b) AS t
RETURN i, CASE WHEN t IS NULL THEN null ELSE ${summary('t')} END AS target
ORDER BY i`;

const ASSIGNED_BY = `
UNWIND $keys AS key
OPTIONAL MATCH (o:Organization {key: key})
RETURN key, CASE WHEN o IS NULL THEN 0 ELSE COUNT { MATCH (o)<-[:ASSIGNED_TO]-(d:Directive) RETURN DISTINCT d } END AS n`;

export async function previewMatches(driver: Driver, rows: GraphRows, opts: { database?: string; timeoutMs?: number } = {}): Promise<PreviewMatches> {
  const links = rows.links.map((l) => ({ to: l.to, undatedCode: l.undatedCode, undatedProvince: l.undatedProvince, undatedUnit: l.undatedUnit, undatedSpans: l.undatedSpans }));
  const keys = [...new Set(rows.assignments.map((a) => a.orgKey))];
  const [self, targets, assigned] = await Promise.all([
    readQuery(driver, SELF, { uid: rows.directive.uid, max: neo4j.int(MAX_IMPLEMENTED_BY) }, opts),
    links.length ? readQuery(driver, LINK_TARGETS, { links }, opts) : null,
    keys.length ? readQuery(driver, ASSIGNED_BY, { keys }, opts) : null,
  ]);
  const s = self.records[0]!;
  const status: PreviewStatus = !s.get('known') ? 'NEW' : s.get('stub') ? 'MENTIONED' : s.get('contentHash') === rows.directive.contentHash ? 'SAME_TEXT' : 'OTHER_TEXT';
  return {
    status,
    implementedBy: s.get('implementedBy') as StoredDirective[],
    implementedByCount: toNumber(s.get('implementedByCount')),
    linkTargets: targets ? targets.records.map((r) => r.get('target') as StoredDirective | null) : [],
    assignedByTexts: new Map((assigned?.records ?? []).map((r) => [r.get('key') as string, toNumber(r.get('n'))])),
  };
}

function toNumber(v: unknown): number {
  return typeof v === 'number' ? v : (v as Integer).toNumber();
}
