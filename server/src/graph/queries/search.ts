/**
 * Full-text search over directives (code, title, issuer, province) and organizations, diacritic- and
 * case-insensitive: the query is folded like the indexed `searchText`; the last word also matches as a prefix.
 * A whole code ("28-NQ/TW") or a type and a number ("nghị quyết 28", "NQ số 28") names directives outright: those
 * come first, central before provincial before local.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { DOC_TYPES, normalizeCode, parseCode } from '../../extract/index.js';
import { foldDiacritics } from '../../extract/provinces.js';
import { organizationLabel } from './organization-label.js';
import { readQuery } from './read.js';

export interface SearchHit {
  id: string;
  kind: 'DIRECTIVE' | 'ORGANIZATION';
  label: string;
  code: string | null;
  title: string | null;
  type: string | null;
  province: string | null;
  issuedOn: string | null;
  score: number;
  snippet: string | null;
  /** A directive known only from other texts' mentions (no text of its own); false for organisations. */
  stub: boolean;
  /** A generated load-test text; false for organisations. */
  synthetic: boolean;
  level: string | null;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function luceneQuery(text: string): string | null {
  const tokens = foldDiacritics(text)
    .replace(LUCENE_SPECIAL, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 12);
  if (!tokens.length) return null;
  return tokens
    .map((t, i) => {
      // A number as texts print it ("Chỉ thị số 05") also matches it as codes are stored ("5-CT/TW").
      const bare = /^0+\d/.test(t) ? t.replace(/^0+(?=\d)/, '') : null;
      const forms = [t, ...(i === tokens.length - 1 ? [`${t}*`] : []), ...(bare ? [bare] : [])];
      return forms.length > 1 ? `(${forms.join(' OR ')})` : t;
    })
    .join(' AND ');
}

export function snippet(source: string | null, query: string, width = 80): string | null {
  if (!source) return null;
  const folded = foldDiacritics(source);
  const tokens = foldDiacritics(query).split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 1);
  let at = -1;
  for (const t of tokens) {
    at = folded.indexOf(t);
    if (at >= 0) break;
  }
  if (at < 0) return source.length > width * 2 ? `${source.slice(0, width * 2)}…` : source;
  const from = Math.max(0, at - width);
  const to = Math.min(source.length, at + width);
  return `${from > 0 ? '…' : ''}${source.slice(from, to).replace(/\s+/g, ' ')}${to < source.length ? '…' : ''}`;
}

/** Folded type names, other names and keys → the type keys they may mean ("quy dinh" → QĐi and QĐ). */
const TYPES_BY_FOLDED_NAME = new Map<string, string[]>();
for (const t of DOC_TYPES) {
  for (const name of [t.name, ...(t.names ?? []), t.key]) {
    const key = foldDiacritics(name);
    const keys = TYPES_BY_FOLDED_NAME.get(key) ?? [];
    if (!keys.includes(t.key)) keys.push(t.key);
    TYPES_BY_FOLDED_NAME.set(key, keys);
  }
}

/**
 * A query that is a document type and a number — "nghị quyết 28", "Nghi quyet so 28", "NQ 28", "kế hoạch số 0012" —
 * or the start of a code without its issuer ("28-NQ", "3588/KH"), as the type keys it may mean and the number as
 * codes write it (no leading zeros); null for anything else.
 */
