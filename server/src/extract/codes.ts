/** Parse and normalise document codes ("số hiệu"). */
import { ISSUER_LEVEL_RULES, MIXED_CASE_ISSUERS, USER_CODE_RE } from './patterns/codes.js';
import { CONGRESS_CODE_RE } from './patterns/congress.js';
import { canonicalTypeKey } from './patterns/types.js';
import type { LevelKey } from './types.js';

export interface ParsedCode {
  /** Normalised code: "28-NQ/TW", "3588/KH-UBND", "15/2023/NĐ-CP". */
  code: string;
  number: string;
  year: string | null;
  type: string;
  /** Issuer part: "TW", "BTGTU", "UBND", "MTTQ-BTT", "CP". */
  issuer: string;
  form: 'party' | 'state';
  /** Whether the type part is a known document type. */
  knownType: boolean;
  /** (Optional) A congress's resolution, named without a code ("Đại hội XIII/TW"): `number` is its Roman numeral. */
  congress?: true;
}

/** Named groups produced by the code patterns. */
export interface CodeGroups {
  pn?: string | undefined;
  pt?: string | undefined;
  pi?: string | undefined;
  sn?: string | undefined;
  sy?: string | undefined;
  st?: string | undefined;
  si?: string | undefined;
}

function stripZeros(n: string): string {
  const s = n.replace(/^0+/, '');
  return s === '' ? '0' : s;
}

function canonType(raw: string): { type: string; known: boolean } {
  const k = canonicalTypeKey(raw);
  return k ? { type: k, known: true } : { type: raw.toUpperCase(), known: false };
}

export function canonIssuer(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .split('-')
    .map((p) => {
      const up = p.toUpperCase();
      return MIXED_CASE_ISSUERS[up] ?? up;
    })
    .join('-');
}

export function fromGroups(g: CodeGroups): ParsedCode | null {
  if (g.pn != null && g.pt != null && g.pi != null) {
    const { type, known } = canonType(g.pt);
    const issuer = canonIssuer(g.pi);
    const number = stripZeros(g.pn);
    return { code: `${number}-${type}/${issuer}`, number, year: null, type, issuer, form: 'party', knownType: known };
  }
  if (g.sn != null && g.st != null && g.si != null) {
    const { type, known } = canonType(g.st);
    const issuer = canonIssuer(g.si);
    const number = stripZeros(g.sn);
    const year = g.sy ?? null;
    const code = year ? `${number}/${year}/${type}-${issuer}` : `${number}/${type}-${issuer}`;
    return { code, number, year, type, issuer, form: 'state', knownType: known };
  }
  return null;
}

const ROMAN_DIGITS: ReadonlyArray<[number, string]> = [[40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** 13 → "XIII" (1–49, the congresses' numbers). */
export function romanNumeral(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN_DIGITS) for (; n >= v; n -= v) out += s;
  return out;
}

/**
 * The code of a congress's resolution, which prints none: "Đại hội XIII/TW" (the Party's national congress), "Đại hội
 * XIV/TU" (a province's: its province is part of its identity, as for any provincial code), "…/HU", "…/ĐUK", "…/ĐU".
 */
export function congressCode(numeral: string, issuer: string): ParsedCode {
  const number = numeral.toUpperCase();
  return { code: `Đại hội ${number}/${issuer}`, number, year: null, type: 'NQ', issuer, form: 'party', knownType: true, congress: true };
}

/** A congress's number as written ("XIV", "xiv", "14") → its Roman numeral; null for anything else (1–49). */
export function congressNumeral(n: string): string | null {
  const numeral = /^\d+$/.test(n) ? (Number(n) >= 1 && Number(n) < 50 ? romanNumeral(Number(n)) : null) : n.toUpperCase();
  return numeral && romanNumeral(romanValue(numeral)) === numeral ? numeral : null;
}

function userCongressCode(input: string): ParsedCode | null {
  const m = CONGRESS_CODE_RE.exec(input);
  const numeral = m?.groups ? congressNumeral(m.groups.n!) : null;
  if (!numeral) return null;
  return congressCode(numeral, m!.groups!.i ? m!.groups!.i.toUpperCase().replace(/^D/, 'Đ') : 'TW');
}

function romanValue(numeral: string): number {
  let n = 0;
  let at = 0;
  for (const [v, s] of ROMAN_DIGITS) {
    while (numeral.startsWith(s, at)) {
      n += v;
      at += s.length;
    }
  }
  return at === numeral.length ? n : -1;
}

/**
 * Parse a code as a user would type it: "28 - NQ/TW", "28-nq/tw", "số: 374 /KH-MTTQ-BTT"; a congress's resolution as
 * "Đại hội XIII/TW", "đại hội 13" (the national one unless an issuer follows).
 */
export function parseCode(input: string): ParsedCode | null {
  const nfc = input.normalize('NFC');
  const m = USER_CODE_RE.exec(nfc);
  if (!m || !m.groups) return userCongressCode(nfc);
  const p = fromGroups(m.groups as CodeGroups);
  if (!p || !p.knownType) return null;
  return p;
}

/** "28 - NQ/TW" → "28-NQ/TW"; "05-nq/tw" → "5-NQ/TW"; anything that is not a code → null. */
export function normalizeCode(input: string): string | null {
  return parseCode(input)?.code ?? null;
}

/** Level of the issuing body named by a code's issuer part, when derivable. */
export function issuerLevel(issuer: string): LevelKey | null {
  for (const [re, level] of ISSUER_LEVEL_RULES) if (re.test(issuer)) return level;
  return null;
}

export function codeLevel(code: string): LevelKey | null {
  const p = parseCode(code);
  return p ? issuerLevel(p.issuer) : null;
}

/** Type key of a normalised code. */
export function codeType(code: string): string | null {
  return parseCode(code)?.type ?? null;
}

/** Issuer part of a normalised code. */
export function codeIssuer(code: string): string | null {
  return parseCode(code)?.issuer ?? null;
}
