/**
 * A selected edge as the address names it. An edge's id is its relationship's elementId, which changes whenever the
 * text stating it is ingested again: a link carrying it would open nothing after a re-ingest. The address carries
 * what does not change instead — the relation and its two ends as the API names them (directives by uid,
 * organisations by key; `apiSource` → `apiTarget`, the relationship's own direction):
 *
 *   sel=ASSIGNED_TO~58-CTr/TU@2023-03-30#binh-thuan~ban dan van tinh uy#binh-thuan
 *
 * When several edges of that relation join the same pair — a text assigning an organisation tasks in several places
 * of it, one ASSIGNED_TO each — a fourth part says which: the 2nd, 3rd… of them in the order their quotes stand in
 * the text (`start`, part of the evidence loaded on demand). Not the order of the cascade's answer: the server lists a
 * text's assignments in another order after the text is written again. The first of a pair is written without it.
 * A `~` or `%` inside an id is written `%7E` / `%25`.
 *
 * Node selections are node ids (uids and keys survive a re-ingest) and stay as they are. An address of an older build
 * naming an edge by its elementId still opens it, and is written again in this form.
 */
import { ALL_RELATIONS, type Relation } from '../api/types.js';

/** What an edge reference needs of an edge (GEdge has it). */
export interface LinkedEdge {
  id: string;
  kind: Relation;
  apiSource: string;
  apiTarget: string;
}

export interface EdgeRef {
  kind: Relation;
  source: string;
  target: string;
  /** Which of the edges of this relation between source and target, from 1, in the order of their quotes. */
  n: number;
}

/**
 * Where each edge's quote starts in the text stating it (edge id → offset, null when it has none). Needed only for
 * pairs joined by several edges; absent while their evidence is not loaded.
 */
export type QuoteStarts = ReadonlyMap<string, number | null>;

const SEP = '~';
const escapePart = (s: string) => s.replace(/[%~]/g, (c) => (c === '%' ? '%25' : '%7E'));
const unescapePart = (s: string) => s.replace(/%(25|7E)/gi, (m) => (m === '%25' ? '%' : '~'));

/** The edges of `edges` of the relation and between the ends of `like` (an edge or a reference), in their order. */
export function samePair<E extends LinkedEdge>(like: LinkedEdge | EdgeRef, edges: Iterable<E>): E[] {
  const [kind, source, target] = 'apiSource' in like ? [like.kind, like.apiSource, like.apiTarget] : [like.kind, like.source, like.target];
  const pair: E[] = [];
  for (const e of edges) if (e.kind === kind && e.apiSource === source && e.apiTarget === target) pair.push(e);
  return pair;
}

/**
 * A pair's edges in the order of their quotes in the text (one without a known start last); the same order as
 * given for ties. Null when several edges join the pair and their starts are not known yet.
 */
function inTextOrder<E extends LinkedEdge>(pair: E[], starts: QuoteStarts | null | undefined): E[] | null {
  if (pair.length < 2) return pair;
  if (!starts) return null;
  const at = (e: E) => starts.get(e.id) ?? Infinity;
  return pair.map((e, i) => ({ e, i })).sort((a, b) => at(a.e) - at(b.e) || a.i - b.i).map(({ e }) => e);
}

/** The reference of `edge` among `edges` (the model's edges; `edge` among them); null until `starts` tells its pair apart. */
export function edgeRef(edge: LinkedEdge, edges: Iterable<LinkedEdge>, starts?: QuoteStarts | null): EdgeRef | null {
  const ordered = inTextOrder(samePair(edge, edges), starts);
  if (!ordered) return null;
  return { kind: edge.kind, source: edge.apiSource, target: edge.apiTarget, n: Math.max(1, ordered.findIndex((e) => e.id === edge.id) + 1) };
}

export function formatEdgeRef(ref: EdgeRef): string {
  const parts = [ref.kind, escapePart(ref.source), escapePart(ref.target)];
  if (ref.n > 1) parts.push(String(ref.n));
  return parts.join(SEP);
}

/** The reference an address value spells, or null when it spells none (a node id, an elementId). */
export function parseEdgeRef(value: string): EdgeRef | null {
  const parts = value.split(SEP);
  if (parts.length !== 3 && parts.length !== 4) return null;
  const [kind, source, target, n = '1'] = parts as [string, string, string, string?];
  if (!(ALL_RELATIONS as readonly string[]).includes(kind) || !source || !target || !/^[1-9]\d{0,5}$/.test(n)) return null;
  return { kind: kind as Relation, source: unescapePart(source), target: unescapePart(target), n: Number(n) };
}

/** The edge a reference names among `edges`: undefined when they hold none, null until `starts` tells its pair apart. */
export function findEdge<E extends LinkedEdge>(ref: EdgeRef, edges: Iterable<E>, starts?: QuoteStarts | null): E | undefined | null {
  const ordered = inTextOrder(samePair(ref, edges), starts);
  return ordered && ordered[ref.n - 1];
}

/**
 * The edges whose quotes must be known to read or write the address of the edge `param` names (by reference or by
 * elementId): those joining its pair, when there are several; none otherwise (nodes, pairs of one edge).
 */
export function edgesToTellApart<E extends LinkedEdge>(param: string, edges: ReadonlyMap<string, E>): E[] {
  const named = parseEdgeRef(param) ?? edges.get(param);
  const pair = named ? samePair(named, edges.values()) : [];
  return pair.length > 1 ? pair : [];
}

/**
 * How the address names a selected element: a node by its id, an edge by its reference — by its elementId while its
 * pair's edges cannot be told apart yet (written again the lasting way once they can: resolveSelection).
 */
export function selectionParam(sel: { id: string; group: 'nodes' | 'edges' }, edges: ReadonlyMap<string, LinkedEdge>, starts?: QuoteStarts | null): string {
  const edge = sel.group === 'edges' ? edges.get(sel.id) : undefined;
  const ref = edge && edgeRef(edge, edges.values(), starts);
  return ref ? formatEdgeRef(ref) : sel.id;
}

export interface ResolvedSelection {
  id: string;
  group: 'nodes' | 'edges';
  /** How the address names it: an edge named by its elementId, by its reference (once its pair can be told apart). */
  param: string;
}

/**
 * What an address's `sel` names among the loaded elements: a node by its id, an edge by its reference, or — a link
 * made before edges were named so — an edge by its elementId. Null when they hold nothing of that name, or while the
 * edges of the pair a reference names cannot be told apart (`starts` of edgesToTellApart's edges not given yet).
 */
export function resolveSelection(param: string, nodes: { has(id: string): boolean }, edges: ReadonlyMap<string, LinkedEdge>, starts?: QuoteStarts | null): ResolvedSelection | null {
  if (nodes.has(param)) return { id: param, group: 'nodes', param };
  const ref = parseEdgeRef(param);
  const edge = ref ? findEdge(ref, edges.values(), starts) : edges.get(param);
  if (!edge) return null;
  return { id: edge.id, group: 'edges', param: selectionParam({ id: edge.id, group: 'edges' }, edges, starts) };
}
