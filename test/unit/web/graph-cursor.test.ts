/** The graph's keyboard cursor: which drawn node each key leads to, and how far to pan to keep it in view. */
import { describe, expect, it } from 'vitest';
import { cursorMap, cursorPlace, cursorStart, moveCursor, revealPan, type CursorEdge, type CursorNode } from '../../../web/src/graph/cursor.js';

/*
 * The picture (y down):
 *
 *   layer 0  y=0                      R
 *   layer 1  y=100         P1(-200)   P2(0)   P3(200)
 *   layer 2  y=200   O1(-250) O2(-180)            O3(180)  O4(400)
 *   layer 3  y=300          D1(-100)     D2(100)                 (one layer wrapped onto two rows)
 *            y=340               D3(10)
 */
const node = (id: string, x: number, y: number, layer: string): CursorNode => ({ id, x, y, layer });
const nodes: CursorNode[] = [
  // Given in no particular order: layers and rows come from where they are drawn.
  node('D3', 10, 340, 'docs-3'),
  node('O3', 180, 200, 'orgs'),
  node('P2', 0, 100, 'plans'),
  node('R', 0, 0, 'root'),
  node('P1', -200, 100, 'plans'),
  node('P3', 200, 100, 'plans'),
  node('O1', -250, 200, 'orgs'),
  node('O2', -180, 200, 'orgs'),
  node('O4', 400, 200, 'orgs'),
  node('D1', -100, 300, 'docs-3'),
  node('D2', 100, 300, 'docs-3'),
];
const edge = (source: string, target: string): CursorEdge => ({ source, target });
const edges: CursorEdge[] = [
  edge('R', 'P1'), edge('R', 'P2'), edge('R', 'P3'),
  edge('P1', 'O1'), edge('P1', 'O2'), edge('P3', 'O3'), edge('P2', 'O3'),
  // A long edge: the root assigns O4 directly, two layers down.
  edge('R', 'O4'),
  // An edge drawn upwards (its child sits above it): left to neither key.
  edge('D2', 'P2'),
  // An edge to a node not drawn (hidden by a filter) is left out.
  edge('P3', 'hidden'),
];
const map = cursorMap(nodes, edges, 'R');

describe('cursorMap', () => {
  it('orders layers top to bottom and each layer row by row, left to right', () => {
    expect(map.layers).toEqual([['R'], ['P1', 'P2', 'P3'], ['O1', 'O2', 'O3', 'O4'], ['D1', 'D2', 'D3']]);
    expect(cursorPlace(map, 'P2')).toEqual({ index: 2, count: 3 });
    expect(cursorPlace(map, 'D3')).toEqual({ index: 3, count: 3 });
    expect(cursorPlace(map, 'hidden')).toBeNull();
  });

  it('starts on the node asked for when drawn, else on the root, else on the first node', () => {
    expect(cursorStart(map, 'P3')).toBe('P3');
    expect(cursorStart(map, 'hidden')).toBe('R');
    expect(cursorStart(map)).toBe('R');
    expect(cursorStart(cursorMap(nodes.filter((n) => n.id !== 'R'), edges, 'R'))).toBe('P1');
    expect(cursorStart(cursorMap([], [], null))).toBeNull();
  });
});

describe('moveCursor', () => {
  it('goes to the root on Home and to the last node on End', () => {
    expect(moveCursor(map, 'O3', 'first')).toBe('R');
    expect(moveCursor(map, 'O3', 'last')).toBe('D3');
  });

  it('walks a layer with ← / →, on to its next row, and no further than its ends', () => {
    expect(moveCursor(map, 'P1', 'right')).toBe('P2');
    expect(moveCursor(map, 'P2', 'right')).toBe('P3');
    expect(moveCursor(map, 'P3', 'right')).toBeNull();
    expect(moveCursor(map, 'P1', 'left')).toBeNull();
    expect(moveCursor(map, 'D2', 'right')).toBe('D3');
    expect(moveCursor(map, 'D3', 'left')).toBe('D2');
  });

  it('goes down along an edge to the nearest node of the closest layer below', () => {
    // The root leads to P1–P3 and to O4 two layers down: the layer just below first, the node straight under it.
    expect(moveCursor(map, 'R', 'down')).toBe('P2');
    expect(moveCursor(map, 'P1', 'down')).toBe('O2');
    expect(moveCursor(map, 'P3', 'down')).toBe('O3');
  });

  it('goes up along an edge: back where ↓ came from, else the nearest parent', () => {
    expect(moveCursor(map, 'O3', 'up')).toBe('P3');
    expect(moveCursor(map, 'O3', 'up', 'P2')).toBe('P2');
    expect(moveCursor(map, 'O4', 'up')).toBe('R');
    // Down again goes back to the child ↑ came from.
    expect(moveCursor(map, 'P1', 'down', 'O1')).toBe('O1');
    // The node before is no parent: the nearest one.
    expect(moveCursor(map, 'O2', 'up', 'O1')).toBe('P1');
  });

  it('goes to the nearest node of the next layer by position where no edge leads that way', () => {
    // O1 leads nowhere: the first row of the layer below, nearest to it.
    expect(moveCursor(map, 'O1', 'down')).toBe('D1');
    // D3 (second row) has no parent drawn: the layer above, nearest.
    expect(moveCursor(map, 'D3', 'up')).toBe('O3');
    // D2's edge to P2 is drawn upwards: ↓ finds nothing below the last layer; P2's ↑ is still the root.
    expect(moveCursor(map, 'D2', 'down')).toBeNull();
    expect(moveCursor(map, 'P2', 'up')).toBe('R');
    expect(moveCursor(map, 'R', 'up')).toBeNull();
  });

  it('starts where cursorStart does from no node or one no longer drawn', () => {
    expect(moveCursor(map, null, 'down')).toBe('R');
    expect(moveCursor(map, 'hidden', 'right')).toBe('R');
  });
});

describe('revealPan', () => {
  const view = { w: 800, h: 600 };
  it('leaves a box in view where it is', () => {
    expect(revealPan({ x1: 100, y1: 100, x2: 200, y2: 150 }, view.w, view.h)).toEqual({ x: 0, y: 0 });
  });
  it('pans by as little as brings a box in, a margin from the edge', () => {
    expect(revealPan({ x1: -50, y1: 100, x2: 50, y2: 150 }, view.w, view.h)).toEqual({ x: 74, y: 0 });
    expect(revealPan({ x1: 700, y1: 580, x2: 900, y2: 640 }, view.w, view.h)).toEqual({ x: -124, y: -64 });
  });
  it('centres a box larger than the viewport', () => {
    expect(revealPan({ x1: -100, y1: 100, x2: 1100, y2: 150 }, view.w, view.h)).toEqual({ x: -100, y: 0 });
  });
});
