/**
 * Resolve what each mention means for the citing document: what it implements (the opening's
 * "Thực hiện/Căn cứ"), what it cites, and links between third documents stated in the text
 * ("Chương trình số 32-CTr/TU … thực hiện Nghị quyết số 28-NQ/TW") — emitted as inferred links.
 */
import { evidence, type Flat } from './normalize.js';
import type { Mention } from './references.js';
import { typeByName } from './patterns/types.js';
import { termAgrees, termList } from './terms.js';
import type { InferredLink, LevelKey, LinkEnd, Reference, Unit } from './types.js';
import { mentionUnit } from './unit.js';

/**
 * Text between a mention and the next one that says "A implements B", on one line: a title ending with a mention and
 * the opening "Thực hiện …" on the next line state no link.
 */
const LINK_GAP_RE =
  /^ ?\)? ?,? ?(?<verb>(?:về (?:việc )?)?(?:tiếp tục )?(?:triển khai thực hiện|triển khai|thực hiện|hướng dẫn thực hiện|cụ thể hóa|cụ thể hoá|thi hành)) ?$/i;
const CHAIN_GAP_RE = /^\s?,?\s?và\s$/;
/** Verb right before a cited mention. */
const LEFT_VERB_RE =
  /(?<v>triển khai thực hiện|tiếp tục thực hiện|gắn với thực hiện|thực hiện|triển khai|căn cứ|Căn cứ|theo tinh thần|quán triệt|sơ kết|tổng kết|theo)(?:\s(?:có hiệu quả|nghiêm|tốt|nghiêm túc))?\s?$/;

export interface DocContext {
  province: string | null;
  /** The citing document's unit below the province (unit.ts), for mentions of its own committees' codes. */
  unit: Unit | null;
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

/**
 * Inferred "A implements B" edges between mentions (indices into `mentions`). "… thực hiện B và C": C is a second
 * target. "Kế hoạch số 78-KH/TU … và Kế hoạch số 25-KH/ĐUK … về thực hiện Kết luận số 01-KL/TW": texts of one type
 * listed together share the subject "về thực hiện …", so each is a source.
 */
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
    const targets = [j];
    for (let k = j; k + 1 < mentions.length && CHAIN_GAP_RE.test(text.slice(mentions[k]!.end, mentions[k + 1]!.start)); k++) {
      targets.push(k + 1);
    }
    const sources = [i];
    if (verb.startsWith('về')) {
      for (let k = i; k > 0; k--) {
        const p = mentions[k - 1]!;
        if (skip(k - 1) || p.parsed.type !== a.parsed.type || !CHAIN_GAP_RE.test(text.slice(p.end, mentions[k]!.start))) break;
        sources.push(k - 1);
      }
    }
    for (const from of sources) {
      for (const to of targets) edges.push({ from, to, verb, start: mentions[from]!.start, end: mentions[to]!.end });
    }
  }
  return edges;
}

/**
 * Date each mention stands for: its own; the document's own date for its own code; else a date this document
 * gives the same code — the only one whose term agrees with the mention's ("Nghị quyết số 18-NQ/TW … khoá XII"
 * when the text also cites the 18-NQ/TW of 2022, term XIII), or, when several agree, the date of the nearest
 * earlier mention of that code in the same paragraph ("(Nghị quyết số 18-NQ/TW, ngày 16/6/2022) và Chương trình
 * số 30-CTr/TU … thực hiện Nghị quyết số 18-NQ/TW"). Else null: never a guess.
 */
export function documentDates(text: string, mentions: Mention[], ctx: DocContext): (string | null)[] {
  // code → date → the terms its dated mentions print
  const dated = new Map<string, Map<string, string[]>>();
  for (const m of mentions) {
    if (!m.issuedOn) continue;
    let byDate = dated.get(m.code);
    if (!byDate) dated.set(m.code, (byDate = new Map()));
    const terms = byDate.get(m.issuedOn) ?? [];
    terms.push(...termList(m.term));
    byDate.set(m.issuedOn, terms);
  }
  return mentions.map((m, i) => {
    if (m.issuedOn) return m.issuedOn;
    if (ctx.ownCode === m.code && ctx.ownIssuedOn) return ctx.ownIssuedOn;
    const byDate = dated.get(m.code);
    if (!byDate) return null;
    const central = m.level === 'central';
    const fit = [...byDate].filter(([date, terms]) => termAgrees(m.term, date, central, terms)).map(([date]) => date);
    if (fit.length <= 1) return fit[0] ?? null;
    const paragraphStart = text.lastIndexOf('\n', m.start);
    for (let j = i - 1; j >= 0 && mentions[j]!.end > paragraphStart; j--) {
      const p = mentions[j]!;
      if (p.code === m.code && p.issuedOn && fit.includes(p.issuedOn)) return p.issuedOn;
    }
    return null;
  });
}

