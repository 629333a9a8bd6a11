/**
 * A province's part in the central directives (API provinceOverview): each central text the province's texts
 * implement, directly or down a chain of texts (a commune's plan under the district's under the province's programme),
 * with how many of the province's texts and of which levels, its first direct answer and the days it took, and the
 * province's organisations those texts give tasks to. Read upwards from the province's own texts (a province holds
 * a few hundred), not downwards from every central text (≈ 10 000 texts each nationally).
 */
import type { Driver } from 'neo4j-driver';
import { findProvince, provinceArea } from '../../extract/provinces.js';
import { readQuery, type ReadOptions } from './read.js';

/**
 * The province a name means, in any spelling (at most 100 characters), with the names its texts are stored under (a
 * province of the 2025 map: those it took over too); null when it means none.
 */
export function provinceNamed(given: string): { name: string; slug: string; names: string[] } | null {
  const province = given.length <= 100 ? findProvince(given) : null;
  return province ? { name: province.name, slug: province.slug, names: provinceArea(province.name) } : null;
}

/** What a name that means no province is told (GraphQL and the CSV export alike). */
export const notAProvince = (given: string) => `"${given.slice(0, 100)}" names no province (the GraphQL query provinces lists them)`;

export interface LevelCount {
  level: string | null;
  texts: number;
}

/** A text answering another (implementing it, directly or down a chain), and the days after it that took (null when either is undated). */
export interface FirstText {
  uid: string;
  code: string | null;
  issuedOn: string | null;
  lagDays: number | null;
  stub: boolean;
}

export interface ProvinceDirective {
  uid: string;
  code: string | null;
  title: string | null;
  issuedOn: string | null;
  /** Only mentioned by the texts (no full text in the graph). */
  stub: boolean;
  /** A generated load-test text (`npm run generate`). */
  synthetic: boolean;
  /** The province's texts under it, directly or down a chain. */
  texts: number;
  /** Of those, per level, top to bottom. */
  levels: LevelCount[];
  /** The province's earliest text implementing it directly, and the days after it that took (null when undated). */
  first: FirstText | null;
  /** The province's organisations the texts under it give tasks to, and those tasks. */
  organizations: number;
  tasks: number;
}

/**
 * Every central text above the province's texts, the nearest way up from each text (`hops`: 1 for a direct answer),
 * then per central text: the texts, the first direct answer, the province's organisations given tasks.
 */
const OVERVIEW = `
MATCH (d:Directive) USING INDEX d:Directive(province) WHERE d.province IN $names
MATCH path = (d)-[:IMPLEMENTS*1..10]->(r:Directive)
WHERE r.level = 'central' AND r <> d
WITH r, d, min(length(path)) AS hops
WITH r, collect({d: d, hops: hops}) AS under
CALL (under) {
  UNWIND under AS u
  WITH u WHERE u.hops = 1
  WITH u.d AS f ORDER BY f.issuedOn IS NULL, f.issuedOn, f.code, f.uid
  RETURN collect(f)[0] AS first
}
CALL (under) {
  UNWIND under AS u
  WITH u.d AS d
  OPTIONAL MATCH (d)-[a:ASSIGNED_TO]->(o:Organization) WHERE o.province IN $names
  RETURN count(DISTINCT o) AS organizations, sum(coalesce(size(a.tasks), 0)) AS tasks
}
RETURN r.uid AS uid, r.code AS code, r.title AS title, toString(r.issuedOn) AS issuedOn, coalesce(r.stub, false) AS stub, coalesce(r.synthetic, false) AS synthetic,
       [u IN under | [u.d.level, u.d.levelRank]] AS levels,
       CASE WHEN first IS NULL THEN null ELSE {uid: first.uid, code: first.code, issuedOn: toString(first.issuedOn), stub: coalesce(first.stub, false),
         lagDays: CASE WHEN first.issuedOn IS NULL OR r.issuedOn IS NULL THEN null ELSE duration.inDays(r.issuedOn, first.issuedOn).days END} END AS first,
       organizations, tasks
ORDER BY r.issuedOn IS NULL, r.issuedOn DESC, r.code, r.uid`;

/** The central texts the province's texts (under the names given: a province and those it took over) implement. */
export async function provinceOverview(driver: Driver, names: string[], opts: ReadOptions = {}): Promise<ProvinceDirective[]> {
  const res = await readQuery(driver, OVERVIEW, { names }, opts);
  return res.records.map((r) => {
    const levels = new Map<string | null, { texts: number; rank: number }>();
    for (const [level, rank] of r.get('levels') as Array<[string | null, unknown]>) {
      const l = levels.get(level) ?? levels.set(level, { texts: 0, rank: rank === null || rank === undefined ? 99 : Number(rank) }).get(level)!;
      l.texts += 1;
    }
    const first = r.get('first') as { uid: string; code: string | null; issuedOn: string | null; lagDays: unknown; stub: boolean } | null;
    return {
      uid: r.get('uid') as string,
      code: r.get('code') as string | null,
      title: r.get('title') as string | null,
      issuedOn: r.get('issuedOn') as string | null,
      stub: r.get('stub') as boolean,
      synthetic: r.get('synthetic') as boolean,
      texts: [...levels.values()].reduce((n, l) => n + l.texts, 0),
      levels: [...levels].sort(([, a], [, b]) => a.rank - b.rank).map(([level, l]) => ({ level, texts: l.texts })),
      first: first ? { uid: first.uid, code: first.code, issuedOn: first.issuedOn, lagDays: first.lagDays === null ? null : Number(first.lagDays), stub: first.stub } : null,
      organizations: Number(r.get('organizations')),
      tasks: Number(r.get('tasks')),
    };
  });
}
