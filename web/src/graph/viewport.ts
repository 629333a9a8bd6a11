/** Viewport maths: the zoom and pan that fit a bounding box (computed up front, so fading elements count). */
import type cytoscape from 'cytoscape';

export function fitViewport(cy: cytoscape.Core, bb: cytoscape.BoundingBox12 & { w: number; h: number }, padding: number, maxZoom = cy.maxZoom()) {
  const w = cy.width();
  const h = cy.height();
  const zoom = Math.max(cy.minZoom(), Math.min(maxZoom, (w - 2 * padding) / Math.max(bb.w, 1), (h - 2 * padding) / Math.max(bb.h, 1)));
  return { zoom, pan: { x: (w - zoom * (bb.x1 + bb.x2)) / 2, y: (h - zoom * (bb.y1 + bb.y2)) / 2 } };
}
