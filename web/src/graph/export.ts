/**
 * Export the current view (visible elements) as PNG or SVG. PNG scale is capped so neither side exceeds
 * ~7900 px: browsers refuse larger canvases.
 */
import type cytoscape from 'cytoscape';
import { atScale } from './edge-detail';
import { FRAME, framedSvg, layoutFrame, type PictureFrame } from './picture-frame';

export const MAX_CANVAS_SIDE = 7900;

export function pngScale(width: number, height: number, preferred = 2): number {
  const side = Math.max(width, height, 1);
  return Math.max(0.05, Math.min(preferred, MAX_CANVAS_SIDE / side));
}

/** Room the frame takes around a drawing at scale 1 (picture-frame.ts): its margins, and the lines above and below. */
const FRAME_ROOM = { w: 2 * FRAME.margin, h: 220 };

export async function exportPng(cy: cytoscape.Core, frame?: PictureFrame): Promise<Blob> {
  const bb = cy.elements().not('.hidden').boundingBox();
  const scale = frame ? pngScale(Math.max(bb.w, 480) + FRAME_ROOM.w, bb.h + FRAME_ROOM.h) : pngScale(bb.w, bb.h);
  // The picture is drawn inside png() (only its encoding is asynchronous): patterns as they look at its scale.
  const drawing = await atScale(cy, scale, () => cy.png({ output: 'blob-promise', full: true, scale, bg: '#ffffff', maxWidth: MAX_CANVAS_SIDE, maxHeight: MAX_CANVAS_SIDE }));
  return frame ? framePng(drawing, scale, frame) : drawing;
}

export function exportSvg(cy: cytoscape.Core, frame?: PictureFrame): Blob {
  const text = atScale(cy, 1, () => cy.svg({ full: true, scale: 1, bg: '#ffffff' }));
  return new Blob([frame ? framedSvg(text, frame) : text], { type: 'image/svg+xml;charset=utf-8' });
}

/** The longest side of a slide's picture: sharp on a full-HD projector, small enough for a deck of many steps. */
export const DECK_PICTURE_SIDE = 2400;

export interface Picture {
  blob: Blob;
  width: number;
  height: number;
  /** The picture's pixels per pixel of the graph. */
  scale: number;
}

/**
 * A PNG of the elements of `visible` only (a briefing step the screen is not showing), without a frame: the slide says
 * what it shows. The graph is drawn with them for the picture and given back its own visibility at once: the drawing
 * happens inside png(), only the encoding is awaited.
 */
export async function pictureOf(cy: cytoscape.Core, visible: ReadonlySet<string>, maxSide = DECK_PICTURE_SIDE): Promise<Picture> {
  // A briefing's fading in: the picture shows the elements as they end.
  cy.elements().stop(true, true);
  const hidden = cy.elements('.hidden');
  let drawing: Promise<Blob>;
  let scale = 1;
  cy.batch(() => cy.elements().forEach((e) => { if (visible.has(e.id())) e.removeClass('hidden'); else e.addClass('hidden'); }));
  try {
    const bb = cy.elements().filter((e) => visible.has(e.id())).boundingBox();
    scale = Math.min(pngScale(bb.w, bb.h), maxSide / Math.max(bb.w, bb.h, 1));
    drawing = atScale(cy, scale, () => cy.png({ output: 'blob-promise', full: true, scale, bg: '#ffffff', maxWidth: maxSide, maxHeight: maxSide }));
  } finally {
    cy.batch(() => {
      cy.elements().removeClass('hidden');
      hidden.addClass('hidden');
    });
  }
  const blob = await drawing;
  const img = await createImageBitmap(blob);
  const size = { width: img.width, height: img.height };
  img.close();
  return { blob, ...size, scale };
}

/** A blob's bytes in base64 (what a slide's picture is written as). */
export function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the picture could not be read'));
    reader.readAsDataURL(blob);
  });
}

const TEXT_COLOUR = { title: '#1f2933', subtitle: '#52606d', footer: '#7b8794' } as const;

/** The drawing on a white page with its title above and its footer below (picture-frame.ts's layout). */
async function framePng(drawing: Blob, scale: number, frame: PictureFrame): Promise<Blob> {
  const img = await createImageBitmap(drawing);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the picture');
  const font = (size: number) => `${size === FRAME.title * scale ? 600 : 400} ${size}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
  const layout = layoutFrame(frame, img.width, img.height, scale, (s, size) => {
    ctx.font = font(size);
    return ctx.measureText(s).width;
  });
  canvas.width = Math.ceil(layout.width);
  canvas.height = Math.ceil(layout.height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const l of layout.lines) {
    ctx.font = font(l.size);
    ctx.fillStyle = TEXT_COLOUR[l.kind];
    ctx.fillText(l.text, FRAME.margin * scale, l.y);
  }
  ctx.drawImage(img, layout.drawingX, layout.drawingY);
  img.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be encoded'))), 'image/png'));
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** File name from the root code: 28-NQ/TW → cascade-28-NQ-TW. */
export function exportName(code: string | null | undefined, ext: 'png' | 'svg' | 'pptx', suffix = ''): string {
  const base = (code ?? 'cascade').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\w-]+/g, '-');
  return `cascade-${base}${suffix}.${ext}`;
}
