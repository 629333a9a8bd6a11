/** Text measurement for node sizing: the same font as the Cytoscape labels, so boxes fit their text. */

export const GRAPH_FONT_FAMILY = '"Segoe UI", "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif';
export const NODE_FONT_SIZE = 14;
export const LINE_HEIGHT = 1.25;

let ctx: CanvasRenderingContext2D | null | undefined;

function context(): CanvasRenderingContext2D | null {
  if (ctx === undefined) ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  return ctx;
}

/** Width in px of one line at `fontSize`; falls back to an estimate without a canvas. */
export function textWidth(text: string, fontSize = NODE_FONT_SIZE, weight = 'normal'): number {
  const c = context();
  if (!c) return text.length * fontSize * 0.56;
  c.font = `${weight} ${fontSize}px ${GRAPH_FONT_FAMILY}`;
  return c.measureText(text).width;
}

/** Greedy word wrap to at most `maxChars` characters per line. */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Width in px of each line; `estimate` skips canvas measuring (large graphs). */
export function lineWidths(lines: string[], fontSize = NODE_FONT_SIZE, estimate = false, weight = 'normal'): number[] {
  const bold = weight === 'bold' ? 1.08 : 1;
  return lines.map((l) => (estimate ? l.length * fontSize * 0.56 * bold : textWidth(l, fontSize, weight)));
}
