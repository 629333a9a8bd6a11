/**
 * file → extract → store files: the offline first load of a local Neo4j (`npm run neo4j -- import`). The same
 * extraction and plan as the bulk loader, written by Neo4j's store importer instead of transactions.
 */
import { planBulkLoad } from '../graph/bulk-plan.js';
import { importCsvFiles, type Fixup } from '../graph/import-csv.js';
import { checkImportTarget, importStore, type StoreImportOptions } from '../neo4j/store-import.js';
import { extractFiles, listSourceFiles, skippedNote, type IngestError } from './ingest.js';

export interface ImportSummary {
  files: number;
  documents: number;
  nodes: number;
  relationships: number;
  errors: IngestError[];
  /** To apply once the database has started (graph/import-fixups.ts): values the CSV files cannot carry. */
  fixups: Fixup[];
  /** Extraction, planning + CSV, and the store importer. */
  seconds: { extract: number; csv: number; import: number };
}

export async function importPaths(inputs: string[], opts: StoreImportOptions & { synthetic?: boolean }): Promise<ImportSummary> {
  const t0 = performance.now();
  const log = opts.log ?? (() => undefined);
  checkImportTarget(opts);
  const listed = listSourceFiles(inputs);
  log(`extracting ${listed.files.length} files …`);
  const extracted = await extractFiles(listed.files, { synthetic: opts.synthetic });
  const errors = [...listed.errors, ...extracted.errors];
  if (extracted.records.length === 0) {
    const listedErrors = errors.slice(0, 5).map((e) => `${e.file}: ${e.message}`).join('; ');
    const more = errors.length > 5 ? `; and ${errors.length - 5} more` : '';
    const found = errors.length ? ` — ${listedErrors}${more}` : listed.skipped.length ? ` — ${skippedNote(listed.skipped)}` : '';
    throw new Error(`nothing to import: no readable document in ${inputs.join(', ')}${found}`);
  }
  const t1 = performance.now();
  log(`planning ${extracted.records.length} documents …`);
  const plan = planBulkLoad(extracted.records);
  const csv = importCsvFiles(plan);
  const t2 = performance.now();
  log(`writing CSV files and running the Neo4j store importer into ${opts.dataDir} …`);
  const r = await importStore(csv.files, opts);
  return {
    files: listed.files.length,
    documents: plan.documents,
    nodes: r.nodes,
    relationships: r.relationships,
    errors,
    fixups: csv.fixups,
    seconds: { extract: (t1 - t0) / 1000, csv: (t2 - t1) / 1000 + r.csvSeconds, import: r.importSeconds },
  };
}
