/**
 * Pure mapping: an extracted record → the rows written to Neo4j (nodes and edges with their evidence).
 * No I/O; the writer (write.ts) sends these rows in one parameterised transaction per document.
 */
import type { ExtractedRecord, Reference } from '../extract/types.js';
import { foldDiacritics, provinceSlug } from '../extract/provinces.js';
import { levelRank } from '../extract/levels.js';
import { codeLevel, codeType, issuingUnit, remembered, termSpans, typeCategory, typeNameOf } from '../extract/index.js';
import { directiveUid } from './identity.js';
import { nameSortKey } from './sort-key.js';

export interface DirectiveRow {
  uid: string;
  code: string | null;
  issuedOn: string | null;
  type: string | null;
  typeName: string | null;
  category: 'document' | 'regulation';
  title: string | null;
  province: string | null;
  /** The issuing unit below the province ("xã Hàm Thắng"), part of the identity of a district's, bloc's or commune's text. */
  unit: string | null;
  level: string | null;
  levelRank: number | null;
  issuerName: string | null;
  synthetic: boolean;
  searchText: string;
  /** A stub's title / issuer is what the texts written with this one agree on (resolveCorpus): it replaces a stored one. */
  titleAgreed?: boolean;
  issuerAgreed?: boolean;
  /** A stub's title and issuer folded for search, added to a stored stub's search text with them (graph/stub-merge.ts). */
  titleSearch?: string;
  issuerSearch?: string;
}

export interface FullDirectiveRow extends DirectiveRow {
  sourceFile: string;
  codeSource: string | null;
  text: string;
  contentHash: string;
  signerName: string | null;
  signerCapacity: string | null;
  recipients: string[];
  place: string | null;
  /**
   * How many organisations the text assigns tasks to (distinct; an organisation given tasks in two sections counts
   * once): what a cascade with its organisations folded shows on each directive. Its own text's figure, like
   * `searchText`, so it is written with the text and replaced with it.
   */
  assigneeCount: number;
}

export interface LinkRow {
  kind: 'IMPLEMENTS' | 'CITES';
  from: string;
  to: string;
  verb: string;
  quote: string;
  start: number;
  end: number;
  inferred: boolean;
  mentionedCode: string;
  mentions: number;
  /** Undated mention: the writer may resolve it to the one dated document of that code in the province. */
  undatedCode: string | null;
  undatedProvince: string | null;
  /** …and in that unit below the province (null: a text of the province itself). */
  undatedUnit: string | null;
  /**
   * An undated central mention that names its term ("khoá XII"): the days its text can bear (extract/terms.ts
   * termSpans), so the writer never resolves it to a text of another term; null: no term named.
   */
  undatedSpans: Array<[string, string | null]> | null;
}

export interface OrganizationRow {
  key: string;
  name: string;
  province: string | null;
  level: string | null;
  levelRank: number | null;
  kind: string;
  /** The unit below the province when the name does not say ("Cấp ủy cơ sở" of "Khối các cơ quan tỉnh"), else null. */
  unit: string | null;
  searchText: string;
  /** The name's place in Vietnamese alphabetical order (sort-key.ts): lists of organisations sort by it. */
  sortKey: string;
}

export interface AssignmentRow {
  orgKey: string;
  tasks: string[];
  timings: string[];
  fromYear: number | null;
  toYear: number | null;
  quote: string;
  start: number;
  end: number;
  order: number;
}

export interface GraphRows {
  directive: FullDirectiveRow;
  stubs: DirectiveRow[];
  links: LinkRow[];
  organizations: OrganizationRow[];
  assignments: AssignmentRow[];
  issuer: OrganizationRow | null;
}

const orgNames = remembered<{ key: string; searchText: string; sortKey: string }>(100_000);
/**
 * An organisation's key: its name and province, and the unit below the province when the name does not say which
 * ("Cấp ủy cơ sở#quang-nam@khoi cac co quan tinh": every bloc and commune has one).
 */
function organizationNames(name: string, province: string | null, unit: string | null): { key: string; searchText: string; sortKey: string } {
  return orgNames(`${name}\u0001${province ?? ''}\u0001${unit ?? ''}`, () => ({
    key: `${foldDiacritics(name).replace(/\s+/g, ' ').trim()}#${province ? provinceSlug(province) : 'national'}${unit ? `@${foldDiacritics(unit).replace(/\s+/g, ' ').trim()}` : ''}`,
    searchText: searchText(name, unit, province),
    sortKey: nameSortKey(name),
  }));
}

