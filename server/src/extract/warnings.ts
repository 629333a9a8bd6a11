/** What the extractor did not find in a text, for its reader to check (the preview, `ingest --dry-run`). */
import type { ExtractedRecord } from './types.js';

export type RecordWarning = 'NO_CODE' | 'NO_DATE' | 'NO_PROVINCE' | 'NO_IMPLEMENTS' | 'NO_ASSIGNMENTS';

export function recordWarnings(record: ExtractedRecord): RecordWarning[] {
  const out: RecordWarning[] = [];
  if (!record.resolvedCode) out.push('NO_CODE');
  if (!(record.issuedOn ?? record.resolvedIssuedOn)) out.push('NO_DATE');
  if (record.issuer.level !== 'central' && !record.issuer.province) out.push('NO_PROVINCE');
  if (!record.implements.length) out.push('NO_IMPLEMENTS');
  if (!record.assignments.length) out.push('NO_ASSIGNMENTS');
  return out;
}
