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

// One run of "junk": whitespace (incl. NBSP and other spaces), markdown marks, sup tags, control chars.
const JUNK_RE =
  /(?:[\t\n\v\f\r \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff*#\u0000-\u0008\u000e-\u001f\u007f]|<\/?sup>)+/g;
const HAS_NEWLINE_RE = /[\n\r\u2028\u2029]/;
const HAS_SPACE_RE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]/;

export function flatten(source: string): Flat {
  const n = source.length;
  const parts: string[] = [];
  const map = new Int32Array(n + 1);
  let out = 0;
  let last = 0;
  JUNK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = JUNK_RE.exec(source)) !== null) {
    const s = m.index;
    const run = m[0];
    if (s > last) {
      parts.push(source.slice(last, s));
      for (let i = last; i < s; i++) map[out++] = i;
    }
    if (HAS_SPACE_RE.test(run)) {
      const nl = HAS_NEWLINE_RE.test(run);
      parts.push(nl ? '\n' : ' ');
      // Point at the first whitespace char of the run.
      let k = 0;
      while (k < run.length && !HAS_SPACE_RE.test(run[k]!)) k++;
      map[out++] = s + k;
    }
    last = s + run.length;
  }
  if (last < n) {
    parts.push(source.slice(last));
    for (let i = last; i < n; i++) map[out++] = i;
  }
  map[out] = n;
  const text = parts.join('');
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