/** Folded parts joined: each part folded on its own, as names, types and provinces repeat (remembered folds). */
function searchText(...parts: Array<string | null | undefined>): string {
  return parts.filter((p): p is string => !!p).map(foldDiacritics).join(' ').replace(/\s+/g, ' ').trim();
}

function refProvince(ref: { level: string | null; province: string | null }, citing: ExtractedRecord): string | null {
  if (ref.level === 'central') return null;
  return ref.province ?? citing.issuer.province;
}

function refUnit(ref: { level: string | null; unit?: string | null }): string | null {
  return ref.level === 'central' ? null : (ref.unit ?? null);
}

const stubs = remembered<DirectiveRow>(100_000);
/** A mentioned directive's row; a copy each time, as callers own their rows. */
function stubRow(
  code: string, issuedOn: string | null, type: string | null, level: string | null, province: string | null, unit: string | null, issuer: string | null, subject: string | null = null, printedType: string | null = null,
  agreed: { title?: boolean; issuer?: boolean } = {},
): DirectiveRow {
  const titleAgreed = agreed.title === true;
  const issuerAgreed = agreed.issuer === true;
  const key = JSON.stringify([code, issuedOn, type, level, province, unit, issuer, subject, printedType, titleAgreed, issuerAgreed]);
  return {
    ...stubs(key, () => ({
      ...newStubRow(code, issuedOn, type, level, province, unit, issuer, subject, printedType),
      ...(subject ? { titleSearch: searchText(subject) } : {}),
      ...(issuer ? { issuerSearch: searchText(issuer) } : {}),
      ...(titleAgreed ? { titleAgreed } : {}),
      ...(issuerAgreed ? { issuerAgreed } : {}),
    })),
  };
}

function newStubRow(
  code: string, issuedOn: string | null, type: string | null, level: string | null, province: string | null, unit: string | null, issuer: string | null, subject: string | null, printedType: string | null,
): DirectiveRow {
  // The type as the text names it ("Quy định số 101-QĐ/TW"), else the code's.
  const typeName = printedType ?? typeNameOf(type);
  return {
    uid: directiveUid({ code, issuedOn, level, province, unit }),
    code,
    issuedOn,
    type,
    typeName,
    category: typeCategory(type),
    // Known only from mentions: the subject the mention gives ("về …") stands in for the title.
    title: subject,
    province: level === 'central' ? null : province,
    unit: level === 'central' ? null : unit,
    level,
    levelRank: levelRank(level),
    issuerName: issuer,
    synthetic: false,
    searchText: searchText(code, typeName, subject, province, issuer),
  };
}

/** The printed date, or the one the corpus identified the document or mention with. */
function recordDate(r: ExtractedRecord): string | null {
  return r.issuedOn ?? r.resolvedIssuedOn ?? null;
}

function refDate(r: Reference): string | null {
  return r.issuedOn ?? r.resolvedIssuedOn ?? null;
}

/** The id of the directive a mention of `citing` stands for (before an undated one is resolved in the graph). */
export function referenceUid(ref: Reference, citing: ExtractedRecord): string {
  return directiveUid({ code: ref.code, issuedOn: refDate(ref), level: ref.level, province: refProvince(ref, citing), unit: refUnit(ref) });
}

export function ownUid(record: ExtractedRecord): string {
  return directiveUid({
    code: record.resolvedCode,
    issuedOn: recordDate(record),
    level: record.issuer.level,
    province: record.issuer.province,
    unit: issuingUnit(record),
    contentHash: record.contentHash,
  });
}

