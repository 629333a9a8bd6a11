/**
 * Apply the layered layout to a Cytoscape instance — to the elements shown (`eles`, e.g. what the filters leave)
 * or to all of them. Small graphs ask cytoscape-dagre for the left-to-right order inside each layer (fewer
 * crossings); large ones (by dagre's work, DAGRE_WORK_LIMIT) sort by the parents' barycentre only. Either way the vertical position comes from the
 * layers (level rank, then generation) and no two node boxes overlap. Nodes outside `eles` keep their position.
 */
import type cytoscape from 'cytoscape';
import type { DagreLayoutOptions } from 'cytoscape-dagre';
import { computeLayers, layerIndex } from './layers';
import { layeredLayout, type LayoutNode, type LayoutResult } from './layout';
import { AXIS_KIND, timelineLayout, type TimelineBand, type TimelineScale } from './timeline';

/**
 * Above this much work — (nodes + the dummy nodes dagre adds on edges spanning several layers) × edges — the order
 * comes from the barycentre alone. Dagre's ordering grows faster than its input: in headless Chromium on two cores,
 * 96 nodes + 175 dummies × 157 edges (42 000) took 0.13 s, 390 + 384 × 773 (600 000) 2.1–3.0 s of a 4.3–4.9 s
 * page load (a provincial programme at 10 % scale; the 435-node one at national scale, over the old 400-node limit,
 * drew in 1.7 s).
 */
export const DAGRE_WORK_LIMIT = 150_000;

export function layoutNodes(nodes: cytoscape.NodeCollection): LayoutNode[] {
  return nodes.map((n) => ({
    id: n.id(),
    rank: Number(n.data('rank') ?? 0),
    gen: Number(n.data('gen') ?? 0),
    isOrg: n.data('kind') === 'ORGANIZATION',
    w: Number(n.data('w') ?? 60),
    h: Number(n.data('h') ?? 30),
    sortKey: `${n.data('province') ?? ''}|${n.data('issuedOn') ?? ''}|${n.data('code') ?? n.data('label') ?? ''}`,
  }));
}

export function runLayout(cy: cytoscape.Core, opts: { fit?: boolean; padding?: number; eles?: cytoscape.Collection } = {}): LayoutResult {
  const given = opts.eles ?? cy.elements();
  const nodes = layoutNodes(given.nodes());
  const ids = new Set(nodes.map((n) => n.id));
  // Edges between laid-out nodes only.
  const links = given.edges().filter((e) => ids.has(e.source().id()) && ids.has(e.target().id())) as cytoscape.EdgeCollection;
  const eles = given.nodes().union(links);
  const edges = links.map((e) => ({ source: e.source().id(), target: e.target().id() }));
  let order: Map<string, number> | undefined;
  const index = layerIndex(computeLayers(nodes));
  const minLen = (source: string, target: string) => Math.max(1, (index.get(target) ?? 0) - (index.get(source) ?? 0));
  const dummies = edges.reduce((sum, e) => sum + minLen(e.source, e.target) - 1, 0);
  if (nodes.length > 1 && (nodes.length + dummies) * edges.length <= DAGRE_WORK_LIMIT) {
    const dagreOptions: DagreLayoutOptions = {
      name: 'dagre',
      rankDir: 'TB',
      nodeSep: 28,
      rankSep: 60,
      minLen: (e) => minLen(e.source().id(), e.target().id()),
      fit: false,
      animate: false,
    };
    eles.layout(dagreOptions).run();
    order = new Map(eles.nodes().map((n) => [n.id(), n.position('x')]));
  }
  const aspect = cy.width() > 0 && cy.height() > 0 ? cy.width() / cy.height() : undefined;
  const result = layeredLayout(nodes, edges, { order, aspect });
  cy.batch(() => {
    eles.nodes().forEach((n) => {
      const p = result.positions.get(n.id());
      if (p) n.position(p);
    });
  });
  if (opts.fit !== false) cy.fit(eles, opts.padding ?? 40);
  return result;
}

/**
 * The timeline (graph/timeline.ts) of the texts among `eles` on `scale`, with the axis elements the graph holds (its
 * bands are in their data). Nodes outside `eles` keep their position.
 */
export function runTimeline(cy: cytoscape.Core, scale: TimelineScale, eles: cytoscape.Collection = cy.elements()): void {
  const axis = cy.nodes(`[kind = "${AXIS_KIND}"]`);
  const texts = eles.nodes().filter((n) => n.data('kind') !== AXIS_KIND);
  const nodes = layoutNodes(texts).map((n) => ({ ...n, issuedOn: (texts.getElementById(n.id).data('issuedOn') as string | null) ?? null }));
  const bands: TimelineBand[] = axis.filter('.axis-band').map((n) => ({ rank: Number(n.data('rank')), label: String(n.data('label')) }));
  const { positions } = timelineLayout(nodes, scale, bands);
  cy.batch(() => {
    texts.union(axis).forEach((n) => {
      const p = positions.get(n.id());
      if (p) n.position(p);
    });
  });
}
