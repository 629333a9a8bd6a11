/**
 * resolveCorpus: what a set of documents says about each other.
 *  1. A document without a printed number gets the code others cite it by, when exactly one cited code
 *     agrees on type, issuer, province and subject (it implements what the document implements) — else
 *     nothing: never guess.
 *  2. An undated mention gets a date when the corpus has exactly one dated candidate for that code in
 *     the same province and unit below it (central codes: anywhere) whose term agrees with the mention's: "Nghị quyết số
 *     37-NQ/TW … khoá XII" is not the 37-NQ/TW of 09/10/2014 (term XI) another text cites.
 *  3. Every mention of a document gets the subject and the issuer's name the texts agree on (subject-choice.ts), when
 *     there is one: one title and one issuer per document, whichever text is written first.
 */
import { issuerLevel, parseCode } from './codes.js';
import { issuerMatchesName } from './issuer.js';
import { termAgrees, termList } from './terms.js';
import type { ExtractedRecord, InferredLink, Reference } from './types.js';
import { issuingUnit } from './unit.js';
import { agreedWording } from './subject-choice.js';
import { remembered } from './memo.js';

interface Candidate {
  code: string;
  date: string;
  province: string | null;
  unit: string | null;
}

/** Whether a code is a central text's; asked for every mention of a corpus, and codes repeat: parsed once each. */
const centralCodes = remembered<boolean>(100_000);
function isCentral(code: string): boolean {
  return centralCodes(code, () => {
    const p = parseCode(code);
    return p ? issuerLevel(p.issuer) === 'central' : false;
  });
}

/** Whose text a code names: central codes anywhere; others in their province, and their unit below it if any. */
function identityKey(code: string, province: string | null, unit: string | null | undefined): string {
  return isCentral(code) ? `${code}|` : `${code}|${province ?? ''}|${unit ?? ''}`;
}

function refDate(r: Reference): string | null {
  return r.resolvedIssuedOn ?? r.issuedOn;
}

