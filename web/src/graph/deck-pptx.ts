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
const COLOUR = { title: '1F2933', text: '52606D', footer: '7B8794', rule: 'CBD2D9' } as const;

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
  return (await pptx.write({ outputType: 'arraybuffer', compression: true })) as ArrayBuffer;
}
