/**
 * Pure shaping of a raw cascade for Cytoscape: hop depth from the root, the parent each node was reached from,
 * implementation lag in days, one edge per (source, target, kind) — direct evidence preferred over inferred.
 */
import { foldDiacritics } from '../extract/provinces.js';
import type { Direction, RawCascade, RawEdge, RelationKind } from './queries/cascade.js';
import { organizationLabel } from './queries/organization-label.js';

export interface CascadeNode {
  id: string;
  kind: 'DIRECTIVE' | 'ORGANIZATION';
  label: string;
  code: string | null;
  type: string | null;
  typeName: string | null;
  title: string | null;
  level: string | null;
  levelRank: number | null;
  province: string | null;
  issuedOn: string | null;
  stub: boolean;
  synthetic: boolean;
  sourceFile: string | null;
  depth: number;
  lagDays: number | null;
  parent: string | null;
  /** Folded cascades: how many organisations this directive assigns tasks to, left out (null otherwise). */
  assignees: number | null;
  /** Cascades whose lower levels were folded: how many texts of those levels implement this one directly (null otherwise). */
  implementersFolded: number | null;
  /**
   * The unit below the province: a district's, bloc's or commune's text's (part of its identity), an organisation's when
   * its name does not say (extract/unit.ts); null otherwise.
   */
  unit: string | null;
}

export interface CascadeEdge {
  id: string;
  source: string;
  target: string;
  kind: RelationKind;
  inferred: boolean;
  verb: string | null;
  quote: string | null;
  start: number | null;
  end: number | null;
  evidenceUid: string | null;
  lagDays: number | null;
  tasks: string[] | null;
  timings: string[] | null;
  /** How many relationships of this kind between the two nodes the edge stands for (1 unless merged). */
  statements: number;
  /** Their ids, the edge's own first (read only when asked for: otherwise the edge's own id alone). */
  statementIds: string[];
}

export interface Cascade {
  root: CascadeNode | null;
  /** True when the expansion stopped at its node limit: more directives exist below. */
  truncated: boolean;
  nodes: CascadeNode[];
  edges: CascadeEdge[];
  /** Directive–organisation pairs left out of a folded cascade (0 when it was not folded). */
  foldedAssignments: number;
  /** Levels whose texts were left out (foldLevelsAbove), highest level first; empty when none were. */
  foldedLevels: string[];
  /** Texts of those levels implementing a text kept, summed over the texts kept (0 when no level was left out). */
  foldedImplementers: number;
}

const DAY = 86_400_000;
/** One collator for the label sort: String#localeCompare builds one per call (most of the shaping time on 2 000 nodes). */
const collator = new Intl.Collator();

/**
 * Labels sort by their lower-case, diacritic-free form compared as plain strings ("Bình Thuận" next to "binh
 * thuan"; folded forms are remembered across requests); the collator only decides between equal forms. On a
 * 4 000-node cascade this takes a fraction of the time of collator.compare on every pair (7.7 ms here).
 */
function byLabel(a: { key: string; label: string }, b: { key: string; label: string }): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.label === b.label ? 0 : collator.compare(a.label, b.label);
}

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : String(v);
}

function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v && 'toNumber' in v) return (v as { toNumber(): number }).toNumber();
  return Number(v);
}

/**
 * An ISO date (yyyy-mm-dd) as days since 1970-01-01 UTC: read digit by digit (days from the civil date), other
 * forms through Date.parse. Building and parsing a date-time string per node was a tenth of a national cascade's shaping.
 */
function dayNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 0x2d || iso.charCodeAt(7) !== 0x2d) return Date.parse(`${iso}T00:00:00Z`) / DAY;
  const y0 = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  // Day 29–31 of a shorter month runs on into the next, as Date.parse has it.
  if (Number.isNaN(y0 + m + d) || m < 1 || m > 12 || d < 1 || d > 31) return NaN;
  // Howard Hinnant's days_from_civil, for the proleptic Gregorian calendar Date.parse uses.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The decimal number written at s[from, to), NaN unless all digits. */
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

export function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.round(dayNumber(to) - dayNumber(from));
}

