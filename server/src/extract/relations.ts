/**
 * Resolve what each mention means for the citing document: what it implements (the opening's
 * "Thực hiện/Căn cứ"), what it cites, and links between third documents stated in the text
 * ("Chương trình số 32-CTr/TU … thực hiện Nghị quyết số 28-NQ/TW") — emitted as inferred links.
 */
import { evidence, type Flat } from './normalize.js';
import type { Mention } from './references.js';
import type { InferredLink, LevelKey, Reference } from './types.js';

/** Text between a mention and the next one that says "A implements B". */
const LINK_GAP_RE =
  /^\s?\)?\s?,?\s?(?<verb>(?:về\s(?:việc\s)?)?(?:tiếp tục\s)?(?:triển khai thực hiện|triển khai|thực hiện|hướng dẫn thực hiện|cụ thể hóa|cụ thể hoá|thi hành))\s?$/i;
const CHAIN_GAP_RE = /^\s?,?\s?và\s$/;
/** Verb right before a cited mention. */
const LEFT_VERB_RE =
  /(?<v>triển khai thực hiện|tiếp tục thực hiện|gắn với thực hiện|thực hiện|triển khai|căn cứ|Căn cứ|theo tinh thần|quán triệt|sơ kết|tổng kết|theo)(?:\s(?:có hiệu quả|nghiêm|tốt|nghiêm túc))?\s?$/;

export interface DocContext {
  province: string | null;
  ownCode: string | null;
  ownIssuedOn: string | null;
}

export interface LinkEdge {
  from: number;
  to: number;
  verb: string;
  start: number;
  end: number;
}

/** Inferred "A implements B" edges between mentions (indices into `mentions`). */
export function findLinks(text: string, mentions: Mention[], skip: (i: number) => boolean): LinkEdge[] {
  const edges: LinkEdge[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    let j = i + 1;
    while (j < mentions.length && skip(j)) j++;
    if (j >= mentions.length) break;
    const b = mentions[j]!;
    if (b.start < a.end || b.start - a.end > 60) continue;
    const gap = text.slice(a.end, b.start);
    const g = LINK_GAP_RE.exec(gap);
    if (!g || !g.groups) continue;
    const verb = g.groups.verb!.toLowerCase();
    edges.push({ from: i, to: j, verb, start: a.start, end: b.end });
    // "… thực hiện B và C": C is a second target.
    let k = j;
    while (k + 1 < mentions.length) {
      const c = mentions[k + 1]!;
      const prev = mentions[k]!;
      if (!CHAIN_GAP_RE.test(text.slice(prev.end, c.start))) break;
      edges.push({ from: i, to: k + 1, verb, start: a.start, end: c.end });
      k++;
    }
  }
  return edges;
}

/** Date each mention stands for: its own, else the only date this document gives the same code. */
export function documentDates(mentions: Mention[], ctx: DocContext): (string | null)[] {
  const dates = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!m.issuedOn) continue;
    let s = dates.get(m.code);
    if (!s) dates.set(m.code, (s = new Set()));
    s.add(m.issuedOn);
  }
  return mentions.map((m) => {
    if (m.issuedOn) return m.issuedOn;
    if (ctx.ownCode === m.code && ctx.ownIssuedOn) return ctx.ownIssuedOn;
    const s = dates.get(m.code);
    return s && s.size === 1 ? [...s][0]! : null;
  });
}

export function mentionProvince(m: Mention, ctx: DocContext): string | null {
  if (m.level === 'central') return null;
  return m.issuerProvince ?? ctx.province;
}

export function toReference(
  flat: Flat,
  m: Mention,
  verb: string,
  resolvedDate: string | null,
  ctx: DocContext,
): Reference {
  const ev = evidence(flat, m.start, m.end);
  const codeEv = evidence(flat, m.codeStart, m.codeEnd);
  const level: LevelKey | null = m.level;
  const ref: Reference = {
    quote: ev.quote,
    start: ev.start,
    end: ev.end,
    code: m.code,
    raw: codeEv.quote,
    issuedOn: m.issuedOn,
    type: m.parsed.type,
    issuer: m.issuer,
    term: m.term,
    province: mentionProvince(m, ctx),
    level,
    verb,
    resolvedIssuedOn: resolvedDate,
    dateSource: m.issuedOn ? 'mention' : resolvedDate ? 'document' : null,
    mentions: 1,
    subject: m.subject,
  };
  return ref;
}

/** A later mention of the same document fills what the first one left out (issuer, term, subject). */
export function mergeMention(ref: Reference, m: Mention): void {
  ref.mentions = (ref.mentions ?? 1) + 1;
  if (ref.issuer == null && m.issuer != null) ref.issuer = m.issuer;
  if (ref.term == null && m.term != null) ref.term = m.term;
  if (ref.subject == null && m.subject != null) ref.subject = m.subject;
}

export function leftVerb(text: string, m: Mention): string | null {
  const left = text.slice(Math.max(0, m.start - 40), m.start);
  const v = LEFT_VERB_RE.exec(left);
  return v && v.groups ? v.groups.v!.toLowerCase() : null;
}

export function refKey(code: string, date: string | null, province: string | null): string {
  return `${code}|${date ?? ''}|${province ?? ''}`;
}

export function toInferred(
  flat: Flat,
  e: LinkEdge,
  mentions: Mention[],
  dates: (string | null)[],
  ctx: DocContext,
): InferredLink {
  const a = mentions[e.from]!;
  const b = mentions[e.to]!;
  const ev = evidence(flat, e.start, e.end);
  return {
    quote: ev.quote,
    start: ev.start,
    end: ev.end,
    from: { code: a.code, issuedOn: dates[e.from] ?? null, province: mentionProvince(a, ctx) },
    to: { code: b.code, issuedOn: dates[e.to] ?? null, province: mentionProvince(b, ctx) },
    verb: e.verb,
  };
}