export function typeAndNumber(text: string): { types: string[]; number: string } | null {
  const folded = foldDiacritics(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
  const named = /^(\D+?)\s*(?:\bso\b\s*:?)?\s*0*(\d+)$/.exec(folded);
  const codeStart = /^0*(\d+)\s*[-/]\s*([a-z]+)$/.exec(folded);
  const [type, number] = named ? [named[1]!.trim(), named[2]!] : codeStart ? [codeStart[2]!, codeStart[1]!] : [null, null];
  const types = type === null ? undefined : TYPES_BY_FOLDED_NAME.get(type);
  return types && number !== null ? { types, number } : null;
}

/**
 * "đại hội XIV", "dai hoi 14": every congress of that number — the Party's first (its code, "Đại hội XIV/TW", is what the
 * words parse to), then the provinces', districts' and blocs' ("Đại hội XIV/TU" of each province), by the prefix branch.
 */
function congressNumber(text: string): { types: string[]; number: string } | null {
  const p = parseCode(text);
  return p?.congress ? { types: [p.type], number: `Đại hội ${p.number}` } : null;
}

const DIRECTIVE_HIT = `d { .uid, .code, .title, .type, .typeName, .province, .issuedOn, .issuerName, .stub, .synthetic, .level }`;

export async function search(driver: Driver, text: string, first: number, database?: string): Promise<SearchHit[]> {
  const q = luceneQuery(text);
  const code = normalizeCode(text);
  const named = typeAndNumber(text) ?? congressNumber(text);
  if (!q && !code) return [];
  const res = await readQuery(driver, 
    `CALL () {
       MATCH (d:Directive) WHERE $code IS NOT NULL AND d.code = $code
       RETURN d, 1000.0 AS score
       UNION
       // A type and a number: the codes that start with the number, of that type; higher levels first, then newer.
       UNWIND CASE WHEN $number IS NULL THEN [] ELSE [$number + '-', $number + '/'] END AS prefix
       MATCH (d:Directive) WHERE d.code STARTS WITH prefix AND d.type IN $types
       RETURN d, 500.0 - 10 * coalesce(d.levelRank, 9) + coalesce(d.issuedOn.year, 0) / 10000.0 AS score
       UNION
       // A text of its own ranks above a mention's placeholder: a stub's few words score high on their own ("binh thuan"
       // put nine stubs above 58-CTr/TU of Bình Thuận; 3588/KH-UBND scored twice its guidance). More are read than
       // answered, so they can be passed.
       CALL db.index.fulltext.queryNodes('directive_search', $q, {limit: 3 * $first}) YIELD node AS d, score
       WHERE $q IS NOT NULL
       RETURN d, CASE WHEN d.stub THEN score * 0.3 ELSE score END AS score
     }
     WITH d, max(score) AS score
     RETURN 'DIRECTIVE' AS kind, ${DIRECTIVE_HIT} AS props, score
     ORDER BY score DESC LIMIT $first
     UNION ALL
     CALL db.index.fulltext.queryNodes('organization_search', coalesce($q, '__none__'), {limit: $first}) YIELD node AS o, score
     RETURN 'ORGANIZATION' AS kind, o { uid: o.key, .name, .province, .level, .unit } AS props, score * 0.8 AS score
     ORDER BY score DESC LIMIT $first`,
    { q: q ?? '__none__', code, number: named?.number ?? null, types: named?.types ?? [], first: neo4j.int(clampLimit(first)) },
    { database },
  );
  const hits = res.records.map((r): SearchHit => {
    const p = r.get('props') as Record<string, unknown>;
    const kind = r.get('kind') as SearchHit['kind'];
    const issuedOn = p.issuedOn ? String(p.issuedOn) : null;
    const title = (p.title as string | null) ?? null;
    const label =
      kind === 'ORGANIZATION'
        ? organizationLabel(String(p.name), (p.unit as string | null) ?? null, (p.province as string | null) ?? null)
        : `${p.code ?? p.typeName ?? 'Văn bản'}${p.province ? ` · ${p.province}` : ''}${issuedOn ? ` · ${issuedOn}` : ''}`;
    return {
      id: String(p.uid),
      kind,
      label,
      code: (p.code as string | null) ?? null,
      title: kind === 'ORGANIZATION' ? String(p.name) : title,
      type: (p.type as string | null) ?? null,
      province: (p.province as string | null) ?? null,
      issuedOn,
      score: Number(r.get('score')),
      snippet: snippet(kind === 'ORGANIZATION' ? String(p.name) : (title ?? (p.typeName as string | null) ?? null), text),
      stub: p.stub === true,
      synthetic: p.synthetic === true,
      level: (p.level as string | null) ?? null,
    };
  });
  return hits.sort((a, b) => b.score - a.score).slice(0, first);
}

/** How many hits or roots a list answers with at most (the API refuses more: resolvers.ts). */
export const MAX_LIST = 200;

/** Result limits are bounded: 1 … MAX_LIST. */
export function clampLimit(n: number, max = MAX_LIST): number {
  return Math.max(1, Math.min(max, Math.trunc(Number.isFinite(n) ? n : 20)));
}
