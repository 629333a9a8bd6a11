/** Helpers for driving the web app in e2e tests: reading the live Cytoscape graph, waiting for it. */
import type { Page } from 'playwright-core';

export interface GraphNode {
  id: string;
  code: string | null;
  kind: string;
  type: string | null;
  province: string | null;
  stub: boolean;
  hidden: boolean;
  x: number;
  y: number;
  /** Rendered box including the label, page coordinates. */
  box: { x1: number; y1: number; x2: number; y2: number };
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  hidden: boolean;
}

/** Snapshot of window.__cy (model positions + rendered boxes). The callback runs in the page. */
export async function readGraph(page: Page): Promise<{ nodes: GraphNode[]; edges: GraphEdge[]; zoom: number }> {
  return page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const cy = (globalThis as any).__cy;
    const rect = cy.container().getBoundingClientRect();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const nodes = cy.nodes().map((n: any) => {
      const bb = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
      return {
        id: n.id(),
        code: n.data('code') ?? null,
        kind: n.data('kind'),
        type: n.data('type') ?? null,
        province: n.data('province') ?? null,
        stub: n.hasClass('stub'),
        hidden: n.hasClass('hidden'),
        x: n.position('x'),
        y: n.position('y'),
        box: { x1: bb.x1 + rect.left, y1: bb.y1 + rect.top, x2: bb.x2 + rect.left, y2: bb.y2 + rect.top },
      };
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const edges = cy.edges().map((e: any) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), kind: e.data('kind'), hidden: e.hasClass('hidden') }));
    return { nodes, edges, zoom: cy.zoom() };
  });
}

export async function waitForGraph(page: Page, minNodes = 2): Promise<void> {
  await page.waitForFunction(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (min) => ((globalThis as any).__cy?.nodes().length ?? 0) >= min,
    minNodes,
  );
  // layout + first viewport fit happen synchronously after the elements arrive; let a frame render
  await page.waitForTimeout(300);
}

export async function visibleNodeCount(page: Page): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return page.evaluate(() => (globalThis as any).__cy.nodes().filter((n: any) => !n.hasClass('hidden')).length);
}

/**
 * Click a node at its rendered position, as a user would, until its details panel shows it. The position is taken
 * once the viewport has settled (a refit scheduled for the next frame — leaving a briefing, a resize — would
 * otherwise move the node away between reading its position and the click), after centring it so it is on screen.
 */
export async function clickNode(page: Page, id: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const point = await page.evaluate(async (nodeId) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const cy = (globalThis as any).__cy;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await frame();
      await frame();
      cy.stop(true, true);
      const node = cy.getElementById(nodeId);
      cy.center(node);
      const p = node.renderedPosition();
      const rect = cy.container().getBoundingClientRect();
      return { x: p.x + rect.left, y: p.y + rect.top };
    }, id);
    await page.mouse.click(point.x, point.y);
    try {
      await page.waitForFunction((nodeId) => document.querySelector('[data-testid=node-details]')?.getAttribute('data-node') === nodeId, id, { timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw new Error(`the details of ${id} did not open after ${attempt} clicks on it`, { cause: error });
    }
  }
}

export function overlaps(a: GraphNode['box'], b: GraphNode['box']): boolean {
  return a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5;
}

/**
 * The drawn nodes whose label does not fit inside their shape: each line measured in the page with the node's own
 * font, its box (widened by the node's border on both sides) tested corner by corner with Cytoscape's own test of a
 * point inside that shape. Empty when every label fits.
 */
export async function labelsOutsideTheirShape(page: Page): Promise<Array<{ id: string; shape: string; line: string }>> {
  return page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const cy = (globalThis as any).__cy;
    const shapes = cy.renderer().nodeShapes;
    const ctx = document.createElement('canvas').getContext('2d')!;
    const outside: Array<{ id: string; shape: string; line: string }> = [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    cy.nodes().filter((n: any) => !n.hasClass('hidden')).forEach((n: any) => {
      const name = n.pstyle('shape').strValue;
      const shape = shapes[name] ?? shapes[name.replace(/-/g, '')];
      const size = n.pstyle('font-size').pfValue;
      ctx.font = `${n.pstyle('font-style').strValue} ${n.pstyle('font-weight').strValue} ${size}px ${n.pstyle('font-family').strValue}`;
      const lineHeight = n.pstyle('line-height').value * size;
      const border = n.pstyle('border-width').pfValue;
      const radius = n.pstyle('corner-radius').value === 'auto' ? 'auto' : n.pstyle('corner-radius').pfValue;
      const { x, y } = n.position();
      const lines: string[] = String(n.data('label') ?? '').split('\n');
      lines.forEach((line, i) => {
        const half = ctx.measureText(line).width / 2 + border;
        const top = y - (lines.length * lineHeight) / 2 + i * lineHeight;
        const corners = [[x - half, top], [x + half, top], [x - half, top + lineHeight], [x + half, top + lineHeight]];
        if (!corners.every(([cx, cy2]) => shape.checkPoint(cx, cy2, 0, n.width(), n.height(), x, y, radius))) {
          outside.push({ id: n.id(), shape: name, line });
        }
      });
    });
    return outside;
  });
}
