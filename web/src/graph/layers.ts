/**
 * Layers of the cascade: nodes grouped by (level rank, generation, organization-or-document), sorted top
 * to bottom. The number of levels is whatever the data holds.
 */

export interface LayerInput {
  id: string;
  rank: number;
  gen: number;
  isOrg: boolean;
}

export interface Layer {
  key: string;
  rank: number;
  gen: number;
  isOrg: boolean;
  ids: string[];
}

export function computeLayers(nodes: Iterable<LayerInput>): Layer[] {
  const byKey = new Map<string, Layer>();
  for (const n of nodes) {
    const key = `${n.rank}|${n.gen}|${n.isOrg ? 1 : 0}`;
    let layer = byKey.get(key);
    if (!layer) byKey.set(key, (layer = { key, rank: n.rank, gen: n.gen, isOrg: n.isOrg, ids: [] }));
    layer.ids.push(n.id);
  }
  return [...byKey.values()].sort((a, b) => a.rank - b.rank || a.gen - b.gen || Number(a.isOrg) - Number(b.isOrg));
}

export function layerIndex(layers: Layer[]): Map<string, number> {
  const index = new Map<string, number>();
  layers.forEach((l, i) => l.ids.forEach((id) => index.set(id, i)));
  return index;
}
