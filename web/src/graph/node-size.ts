/**
 * Node size for a centred multi-line label: ellipses and pointed shapes (hexagon, octagon, diamond) are narrower
 * towards their top and bottom, so each line needs the width the shape has at that line's height, not only at its middle.
 */

/** Extra room around the text, per shape: x on each side where the shape is widest, y above and below. */
function shapePadding(shape: string): { x: number; y: number } {
  switch (shape) {
    case 'hexagon': case 'octagon': case 'ellipse': return { x: 10, y: 14 };
    case 'diamond': return { x: 10, y: 40 };
    case 'rhomboid': case 'tag': case 'cut-rectangle': return { x: 30, y: 12 };
    case 'barrel': return { x: 22, y: 16 };
    default: return { x: 20, y: 12 };
  }
}

/**
 * The share of its full width a shape keeps at height `t` from its centre (0 the middle, 1 its top or bottom edge),
 * for the shapes Cytoscape draws: ellipse; hexagon (±1, 0), (±½, ±1); octagon (±1, ±(√2−1)), (±(√2−1), ±1); diamond.
 */
function widthShareAt(shape: string, t: number): number {
  switch (shape) {
    case 'hexagon': return 1 - t / 2;
    case 'octagon': return Math.min(1, Math.SQRT2 - t);
    case 'diamond': return 1 - t;
    case 'ellipse': return Math.sqrt(Math.max(0, 1 - t * t));
    default: return 1;
  }
}

/** Width and height of a node of `shape` whose label lines have `widths` and are `lineHeight` apart, centred. */
export function nodeSize(shape: string, widths: number[], lineHeight: number, min = { w: 70, h: 36 }): { w: number; h: number } {
  const pad = shapePadding(shape);
  const block = widths.length * lineHeight;
  const h = Math.max(Math.ceil(block + pad.y * 2), min.h);
  let w = 0;
  widths.forEach((width, i) => {
    const top = -block / 2 + i * lineHeight;
    const t = Math.max(Math.abs(top), Math.abs(top + lineHeight)) / (h / 2);
    w = Math.max(w, (width + pad.x * 2) / widthShareAt(shape, t));
  });
  return { w: Math.max(Math.ceil(w), min.w), h };
}
