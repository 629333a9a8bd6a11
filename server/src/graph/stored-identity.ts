/**
 * What the graph already knows about a text without a printed number: the code and date the corpus identified it by
 * when it was ingested with the texts that cite it (003 is the 58-CTr/TU that 000 calls it). Ingested again alone, the
 * text cannot be identified from itself, and written under its content hash it would replace the identified node —
 * deleting the links other texts state to it (000 → 58-CTr/TU).
 */
import type { Driver } from 'neo4j-driver';
import type { ExtractedRecord } from '../extract/types.js';

const STORED = `
UNWIND $hashes AS h
MATCH (d:Directive {contentHash: h}) WHERE d.stub = false AND d.codeSource = 'corpus' AND d.code IS NOT NULL
RETURN h AS hash, d.code AS code, toString(d.issuedOn) AS issuedOn`;

/** Stored identities of these texts by content hash: only those the corpus gave a code. */
export async function storedIdentities(driver: Driver, records: readonly ExtractedRecord[], database?: string): Promise<Map<string, { code: string; issuedOn: string | null }>> {
  const hashes = [...new Set(records.filter((r) => !r.resolvedCode).map((r) => r.contentHash))];
  const found = new Map<string, { code: string; issuedOn: string | null }>();
  if (!hashes.length) return found;
  const res = await driver.executeQuery(STORED, { hashes }, { database });
  for (const r of res.records) found.set(r.get('hash') as string, { code: r.get('code') as string, issuedOn: (r.get('issuedOn') as string | null) ?? null });
  return found;
}

/** The record identified as the graph holds it, when the batch it came with could not identify it; else as it is. */
export function withStoredIdentity(record: ExtractedRecord, stored: Map<string, { code: string; issuedOn: string | null }>): ExtractedRecord {
  if (record.resolvedCode) return record;
  const s = stored.get(record.contentHash);
  return s ? { ...record, resolvedCode: s.code, resolvedIssuedOn: record.issuedOn ?? s.issuedOn, codeSource: 'corpus' } : record;
}
