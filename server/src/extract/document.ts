/** extractDocument: one text → one ExtractedRecord. Pure; no I/O. */
import { createHash } from 'node:crypto';
import { findAliases, insideSpan } from './aliases.js';
import { ownCongressCode } from './congress.js';
import { findAssignments } from './assignments.js';
import { findTableAssignments } from './task-tables.js';
import { findFootnotes } from './footnotes.js';
import { parseHeader } from './header.js';
import { issuerLevelFor, levelFromName, nameFromCode, nameFromHeader, openingSubject } from './issuer.js';
import { flatten, lines, sourceText } from './normalize.js';
import { bestVote, provinceIn, provinceVotes } from './place.js';
import { categoryOf, docType } from './patterns/types.js';
import { findRecipients } from './recipients.js';
import { findMentions, type Mention } from './references.js';
import {
  documentDates, findLinks, leftVerb, mentionKey, mergeMention, placedMention, refKey, toInferred, toReference, type DocContext,
} from './relations.js';
import { findSigner } from './signer.js';
import { completeName, documentUnit, unitOf } from './unit.js';
import type { Assignment, ExtractedRecord, InferredLink, Issuer, LevelKey, LinkEnd, Reference, Unit } from './types.js';
import type { ParsedCode } from './codes.js';

export interface ExtractOptions {
  synthetic?: boolean;
}

const ANNEX_BEFORE_RE = /(?:Kèm theo|kèm theo)\s?$/;
const HEADER_WEIGHT = 5;

/** An assignment of a unit's document: its bare name completed, and the unit kept when the name does not say. */
function inUnit(a: Assignment, unit: Unit): void {
  const name = completeName(a.organization, unit);
  if (name !== a.organization) {
    a.organization = name;
    a.level = levelFromName(name) ?? a.level;
  }
  const own = unitOf(a.organization, a.level, unit);
  if (own) a.unit = own;
}

function issuerOf(name: string | null, province: string | null, level: LevelKey | null, unit: Unit | null): Issuer {
  const own = name ? unitOf(name, level, unit) : null;
  return own ? { name, province, level, unit: own } : { name, province, level };
}