export function resolveCorpus(records: ExtractedRecord[]): ExtractedRecord[] {
  const out = records.map((r) => ({
    ...r,
    implements: r.implements.map((x) => ({ ...x })),
    cites: r.cites.map((x) => ({ ...x })),
    inferred: r.inferred.map((x) => ({ ...x, from: { ...x.from }, to: { ...x.to } })),
  }));

  // Dated facts: code|province|unit → date → the terms printed with it.
  const dated = new Map<string, Map<string, string[]>>();
  const addDated = (code: string, province: string | null, unit: string | null | undefined, date: string | null, term: string | null = null) => {
    if (!date) return;
    const k = identityKey(code, province, unit);
    let byDate = dated.get(k);
    if (!byDate) dated.set(k, (byDate = new Map()));
    const terms = byDate.get(date) ?? [];
    terms.push(...termList(term));
    byDate.set(date, terms);
  };
  for (const r of out) {
    if (r.code && r.issuedOn) addDated(r.code, r.province ?? r.issuer.province, issuingUnit(r), r.issuedOn);
    for (const x of [...r.implements, ...r.cites]) addDated(x.code, x.province, x.unit, x.issuedOn, x.term);
    for (const l of r.inferred) {
      addDated(l.from.code, l.from.province, l.from.unit, l.from.issuedOn);
      addDated(l.to.code, l.to.province, l.to.unit, l.to.issuedOn);
    }
  }

  // 1. Numberless documents.
  const claimed = new Set<string>();
  for (const r of out) if (r.resolvedCode) claimed.add(`${identityKey(r.resolvedCode, r.province ?? null, issuingUnit(r))}|${r.resolvedIssuedOn ?? ''}`);
  for (const r of out) {
    if (r.resolvedCode || !r.type) continue;
    const province = r.province ?? r.issuer.province;
    const unit = issuingUnit(r);
    const implCodes = new Set(r.implements.map((x) => x.code));
    const implDates = r.implements.map(refDate).filter((d): d is string => d != null).sort();
    const latestImpl = implDates[implDates.length - 1] ?? null;
    const found = new Map<string, Candidate>();
    for (const other of out) {
      if (other === r) continue;
      // Cited codes that the citing text says implement something.
      const stated = new Map<string, Set<string>>();
      const addStated = (l: InferredLink) => {
        const k = `${l.from.code}|${l.from.issuedOn ?? ''}|${l.from.province ?? ''}|${l.from.unit ?? ''}`;
        let s = stated.get(k);
        if (!s) stated.set(k, (s = new Set()));
        s.add(l.to.code);
      };
      other.inferred.forEach(addStated);
      for (const x of [...other.implements, ...other.cites]) {
        const date = refDate(x);
        const p = parseCode(x.code);
        if (!p || !date) continue;
        if (p.type !== r.type) continue;
        if (x.province == null || x.province !== province) continue;
        if ((x.unit ?? null) !== unit) continue;
        if (!issuerMatchesName(p.issuer, r.issuer.name)) continue;
        if (issuerLevel(p.issuer) !== r.issuer.level) continue;
        if (latestImpl && date < latestImpl) continue;
        const targets = stated.get(`${x.code}|${date}|${x.province}|${x.unit ?? ''}`);
        if (!targets || ![...targets].some((t) => implCodes.has(t))) continue;
        found.set(`${x.code}|${date}`, { code: x.code, date, province: x.province, unit });
      }
    }
    if (found.size !== 1) continue;
    const c = [...found.values()][0]!;
    const key = `${identityKey(c.code, c.province, c.unit)}|${c.date}`;
    if (claimed.has(key)) continue;
    claimed.add(key);
    r.resolvedCode = c.code;
    r.codeSource = 'corpus';
    r.resolvedIssuedOn = c.date;
    addDated(c.code, c.province, c.unit, c.date);
  }

  // 2. Undated mentions.
  const only = (code: string, province: string | null, unit: string | null | undefined, term: string | null = null): string | null => {
    const byDate = dated.get(identityKey(code, province, unit));
    if (!byDate) return null;
    const central = isCentral(code);
    const fit = [...byDate].filter(([date, terms]) => termAgrees(term, date, central, terms));
    return fit.length === 1 ? fit[0]![0] : null;
  };
  for (const r of out) {
    for (const x of [...r.implements, ...r.cites]) {
      if (refDate(x)) continue;
      const d = only(x.code, x.province, x.unit, x.term);
      if (d) {
        x.resolvedIssuedOn = d;
        x.dateSource = 'corpus';
      }
    }
    for (const l of r.inferred) {
      if (!l.from.issuedOn) l.from.issuedOn = only(l.from.code, l.from.province, l.from.unit);
      if (!l.to.issuedOn) l.to.issuedOn = only(l.to.code, l.to.province, l.to.unit);
    }
  }

  // 3. One subject and one issuer per mentioned document: each text's wording (its first mention that gives one), then
  //    the agreed one.
  interface Mentioned {
    refs: Reference[];
    subjects: Array<string | null>;
    issuers: Array<string | null>;
  }
  const mentioned = new Map<string, Mentioned>();
  for (const r of out) {
    const own = new Map<string, { subject: string | null; issuer: string | null }>();
    for (const x of [...r.implements, ...r.cites]) {
      // What another corpus agreed on, if the record was resolved before.
      if (x.resolvedSubject !== undefined) delete x.resolvedSubject;
      if (x.resolvedIssuer !== undefined) delete x.resolvedIssuer;
      const k = `${identityKey(x.code, x.province ?? r.issuer.province, x.unit)}|${refDate(x) ?? ''}`;
      let m = mentioned.get(k);
      if (!m) mentioned.set(k, (m = { refs: [], subjects: [], issuers: [] }));
      m.refs.push(x);
      const o = own.get(k) ?? { subject: null, issuer: null };
      own.set(k, { subject: o.subject ?? x.subject ?? null, issuer: o.issuer ?? x.issuer ?? null });
    }
    for (const [k, o] of own) {
      mentioned.get(k)!.subjects.push(o.subject);
      mentioned.get(k)!.issuers.push(o.issuer);
    }
  }
  for (const { refs, subjects, issuers } of mentioned.values()) {
    const subject = agreedWording(subjects);
    const issuer = agreedWording(issuers);
    for (const x of refs) {
      if (subject != null) x.resolvedSubject = subject;
      if (issuer != null) x.resolvedIssuer = issuer;
    }
  }
  return out;
}
