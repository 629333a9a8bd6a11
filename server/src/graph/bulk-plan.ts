/**
 * Pure planning step of a first (bulk) load: every record's rows, resolved across the whole corpus in memory.
 * Both bulk paths use it — the online UNWIND loader (bulk-write.ts) and the offline store import
 * (import-csv.ts → neo4j/store-import.ts) — so they write the same graph.
 *
 *  - an undated mention resolves to the one dated document of that code (same province and unit, or central) in the
 *    whole corpus — order-independent — so no undated stub is created and none has to be absorbed later;
 *  - duplicates inside the corpus (same uid, or same text under two identities) keep the last one, as a
 *    sequential re-ingest would.
 */
import { withinSpans } from '../extract/index.js';
import type { ExtractedRecord } from '../extract/types.js';
import { lastVersions } from './write.js';
import { mergeStub } from './stub-merge.js';
import { recordToRows, type AssignmentRow, type DirectiveRow, type FullDirectiveRow, type LinkRow, type OrganizationRow } from './rows.js';

export type DirectiveLabel = 'Document' | 'Regulation';
export type StubRow = DirectiveRow & { synthetic: boolean };
export type PlannedLink = LinkRow & { evidenceUid: string };
export type PlannedAssignment = AssignmentRow & { uid: string };
export interface PlannedIssuer {
  uid: string;
  key: string;
  signerName: string | null;
  signerCapacity: string | null;
}

export interface BulkPlan {
  documents: number;
  directives: Record<DirectiveLabel, FullDirectiveRow[]>;
  stubs: Record<DirectiveLabel, StubRow[]>;
  organizations: OrganizationRow[];
  links: Record<'IMPLEMENTS' | 'CITES', PlannedLink[]>;
  assignments: PlannedAssignment[];
  issuers: PlannedIssuer[];
}

export const directiveLabel = (category: string): DirectiveLabel => (category === 'regulation' ? 'Regulation' : 'Document');

export function planBulkLoad(records: ExtractedRecord[]): BulkPlan {
  // 1. Rows for every record; later duplicates (uid or content hash) replace earlier ones.
  const kept = lastVersions(records.map(recordToRows));
  const full = new Map<string, FullDirectiveRow>(kept.map((r) => [r.directive.uid, r.directive]));

  // 2. Stubs (the first mention's row, its title merged with the later ones' as the writer does: stub-merge.ts) and
  //    the dated-document index for undated mentions.
  const stubs = new Map<string, StubRow>();
  for (const r of kept) {
    for (const s of r.stubs) {
      if (full.has(s.uid)) continue;
      const seen = stubs.get(s.uid);
      stubs.set(s.uid, seen ? mergeStub(seen, s) : { ...s, synthetic: r.directive.synthetic });
    }
  }
  const dated = new Map<string, DirectiveRow[]>();
  for (const d of [...full.values(), ...stubs.values()]) {
    if (!d.code || !d.issuedOn) continue;
    const list = dated.get(d.code) ?? [];
    list.push(d);
    dated.set(d.code, list);
  }
  const resolve = (l: LinkRow): string => {
    if (!l.undatedCode) return l.to;
    const xs = (dated.get(l.undatedCode) ?? []).filter(
      (x) => (x.level === 'central' || ((x.province ?? '') === (l.undatedProvince ?? '') && (x.unit ?? '') === (l.undatedUnit ?? ''))) && withinSpans(x.issuedOn!, l.undatedSpans),
    );
    return xs.length === 1 ? xs[0]!.uid : l.to;
  };

  // 3. Links (evidenceUid = the stating document), assignments, issuers, organizations (last write wins).
  const links: BulkPlan['links'] = { IMPLEMENTS: [], CITES: [] };
  const usedStubs = new Set<string>();
  const orgs = new Map<string, OrganizationRow>();
  const assignments: PlannedAssignment[] = [];
  const issuers: PlannedIssuer[] = [];
  for (const r of kept) {
    const uid = r.directive.uid;
    for (const l of r.links) {
      const to = resolve(l);
      if (to === l.from) continue;
      links[l.kind].push({ ...l, to, evidenceUid: uid });
      if (stubs.has(to)) usedStubs.add(to);
      if (stubs.has(l.from)) usedStubs.add(l.from);
    }
    for (const o of r.organizations) orgs.set(o.key, o);
    for (const a of r.assignments) assignments.push({ ...a, uid });
    if (r.issuer) issuers.push({ uid, key: r.issuer.key, signerName: r.directive.signerName, signerCapacity: r.directive.signerCapacity });
  }

  const byLabel = <T extends DirectiveRow>(rows: T[]): Record<DirectiveLabel, T[]> => ({
    Document: rows.filter((d) => directiveLabel(d.category) === 'Document'),
    Regulation: rows.filter((d) => directiveLabel(d.category) === 'Regulation'),
  });
  return {
    documents: kept.length,
    directives: byLabel([...full.values()]),
    stubs: byLabel([...stubs.values()].filter((s) => usedStubs.has(s.uid))),
    organizations: [...orgs.values()],
    links,
    assignments,
    issuers,
  };
}
