/**
 * Which elements are shown: the filters (relation, province, level, date range) and the briefing step.
 * A node stays only if it passes the filters and is still connected to the root through visible edges,
 * so hiding a relation also hides what hangs only on it. A province chosen shows the provinces it covers: a province
 * of the 2025 map those it took over too (`provinces`: the map; graph/provinces.ts).
 */
import type { Filters } from '../state/url.js';
import type { GraphModel } from './model.js';
import { NO_PROVINCE_MAP, provinceMatcher, type ProvinceMap } from './provinces.js';

export function visibleIds(model: GraphModel, filters: Filters, allowedNodes?: Set<string>, provinces: ProvinceMap = NO_PROVINCE_MAP): Set<string> {
  const inProvince = provinceMatcher(filters.provinces, provinces);
  const passes = (id: string): boolean => {
    const n = model.nodes.get(id);
    if (!n) return false;
    if (n.isRoot) return true;
    if (allowedNodes && !allowedNodes.has(id)) return false;
    if (!inProvince(n.province)) return false;
    if (filters.levels.length && !(n.level && filters.levels.includes(n.level))) return false;
    if (n.kind === 'DIRECTIVE' && (filters.from || filters.to)) {
      if (!n.issuedOn) return false;
      if (filters.from && n.issuedOn < filters.from) return false;
      if (filters.to && n.issuedOn > filters.to) return false;
    }
    return true;
  };
  const adjacency = new Map<string, { edge: string; other: string }[]>();
  for (const e of model.edges.values()) {
    if (!filters.relations.includes(e.kind)) continue;
    if (!passes(e.source) || !passes(e.target)) continue;
    (adjacency.get(e.source) ?? adjacency.set(e.source, []).get(e.source)!).push({ edge: e.id, other: e.target });
    (adjacency.get(e.target) ?? adjacency.set(e.target, []).get(e.target)!).push({ edge: e.id, other: e.source });
  }
  const visible = new Set<string>([model.rootId]);
  const queue = [model.rootId];
  while (queue.length) {
    const id = queue.shift()!;
    for (const { edge, other } of adjacency.get(id) ?? []) {
      visible.add(edge);
      if (!visible.has(other)) {
        visible.add(other);
        queue.push(other);
      }
    }
  }
  return visible;
}
