/** Footnotes: "¹ Quy định …", "<sup>(1)</sup> Tham mưu …", "� Quy định …" (marker lost in conversion). */
import type { Flat, Line } from './normalize.js';
import { evidence } from './normalize.js';
import type { Footnote } from './types.js';

const SUPERSCRIPT_RE = /^(?<label>[¹²³⁰⁴⁵⁶⁷⁸⁹]+)\s?(?<body>\S.*)$/;
const PAREN_RE = /^\((?<label>\d{1,3})\)\s?(?<body>\S.*)$/;
const LOST_RE = /^(?<label>\uFFFD)\s?(?<body>\S.*)$/;
const SEPARATOR_RE = /^[-_=]{3,}$/;

/** Whether a line is a footnote body; returns label and body offset in the line. */
export function footnoteLine(flat: Flat, line: Line): { label: string; bodyAt: number } | null {
  const t = line.text;
  let m = SUPERSCRIPT_RE.exec(t) ?? LOST_RE.exec(t);
  if (!m) {
    const p = PAREN_RE.exec(t);
    // "(1) …" is a footnote only when it was a <sup> marker in the source.
    if (p) {
      const src = flat.map[line.start]!;
      if (flat.source.slice(Math.max(0, src - 5), src) === '<sup>') m = p;
    }
  }
  if (!m || !m.groups) return null;
  return { label: m.groups.label!, bodyAt: t.length - m.groups.body!.length };
}

export function isSeparator(line: Line): boolean {
  return SEPARATOR_RE.test(line.text);
}

export function findFootnotes(flat: Flat, ls: Line[]): { footnotes: Footnote[]; lineIdx: Set<number> } {
  const footnotes: Footnote[] = [];
  const lineIdx = new Set<number>();
  ls.forEach((line, i) => {
    if (isSeparator(line)) {
      lineIdx.add(i);
      return;
    }
    const f = footnoteLine(flat, line);
    if (!f) return;
    lineIdx.add(i);
    const ev = evidence(flat, line.start, line.end);
    footnotes.push({ quote: ev.quote, start: ev.start, end: ev.end, label: f.label, text: line.text.slice(f.bodyAt) });
  });
  return { footnotes, lineIdx };
}
