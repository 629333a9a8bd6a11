/**
 * The keyboard cursor of the graph: which drawn node an arrow key leads to. Pure: drawn positions, layers and edges
 * in, a node id out. The picture is layered top-down (layout.ts: one band per layer, a wide layer wrapped onto
 * several rows), and the keys follow it:
 *
 * - ↑ the node above it along an edge (what it implements or cites, the text assigning it tasks): of several, the one
 *   it was reached from by ↓, else the nearest in the closest layer above; with none drawn, the nearest node of the
 *   layer above (by position).
 * - ↓ likewise down: a node it leads to (the one ↑ came from, else the nearest in the closest layer below), else
 *   the nearest node of the layer below.
 * - ← / → the previous / next node of the same layer, in reading order (row by row, left to right); none past its ends.
 * - Home the root (else the first node), End the last node of the last layer.
 */

export interface CursorNode {
  id: string;
  /** Model position (the layout's). */
  x: number;
  y: number;
  /** The layer it is drawn in (layers.ts: level rank, generation, organisation or text). */
  layer: string;
}

/** An edge as drawn: parent (upper) → child (lower). */
export interface CursorEdge {
  source: string;
  target: string;
}

export type CursorMove = 'up' | 'down' | 'left' | 'right' | 'first' | 'last';

export interface CursorMap {
  /** Ids per layer, top to bottom, each in reading order. */
  layers: string[][];
  at: Map<string, { layer: number; index: number; x: number; y: number }>;
  parents: Map<string, string[]>;
  children: Map<string, string[]>;
  root: string | null;
}

/** Nodes whose y differ by less than this sit on the same row (the layout gives a row's nodes one y). */
const ROW_TOLERANCE = 1;

const readingOrder = (a: CursorNode, b: CursorNode) => (Math.abs(a.y - b.y) >= ROW_TOLERANCE ? a.y - b.y : a.x - b.x) || a.id.localeCompare(b.id);

export function cursorMap(nodes: readonly CursorNode[], edges: readonly CursorEdge[], rootId: string | null): CursorMap {
  const byLayer = new Map<string, CursorNode[]>();
  for (const n of nodes) (byLayer.get(n.layer) ?? byLayer.set(n.layer, []).get(n.layer)!).push(n);
  // Layers top to bottom by where they are drawn (their first row).
  const layers = [...byLayer.values()].map((l) => l.sort(readingOrder)).sort((a, b) => a[0]!.y - b[0]!.y || readingOrder(a[0]!, b[0]!));
  const at = new Map<string, { layer: number; index: number; x: number; y: number }>();
  layers.forEach((l, layer) => l.forEach((n, index) => at.set(n.id, { layer, index, x: n.x, y: n.y })));
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const e of edges) {
    if (!at.has(e.source) || !at.has(e.target) || e.source === e.target) continue;
    (children.get(e.source) ?? children.set(e.source, []).get(e.source)!).push(e.target);
    (parents.get(e.target) ?? parents.set(e.target, []).get(e.target)!).push(e.source);
  }
  return { layers: layers.map((l) => l.map((n) => n.id)), at, parents, children, root: rootId && at.has(rootId) ? rootId : null };
}

/** Where the cursor starts: the node asked for if drawn, else the root, else the first node. */
export function cursorStart(map: CursorMap, wanted?: string | null): string | null {
  if (wanted && map.at.has(wanted)) return wanted;
  return map.root ?? map.layers[0]?.[0] ?? null;
}

/** Its layer's size and its place in it (from 1): what the announcement says. */
export function cursorPlace(map: CursorMap, id: string): { index: number; count: number } | null {
  const p = map.at.get(id);
  return p ? { index: p.index + 1, count: map.layers[p.layer]!.length } : null;
}

/**
 * Of `ids`, the one nearest to `from`: those of the layer closest to it first, then the row closest to it in that
 * layer, then the smallest horizontal distance, then reading order.
 */
function nearest(map: CursorMap, from: string, ids: Iterable<string>): string | null {
  const f = map.at.get(from)!;
  let best: string | null = null;
  let bestKey: number[] = [];
  for (const id of ids) {
    const p = map.at.get(id)!;
    const key = [Math.abs(p.layer - f.layer), Math.round(Math.abs(p.y - f.y)), Math.abs(p.x - f.x), p.y, p.x];
    if (best === null || before(key, bestKey)) {
      best = id;
      bestKey = key;
    }
  }
  return best;
}

/** Lexicographic order of two keys of the same length. */
function before(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/**
 * The node a move leads to from `from`, or null when there is none that way (the cursor stays). `previous`: the node
 * the cursor was on before `from` — ↑ after ↓ (and ↓ after ↑) goes back to it when it is a parent (a child) of `from`.
 * From no node (or one no longer drawn) every move starts where cursorStart does.
 */
export function moveCursor(map: CursorMap, from: string | null, move: CursorMove, previous?: string | null): string | null {
  if (move === 'first') return cursorStart(map);
  if (move === 'last') return map.layers.at(-1)?.at(-1) ?? null;
  const here = from ? map.at.get(from) : undefined;
  if (!from || !here) return cursorStart(map);
  if (move === 'left' || move === 'right') return map.layers[here.layer]![here.index + (move === 'left' ? -1 : 1)] ?? null;
  const up = move === 'up';
  // Along edges, to the nodes drawn on that side (an edge drawn the other way round is left to the other key).
  const along = ((up ? map.parents : map.children).get(from) ?? []).filter((id) => (up ? map.at.get(id)!.layer < here.layer : map.at.get(id)!.layer > here.layer));
  if (previous && along.includes(previous)) return previous;
  if (along.length) return nearest(map, from, along);
  const next = map.layers[here.layer + (up ? -1 : 1)];
  return next ? nearest(map, from, next) : null;
}

/**
 * How far to pan (rendered pixels, to add to the pan) to bring a box fully into a viewport of `width` × `height`,
 * `margin` from its edges: by as little as it takes; a box larger than the viewport on an axis is centred on it.
 */
export function revealPan(box: { x1: number; y1: number; x2: number; y2: number }, width: number, height: number, margin = 24): { x: number; y: number } {
  const axis = (lo: number, hi: number, size: number) => {
    const m = Math.max(0, Math.min(margin, (size - (hi - lo)) / 2));
    if (hi - lo > size - 2 * m) return size / 2 - (lo + hi) / 2;
    if (lo < m) return m - lo;
    if (hi > size - m) return size - m - hi;
    return 0;
  };
  return { x: axis(box.x1, box.x2, width), y: axis(box.y1, box.y2, height) };
}
