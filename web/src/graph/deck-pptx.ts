/**
 * Writes a deck plan (deck.ts) and its pictures as a PowerPoint file (.pptx, read by PowerPoint, LibreOffice Impress,
 * Keynote and Google Slides). The slides' titles, footers and notes are text the presenter can edit; each step's
 * picture is a PNG. pptxgenjs is loaded when a deck is asked for, not with the page.
 */
import { SLIDE, fitPicture, type DeckPlan } from './deck.js';

export interface DeckPicture {
  /** The PNG's bytes, base64. */
  base64: string;
  width: number;
  height: number;
  /** Its pixels per pixel of the graph (export.ts's `scale`): a small drawing is not enlarged past the briefing's zoom. */
  scale?: number;
}

/** The package's class: its types are CommonJS, one `default` further down under Node's resolution than a bundler's. */
type Unwrapped<T> = T extends { default: infer D } ? Unwrapped<D> : T;
type PptxGenJSClass = Extract<Unwrapped<typeof import('pptxgenjs')>, new () => unknown>;

async function loadPptxGenJS(): Promise<PptxGenJSClass> {
  let loaded: unknown = await import('pptxgenjs');
  for (let i = 0; i < 3 && typeof loaded !== 'function'; i++) loaded = (loaded as { default?: unknown } | undefined)?.default;
  if (typeof loaded !== 'function') throw new Error('pptxgenjs did not load');
  return loaded as PptxGenJSClass;
}

const FONT = 'Arial';
const COLOUR = { title: '1F2933', text: '52606D', footer: '7B8794', rule: 'CBD2D9', head: 'E4E7EB' } as const;

export async function writeDeck(plan: DeckPlan, pictures: readonly DeckPicture[]): Promise<ArrayBuffer> {
  if (pictures.length !== plan.slides.length) throw new Error(`${plan.slides.length} slides but ${pictures.length} pictures`);
  const PptxGenJS = await loadPptxGenJS();
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = plan.title ? `${plan.heading} — ${plan.title}` : plan.heading;
  pptx.subject = plan.summary;
  pptx.author = 'Directive Graph';
  pptx.company = 'Directive Graph';
  const lang = plan.lang;

  const cover = pptx.addSlide();
  cover.addText(plan.heading, { x: 0.8, y: 1.7, w: 11.7, h: 1.1, fontFace: FONT, fontSize: 40, bold: true, color: COLOUR.title, lang });
  if (plan.title) cover.addText(plan.title, { x: 0.8, y: 2.9, w: 11.7, h: 1.9, fontFace: FONT, fontSize: 24, color: COLOUR.title, valign: 'top', lang });
  cover.addShape('line', { x: 0.8, y: 5.0, w: 11.7, h: 0, line: { color: COLOUR.rule, width: 1 } });
  cover.addText(plan.summary, { x: 0.8, y: 5.15, w: 11.7, h: 0.6, fontFace: FONT, fontSize: 16, color: COLOUR.text, lang });
  cover.addText(plan.footer, { x: 0.8, y: 6.6, w: 11.7, h: 0.4, fontFace: FONT, fontSize: 12, color: COLOUR.footer, lang });

  plan.slides.forEach((s, i) => {
    const slide = pptx.addSlide();
    slide.addText(s.title, { ...SLIDE.title, fontFace: FONT, fontSize: 22, bold: true, color: COLOUR.title, valign: 'top', fit: 'shrink', lang });
    const p = pictures[i]!;
    const at = fitPicture(p.width, p.height, SLIDE.picture, p.scale);
    slide.addImage({ data: `image/png;base64,${p.base64}`, ...at, altText: s.title });
    slide.addText(s.footer, { ...SLIDE.footer, fontFace: FONT, fontSize: 10, color: COLOUR.footer, lang });
    if (s.notes) slide.addNotes(s.notes);
  });
  for (const table of plan.tables) {
    const slide = pptx.addSlide();
    slide.addText(table.title, { ...SLIDE.title, h: 0.6, fontFace: FONT, fontSize: 22, bold: true, color: COLOUR.title, valign: 'top', lang });
    if (table.note) slide.addText(table.note, { x: SLIDE.title.x, y: 0.9, w: SLIDE.title.w, h: 0.45, fontFace: FONT, fontSize: 12, color: COLOUR.text, valign: 'top', lang });
    const cell = (text: string, i: number, head: boolean) => ({
      text,
      options: { bold: head, align: table.numeric[i] ? ('right' as const) : ('left' as const), fill: head ? { color: COLOUR.head } : undefined, lang },
    });
    slide.addTable([table.header.map((h, i) => cell(h, i, true)), ...table.rows.map((r) => r.map((c, i) => cell(c, i, false)))], {
      x: SLIDE.picture.x,
      y: SLIDE.picture.y,
      w: SLIDE.picture.w,
      colW: columnWidths(table.header, table.rows, SLIDE.picture.w),
      fontFace: FONT,
      fontSize: 13,
      color: COLOUR.title,
      border: { type: 'solid', pt: 0.5, color: COLOUR.rule },
      margin: 0.06,
    });
    slide.addText(table.footer, { ...SLIDE.footer, fontFace: FONT, fontSize: 10, color: COLOUR.footer, lang });
  }
  return (await pptx.write({ outputType: 'arraybuffer', compression: true })) as ArrayBuffer;
}

/**
 * Columns as wide as their longest cell asks, over the table's width: at least 6 characters; a header counts up to 12
 * (a longer one wraps rather than widen a column of small numbers).
 */
export function columnWidths(header: readonly string[], rows: readonly (readonly string[])[], width: number): number[] {
  const want = header.map((h, i) => Math.max(6, Math.min(h.length, 12), ...rows.map((r) => r[i]?.length ?? 0)));
  const sum = want.reduce((a, b) => a + b, 0);
  return want.map((w) => (w / sum) * width);
}
