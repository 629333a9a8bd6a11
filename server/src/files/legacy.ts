/**
 * Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI): detection and conversion to Unicode, on raw bytes
 * and on text that was decoded as if it were Latin-1/Windows-1252 (e.g. a .docx typed with a ".VnTime"
 * or "VNI-Times" font). Conversion is checked: when the converted text does not read as Vietnamese, or
 * both encodings read equally well, the input is refused with an error naming the encoding(s) rather
 * than silently corrupting names and codes.
 */
import { TCVN3_LETTERS, VNI_LETTERS, VNI_MARKS } from './legacy-tables.js';

export type LegacyEncoding = 'TCVN3 (ABC)' | 'VNI';

// TCVN3: đ = 0xAE "®", Đ = 0xA7 "§", ư = 0xAD, ơ = 0xAC, ê = 0xAA, â = 0xA9, ă = 0xA8, ô = 0xAB,
// toned vowels 0xB5–0xFE ("¸" á, "Ö" ệ, "Õ" ế …), all standalone bytes.
const TCVN3_STRONG = new Set([0xa7, 0xae, 0xad, 0xac, 0xaa, 0xa9, 0xb8, 0xb5, 0xb6, 0xb9, 0xd6, 0xd5, 0xc7, 0xca, 0xcb, 0xe9, 0xe8, 0xf9]);
// VNI: a vowel followed by a tone/shape byte ("aù" á, "aø" à, "eä" ệ, "oâ" ô), đ = 0xF1 "ñ", Đ = 0xD1 "Ñ".
const VNI_MARK_SET = new Set([0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe8, 0xe9, 0xea, 0xeb, 0xef, 0xf5, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc8, 0xc9, 0xca, 0xcb, 0xcf, 0xd5, 0xd8, 0xd9, 0xda, 0xdb, 0xdc]);
const VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)));

/** Codes (0–255) of a byte sequence or of a Latin-1-range string. */
function at(src: Uint8Array | string, i: number): number {
  return typeof src === 'string' ? src.charCodeAt(i) : src[i]!;
}

export function detectLegacy(src: Uint8Array | string): LegacyEncoding | null {
  const n = Math.min(src.length, 1 << 20);
  let high = 0;
  let vniPairs = 0;
  let vniD = 0;
  let tcvn = 0;
  let letters = 0;
  let vietUnicode = 0;
  for (let i = 0; i < n; i++) {
    const c = at(src, i);
    if (c >= 0x1ea0 && c <= 0x1ef9) vietUnicode++;
    if (c === 0x0111 || c === 0x0110 || c === 0x01a1 || c === 0x01b0) vietUnicode++;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    if (c < 0x80 || c > 0xff) continue;
    high++;
    if (i > 0 && VNI_MARK_SET.has(c) && VOWELS.has(at(src, i - 1))) vniPairs++;
    if (c === 0xf1 || c === 0xd1) vniD++;
    if (TCVN3_STRONG.has(c)) tcvn++;
  }
  // Text with real Vietnamese Unicode letters is not legacy.
  if (vietUnicode > 0 && vietUnicode * 4 > high) return null;
  if (high < 8 || high * 50 < letters) return null;
  if ((vniPairs + vniD) / high > 0.6) return 'VNI';
  if (tcvn / high > 0.3) return 'TCVN3 (ABC)';
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Conversion

/** Bytes 0x80–0x9F as Windows-1252 (curly quotes, dashes typed in Word); other bytes as Latin-1. */
const CP1252_80: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function byteChar(b: number): string {
  return String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_80[b - 0x80]! : b);
}

const TCVN3_MAP = new Map<number, string>(TCVN3_LETTERS);
const VNI_LETTER_MAP = new Map<number, string>(VNI_LETTERS);
const VNI_MARK_MAP = new Map<number, { marks: string; upper: boolean }>();
for (const [lo, up, marks] of VNI_MARKS) {
  VNI_MARK_MAP.set(lo, { marks, upper: false });
  VNI_MARK_MAP.set(up, { marks, upper: true });
}
/** Bases a VNI mark byte may follow: plain vowels and the one-byte ơ/ư. */
const VNI_BASES = new Map<number, string>([...'aeiouyAEIOUY'].map((c) => [c.charCodeAt(0), c]));
for (const b of [0xf4, 0xd4, 0xf6, 0xd6]) VNI_BASES.set(b, VNI_LETTER_MAP.get(b)!);

/** Code of char i: a byte, or the UTF-16 unit of a string (Latin-1 range = the original byte). */
function codes(src: Uint8Array | string): { n: number; at: (i: number) => number; char: (i: number) => string } {
  if (typeof src === 'string') return { n: src.length, at: (i) => src.charCodeAt(i), char: (i) => src.charAt(i) };
  return { n: src.length, at: (i) => src[i]!, char: (i) => byteChar(src[i]!) };
}

