/** Parse and normalise document codes ("số hiệu"). */
import { ISSUER_LEVEL_RULES, MIXED_CASE_ISSUERS, USER_CODE_RE } from './patterns/codes.js';
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

/** Parse a code as a user would type it: "28 - NQ/TW", "28-nq/tw", "số: 374 /KH-MTTQ-BTT". */
export function parseCode(input: string): ParsedCode | null {
  const m = USER_CODE_RE.exec(input.normalize('NFC'));
  if (!m || !m.groups) return null;
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
