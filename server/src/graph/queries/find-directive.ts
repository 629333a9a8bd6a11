/** Resolves user input (a code in any printed variant, optionally a date and a province, or a uid) to one uid. */
import type { Driver } from 'neo4j-driver';
import { normalizeCode } from '../../extract/index.js';
import { foldDiacritics } from '../../extract/provinces.js';

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
  issuedOn?: string | null;
  province?: string | null;
}

export async function findDirectiveUid(driver: Driver, ref: DirectiveRef, database?: string): Promise<string> {
  const input = ref.code.trim();
  if (!input) throw new LookupError('code must not be empty', 'BAD_USER_INPUT');
  if (input.startsWith('doc:') || input.includes('@')) {
    const r = await driver.executeQuery('MATCH (d:Directive {uid: $uid}) RETURN d.uid AS uid', { uid: input }, { database, routing: 'READ' });
    if (!r.records.length) throw new LookupError(`no directive with id "${input}"`, 'NOT_FOUND');
    return input;
  }
  const code = normalizeCode(input);
  if (!code) throw new LookupError(`"${input}" is not a document code (expected e.g. 28-NQ/TW or 3588/KH-UBND)`, 'BAD_USER_INPUT');
  const res = await driver.executeQuery(
    `MATCH (d:Directive {code: $code})
     WHERE ($issuedOn IS NULL OR d.issuedOn = date($issuedOn))
     RETURN d.uid AS uid, d.stub AS stub, d.province AS province, d.issuedOn AS issuedOn,
            COUNT { (d)<-[:IMPLEMENTS|CITES]-() } AS degree
     ORDER BY stub ASC, degree DESC, issuedOn DESC`,
    { code, issuedOn: ref.issuedOn ?? null },
    { database, routing: 'READ' },
  );
  const wanted = ref.province ? foldDiacritics(ref.province) : null;
  const rows = res.records.filter((r) => !wanted || foldDiacritics(String(r.get('province') ?? '')) === wanted || String(r.get('uid')).endsWith(`#${wanted.replace(/\s+/g, '-')}`));
  if (!rows.length) {
    const where = [ref.issuedOn && `issued ${ref.issuedOn}`, ref.province && `in ${ref.province}`].filter(Boolean).join(' ');
    throw new LookupError(`no directive ${code}${where ? ` ${where}` : ''} in the graph`, 'NOT_FOUND');
  }
  return rows[0]!.get('uid') as string;
}
