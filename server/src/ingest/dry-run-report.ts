/** The report `ingest --dry-run` prints: a few lines a text, then what storing them all would do. */
import type { DryRunDocument } from './dry-run.js';

const STATUS: Record<DryRunDocument['status'], string> = {
  NEW: 'new',
  MENTIONED: 'mentioned by stored texts',
  SAME_TEXT: 'stored as it is',
  OTHER_TEXT: 'another version stored',
};

const WARNING: Record<DryRunDocument['warnings'][number], string> = {
  NO_CODE: 'no code',
  NO_DATE: 'no date of issue',
  NO_PROVINCE: 'no province',
  NO_IMPLEMENTS: 'implements nothing found',
  NO_ASSIGNMENTS: 'no tasks assigned found',
};

const WHERE: Record<NonNullable<DryRunDocument['links'][number]['where']> | 'none', string> = {
  graph: 'in the graph',
  files: 'in these files',
  mentioned: 'known from mentions only',
  none: 'not in the graph yet',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function dryRunReport(docs: DryRunDocument[], files: number, errors: number): string {
  const out: string[] = [`dry run: nothing written (${plural(files, 'file')} read)`];
  for (const d of docs) {
    const what = [d.code ?? '(no code)', d.type, d.issuedOn, d.province ?? (d.level === 'central' ? 'central' : null)].filter(Boolean).join(' ');
    out.push(`${d.file}: ${what} — ${STATUS[d.status]}`);
    for (const l of d.links.filter((x) => x.kind === 'IMPLEMENTS')) out.push(`  implements ${l.target ?? l.code} (${WHERE[l.where ?? 'none']})`);
    const cites = d.links.filter((x) => x.kind === 'CITES');
    if (cites.length) out.push(`  cites ${plural(cites.length, 'text')}, ${cites.filter((c) => c.where === 'graph' || c.where === 'files').length} with their text in the graph or these files`);
    if (d.organizations) out.push(`  assigns ${plural(d.tasks, 'task')} to ${plural(d.organizations, 'organization')} (${d.newOrganizations} new to the graph)`);
    if (d.warnings.length) out.push(`  check: ${d.warnings.map((w) => WARNING[w]).join(', ')}`);
  }
  const count = (s: DryRunDocument['status']) => docs.filter((d) => d.status === s).length;
  const links = docs.flatMap((d) => d.links.filter((l) => l.kind === 'IMPLEMENTS'));
  const linked = (w: DryRunDocument['links'][number]['where']) => links.filter((l) => l.where === w).length;
  out.push(
    `summary: ${plural(docs.length, 'text')}: ${count('NEW')} new, ${count('MENTIONED')} mentioned by stored texts, ${count('SAME_TEXT')} stored as they are, ${count('OTHER_TEXT')} other versions; ` +
      `implements links: ${linked('graph')} to texts in the graph, ${linked('files')} to these files, ${linked('mentioned')} to texts known from mentions only, ${linked(null)} to texts not in the graph yet; ` +
      `${docs.filter((d) => d.warnings.length).length} to check; errors: ${errors}`,
  );
  return out.join('\n');
}
