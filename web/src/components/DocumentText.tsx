/** A document's full text with the source quotes of its edges marked (<mark>); scrolls to the focused one. */
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { highlightRanges, type Highlight } from '../text/highlights';

export type { Highlight } from '../text/highlights';

/**
 * `focus`: the highlight to centre in the box (else the first). `reveal`: a request, changed by each "show in text",
 * to bring the box itself into view in the panel that scrolls around it (the details panel).
 */
export function DocumentText({ text, highlights, focus, reveal = 0 }: { text: string; highlights: Highlight[]; focus: string | null; reveal?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const ranges = useMemo(() => highlightRanges(text, highlights), [text, highlights]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const marks = [...el.querySelectorAll<HTMLElement>('mark')];
    const target = (focus && marks.find((m) => m.dataset.ids?.split(' ').includes(focus))) || marks[0];
    marks.forEach((m) => m.classList.toggle('focused', m === target));
    if (reveal) revealInScrollParent(el);
    if (target) el.scrollTop += centreOffset(el.getBoundingClientRect(), el.clientTop, el.clientHeight, target.getBoundingClientRect());
  }, [ranges, focus, reveal]);

  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(
      <mark key={r.start} data-ids={r.ids.join(' ')} data-testid="quote-mark">
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <div className="doc-text" ref={box} data-testid="doc-text">
      {parts}
    </div>
  );
}

/**
 * How far to scroll a box so a mark sits in its middle (a mark taller than the box: its start at the top), from their
 * rectangles on the page — the mark's offsetTop would depend on which ancestor is positioned.
 */
export function centreOffset(box: { top: number }, clientTop: number, clientHeight: number, mark: { top: number; height: number }): number {
  const from = mark.top - (box.top + clientTop);
  return mark.height >= clientHeight ? from - 8 : from - (clientHeight - mark.height) / 2;
}

/** Scrolls the nearest scrolling ancestor (the details panel) just enough to show the whole box, or its top. */
function revealInScrollParent(el: HTMLElement) {
  let parent = el.parentElement;
  while (parent && !(/(auto|scroll)/.test(getComputedStyle(parent).overflowY) && parent.scrollHeight > parent.clientHeight)) parent = parent.parentElement;
  if (!parent) return;
  const p = parent.getBoundingClientRect();
  const b = el.getBoundingClientRect();
  const margin = 8;
  if (b.top < p.top + margin) parent.scrollTop -= p.top + margin - b.top;
  else if (b.bottom > p.bottom - margin) parent.scrollTop += Math.min(b.bottom - p.bottom + margin, b.top - p.top - margin);
}
