/**
 * The graph as the explorer holds it: cascade nodes and edges (merged over expansions), every edge
 * oriented "downwards" (parent → child: implemented → implementer, cited → citer, assigner → organization),
 * and each node's generation (signed hops from the root) and effective level rank.
 */
import type { Cascade, CascadeEdge, CascadeNode } from '../api/types.js';

export interface GNode extends CascadeNode {
  isRoot: boolean;
  /** Signed hops from the root along oriented edges (negative above it). */
  gen: number;
  /** levelRank, or the rank inherited from a parent when the level is unknown. */
  rank: number;
}

export interface GEdge extends CascadeEdge {
  /** Display source = parent (upper node); `source`/`target` of the API are kept in apiSource/apiTarget. */
  apiSource: string;
  apiTarget: string;
}

export interface GraphModel {
  rootId: string;
  nodes: Map<string, GNode>;
  edges: Map<string, GEdge>;
  /** Expansion (node id) → ids of the nodes and edges it added. */
  expansions: Map<string, Set<string>>;
}

/** Orient the edges of one cascade response parent → child. */
function orientEdges(cascade: Cascade, rootId: string | null): GEdge[] {
  const kinds = new Map(cascade.nodes.map((n) => [n.id, n.kind]));
  // The API names the implementer as source (IMPLEMENTS: source implements target). Should a DOWN
  // cascade ever come back in flow order (root as a source), honour that instead.
  const flowOrder = cascade.edges.some((e) => e.kind !== 'ASSIGNED_TO' && e.source === rootId) &&
    !cascade.edges.some((e) => e.kind !== 'ASSIGNED_TO' && e.target === rootId);
  return cascade.edges.map((e) => {
    let parentIsSource: boolean;
    if (e.kind === 'ASSIGNED_TO') parentIsSource = kinds.get(e.source) !== 'ORGANIZATION';
    else parentIsSource = flowOrder;
    return {
      ...e,
      apiSource: e.source,
      apiTarget: e.target,
      source: parentIsSource ? e.source : e.target,
      target: parentIsSource ? e.target : e.source,
    };
  });
}