function label(p: Record<string, unknown>, isOrg: boolean): string {
  if (isOrg) return organizationLabel(str(p.name) ?? '?', str(p.unit), str(p.province));
  const code = str(p.code);
  const province = str(p.province);
  const unit = str(p.unit);
  const head = code ?? str(p.typeName) ?? str(p.title)?.slice(0, 60) ?? str(p.titleHead) ?? '?';
  return province ? `${head} · ${unit ? `${unit}, ` : ''}${province}` : head;
}

/** A raw edge as the API shows it (lag in days computed by the caller, who knows the nodes' dates). */
export function shapeEdge(e: RawEdge, lagDays: number | null): CascadeEdge {
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    kind: e.type as RelationKind,
    inferred: Boolean(e.props.inferred),
    verb: str(e.props.verb),
    quote: str(e.props.quote),
    start: num(e.props.start),
    end: num(e.props.end),
    evidenceUid: str(e.props.evidenceUid),
    lagDays,
    tasks: (e.props.tasks as string[] | undefined) ?? null,
    timings: (e.props.timings as string[] | undefined) ?? null,
    statements: statementsOf(e),
    statementIds: (e.props.statementIds as string[] | undefined) ?? [e.id],
  };
}

/**
 * Breadth-first from the root over each relation kind in turn (IMPLEMENTS and CITES in the requested direction,
 * ASSIGNED_TO from assigner to assignee): the hops of every node reached and the node it was first reached from.
 * Only IMPLEMENTS is followed further than one hop from the nodes reached before.
 */
export function reachedFrom(
  rootUid: string,
  edges: readonly { type: string; source: string; target: string }[],
  direction: Direction,
  kinds: readonly RelationKind[],
): { depth: Map<string, number>; parent: Map<string, string | null> } {
  const depth = new Map<string, number>([[rootUid, 0]]);
  const parent = new Map<string, string | null>([[rootUid, null]]);
  // The neighbours of each node along each kind, built in one pass over the edges.
  const adjacency = new Map<string, Map<string, string[]>>(kinds.map((k) => [k, new Map()]));
  const add = (adj: Map<string, string[]>, a: string, b: string) => {
    const list = adj.get(a);
    if (list) list.push(b);
    else adj.set(a, [b]);
  };
  for (const e of edges) {
    const adj = adjacency.get(e.type);
    if (!adj) continue;
    if (e.type === 'ASSIGNED_TO') add(adj, e.source, e.target);
    else {
      if (direction !== 'UP') add(adj, e.target, e.source);
      if (direction !== 'DOWN') add(adj, e.source, e.target);
    }
  }
  for (const kind of kinds) {
    const adj = adjacency.get(kind)!;
    if (adj.size === 0) continue;
    // Every node reached so far, nearest first (in the order reached within a depth): a stable bucket sort by depth.
    const buckets: string[][] = [];
    for (const [uid, d] of depth) (buckets[d] ??= []).push(uid);
    const queue = buckets.flat();
    for (let i = 0; i < queue.length; i++) {
      const cur = queue[i]!;
      const next = adj.get(cur);
      if (!next) continue;
      const d = depth.get(cur)! + 1;
      for (const n of next) {
        if (depth.has(n)) continue;
        depth.set(n, d);
        parent.set(n, cur);
        if (kind === 'IMPLEMENTS') queue.push(n);
      }
    }
  }
  return { depth, parent };
}

/** How many relationships a raw edge stands for (the statement merges links; 1 otherwise). */
const statementsOf = (e: RawEdge): number => (typeof e.props.statements === 'number' ? e.props.statements : 1);

/**
 * Two edges of one kind between the same nodes as one (an organisation given tasks in two sections of a text, or a link
 * the statement did not merge): the direct one wins over an inferred one, and it stands for the relationships of both.
 */
function mergedEdge(kept: RawEdge, e: RawEdge): RawEdge {
  const [win, other] = kept.props.inferred && !e.props.inferred ? [e, kept] : [kept, e];
  const ids = win.props.statementIds as string[] | undefined;
  const otherIds = other.props.statementIds as string[] | undefined;
  return {
    ...win,
    props: { ...win.props, statements: statementsOf(win) + statementsOf(other), statementIds: ids && otherIds ? [...ids, ...otherIds] : undefined },
  };
}

