/** Resolves user input (a code in any printed variant, optionally a date and a province, or a uid) to one uid. */
import type { Driver } from 'neo4j-driver';
import { isIsoDate, normalizeCode } from '../../extract/index.js';
import { foldDiacritics } from '../../extract/provinces.js';
import { onGraphChanged } from '../changes.js';
import { readQuery } from './read.js';

export class LookupError extends Error {
  constructor(
    message: string,
    readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND',
  ) {
    super(message);
  }
}

export interface DirectiveRef {
  code: string;
  /**
   * yyyy-mm-dd. From GraphQL it is a temporal object ({year, month, day}: the schema's Date scalar, api/date-scalar.ts,
   * has checked it is a day of the calendar), read back as text here.
   */
  issuedOn?: string | { year: unknown; month: unknown; day: unknown } | null;
  province?: string | null;
}

function isoDate(d: DirectiveRef['issuedOn']): string | null {
  if (d === null || d === undefined || typeof d === 'string') return d ?? null;
  const part = (v: unknown, n: number) => String(v).padStart(n, '0');
  return `${part(d.year, 4)}-${part(d.month, 2)}-${part(d.day, 2)}`;
}

/**
 * Resolved references, kept briefly: a cascade request then costs one statement instead of two. Cleared when
 * the graph changes (this process's ingest, or the graph version another process raised: graph-version.ts), and after
 * RESOLVED_TTL_MS at the latest.
 */
const RESOLVED_TTL_MS = 30_000;
const RESOLVED_MAX = 2_000;
const resolved = new Map<string, { uid: string; at: number }>();

onGraphChanged(() => resolved.clear());

export async function findDirectiveUid(driver: Driver, given: DirectiveRef, database?: string): Promise<string> {
  const ref = { ...given, issuedOn: isoDate(given.issuedOn) };
  const key = `${database ?? ''}|${ref.code.trim()}|${ref.issuedOn ?? ''}|${ref.province ?? ''}`;
  const hit = resolved.get(key);
  if (hit && Date.now() - hit.at < RESOLVED_TTL_MS) return hit.uid;
  const uid = await lookupDirectiveUid(driver, ref, database);
  if (resolved.size >= RESOLVED_MAX) resolved.delete(resolved.keys().next().value!);
  resolved.set(key, { uid, at: Date.now() });
  return uid;
}

async function lookupDirectiveUid(driver: Driver, ref: DirectiveRef & { issuedOn: string | null }, database?: string): Promise<string> {
  const input = ref.code.trim();
  if (!input) throw new LookupError('code must not be empty', 'BAD_USER_INPUT');
  if (ref.issuedOn != null && !isIsoDate(ref.issuedOn)) {
    throw new LookupError(`issuedOn must be a day of the calendar written yyyy-mm-dd, e.g. 2022-11-17; got "${ref.issuedOn}"`, 'BAD_USER_INPUT');
  }
  if (input.startsWith('doc:') || input.includes('@')) {
    const r = await readQuery(driver, 'MATCH (d:Directive {uid: $uid}) RETURN d.uid AS uid', { uid: input }, { database });
    if (!r.records.length) throw new LookupError(`no directive with id "${input}"`, 'NOT_FOUND');
    return input;
  }
  const code = normalizeCode(input);
  if (!code) throw new LookupError(`"${input}" is not a document code (expected e.g. 28-NQ/TW, 3588/KH-UBND or Đại hội XIII/TW)`, 'BAD_USER_INPUT');
  const res = await readQuery(driver, 
    `MATCH (d:Directive {code: $code})
     WHERE ($issuedOn IS NULL OR d.issuedOn = date($issuedOn))
     RETURN d.uid AS uid, d.stub AS stub, d.province AS province, d.unit AS unit, toString(d.issuedOn) AS issuedOn,
            COUNT { (d)<-[:IMPLEMENTS|CITES]-() } AS degree
     ORDER BY stub ASC, degree DESC, issuedOn DESC`,
    { code, issuedOn: ref.issuedOn },
    { database },
  );
  const wanted = ref.province ? foldDiacritics(ref.province) : null;
  const rows = res.records.filter((r) => !wanted || foldDiacritics(String(r.get('province') ?? '')) === wanted || String(r.get('uid')).endsWith(`#${wanted.replace(/\s+/g, '-')}`));
  if (!rows.length) {
    const where = [ref.issuedOn && `issued ${ref.issuedOn}`, ref.province && `in ${ref.province}`].filter(Boolean).join(' ');
    const others = where ? await variantsOf(driver, code, database) : '';
    throw new LookupError(`no directive ${code}${where ? ` ${where}` : ''} in the graph${others}`, 'NOT_FOUND');
  }
  // Texts of units below the province (two communes' 15-KH/ĐU of one day) are told apart by nothing the caller gave:
  // none is picked for them.
  const first = rows[0]!;
  const same = rows.filter((r) => !r.get('stub') && r.get('unit') && r.get('issuedOn') === first.get('issuedOn') && r.get('province') === first.get('province'));
  if (!first.get('stub') && first.get('unit') && same.length > 1) {
    const named = same.slice(0, 5).map((r) => `${r.get('unit')} (${r.get('uid')})`).join(', ');
    throw new LookupError(
      `${code} issued ${first.get('issuedOn')} in ${first.get('province')} names ${same.length} texts, of ${named}${same.length > 5 ? ' and more' : ''}: ask for one by its id`,
      'BAD_USER_INPUT',
    );
  }
  return first.get('uid') as string;
}

/** When a date or province matched nothing: the texts of that code the graph does hold ("; it holds 28-NQ/TW issued …"). */
async function variantsOf(driver: Driver, code: string, database?: string): Promise<string> {
  const res = await readQuery(
    driver,
    `MATCH (d:Directive {code: $code})
     RETURN toString(d.issuedOn) AS issuedOn, d.province AS province
     ORDER BY d.stub ASC, COUNT { (d)<-[:IMPLEMENTS|CITES]-() } DESC LIMIT 6`,
    { code },
    { database },
  );
  if (!res.records.length) return '';
  const named = res.records.slice(0, 5).map((r) => {
    const on = r.get('issuedOn') as string | null;
    const province = r.get('province') as string | null;
    return [code, on ? `issued ${on}` : 'undated', province ? `in ${province}` : null].filter(Boolean).join(' ');
  });
  return `; it holds ${named.join(', ')}${res.records.length > 5 ? ' and more' : ''}`;
}
