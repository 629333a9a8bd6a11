/**
 * file → extract → graph: the one ingest path shared by the CLI, `npm start` (seed corpus) and the
 * ingestDocument mutation. Files are resolved together as one corpus, then written one document per transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { extractDocument, resolveCorpus } from '../extract/index.js';
import type { ExtractedRecord } from '../extract/types.js';
import { extractFilesInOrder } from './extract-file.js';
import { extractFilesInParallel, extractionThreads, PARALLEL_FROM_FILES } from './extract-pool.js';
import { graphChanged } from '../graph/changes.js';
import { recordToRows, type GraphRows } from '../graph/rows.js';
import { bulkWriteRecords } from '../graph/bulk-write.js';
import { storedIdentities, withStoredIdentity } from '../graph/stored-identity.js';
import { lastVersions, storedUnchanged, writeDocument, writeDocuments } from '../graph/write.js';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf'];

export interface IngestError {
  file: string;
  message: string;
}

export interface IngestSummary {
  files: number;
  documents: number;
  /** Of `documents`: texts the graph already held as they would be written (not written again). */
  unchanged: number;
  nodes: number;
  relationships: number;
  errors: IngestError[];
  /** Files in the folders given that are of no supported type (not read). */
  skipped: string[];
  seconds: number;
}

export interface IngestOptions {
  database?: string;
  synthetic?: boolean;
  /** Write several documents per transaction. */
  batchSize?: number;
  /** Load into an EMPTY database with corpus-wide UNWIND batches (national-scale loads; see graph/bulk-write.ts). */
  bulk?: boolean;
  /**
   * Write every text, even one the graph already holds as it would be written. By default such a text (same rows
   * from the extractor, same writer: `rowsDigest`) is skipped, so loading a corpus again writes only what changed.
   */
  rewrite?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Expands folders (recursively) into the supported files they hold, sorted. */
/**
 * The files to read: those named, and in folders (recursively) those of a supported type. `skipped`: files of other
 * types found in the folders, for the report.
 */
export function listSourceFiles(inputs: string[]): { files: string[]; errors: IngestError[]; skipped: string[] } {
  const files: string[] = [];
  const errors: IngestError[] = [];
  const skipped: string[] = [];
  const walk = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      errors.push({ file: p, message: 'no such file or folder' });
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        const child = path.join(p, name);
        const supported = SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase());
        let folder = false;
        try {
          folder = fs.statSync(child).isDirectory();
        } catch {
          // A broken link or an unreadable entry: an error for a text we would have read, else nothing; the others go on.
          if (supported) errors.push({ file: child, message: 'cannot be read (a broken link, or no permission)' });
          continue;
        }
        if (folder || supported) walk(child);
        else skipped.push(child);
      }
    } else {
      files.push(p);
    }
  };
  for (const input of inputs) walk(input);
  return { files, errors, skipped };
}

/** "skipped 3 files of other types (.doc, .rtf): only .txt, .md, .docx and .pdf are read". */
export function skippedNote(skipped: string[]): string {
  const types = [...new Set(skipped.map((f) => path.extname(f).toLowerCase() || '(no extension)'))].sort();
  return `skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} of other types (${types.join(', ')}): only ${SUPPORTED_EXTENSIONS.join(', ')} are read`;
}

/**
 * Extracts the files (on several threads when there are many: extract-pool.ts; `threads` 1 keeps them on this one),
 * then resolves them together as one corpus.
 */
export async function extractFiles(files: string[], opts: { synthetic?: boolean; threads?: number } = {}): Promise<{ records: ExtractedRecord[]; errors: IngestError[] }> {
  const records: ExtractedRecord[] = [];
  const errors: IngestError[] = [];
  const threads = opts.threads ?? (files.length >= PARALLEL_FROM_FILES ? extractionThreads() : 1);
  const results = threads > 1 ? await extractFilesInParallel(files, opts.synthetic, threads) : await extractFilesInOrder(files, opts.synthetic);
  for (const r of results) {
    if ('record' in r) records.push(r.record);
    else errors.push(r.error);
  }
  return { records: resolveCorpus(records), errors };
}

