/**
 * Text normalisation with an offset map.
 *
 * `sourceText(decoded)` gives the record text (BOM removed, NFC). `flatten(text)` gives the text used for
 * matching: runs of whitespace become one space (or one newline when the run holds a line break), markdown
 * emphasis/heading marks (`*`, `#`), `<sup>` tags and control characters disappear. `map[i]` is the offset
 * in the record text of flat character i, so evidence found in the flat text maps back exactly.
 */
import type { Evidence } from './types.js';

export function sourceText(decoded: string): string {
  const noBom = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  return noBom.normalize('NFC');
}

export interface Flat {
  /** Flat text. */
  text: string;
  /** map[i] = offset in the record text of flat char i; map[text.length] = record text length. */
  map: Int32Array;
  /** The record text. */
  source: string;
}

// "Junk": whitespace (incl. NBSP and other spaces), markdown marks, <sup> tags, control characters.
const JUNK_RE =
  /(?:[\t\n\v\f\r \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff*#\u0000-\u0008\u000e-\u001f\u007f]|<\/?sup>)+/g;
const HAS_SPACE_RE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]/;

/** 0 = keep, 1 = horizontal space, 2 = line break, 3 = mark/control (dropped). */
const KIND = new Uint8Array(0x10000);
for (let c = 0; c < 0x20; c++) KIND[c] = 3;
KIND[0x7f] = 3;
KIND[0xfeff] = 3;
KIND[0x2a] = 3; // *
KIND[0x23] = 3; // #
for (const c of [0x09, 0x0b, 0x0c, 0x20, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000]) KIND[c] = 1;
for (let c = 0x2000; c <= 0x200b; c++) KIND[c] = 1;
for (const c of [0x0a, 0x0d, 0x2028, 0x2029]) KIND[c] = 2;

function tagAt(s: string, i: number): number {
  if (s.charCodeAt(i) !== 0x3c) return 0;
  if (s.startsWith('<sup>', i)) return 5;
  if (s.startsWith('</sup>', i)) return 6;
  return 0;
}

export function flatten(source: string): Flat {
  const n = source.length;
  const parts: string[] = [];
  const map = new Int32Array(n + 1);
  let out = 0;
  let seg = 0;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    const k = KIND[c]!;
    if (k === 0 && c !== 0x3c) {
      map[out++] = i++;
      continue;
    }
    if (k === 0) {
      // '<': a <sup> tag or a plain character.
      if (tagAt(source, i) === 0) {
        map[out++] = i++;
        continue;
      }
    } else if (c === 0x20 && i + 1 < n) {
      // A single plain space between kept characters stays as it is.
      const d = source.charCodeAt(i + 1);
      if (KIND[d] === 0 && (d !== 0x3c || tagAt(source, i + 1) === 0)) {
        map[out++] = i++;
        continue;
      }
    }
    // A run of junk starting at i.
    if (i > seg) parts.push(source.slice(seg, i));
    let j = i;
    let firstSpace = -1;
    let nl = false;
    while (j < n) {
      const d = source.charCodeAt(j);
      const kd = KIND[d]!;
      if (kd === 0) {
        const t = tagAt(source, j);
        if (t === 0) break;
        j += t;
        continue;
      }
      if (kd !== 3 && firstSpace < 0) firstSpace = j;
      if (kd === 2) nl = true;
      j++;
    }
    if (firstSpace >= 0) {
      parts.push(nl ? '\n' : ' ');
      map[out++] = firstSpace;
    }
    seg = i = j;
  }
  if (seg < n) parts.push(seg === 0 ? source : source.slice(seg));
  map[out] = n;
  const text = parts.length === 1 ? parts[0]! : parts.join('');
  return { text, map: out + 1 === map.length ? map : map.subarray(0, out + 1), source };
}

/** Evidence for flat range [s, e): trimmed of flat whitespace, mapped to the record text. */
export function evidence(flat: Flat, s: number, e: number): Evidence {
  const t = flat.text;
  while (s < e && (t.charCodeAt(s) === 32 || t.charCodeAt(s) === 10)) s++;
  while (e > s && (t.charCodeAt(e - 1) === 32 || t.charCodeAt(e - 1) === 10)) e--;
  const start = flat.map[s]!;
  const end = e > s ? flat.map[e - 1]! + 1 : start;
  return { quote: flat.source.slice(start, end), start, end };
}

/** Collapse whitespace and drop markdown marks in a short string (for names, titles). */
export function clean(s: string): string {
  return s.replace(JUNK_RE, (run) => (HAS_SPACE_RE.test(run) ? ' ' : '')).trim();
}

export interface Line {
  /** Trimmed flat text of the line. */
  text: string;
  /** Flat offsets of the trimmed line. */
  start: number;
  end: number;
}

/** Lines of the flat text (already trimmed; empty lines dropped). */
export function lines(flat: Flat): Line[] {
  const t = flat.text;
  const out: Line[] = [];
  let s = 0;
  const n = t.length;
  while (s <= n) {
    let e = t.indexOf('\n', s);
    if (e < 0) e = n;
    let a = s;
    let b = e;
    while (a < b && t.charCodeAt(a) === 32) a++;
    while (b > a && t.charCodeAt(b - 1) === 32) b--;
    if (b > a) out.push({ text: t.slice(a, b), start: a, end: b });
    s = e + 1;
  }
  return out;
}
