/**
 * Dashed and dotted edges (CITES, ASSIGNED_TO) drawn solid when zoomed out. Their dash patterns are in model
 * units: at the zoom that fits a national cascade (≈ 0.07) a dotted edge becomes thousands of sub-pixel dashes,
 * which cost the canvas six times more than the whole rest of the frame (3 956 nodes, 3 996 edges: ≈ 720 ms →
 * 125 ms per frame in headless Chromium) and look like a faint solid line anyway. The colour still tells the
 * relation apart; from SOLID_EDGES_BELOW_ZOOM up, the patterns come back.
 */
import type cytoscape from 'cytoscape';

export const SOLID_EDGES_BELOW_ZOOM = 0.3;
const PATTERNED = 'edge.cites, edge.assigned-to';
const STATE = 'solidEdges';

/** Marks the patterned edges for a drawing at `scale` (the zoom, or an export's scale); `force` after adding edges. */
export function setEdgeDetail(cy: cytoscape.Core, scale: number, force = false): void {
  const solid = scale < SOLID_EDGES_BELOW_ZOOM;
  if (!force && cy.scratch(STATE) === solid) return;
  cy.scratch(STATE, solid);
  cy.batch(() => {
    cy.edges(PATTERNED).toggleClass('solid', solid);
  });
}

/** Runs a drawing at another scale than the screen's (exports), with that scale's edge detail. */
export function atScale<T>(cy: cytoscape.Core, scale: number, draw: () => T): T {
  setEdgeDetail(cy, scale);
  try {
    return draw();
  } finally {
    setEdgeDetail(cy, cy.zoom());
  }
}