export async function writeRecords(driver: Driver, records: ExtractedRecord[], opts: IngestOptions = {}): Promise<Omit<IngestSummary, 'files' | 'seconds' | 'skipped'>> {
  let nodes = 0;
  let relationships = 0;
  const errors: IngestError[] = [];
  let documents = 0;
  const batchSize = opts.batchSize ?? 1;
  const write = async (rows: GraphRows[], of: ExtractedRecord[]): Promise<void> => {
    try {
      const stats = await writeDocuments(driver, rows, opts.database);
      nodes += stats.nodes;
      relationships += stats.relationships;
      documents += of.length;
    } catch (e) {
      // One bad text must not take the rest of its batch down with it: write them one by one to find it.
      if (rows.length > 1) for (let k = 0; k < rows.length; k++) await write([rows[k]!], [of[k]!]);
      else errors.push({ file: of[0]!.file, message: `could not be stored: ${(e as Error).message}` });
    }
  };
  let unchanged = 0;
  for (let i = 0; i < records.length; i += batchSize) {
    let batch = records.slice(i, i + batchSize);
    // Texts without a printed number that the batch could not identify keep the code the graph knows them by.
    const stored = await storedIdentities(driver, batch, opts.database);
    if (stored.size) batch = batch.map((r) => withStoredIdentity(r, stored));
    let rows = batch.map(recordToRows);
    if (!opts.rewrite) {
      // The copies of a text the writer keeps (the later one), less those the graph already holds as they are.
      const recordOf = new Map(rows.map((r, k) => [r, batch[k]!] as const));
      const kept = lastVersions(rows);
      const same = await storedUnchanged(driver, kept, opts.database);
      unchanged += kept.filter((r) => same.has(r.directive.uid)).length;
      rows = kept.filter((r) => !same.has(r.directive.uid));
      documents += batch.length - rows.length;
      batch = rows.map((r) => recordOf.get(r)!);
    }
    if (rows.length > 0) await write(rows, batch);
    const done = Math.min(i + batchSize, records.length);
    opts.onProgress?.(done, records.length, records[done - 1]!.file);
  }
  // Nothing written (every text unchanged, or refused): nothing for caches to forget.
  if (documents > unchanged) graphChanged();
  return { documents, unchanged, nodes, relationships, errors };
}

export async function ingestPaths(driver: Driver, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const listed = listSourceFiles(inputs);
  const extracted = await extractFiles(listed.files, { synthetic: opts.synthetic });
  if (opts.bulk) {
    const b = await bulkWriteRecords(driver, extracted.records, { database: opts.database, onProgress: (_phase, done, total) => opts.onProgress?.(done, total, _phase) });
    graphChanged();
    return {
      files: listed.files.length,
      documents: b.documents,
      unchanged: 0,
      nodes: b.nodes,
      relationships: b.relationships,
      errors: [...listed.errors, ...extracted.errors],
      skipped: listed.skipped,
      seconds: (performance.now() - t0) / 1000,
    };
  }
  const written = await writeRecords(driver, extracted.records, opts);
  return {
    files: listed.files.length,
    documents: written.documents,
    unchanged: written.unchanged,
    nodes: written.nodes,
    relationships: written.relationships,
    errors: [...listed.errors, ...extracted.errors, ...written.errors],
    skipped: listed.skipped,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** One raw text (the ingestDocument mutation): extracted alone, written in one transaction. */
/**
 * One text read as the graph would store it: extracted, resolved alone, identified as the graph knows it (a text
 * without a printed code that other stored texts name), and its rows.
 */
export async function textRows(driver: Driver, fileName: string, text: string, database?: string): Promise<{ record: ExtractedRecord; rows: GraphRows }> {
  const [extracted] = resolveCorpus([extractDocument(fileName, text)]);
  const record = withStoredIdentity(extracted!, await storedIdentities(driver, [extracted!], database));
  return { record, rows: recordToRows(record) };
}

export async function ingestText(driver: Driver, fileName: string, text: string, database?: string): Promise<{ record: ExtractedRecord; rows: GraphRows; nodes: number; relationships: number }> {
  const { record, rows } = await textRows(driver, fileName, text, database);
  const stats = await writeDocument(driver, rows, database);
  graphChanged();
  return { record, rows, ...stats };
}