function recompute(model: GraphModel): GraphModel {
  const { nodes, edges, rootId } = model;
  const down = new Map<string, string[]>();
  const up = new Map<string, string[]>();
  for (const e of edges.values()) {
    (down.get(e.source) ?? down.set(e.source, []).get(e.source)!).push(e.target);
    (up.get(e.target) ?? up.set(e.target, []).get(e.target)!).push(e.source);
  }
  const gen = new Map<string, number>([[rootId, 0]]);
  const queue = [rootId];
  while (queue.length) {
    const id = queue.shift()!;
    const g = gen.get(id)!;
    for (const c of down.get(id) ?? []) if (!gen.has(c)) { gen.set(c, g + 1); queue.push(c); }
    for (const p of up.get(id) ?? []) if (!gen.has(p)) { gen.set(p, g - 1); queue.push(p); }
  }
  // Longest path below the root: a node sits below every parent it has (a guidance that cites the
  // resolution and implements the provincial programme goes under the programme). Passes are capped,
  // so a cycle cannot loop forever.
  const downEdges = [...edges.values()].filter((e) => (gen.get(e.source) ?? -1) >= 0 && e.target !== rootId);
  for (let pass = 0; pass < nodes.size; pass++) {
    let changed = false;
    for (const e of downEdges) {
      const g = gen.get(e.source)! + 1;
      if ((gen.get(e.target) ?? -Infinity) < g) {
        gen.set(e.target, g);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // Effective rank: own levelRank, else the parent's (organizations inherit their assigner's level).
  const rank = new Map<string, number>();
  const rankOf = (id: string, seen = new Set<string>()): number => {
    const known = rank.get(id);
    if (known !== undefined) return known;
    const n = nodes.get(id);
    let r = n?.levelRank ?? null;
    if (r === null && !seen.has(id)) {
      seen.add(id);
      const parents = (up.get(id) ?? []).map((p) => rankOf(p, seen));
      r = parents.length ? Math.max(...parents) : 0;
    }
    rank.set(id, r ?? 0);
    return r ?? 0;
  };
  const out = new Map<string, GNode>();
  for (const [id, n] of nodes) out.set(id, { ...n, isRoot: id === rootId, gen: gen.get(id) ?? n.depth, rank: rankOf(id) });
  return { ...model, nodes: out };
}

export function modelFromCascade(cascade: Cascade): GraphModel | null {
  const rootId = cascade.root?.id ?? cascade.nodes.find((n) => n.depth === 0)?.id;
  if (!rootId) return null;
  const nodes = new Map<string, GNode>();
  for (const n of cascade.nodes) nodes.set(n.id, { ...n, isRoot: false, gen: n.depth, rank: n.levelRank ?? 0 });
  // The root as `root` gives it: the explorer asks for every field there (its title for the header), fewer on `nodes`.
  if (cascade.root) nodes.set(rootId, { ...cascade.root, isRoot: true, gen: 0, rank: cascade.root.levelRank ?? 0 });
  const edges = new Map<string, GEdge>();
  for (const e of orientEdges(cascade, rootId)) if (nodes.has(e.source) && nodes.has(e.target)) edges.set(e.id, e);
  return recompute({ rootId, nodes, edges, expansions: new Map() });
}

/** Merge the depth-1 neighbourhood of `fromId`; remembers what was added so it can be collapsed. */
export function mergeExpansion(model: GraphModel, fromId: string, cascade: Cascade): GraphModel {
  const nodes = new Map(model.nodes);
  const edges = new Map(model.edges);
  const added = new Set<string>(model.expansions.get(fromId) ?? []);
  for (const n of cascade.nodes) {
    if (!nodes.has(n.id)) {
      nodes.set(n.id, { ...n, isRoot: false, gen: 0, rank: n.levelRank ?? 0 });
      added.add(n.id);
    }
  }
  for (const e of orientEdges(cascade, cascade.root?.id ?? fromId)) {
    if (!edges.has(e.id) && nodes.has(e.source) && nodes.has(e.target)) {
      edges.set(e.id, e);
      added.add(e.id);
    }
  }
  const expansions = new Map(model.expansions);
  expansions.set(fromId, added);
  return recompute({ ...model, nodes, edges, expansions });
}

/** Whether the model holds the organisations `id` assigns tasks to (none are held when a folded cascade left them out). */
export function hasAssignments(model: GraphModel, id: string): boolean {
  for (const e of model.edges.values()) if (e.kind === 'ASSIGNED_TO' && e.source === id) return true;
  return false;
}

/**
 * Adds the organisations `id` assigns tasks to, and those ASSIGNED_TO edges, from a cascade around it (what a folded
 * cascade left out); nothing else of that answer, and no expansion to undo.
 */
export function mergeAssignments(model: GraphModel, id: string, cascade: Cascade): GraphModel {
  const nodes = new Map(model.nodes);
  const edges = new Map(model.edges);
  const byId = new Map(cascade.nodes.map((n) => [n.id, n]));
  for (const e of orientEdges(cascade, cascade.root?.id ?? id)) {
    const org = byId.get(e.target);
    if (e.kind !== 'ASSIGNED_TO' || e.source !== id || !org || edges.has(e.id)) continue;
    if (!nodes.has(org.id)) nodes.set(org.id, { ...org, isRoot: false, gen: 0, rank: org.levelRank ?? 0 });
    edges.set(e.id, e);
  }
  return recompute({ ...model, nodes, edges });
}

/** Undo an expansion: remove what it added (except the root and what other expansions also rely on). */
export function collapseExpansion(model: GraphModel, fromId: string): GraphModel {
  const first = model.expansions.get(fromId);
  if (!first) return model;
  // What fromId added, plus (transitively) what expansions of those nodes added.
  const added = new Set(first);
  const removedKeys = new Set([fromId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [k, ids] of model.expansions) {
      if (removedKeys.has(k) || !added.has(k)) continue;
      removedKeys.add(k);
      for (const id of ids) added.add(id);
      grew = true;
    }
  }
  const keep = new Set<string>();
  for (const [k, ids] of model.expansions) if (!removedKeys.has(k)) for (const id of ids) keep.add(id);
  const nodes = new Map(model.nodes);
  const edges = new Map(model.edges);
  for (const id of added) {
    if (keep.has(id) || id === model.rootId) continue;
    nodes.delete(id);
    edges.delete(id);
  }
  for (const [id, e] of edges) if (!nodes.has(e.source) || !nodes.has(e.target)) edges.delete(id);
  const expansions = new Map(model.expansions);
  for (const k of removedKeys) expansions.delete(k);
  return recompute({ ...model, nodes, edges, expansions });
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
