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
  /** Desired x per node (e.g. from dagre); otherwise barycentres of parents are used. */
  desiredX?: Map<string, number>;
  hGap?: number;
  rowGap?: number;
  layerGap?: number;
  maxRowWidth?: number;
}

export interface LayoutResult {
  positions: Map<string, { x: number; y: number }>;
  layers: Layer[];
  /** Top and bottom y of each layer band. */
  bands: { top: number; bottom: number }[];
}

/** Place a row: desired x sorted, pushed apart to avoid overlap, then re-centred on the desired mean. */
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
  const { hGap = 28, rowGap = 26, layerGap = 70 } = options;
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
  const maxRowWidth = Math.max(options.maxRowWidth ?? Math.max(1500, Math.sqrt(totalArea * 2.2)), widest + hGap);

  const x = new Map<string, number>();
  const positions = new Map<string, { x: number; y: number }>();
  const bands: { top: number; bottom: number }[] = [];
  let y = 0;
  for (const layer of layers) {
    // Desired x: dagre's, else the mean x of already placed parents, else 0.
    const want = (id: string) => {
      const d = options.desiredX?.get(id);
      if (d !== undefined) return d;
      const ps = (parents.get(id) ?? []).map((p) => x.get(p)).filter((v): v is number => v !== undefined);
      return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0;
    };
    const items = layer.ids
      .map((id) => ({ id, w: byId.get(id)!.w, h: byId.get(id)!.h, want: want(id), key: byId.get(id)!.sortKey }))
      .sort((a, b) => a.want - b.want || a.key.localeCompare(b.key));
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
  return { positions, layers, bands };
}
