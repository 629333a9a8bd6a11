/**
 * Layered top-down layout. Each layer (see layers.ts) gets its own band of rows; inside a row nodes sit
 * as close as possible to the x their parents suggest (barycentre, or dagre's x for small graphs) without
 * overlapping; a layer wider than `maxRowWidth` wraps onto several rows. Pure function: sizes in, positions out.
 */
import { computeLayers, layerIndex, type Layer, type LayerInput } from './layers';

export interface LayoutNode extends LayerInput {
  w: number;
  h: number;
  /** Tie-breaker for a stable order (e.g. province + code). */
  sortKey: string;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayoutOptions {
  /** Left-to-right order key per node (e.g. dagre's x); otherwise nodes are sorted by their parents' barycentre. */
  order?: Map<string, number>;
  hGap?: number;
  rowGap?: number;
  layerGap?: number;
  maxRowWidth?: number;
  /** Width / height of the viewport; rows wrap so the drawing roughly matches it. */
  aspect?: number;
}

export interface LayoutResult {
  positions: Map<string, { x: number; y: number }>;
  layers: Layer[];
  /** Top and bottom y of each layer band. */
  bands: { top: number; bottom: number }[];
}

/** Place a row (in the given order): each node at its desired x or pushed right of its left neighbour, then re-centred on the desired mean. */
function placeRow(row: { id: string; w: number; want: number }[], gap: number): Map<string, number> {
  const xs: number[] = [];
  row.forEach((n, i) => {
    const prev = row[i - 1];
    xs.push(i === 0 || !prev ? n.want : Math.max(n.want, xs[i - 1]! + prev.w / 2 + gap + n.w / 2));
  });
  const shift = row.reduce((s, n, i) => s + (n.want - xs[i]!), 0) / Math.max(1, row.length);
  return new Map(row.map((n, i) => [n.id, xs[i]! + shift]));
}

export function layeredLayout(nodes: LayoutNode[], edges: LayoutEdge[], options: LayoutOptions = {}): LayoutResult {
  const { hGap = 22, rowGap = 18, layerGap = 64 } = options;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const layers = computeLayers(nodes);
  const index = layerIndex(layers);
  const parents = new Map<string, string[]>();
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    if ((index.get(e.source) ?? 0) >= (index.get(e.target) ?? 0)) continue; // only downward edges guide x
    (parents.get(e.target) ?? parents.set(e.target, []).get(e.target)!).push(e.source);
  }
  const totalArea = nodes.reduce((s, n) => s + (n.w + hGap) * (n.h + rowGap), 0);
  const widest = nodes.reduce((m, n) => Math.max(m, n.w), 0);
  const aspect = Math.min(4, Math.max(0.6, options.aspect ?? 1.8));
  const maxRowWidth = Math.max(options.maxRowWidth ?? Math.max(900, Math.sqrt(totalArea * aspect * 2.6)), widest + hGap);

  const x = new Map<string, number>();
  const positions = new Map<string, { x: number; y: number }>();
  const bands: { top: number; bottom: number }[] = [];
  let y = 0;
  for (const layer of layers) {
    // Desired x: the mean x of already placed parents, else 0.
    const want = (id: string) => {
      const ps = (parents.get(id) ?? []).map((p) => x.get(p)).filter((v): v is number => v !== undefined);
      return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0;
    };
    const items = layer.ids
      .map((id) => ({ id, w: byId.get(id)!.w, h: byId.get(id)!.h, want: want(id), order: options.order?.get(id), key: byId.get(id)!.sortKey }))
      .sort((a, b) => a.want - b.want || a.key.localeCompare(b.key));
    // A layer that fits on one row follows the given order (dagre: fewer crossings); a wrapped layer
    // keeps siblings together (sorted by their parents' position) instead.
    const layerWidth = items.reduce((s, n) => s + n.w + hGap, -hGap);
    if (options.order && layerWidth <= maxRowWidth) {
      items.sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.want - b.want || a.key.localeCompare(b.key));
    }
    // Wrap into rows of at most maxRowWidth; each row keeps the left-to-right order.
    const rows: (typeof items)[] = [];
    let current: typeof items = [];
    let width = 0;
    for (const it of items) {
      if (current.length && width + hGap + it.w > maxRowWidth) {
        rows.push(current);
        current = [];
        width = 0;
      }
      width += (current.length ? hGap : 0) + it.w;
      current.push(it);
    }
    if (current.length) rows.push(current);
    const top = y;
    rows.forEach((row, r) => {
      const rowH = row.reduce((m, n) => Math.max(m, n.h), 0);
      // Several rows: spread each row evenly around the layer's desired centre.
      let placed: Map<string, number>;
      if (rows.length > 1) {
        const centre = items.reduce((s, n) => s + n.want, 0) / items.length;
        const rowWidth = row.reduce((s, n) => s + n.w, 0) + hGap * (row.length - 1);
        let cursor = centre - rowWidth / 2;
        placed = new Map();
        for (const n of row) {
          placed.set(n.id, cursor + n.w / 2);
          cursor += n.w + hGap;
        }
      } else placed = placeRow(row, hGap);
      for (const n of row) {
        const nx = placed.get(n.id)!;
        x.set(n.id, nx);
        positions.set(n.id, { x: nx, y: y + rowH / 2 });
      }
      y += rowH + (r < rows.length - 1 ? rowGap : 0);
    });
    bands.push({ top, bottom: y });
    y += layerGap;
  }
  // Bottom-up pass: single-row layers move over their children (parents end up above what they spawned).
  const children = new Map<string, string[]>();
  for (const [child, ps] of parents) for (const p of ps) (children.get(p) ?? children.set(p, []).get(p)!).push(child);
  for (let i = layers.length - 2; i >= 0; i--) {
    const ids = layers[i]!.ids;
    const ys = new Set(ids.map((id) => positions.get(id)!.y));
    if (ys.size !== 1) continue;
    const row = ids
      .map((id) => {
        const cs = (children.get(id) ?? []).map((c) => x.get(c)!).filter((v) => v !== undefined);
        const want = cs.length ? cs.reduce((a, b) => a + b, 0) / cs.length : x.get(id)!;
        return { id, w: byId.get(id)!.w, want, key: byId.get(id)!.sortKey };
      })
      .sort((a, b) => a.want - b.want || a.key.localeCompare(b.key));
    const placed = placeRow(row, hGap);
    for (const n of row) {
      const nx = placed.get(n.id)!;
      x.set(n.id, nx);
      positions.get(n.id)!.x = nx;
    }
  }
  return { positions, layers, bands };
}
