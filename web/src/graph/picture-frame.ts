/**
 * An exported picture's frame: a white margin around the drawing and, above it, what it shows — the root's code and
 * title, in a briefing the step's caption — and below it where it came from, so a picture pasted into slides or a
 * report still says what it is. Pure text layout here; export.ts draws it (PNG) or writes it (SVG).
 */

export interface PictureFrame {
  /** "28-NQ/TW — về tiếp tục đổi mới …". */
  title: string;
  /** A briefing step's caption, or the view's filters. */
  subtitle?: string | null;
  /** "Directive Graph · 27/11/2026". */
  footer?: string | null;
}

/** Sizes at scale 1 (CSS pixels); the PNG multiplies them by its scale. */
export const FRAME = { margin: 24, title: 18, subtitle: 14, footer: 11, lineGap: 6 } as const;

/** Words of `text` in lines no wider than `width` by `measure`; a word wider than a line gets one of its own. */
export function wrapWords(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface FrameLayout {
  /** Text lines with their baseline (y, from the top of the picture) and size. */
  lines: Array<{ text: string; y: number; size: number; kind: 'title' | 'subtitle' | 'footer' }>;
  /** Where the drawing goes, and the picture's whole size. */
  drawingX: number;
  drawingY: number;
  width: number;
  height: number;
}

/**
 * The frame around a drawing of `w` × `h` at `scale`: the title and subtitle wrapped to the drawing's width (at least
 * 480 px of text at scale 1, so a narrow drawing does not make a tall column of words), the footer below.
 */
export function layoutFrame(frame: PictureFrame, w: number, h: number, scale: number, measure: (s: string, size: number) => number): FrameLayout {
  const m = FRAME.margin * scale;
  const textWidth = Math.max(w, 480 * scale);
  const width = textWidth + 2 * m;
  const lines: FrameLayout['lines'] = [];
  let y = m;
  const put = (text: string | null | undefined, size: number, kind: 'title' | 'subtitle') => {
    if (!text) return;
    for (const l of wrapWords(text, textWidth, (s) => measure(s, size))) {
      y += size;
      lines.push({ text: l, y, size, kind });
      y += FRAME.lineGap * scale;
    }
  };
  put(frame.title, FRAME.title * scale, 'title');
  put(frame.subtitle, FRAME.subtitle * scale, 'subtitle');
  const drawingY = y + (lines.length ? m / 2 : 0);
  let height = drawingY + h + m;
  if (frame.footer) {
    const size = FRAME.footer * scale;
    lines.push({ text: frame.footer, y: height - m / 2 + size, size, kind: 'footer' });
    height += size + m / 2;
  }
  return { lines, drawingX: m + (textWidth - w) / 2, drawingY, width, height };
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);

/**
 * An SVG picture (Cytoscape's, `<svg … width="W" height="H" …>…</svg>`) inside a framed one: the drawing kept as it is,
 * nested at its place, the text as SVG text. Text widths are estimated (0.55 em a character): an SVG has no fonts to
 * measure with, and the viewer's font decides.
 */
export function framedSvg(svg: string, frame: PictureFrame): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) return svg;
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`).exec(open[0])?.[1] ?? NaN);
  const w = attr('width');
  const h = attr('height');
  if (!Number.isFinite(w) || !Number.isFinite(h)) return svg;
  const layout = layoutFrame(frame, w, h, 1, (s, size) => s.length * size * 0.55);
  const colour = { title: '#1f2933', subtitle: '#52606d', footer: '#7b8794' } as const;
  const text = layout.lines
    .map((l) => `<text x="${FRAME.margin}" y="${l.y.toFixed(1)}" font-family="system-ui, sans-serif" font-size="${l.size}" font-weight="${l.kind === 'title' ? 600 : 400}" fill="${colour[l.kind]}">${escapeXml(l.text)}</text>`)
    .join('');
  const inner = svg.slice(open.index).replace(/^<svg\b/, `<svg x="${layout.drawingX.toFixed(1)}" y="${layout.drawingY.toFixed(1)}"`);
  const head = svg.slice(0, open.index);
  return `${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${layout.width}" height="${layout.height.toFixed(1)}" viewBox="0 0 ${layout.width} ${layout.height.toFixed(1)}"><rect width="100%" height="100%" fill="#ffffff"/>${text}${inner}</svg>`;
}