/** TCVN3 → Unicode. Bytes that are not VN3 letters stay what they are in Windows-1252/Latin-1. */
export function decodeTcvn3(src: Uint8Array | string): string {
  const { n, at: code, char } = codes(src);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = code(i);
    out.push(c >= 0xa0 && c <= 0xff ? (TCVN3_MAP.get(c) ?? char(i)) : char(i));
  }
  return out.join('');
}

/** VNI-Windows → Unicode (NFC): base vowel + mark byte → one precomposed letter; one-byte letters. */
export function decodeVni(src: Uint8Array | string): string {
  const { n, at: code, char } = codes(src);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = code(i);
    const base = VNI_BASES.get(c);
    if (base !== undefined && i + 1 < n) {
      const mark = VNI_MARK_MAP.get(code(i + 1));
      if (mark) {
        const composed = (base + mark.marks).normalize('NFC');
        if (composed.length === 1) {
          out.push(composed);
          i++;
          continue;
        }
      }
    }
    out.push(c >= 0xa0 && c <= 0xff ? (VNI_LETTER_MAP.get(c) ?? char(i)) : char(i));
  }
  return out.join('');
}

export function decodeLegacy(src: Uint8Array | string, encoding: LegacyEncoding): string {
  return encoding === 'VNI' ? decodeVni(src) : decodeTcvn3(src);
}

const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/;
const WORD_RE = /[\p{L}\p{M}\u00a1-\u00bf]+/gu;
/** Latin-1 letters that are not Vietnamese: left over when the conversion did not apply. */
const FOREIGN_RE = /[\u00a1-\u00ff]/;
const VIET_LETTER_RE = /[ăâêôơưđĂÂÊÔƠƯĐ\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd\u00e0-\u00e3\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd\u0128\u0129\u0168\u0169\u1ea0-\u1ef9]/;

export interface LegacyReading {
  text: string;
  /** Words that are not possible Vietnamese spellings (two tone marks, or leftover foreign letters). */
  bad: number;
  /** Words with at least one Vietnamese letter outside ASCII. */
  viet: number;
}

/** How well a converted text reads as Vietnamese: words with ≥ 2 tones or with non-Vietnamese letters. */
export function readLegacy(src: Uint8Array | string, encoding: LegacyEncoding): LegacyReading {
  const text = decodeLegacy(src, encoding);
  let bad = 0;
  let viet = 0;
  const sample = text.length > 1 << 20 ? text.slice(0, 1 << 20) : text;
  for (const m of sample.matchAll(WORD_RE)) {
    const w = m[0];
    let nonAscii = false;
    for (let i = 0; i < w.length; i++) {
      if (w.charCodeAt(i) > 0x7f) {
        nonAscii = true;
        break;
      }
    }
    if (!nonAscii) continue;
    let tones = 0;
    let foreign = false;
    let vietLetter = false;
    for (const ch of w) {
      if (TONE_RE.test(ch.normalize('NFD'))) tones++;
      if (VIET_LETTER_RE.test(ch)) vietLetter = true;
      else if (FOREIGN_RE.test(ch)) foreign = true;
    }
    if (tones > 1 || foreign) bad++;
    else if (vietLetter) viet++;
  }
  return { text, bad, viet };
}

export type LegacyResult =
  | { ok: true; encoding: LegacyEncoding; text: string }
  | { ok: false; encoding: LegacyEncoding; reason: string };

const ENCODINGS: readonly LegacyEncoding[] = ['TCVN3 (ABC)', 'VNI'];
/** Share of non-ASCII words allowed to read badly after conversion. */
const MAX_BAD = 0.02;

/**
 * Convert legacy-encoded input (already detected as `detected`) to Unicode, or explain why not: the
 * conversion must read as Vietnamese, and clearly better than the other encoding would.
 */
export function convertLegacy(src: Uint8Array | string, detected: LegacyEncoding): LegacyResult {
  const [a, b] = ENCODINGS.map((e) => ({ e, r: readLegacy(src, e) }));
  const mine = a!.e === detected ? a! : b!;
  const other = a!.e === detected ? b! : a!;
  const words = mine.r.viet + mine.r.bad;
  if (words === 0 || mine.r.bad > words * MAX_BAD) {
    const pct = words ? Math.round((mine.r.bad / words) * 100) : 100;
    return {
      ok: false,
      encoding: detected,
      reason: `looks like the legacy Vietnamese encoding ${detected}, but ${pct}% of its words do not convert to valid Vietnamese (mixed or unknown font encoding)`,
    };
  }
  const otherWords = other.r.viet + other.r.bad;
  if (otherWords > 0 && other.r.bad <= mine.r.bad && other.r.viet >= mine.r.viet * 0.9) {
    return {
      ok: false,
      encoding: detected,
      reason: `ambiguous legacy Vietnamese encoding: reads as ${detected} and as ${other.e} equally well`,
    };
  }
  return { ok: true, encoding: detected, text: mine.r.text.normalize('NFC') };
}
