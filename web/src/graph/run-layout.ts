/**
 * Apply the layered layout to a Cytoscape instance — to the elements shown (`eles`, e.g. what the filters leave)
 * or to all of them. Small graphs ask cytoscape-dagre for the left-to-right order inside each layer (fewer
 * crossings); large ones sort by the parents' barycentre only. Either way the vertical position comes from the
 * layers (level rank, then generation) and no two node boxes overlap. Nodes outside `eles` keep their position.
 */
import type cytoscape from 'cytoscape';
import type { DagreLayoutOptions } from 'cytoscape-dagre';
import { computeLayers, layerIndex } from './layers';
import { layeredLayout, type LayoutNode, type LayoutResult } from './layout';

export const DAGRE_NODE_LIMIT = 400;

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
  if (nodes.length > 1 && nodes.length <= DAGRE_NODE_LIMIT) {
    const index = layerIndex(computeLayers(nodes));
    const dagreOptions: DagreLayoutOptions = {
      name: 'dagre',
      rankDir: 'TB',
      nodeSep: 28,
      rankSep: 60,
      minLen: (e) => Math.max(1, (index.get(e.target().id()) ?? 0) - (index.get(e.source().id()) ?? 0)),
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
