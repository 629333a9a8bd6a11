/**
 * Assignees folded into their directives. A national cascade assigns tasks to a couple of thousand
 * organisations: drawn one by one they double the elements on the canvas (and the time to its first frame) and
 * bury the chain of directives. Above a threshold the explorer draws the directives only, each labelled with how
 * many organisations it assigns tasks to; the details panel still lists them, and one click shows them all.
 */
import type { GraphModel } from './model';

/** More organisations than this in a cascade: draw them folded into their directives until asked. */
export const FOLD_ORGANIZATIONS_ABOVE = 400;

export interface FoldedModel {
  /** The model without organisations and ASSIGNED_TO edges (nodes and edges are the same objects). */
  model: GraphModel;
  /** How many organisations were left out. */
  organizations: number;
  /** Directive id → number of organisations it assigns tasks to. */
  assignees: Map<string, number>;
}

function organizationCount(model: GraphModel): number {
  let n = 0;
  for (const node of model.nodes.values()) if (node.kind === 'ORGANIZATION') n++;
  return n;
}

export function shouldFold(model: GraphModel): boolean {
  return organizationCount(model) > FOLD_ORGANIZATIONS_ABOVE;
}

export function foldAssignees(model: GraphModel): FoldedModel {
  const nodes = new Map(model.nodes);
  let organizations = 0;
  for (const [id, n] of model.nodes) {
    if (n.kind !== 'ORGANIZATION' || id === model.rootId) continue;
    nodes.delete(id);
    organizations++;
  }
  const edges = new Map(model.edges);
  const assignees = new Map<string, number>();
  for (const [id, e] of model.edges) {
    if (nodes.has(e.source) && nodes.has(e.target)) continue;
    edges.delete(id);
    // Edges are oriented parent → child: the directive is the source of its ASSIGNED_TO edges.
    if (e.kind === 'ASSIGNED_TO' && nodes.has(e.source)) assignees.set(e.source, (assignees.get(e.source) ?? 0) + 1);
  }
  return { model: { ...model, nodes, edges }, organizations, assignees };
}