export function shapeCascade(raw: RawCascade, direction: Direction): Cascade {
  // One edge per (source, target, kind): direct evidence wins over inferred.
  const present = new Set(raw.nodes.map((n) => n.uid));
  // Positions in `edges` of the edges kept, by source (a handful each): no string key built per edge.
  const bySource = new Map<string, number[]>();
  const edges: RawEdge[] = [];
  for (const e of raw.edges) {
    // ISSUED_BY is shown as metadata; an edge to a node left out by the maxNodes cap is dropped with it.
    if (e.type === 'ISSUED_BY' || !present.has(e.source) || !present.has(e.target)) continue;
    let kept = bySource.get(e.source);
    if (!kept) bySource.set(e.source, (kept = []));
    const at = kept.find((i) => edges[i]!.type === e.type && edges[i]!.target === e.target);
    if (at === undefined) {
      kept.push(edges.length);
      edges.push(e);
    } else edges[at] = mergedEdge(edges[at]!, e);
  }
  const nodesById = new Map(raw.nodes.map((n) => [n.uid, n]));
  const issued = (id: string) => str(nodesById.get(id)?.props.issuedOn);
  // Issue dates as day numbers, parsed once per node (edges and nodes both ask).
  const dayCache = new Map<string, number | null>();
  const day = (id: string): number | null => {
    let d = dayCache.get(id);
    if (d === undefined) {
      const iso = issued(id);
      d = iso ? dayNumber(iso) : null;
      dayCache.set(id, d);
    }
    return d;
  };
  const lagBetween = (from: string, to: string): number | null => {
    const a = day(from);
    const b = day(to);
    return a === null || b === null ? null : Math.round(b - a);
  };

  const { depth, parent } = reachedFrom(raw.rootUid, edges, direction, ['IMPLEMENTS', 'CITES', 'ASSIGNED_TO']);

  // The nodes joined to the node they were reached from by an IMPLEMENTS edge, either way round.
  const implementsParent = new Set<string>();
  for (const e of edges) {
    if (e.type !== 'IMPLEMENTS') continue;
    if (parent.get(e.source) === e.target) implementsParent.add(e.source);
    if (parent.get(e.target) === e.source) implementsParent.add(e.target);
  }
  const nodes: CascadeNode[] = raw.nodes.map((n) => {
    const p = n.props;
    const isOrg = n.labels.includes('Organization');
    const par = parent.get(n.uid) ?? null;
    const lag = par !== null && implementsParent.has(n.uid) ? Math.abs(lagBetween(par, n.uid) ?? NaN) : NaN;
    return {
      id: n.uid,
      kind: isOrg ? 'ORGANIZATION' : 'DIRECTIVE',
      label: label(p, isOrg),
      code: str(p.code),
      type: str(p.type),
      typeName: str(p.typeName),
      title: str(p.title) ?? (isOrg ? str(p.name) : null),
      level: str(p.level),
      levelRank: num(p.levelRank),
      province: str(p.province),
      issuedOn: str(p.issuedOn),
      stub: Boolean(p.stub),
      synthetic: Boolean(p.synthetic),
      sourceFile: str(p.sourceFile),
      depth: depth.get(n.uid) ?? 0,
      lagDays: Number.isNaN(lag) ? null : lag,
      parent: par,
      assignees: raw.folded ? (raw.folded.get(n.uid) ?? 0) : null,
      implementersFolded: raw.levelsFolded && !isOrg ? (raw.levelsFolded.implementers.get(n.uid) ?? 0) : null,
      unit: str(p.unit),
    };
  });
  // Depth, level rank, folded label (then byLabel's collator between equal forms).
  const sorted = nodes
    .map((n) => ({ n, depth: n.depth, rank: n.levelRank ?? 99, key: foldDiacritics(n.label), label: n.label }))
    .sort((a, b) => a.depth - b.depth || a.rank - b.rank || byLabel(a, b))
    .map((x) => x.n);

  const shapedEdges = edges.map((e) => shapeEdge(e, e.type === 'IMPLEMENTS' ? lagBetween(e.target, e.source) : null));
  let foldedAssignments = 0;
  for (const n of raw.folded?.values() ?? []) foldedAssignments += n;
  let foldedImplementers = 0;
  for (const n of raw.levelsFolded?.implementers.values() ?? []) foldedImplementers += n;
  return {
    root: sorted.find((n) => n.id === raw.rootUid) ?? null,
    truncated: raw.truncated,
    nodes: sorted,
    edges: shapedEdges,
    foldedAssignments,
    foldedLevels: raw.levelsFolded?.levels ?? [],
    foldedImplementers,
  };
}
