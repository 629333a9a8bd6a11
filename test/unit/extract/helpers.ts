import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument, resolveCorpus, type ExtractedRecord, type Evidence } from '../../../server/src/extract/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CORPUS_DIR = path.join(ROOT, 'seed/corpus');
export const SEED_FILES = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();

export function seedText(prefix: string): string {
  const f = SEED_FILES.find((x) => x.startsWith(prefix));
  if (!f) throw new Error(`no seed file ${prefix}`);
  return readFileSync(path.join(CORPUS_DIR, f), 'utf8').normalize('NFC');
}

let cache: ExtractedRecord[] | null = null;
export function seedRecords(): ExtractedRecord[] {
  cache ??= resolveCorpus(SEED_FILES.map((f) => extractDocument(f, readFileSync(path.join(CORPUS_DIR, f), 'utf8'))));
  return cache;
}

export function seed(prefix: string): ExtractedRecord {
  const r = seedRecords().find((x) => x.file.startsWith(prefix));
  if (!r) throw new Error(`no record ${prefix}`);
  return r;
}

/** Every evidence-like object ({quote, start, end}) reachable from a record, with its path. */
export function allEvidence(r: ExtractedRecord): { path: string; ev: Evidence }[] {
  const out: { path: string; ev: Evidence }[] = [];
  const walk = (o: unknown, p: string) => {
    if (Array.isArray(o)) return o.forEach((x, i) => walk(x, `${p}[${i}]`));
    if (o && typeof o === 'object') {
      const e = o as Partial<Evidence>;
      if (typeof e.quote === 'string' && typeof e.start === 'number' && typeof e.end === 'number') out.push({ path: p, ev: e as Evidence });
      for (const [k, v] of Object.entries(o)) if (k !== 'text') walk(v, `${p}.${k}`);
    }
  };
  walk(r, '');
  return out;
}
