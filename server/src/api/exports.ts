/** Cascade exports that Cytoscape Desktop and Gephi open: GraphML and Cytoscape JSON (elements). */
import type { Cascade, CascadeEdge, CascadeNode } from '../graph/cascade-shape.js';

const NODE_KEYS: Array<[keyof CascadeNode, string]> = [
  ['label', 'string'], ['kind', 'string'], ['code', 'string'], ['type', 'string'], ['typeName', 'string'], ['title', 'string'],
  ['level', 'string'], ['levelRank', 'int'], ['province', 'string'], ['issuedOn', 'string'], ['stub', 'boolean'],
  ['synthetic', 'boolean'], ['depth', 'int'], ['lagDays', 'int'],
];
const EDGE_KEYS: Array<[keyof CascadeEdge, string]> = [
  ['kind', 'string'], ['inferred', 'boolean'], ['verb', 'string'], ['quote', 'string'], ['lagDays', 'int'], ['evidenceUid', 'string'],
];

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\0-\x08\x0b\x0c\x0e-\x1f]/g, '');
}

export function toGraphML(c: Cascade): string {
  const keys = [
    ...NODE_KEYS.map(([k, t]) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    ...EDGE_KEYS.map(([k, t]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`),
  ];
  const data = (prefix: string, obj: object, spec: Array<[string, string]>) =>
    spec
      .map(([k]) => [k, (obj as Record<string, unknown>)[k]] as const)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `<data key="${prefix}_${k}">${xml(String(v))}</data>`)
      .join('');
  const nodes = c.nodes.map((n) => `  <node id="${xml(n.id)}">${data('n', n, NODE_KEYS)}</node>`);
  const edges = c.edges.map((e) => `  <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${data('e', e, EDGE_KEYS)}</edge>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    '  <graph id="cascade" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** Cytoscape.js / Cytoscape Desktop JSON: { elements: { nodes: [{data}], edges: [{data}] } }. */
export function toCytoscapeJson(c: Cascade): object {
  return {
    format_version: '1.0',
    generated_by: 'directive-graph',
    target_cytoscapejs_version: '~3',
    data: { name: c.root ? `cascade ${c.root.label}` : 'cascade', root: c.root?.id ?? null },
    elements: {
      nodes: c.nodes.map((n) => ({ data: { ...n, id: n.id, name: n.label } })),
      edges: c.edges.map((e) => ({ data: { ...e, interaction: e.kind } })),
    },
  };
}