export function mentionProvince(m: Mention, ctx: DocContext): string | null {
  if (m.level === 'central') return null;
  return m.issuerProvince ?? ctx.province;
}

/** The mention's unit below the province (unit.ts mentionUnit), when its province is the citing text's. */
function unitOfMention(m: Mention, ctx: DocContext): Unit | null {
  const own = mentionProvince(m, ctx) === ctx.province ? ctx.unit : null;
  return mentionUnit(m.issuer, m.level, m.parsed.issuer, own);
}

/**
 * Whether a mention stands for one text: any code does; a congress's resolution below the Party's national congress only
 * where its province is known — and its unit, for a district's, a bloc's or a commune's (congress.ts): "Nghị quyết Đại
 * hội Đảng bộ tỉnh lần thứ XIV" in a central text names no one province's.
 */
export function placedMention(m: Mention, ctx: DocContext): boolean {
  if (!m.parsed.congress || m.level === 'central') return true;
  if (mentionProvince(m, ctx) == null) return false;
  return m.level === 'provincial' || unitOfMention(m, ctx) != null;
}

/** A mention's identity within the citing text: code, date, province and unit. */
export function mentionKey(m: Mention, date: string | null, ctx: DocContext): string {
  return refKey(m.code, date, mentionProvince(m, ctx), unitOfMention(m, ctx)?.name ?? null);
}

/** A code every level writes ("…/KH-UBND") is the level of the unit the mention names; any other, its code's. */
function mentionLevel(m: Mention, unit: Unit | null): LevelKey | null {
  return unit && m.level === 'provincial' ? unit.level : m.level;
}

function linkEnd(m: Mention, date: string | null, ctx: DocContext): LinkEnd {
  const unit = unitOfMention(m, ctx);
  const level = mentionLevel(m, unit);
  return { code: m.code, issuedOn: date, province: mentionProvince(m, ctx), ...(unit ? { unit: unit.name } : {}), ...(level !== m.level ? { level } : {}) };
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
  const unit = unitOfMention(m, ctx);
  const level = mentionLevel(m, unit);
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
    ...(unit ? { unit: unit.name } : {}),
    verb,
    resolvedIssuedOn: resolvedDate,
    dateSource: m.issuedOn ? 'mention' : resolvedDate ? 'document' : null,
    mentions: 1,
    subject: m.subject,
    typeName: printedTypeName(m),
  };
  return ref;
}

/** The type the words before a mention name, when they name the code's type or one of its family (QĐ, QĐi). */
function printedTypeName(m: Mention): string | null {
  const named = m.typeWord ? typeByName(m.typeWord) : null;
  const key = m.parsed.type;
  if (!named || !key) return null;
  return named.key === key || (named.key.startsWith('QĐ') && key.startsWith('QĐ')) ? named.name : null;
}

/** A later mention of the same document fills what the first one left out (issuer, term, subject). */
export function mergeMention(ref: Reference, m: Mention): void {
  ref.mentions = (ref.mentions ?? 1) + 1;
  if (ref.issuer == null && m.issuer != null) ref.issuer = m.issuer;
  if (ref.term == null && m.term != null) ref.term = m.term;
  if (ref.subject == null && m.subject != null) ref.subject = m.subject;
  if (ref.typeName == null) ref.typeName = printedTypeName(m);
}

export function leftVerb(text: string, m: Mention): string | null {
  const left = text.slice(Math.max(0, m.start - 40), m.start);
  const v = LEFT_VERB_RE.exec(left);
  return v && v.groups ? v.groups.v!.toLowerCase() : null;
}

export function refKey(code: string, date: string | null, province: string | null, unit: string | null = null): string {
  return `${code}|${date ?? ''}|${province ?? ''}|${unit ?? ''}`;
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
    from: linkEnd(a, dates[e.from] ?? null, ctx),
    to: linkEnd(b, dates[e.to] ?? null, ctx),
    verb: e.verb,
  };
}