export function extractDocument(file: string, text: string, opts: ExtractOptions = {}): ExtractedRecord {
  const source = sourceText(text);
  const flat = flatten(source);
  const ls = lines(flat);
  const { footnotes, lineIdx: footLines } = findFootnotes(flat, ls);
  const head = parseHeader(ls, footLines);
  const found = findMentions(flat);
  const ft = flat.text;

  // Own code: header "Số …", else "(Kèm theo Kế hoạch số …)" of the document's own type.
  let ownCode: ParsedCode | null = head.ownCode;
  let codeSource: ExtractedRecord['codeSource'] = ownCode ? 'header' : null;
  let issuedOn = head.issuedOn;
  let annexMention: Mention | null = null;
  if (!ownCode) {
    for (const m of found) {
      if (m.parsed.congress) continue;
      const before = ft.slice(Math.max(0, m.start - 12), m.start);
      if (ANNEX_BEFORE_RE.test(before) && (head.type == null || m.parsed.type === head.type)) {
        annexMention = m;
        ownCode = m.parsed;
        codeSource = 'annex';
        issuedOn = issuedOn ?? m.issuedOn;
        break;
      }
    }
  }
  const type = head.type ?? ownCode?.type ?? null;
  const dt = docType(type);

  // Issuer.
  const openingText = head.opening.map((o) => o.line.text).join(' ');
  const subject = openingText ? openingSubject(openingText) : null;
  const namedIssuer = subject ?? nameFromHeader(head.issuerLines) ?? nameFromCode(ownCode);
  if (!ownCode && type === 'NQ') {
    ownCode = ownCongressCode(namedIssuer);
    if (ownCode) codeSource = 'header';
  }
  // A unit's bare names ("Ban Thường vụ Đảng ủy Khối", "Văn phòng Đảng ủy") completed with the unit (unit.ts).
  const namedLevel = issuerLevelFor(namedIssuer, ownCode);
  const unit = namedLevel === 'central' ? null : documentUnit(head.issuerLines, namedIssuer, head.title);
  const issuerName = namedIssuer && completeName(namedIssuer, unit);
  const issuerLevel = issuerName === namedIssuer ? namedLevel : issuerLevelFor(issuerName, ownCode);

  // Province: header (weighted), issuer lines, place, then the whole text.
  const votes = new Map<string, number>();
  for (const l of head.headerLines) provinceVotes(l.text, HEADER_WEIGHT, votes);
  provinceVotes(ft, 1, votes);
  let province = (head.place ? provinceIn(`tỉnh ${head.place}`) : null) ?? bestVote(votes);
  if (issuerLevel === 'central') province = null;

  const ctx: DocContext = { province, unit, ownCode: ownCode?.code ?? null, ownIssuedOn: issuedOn };
  const mentions = found.filter((m) => placedMention(m, ctx));
  const { aliases, spans } = findAliases(flat, mentions);
  const inAlias = mentions.map((m) => insideSpan(spans, m.start, m.end));
  const dates = documentDates(ft, mentions, ctx);

  // Header own-number line and the annex mention are not references.
  const ownLine = head.ownCodeLine >= 0 ? ls[head.ownCodeLine]! : null;
  const isOwn = mentions.map((m, i) => {
    if (ownLine && m.codeStart >= ownLine.start && m.codeEnd <= ownLine.end) return true;
    if (m === annexMention) return true;
    return ownCode != null && m.code === ownCode.code && (dates[i] == null || dates[i] === issuedOn);
  });
  const skipMention = (i: number) => inAlias[i]! || isOwn[i]!;

  const edges = findLinks(ft, mentions, skipMention);
  const targetOf = new Set(edges.map((e) => e.to));

  // Implements: mentions in the opening that are not targets of a stated third-party link.
  const implementsRefs: Reference[] = [];
  /** Each implements reference by its key, with the flat span of the mention it was made from. */
  const implByKey = new Map<string, { ref: Reference; start: number; end: number }>();
  const openingRanges = head.opening.map((o) => ({ s: o.line.start, e: o.line.end, verb: o.verb }));
  let implementVerbSource = openingRanges;
  if (openingRanges.length === 0 && head.titleLines.length) {
    // No opening: a title "… thực hiện Nghị quyết số …" says what the document implements.
    implementVerbSource = head.titleLines.map((l) => ({ s: l.start, e: l.end, verb: '' }));
  }
  mentions.forEach((m, i) => {
    if (skipMention(i) || targetOf.has(i)) return;
    const r = implementVerbSource.find((o) => m.start >= o.s && m.end <= o.e);
    if (!r) return;
    const verb = r.verb || leftVerb(ft, m);
    if (!verb) return;
    const ref = toReference(flat, m, verb, dates[i] ?? null, ctx);
    const key = refKey(ref.code, ref.resolvedIssuedOn ?? null, ref.province, ref.unit ?? null);
    if (implByKey.has(key)) return;
    implByKey.set(key, { ref, start: m.start, end: m.end });
    implementsRefs.push(ref);
  });

  // Cites: every other mention, deduplicated by code + date + province.
  const cites: Reference[] = [];
  const citeByKey = new Map<string, Reference>();
  mentions.forEach((m, i) => {
    if (skipMention(i)) return;
    const key = mentionKey(m, dates[i] ?? null, ctx);
    const impl = implByKey.get(key);
    if (impl) {
      // The mention the reference was made from is not a second mention (flat offsets on both sides).
      if (!(m.start >= impl.start && m.end <= impl.end)) mergeMention(impl.ref, m);
      return;
    }
    const prev = citeByKey.get(key);
    if (prev) {
      mergeMention(prev, m);
      return;
    }
    const ref = toReference(flat, m, leftVerb(ft, m) ?? 'cites', dates[i] ?? null, ctx);
    citeByKey.set(key, ref);
    cites.push(ref);
  });

  // Inferred links between third documents.
  const inferred: InferredLink[] = [];
  const infKeys = new Set<string>();
  for (const e of edges) {
    const link = toInferred(flat, e, mentions, dates, ctx);
    const end = (e: LinkEnd) => refKey(e.code, e.issuedOn, e.province, e.unit ?? null);
    const k = `${end(link.from)}>${end(link.to)}`;
    if (infKeys.has(k)) continue;
    infKeys.add(k);
    inferred.push(link);
  }

  const skip = new Set(footLines);
  const signed = findSigner(flat, ls, skip);
  const recipients = findRecipients(ls, skip, signed ? signed.firstLine : -1);
  // Numbered items before the signature, then the task tables, wherever they stand (an annex follows the signature).
  const assignments = [...findAssignments(flat, ls, skip, province, issuerLevel, signed ? signed.firstLine : -1), ...findTableAssignments(flat, ls, province, issuerLevel)];
  if (unit) for (const a of assignments) inUnit(a, unit);

  return {
    file,
    type,
    typeName: head.typeName ?? dt?.name ?? null,
    category: categoryOf(type),
    title: head.title,
    code: ownCode?.code ?? null,
    resolvedCode: ownCode?.code ?? null,
    codeSource,
    issuedOn,
    resolvedIssuedOn: ownCode ? issuedOn : null,
    province,
    place: head.place,
    unit,
    issuer: issuerOf(issuerName, province, issuerLevel, unit),
    signer: signed ? signed.signer : null,
    implements: implementsRefs,
    cites,
    inferred,
    assignments,
    recipients,
    aliases,
    footnotes,
    synthetic: opts.synthetic === true,
    contentHash: createHash('sha256').update(source).digest('hex'),
    text: source,
  };
}
