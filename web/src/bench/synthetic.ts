/**
 * A deterministic synthetic cascade of exactly `target` elements (nodes + edges): one central resolution,
 * provincial programmes, department plans, district plans, commune plans and assigned organizations,
 * plus citation edges. Same seed → same graph.
 */
import type { Cascade, CascadeEdge, CascadeNode } from '../api/types';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS = [
  { key: 'central', rank: 0 },
  { key: 'provincial', rank: 1 },
  { key: 'district', rank: 2 },
  { key: 'commune', rank: 3 },
];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function syntheticCascade(target = 10_000, seed = 28): Cascade {
  const rnd = mulberry32(seed);
  const nodes: CascadeNode[] = [];
  const edges: CascadeEdge[] = [];
  const node = (id: string, kind: CascadeNode['kind'], label: string, type: string | null, levelIdx: number, province: string | null, issuedOn: string | null, depth: number, parent: string | null, lagDays: number | null): CascadeNode => {
    const level = LEVELS[levelIdx]!;
    const n: CascadeNode = { id, kind, label, code: kind === 'DIRECTIVE' ? label : null, type, typeName: type, title: kind === 'DIRECTIVE' ? `Văn bản tổng hợp ${label}` : null, level: level.key, levelRank: level.rank, province, issuedOn, stub: false, synthetic: true, depth, lagDays, parent };
    nodes.push(n);
    return n;
  };
  const edge = (source: string, target: string, kind: CascadeEdge['kind'], lagDays: number | null): void => {
    edges.push({ id: `e${edges.length}`, source, target, kind, inferred: rnd() < 0.05, verb: kind === 'IMPLEMENTS' ? 'thực hiện' : null, quote: null, start: null, end: null, evidenceUid: source, lagDays, tasks: kind === 'ASSIGNED_TO' ? ['Nhiệm vụ tổng hợp'] : null, timings: kind === 'ASSIGNED_TO' ? ['năm 2024'] : null });
  };
  /** True when `needed` more elements would exceed the target. */
  const full = (needed = 1) => nodes.length + edges.length + needed > target;
  // Implementing document under `parent`, `lag` days later.
  const child = (parent: CascadeNode, id: string, label: string, type: string, levelIdx: number, province: string): CascadeNode => {
    const lag = 20 + Math.floor(rnd() * 120);
    const n = node(id, 'DIRECTIVE', label, type, levelIdx, province, addDays(parent.issuedOn!, lag), parent.depth + 1, parent.id, lag);
    edge(n.id, parent.id, 'IMPLEMENTS', lag);
    return n;
  };

  const root = node('root', 'DIRECTIVE', '28-NQ/TW', 'NQ', 0, null, '2022-11-17', 0, null, null);
  const provinces = Array.from({ length: 63 }, (_, i) => `Tỉnh ${String(i + 1).padStart(2, '0')}`);
  const documents: CascadeNode[] = [root];
  outer: for (const [p, province] of provinces.entries()) {
    if (full(2)) break;
    const programme = child(root, `p${p}`, `${p + 1}-CTr/TU`, 'CTr', 1, province);
    documents.push(programme);
    for (let o = 0; o < 8; o++) {
      if (full(2)) break outer;
      const org = node(`p${p}o${o}`, 'ORGANIZATION', `Sở ${o + 1} ${province}`, null, 1, province, null, 2, programme.id, null);
      edge(programme.id, org.id, 'ASSIGNED_TO', null);
    }
    for (let k = 0; k < 6; k++) {
      if (full(2)) break outer;
      documents.push(child(programme, `p${p}k${k}`, `${k + 1}-KH/S${p}`, k % 2 ? 'HD' : 'KH', 1, province));
    }
    for (let d = 0; d < 12; d++) {
      if (full(2)) break outer;
      const district = child(programme, `p${p}d${d}`, `${d + 1}-KH/HU${p}`, 'KH', 2, province);
      documents.push(district);
      for (let c = 0; c < 4; c++) {
        if (full(2)) break outer;
        documents.push(child(district, `p${p}d${d}c${c}`, `${c + 1}-KH/ĐU${p}.${d}`, 'KH', 3, province));
      }
    }
  }
  // Citations fill up to the exact target.
  while (!full() && documents.length > 1) {
    const from = documents[1 + Math.floor(rnd() * (documents.length - 1))]!;
    edge(from.id, root.id, 'CITES', null);
  }
  return { truncated: false, root, nodes, edges };
}
