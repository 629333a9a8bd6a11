/**
 * `ingest --dry-run`: files read and resolved together as an ingest would, then matched against the graph — what
 * storing each would add and link to — with nothing written. The same matching as the API's previewDocument.
 */
import type { Driver } from 'neo4j-driver';
import { recordWarnings, type RecordWarning } from '../extract/warnings.js';
import type { ExtractedRecord } from '../extract/types.js';
import { previewMatches, type PreviewStatus } from '../graph/queries/preview.js';
import { recordToRows } from '../graph/rows.js';
import { storedIdentities, withStoredIdentity } from '../graph/stored-identity.js';

export interface DryRunLink {
  kind: 'IMPLEMENTS' | 'CITES';
  /** The code as the text names it (normalised). */
  code: string;
  /** The directive it would link to, when the graph or these files hold it. */
  target: string | null;
  /** Who holds it: the graph with its text, these files, the graph from other texts' mentions only, or nobody yet. */
  where: 'graph' | 'files' | 'mentioned' | null;
}

export interface DryRunDocument {
  file: string;
  uid: string;
  code: string | null;
  type: string | null;
  issuedOn: string | null;
  province: string | null;
  level: string | null;
  status: PreviewStatus;
  links: DryRunLink[];
  organizations: number;
  /** Of `organizations`: those no stored text assigns tasks yet. */
  newOrganizations: number;
  tasks: number;
  warnings: RecordWarning[];
}

export async function dryRun(driver: Driver, records: ExtractedRecord[], opts: { database?: string; timeoutMs?: number } = {}): Promise<DryRunDocument[]> {
  const stored = await storedIdentities(driver, records, opts.database);
  const all = records.map((r) => {
    const record = withStoredIdentity(r, stored);
    return { record, rows: recordToRows(record) };
  });
  const inFiles = new Set(all.map((x) => x.rows.directive.uid));
  const out: DryRunDocument[] = [];
  for (const { record, rows } of all) {
    const uid = rows.directive.uid;
    const m = await previewMatches(driver, rows, opts);
    const links: DryRunLink[] = [];
    rows.links.forEach((l, i) => {
      if (l.inferred || l.from !== uid) return;
      const held = m.linkTargets[i];
      const where = held && !held.stub ? 'graph' : inFiles.has(l.to) ? 'files' : held ? 'mentioned' : null;
      links.push({ kind: l.kind, code: l.undatedCode ?? codeOf(l.to), target: where === 'files' ? l.to : (held?.id ?? null), where });
    });
    const keys = [...new Set(rows.assignments.map((a) => a.orgKey))];
    out.push({
      file: record.file,
      uid,
      code: record.resolvedCode,
      type: record.type,
      issuedOn: record.issuedOn ?? record.resolvedIssuedOn ?? null,
      province: record.issuer.province,
      level: record.issuer.level,
      status: m.status,
      links,
      organizations: keys.length,
      newOrganizations: keys.filter((k) => !m.assignedByTexts.get(k)).length,
      tasks: record.assignments.reduce((n, a) => n + a.tasks.length, 0),
      warnings: recordWarnings(record),
    });
  }
  return out;
}

/** "58-CTr/TU@2023-03-30#binh-thuan" → "58-CTr/TU". */
function codeOf(uid: string): string {
  return uid.split('@')[0]!;
}
