/**
 * Assignees folded into their directives. A national cascade assigns tasks to a couple of thousand
 * organisations: drawn one by one they double the elements on the canvas (and the time to its first frame) and
 * bury the chain of directives. Above a threshold the explorer draws the directives only, each labelled with how
 * many organisations it assigns tasks to; the details panel still lists them, and one click shows them all.
 * The explorer asks the server to fold them already (foldOrganizationsAbove: half the answer of a national cascade,
 * which then says per directive how many it left out); what it folds itself is a cascade grown past the threshold
 * in the browser, and organisations loaded for the details panel.
 */
import { FOLD_ORGANIZATIONS_ABOVE } from '../api/queries.js';
import type { GraphModel } from './model.js';


export interface FoldedModel {
  /** The model without organisations and ASSIGNED_TO edges (nodes and edges are the same objects). */
  model: GraphModel;
  /** Assignments left out: directive–organisation pairs (the ASSIGNED_TO edges a whole cascade draws). */
  assignments: number;
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

/**
 * The organisations to draw of a model that was not folded by the server: those of the cascade as loaded when they
 * fit, then those each expansion brought, in the order of the expansions, as long as they fit. An expansion that
 * crosses the threshold folds its own organisations only: what was drawn before it stays (expanding the root of a
 * provincial programme brings 300 texts; its 19 drawn organisations must not vanish into "+N cơ quan").
 * Null when every organisation is drawn.
 */
export function organizationsToDraw(model: GraphModel): Set<string> | null {
  const byExpansion = new Set<string>();
  for (const ids of model.expansions.values()) for (const id of ids) byExpansion.add(id);
  const isOrg = (id: string) => model.nodes.get(id)?.kind === 'ORGANIZATION';
  const draw = new Set<string>();
  for (const [id, n] of model.nodes) if (n.kind === 'ORGANIZATION' && !byExpansion.has(id)) draw.add(id);
  if (draw.size > FOLD_ORGANIZATIONS_ABOVE) return new Set();
  let all = draw.size;
  for (const ids of model.expansions.values()) {
    const brought = [...ids].filter((id) => isOrg(id) && !draw.has(id));
    all += brought.length;
    if (draw.size + brought.length <= FOLD_ORGANIZATIONS_ABOVE) for (const id of brought) draw.add(id);
  }
  return draw.size >= all ? null : draw;
}

/** Whether the server left the organisations out (its directives then carry their number of assignees). */
export function foldedByServer(model: GraphModel): boolean {
  for (const n of model.nodes.values()) if (n.assignees != null) return true;
  return false;
}

/**
 * The model without its organisations (but those in `keep`). Each directive's count is the larger of what the server
 * said it left out (`assignees` on the node) and the ASSIGNED_TO edges the model holds to organisations left out.
 */
export function foldAssignees(model: GraphModel, keep: ReadonlySet<string> = new Set()): FoldedModel {
  const nodes = new Map(model.nodes);
  for (const [id, n] of model.nodes) if (n.kind === 'ORGANIZATION' && id !== model.rootId && !keep.has(id)) nodes.delete(id);
  const edges = new Map(model.edges);
  const assignees = new Map<string, number>();
  for (const [id, e] of model.edges) {
    if (nodes.has(e.source) && nodes.has(e.target)) continue;
    edges.delete(id);
    // Edges are oriented parent → child: the directive is the source of its ASSIGNED_TO edges.
    if (e.kind === 'ASSIGNED_TO' && nodes.has(e.source)) assignees.set(e.source, (assignees.get(e.source) ?? 0) + 1);
  }
  let assignments = 0;
  for (const [id, n] of nodes) {
    const count = Math.max(n.assignees ?? 0, assignees.get(id) ?? 0);
    if (count > 0) assignees.set(id, count);
    assignments += count;
  }
  return { model: { ...model, nodes, edges }, assignments, assignees };
}

/**
 * Texts of the folded lower levels still counted on the drawn ones: what the server folded (`foldedImplementers`,
 * the sum of its texts' `implementersFolded`), less what the expansions of those texts brought in. The notice says
 * this number, as each expanded node's label stops counting its own.
 */
export function foldedImplementersLeft(model: GraphModel, foldedByServer: number): number {
  let expanded = 0;
  for (const id of model.expansions.keys()) expanded += model.nodes.get(id)?.implementersFolded ?? 0;
  return Math.max(0, foldedByServer - expanded);
}
