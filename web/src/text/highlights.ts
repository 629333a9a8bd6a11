/** Quotes marked in a text: each fact's evidence at its offsets, under the id its "show in text" focuses. */
import type { DocumentPreview } from '../api/types.js';

export interface Highlight {
  id: string;
  quote: string;
  start: number | null;
  end: number | null;
}

interface Range {
  start: number;
  end: number;
  ids: string[];
}

/** Offsets when they match the quote, else the first occurrence of the quote; overlapping ranges merged. */
export function highlightRanges(text: string, highlights: Highlight[]): Range[] {
  const ranges: Range[] = [];
  for (const h of highlights) {
    if (!h.quote) continue;
    let start = h.start ?? -1;
    let end = h.end ?? -1;
    if (start < 0 || end > text.length || text.slice(start, end) !== h.quote) {
      start = text.indexOf(h.quote);
      end = start + h.quote.length;
    }
    if (start >= 0 && end > start) ranges.push({ start, end, ids: [h.id] });
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      last.ids.push(...r.ids);
    } else merged.push({ ...r, ids: [...r.ids] });
  }
  return merged;
}

/** Every fact's quote, under the id PreviewFacts gives its "show in text". */
export function previewHighlights(p: DocumentPreview): Highlight[] {
  return [
    ...p.implements.map((r, i) => ({ id: `impl-${i}`, quote: r.quote, start: r.start, end: r.end })),
    ...p.cites.map((r, i) => ({ id: `cite-${i}`, quote: r.quote, start: r.start, end: r.end })),
    ...p.statedLinks.map((r, i) => ({ id: `stated-${i}`, quote: r.quote, start: r.start, end: r.end })),
    ...p.assignments.map((a, i) => ({ id: `asg-${i}`, quote: a.quote, start: a.start, end: a.end })),
  ];
}