export function recordToRows(record: ExtractedRecord): GraphRows {
  const uid = ownUid(record);
  const province = record.issuer.province;
  const directive: FullDirectiveRow = {
    uid,
    code: record.resolvedCode,
    issuedOn: recordDate(record),
    type: record.type,
    typeName: record.typeName,
    category: record.category,
    title: record.title,
    province,
    unit: issuingUnit(record),
    level: record.issuer.level,
    levelRank: levelRank(record.issuer.level),
    issuerName: record.issuer.name,
    synthetic: record.synthetic,
    searchText: searchText(record.resolvedCode, record.typeName, record.title, province, record.issuer.name),
    sourceFile: record.file,
    codeSource: record.codeSource,
    text: record.text,
    contentHash: record.contentHash,
    signerName: record.signer?.name ?? null,
    signerCapacity: record.signer?.capacity ?? null,
    recipients: record.recipients,
    place: record.place,
    assigneeCount: 0,
  };

  const stubs = new Map<string, DirectiveRow>();
  const links = new Map<string, LinkRow>();
  const addLink = (kind: LinkRow['kind'], from: string, ref: Reference | null, to: DirectiveRow, ev: { quote: string; start: number; end: number; verb: string; raw: string }, inferred: boolean) => {
    if (from === to.uid) return;
    if (!stubs.has(to.uid) && to.uid !== uid) stubs.set(to.uid, to);
    const key = `${kind}|${from}|${to.uid}`;
    const prev = links.get(key);
    if (prev) {
      prev.mentions += 1;
      return;
    }
    links.set(key, {
      kind,
      from,
      to: to.uid,
      verb: ev.verb,
      quote: ev.quote,
      start: ev.start,
      end: ev.end,
      inferred,
      mentionedCode: ev.raw,
      mentions: 1,
      undatedCode: ref && !refDate(ref) ? ref.code : null,
      undatedProvince: ref && !refDate(ref) ? refProvince(ref, record) : null,
      undatedUnit: ref && !refDate(ref) ? refUnit(ref) : null,
      undatedSpans: ref && !refDate(ref) && ref.level === 'central' ? termSpans(ref.term ?? null) : null,
    });
  };

  const refStub = (ref: Reference) => stubRow(ref.code, refDate(ref), ref.type, ref.level, refProvince(ref, record), refUnit(ref), ref.resolvedIssuer ?? ref.issuer, ref.resolvedSubject ?? ref.subject ?? null, ref.typeName ?? null, {
    title: ref.resolvedSubject != null,
    issuer: ref.resolvedIssuer != null,
  });
  // A document never implements and cites the same target: implementing wins.
  const implemented = new Set<string>();
  for (const ref of record.implements) {
    const target = refStub(ref);
    implemented.add(target.uid);
    addLink('IMPLEMENTS', uid, ref, target, ref, false);
  }
  for (const ref of record.cites) {
    const target = refStub(ref);
    if (implemented.has(target.uid)) continue;
    addLink('CITES', uid, ref, target, ref, false);
  }
  for (const inf of record.inferred) {
    const fromLevel = inf.from.level ?? codeLevel(inf.from.code);
    const toLevel = inf.to.level ?? codeLevel(inf.to.code);
    const fromProv = fromLevel === 'central' ? null : (inf.from.province ?? province);
    const toProv = toLevel === 'central' ? null : (inf.to.province ?? province);
    const from = stubRow(inf.from.code, inf.from.issuedOn, codeType(inf.from.code), fromLevel, fromProv, refUnit({ level: fromLevel, unit: inf.from.unit }), null);
    const to = stubRow(inf.to.code, inf.to.issuedOn, codeType(inf.to.code), toLevel, toProv, refUnit({ level: toLevel, unit: inf.to.unit }), null);
    if (from.uid === uid || to.uid === uid) continue; // stated by the document itself: already a direct link
    if (!stubs.has(from.uid)) stubs.set(from.uid, from);
    const undatedTo = inf.to.issuedOn ? null : ({ code: inf.to.code, issuedOn: null, level: toLevel, province: toProv, unit: inf.to.unit ?? null } as Reference);
    addLink('IMPLEMENTS', from.uid, undatedTo, to, { ...inf, raw: inf.to.code }, true);
  }

  const organizations = new Map<string, OrganizationRow>();
  const orgRow = (name: string, prov: string | null, level: string | null, kind: string, unit: string | null): OrganizationRow => {
    const names = organizationNames(name, prov, unit);
    const key = names.key;
    const row = organizations.get(key) ?? { key, name, province: prov, level, levelRank: levelRank(level), kind, unit, searchText: names.searchText, sortKey: names.sortKey };
    organizations.set(key, row);
    return row;
  };
  const assignments: AssignmentRow[] = [];
  record.assignments.forEach((a, order) => {
    const org = orgRow(a.organization, a.province ?? province, a.level, a.kind, a.unit ?? null);
    const years = a.tasks.flatMap((t) => [t.timing?.fromYear, t.timing?.toYear]).filter((y): y is number => typeof y === 'number');
    assignments.push({
      orgKey: org.key,
      tasks: a.tasks.map((t) => t.text),
      timings: a.tasks.map((t) => t.timing?.text ?? ''),
      fromYear: years.length ? Math.min(...years) : null,
      toYear: years.length ? Math.max(...years) : null,
      quote: a.quote,
      start: a.start,
      end: a.end,
      order,
    });
  });
  directive.assigneeCount = new Set(assignments.map((a) => a.orgKey)).size;
  const issuer = record.issuer.name ? orgRow(record.issuer.name, province, record.issuer.level, 'party', record.issuer.unit ?? null) : null;

  return { directive, stubs: [...stubs.values()], links: [...links.values()], organizations: [...organizations.values()], assignments, issuer };
}
