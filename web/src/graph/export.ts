/**
 * Export the current view (visible elements) as PNG or SVG. PNG scale is capped so neither side exceeds
 * ~7900 px: browsers refuse larger canvases.
 */
import type cytoscape from 'cytoscape';
import { atScale } from './edge-detail';

export const MAX_CANVAS_SIDE = 7900;

export function pngScale(width: number, height: number, preferred = 2): number {
  const side = Math.max(width, height, 1);
  return Math.max(0.05, Math.min(preferred, MAX_CANVAS_SIDE / side));
}

export async function exportPng(cy: cytoscape.Core): Promise<Blob> {
  const bb = cy.elements().not('.hidden').boundingBox();
  const scale = pngScale(bb.w, bb.h);
  // The picture is drawn inside png() (only its encoding is asynchronous): patterns as they look at its scale.
  return atScale(cy, scale, () => cy.png({ output: 'blob-promise', full: true, scale, bg: '#ffffff', maxWidth: MAX_CANVAS_SIDE, maxHeight: MAX_CANVAS_SIDE }));
}

export function exportSvg(cy: cytoscape.Core): Blob {
  const text = atScale(cy, 1, () => cy.svg({ full: true, scale: 1, bg: '#ffffff' }));
  return new Blob([text], { type: 'image/svg+xml;charset=utf-8' });
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
export function exportName(code: string | null | undefined, ext: 'png' | 'svg', suffix = ''): string {
  const base = (code ?? 'cascade').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\w-]+/g, '-');
  return `cascade-${base}${suffix}.${ext}`;
}
