/**
 * Code patterns (regex sources). Texts collapse whitespace before matching (see normalize.ts), so a
 * single optional whitespace is enough between parts.
 *  - Party: NUMBER-TYPE/ISSUER        28-NQ/TW, 58- Ctr/TU, 101 -QĐ/TW, 25-KH/ĐUK
 *  - State: NUMBER/TYPE-ISSUER[-…]    3588/KH-UBND, 374 /KH-MTTQ-BTT
 *  - Law:   NUMBER/YEAR/TYPE-ISSUER   15/2023/NĐ-CP
 */

const L = 'A-Za-zĐđ';
const NOT_WORD_BEFORE = '(?<![0-9A-Za-zĐđ\\u00C0-\\u1EF9/])';
const NOT_WORD_AFTER = '(?![0-9A-Za-zĐđ\\u00C0-\\u1EF9])';

export const PARTY_CODE_SOURCE = `(?<pn>\\d{1,5})\\s?-\\s?(?<pt>[${L}]{1,5})\\s?\\/\\s?(?<pi>[A-ZĐ][${L}]{0,9})`;
export const STATE_CODE_SOURCE = `(?<sn>\\d{1,5})\\s?\\/\\s?(?:(?<sy>(?:19|20)\\d\\d)\\s?\\/\\s?)?(?<st>[A-ZĐ][${L}]{0,5})\\s?-\\s?(?<si>[A-ZĐ][${L}]{0,9}(?:-[A-ZĐ][${L}]{0,9}){0,3})`;

/** Any code in running text. Global; use with lastIndex / matchAll. */
export const CODE_SOURCE = `${NOT_WORD_BEFORE}(?:${PARTY_CODE_SOURCE}|${STATE_CODE_SOURCE})${NOT_WORD_AFTER}`;

export function codeRegex(): RegExp {
  return new RegExp(CODE_SOURCE, 'g');
}

/** Whole-string, case-insensitive variant for user input ("28 - nq/tw"). */
export const USER_CODE_RE = new RegExp(
  `^\\s*(?:số\\s*:?\\s*)?(?:(?<pn>\\d{1,5})\\s*-\\s*(?<pt>[${L}]{1,5})\\s*\\/\\s*(?<pi>[${L}]{1,10})|(?<sn>\\d{1,5})\\s*\\/\\s*(?:(?<sy>(?:19|20)\\d\\d)\\s*\\/\\s*)?(?<st>[${L}]{1,6})\\s*-\\s*(?<si>[${L}]{1,10}(?:\\s*-\\s*[${L}]{1,10}){0,3}))\\s*$`,
  'i',
);

/** Issuers whose canonical spelling is not all upper case. */
export const MIXED_CASE_ISSUERS: Readonly<Record<string, string>> = { TTG: 'TTg' };

/** Issuers every level's state and front bodies write ("…/KH-UBND" of a province, a district or a commune alike). */
export const ANY_LEVEL_ISSUER_RE = /^(?:UBND|HĐND|MTTQ(?:-.*)?|BTT)$/i;
/** A bloc committee's codes ("25-KH/ĐUK"). */
export const BLOC_ISSUER_RE = /^ĐUK/i;

/** Issuer code → level key. Checked in order; first predicate that matches wins (a code every level writes: provincial). */
export const ISSUER_LEVEL_RULES: ReadonlyArray<[RegExp, string]> = [
  [/^(?:TW|.*TW|QH|UBTVQH\d*|CP|TTG|VPCP|BCT|BBT)$/i, 'central'],
  [/^(?:TU|.*TU|THU|.*THU)$/i, 'provincial'],
  [ANY_LEVEL_ISSUER_RE, 'provincial'],
  [/^(?:HU|.*HU|QU|.*QU|TXU|ĐUK|ĐUKCCQ|ĐUK.*)$/i, 'district'],
  [/^(?:ĐU|ĐUX|CB)$/i, 'commune'],
];
