/** The Cytoscape stylesheet: node shape + colour by type, edge style by relation, states (stub, gap, selected…). */
import type cytoscape from 'cytoscape';
import { GRAPH_FONT_FAMILY, NODE_FONT_SIZE } from './measure';
import { EDGE_COLORS, OKABE_ITO } from './palette';

export function graphStyle(): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as unknown as cytoscape.Css.NodeShape,
        width: 'data(w)',
        height: 'data(h)',
        'background-color': 'data(color)',
        'border-width': 1.5,
        'border-color': '#333333',
        label: 'data(label)',
        color: 'data(textColor)',
        'font-family': GRAPH_FONT_FAMILY,
        'font-size': NODE_FONT_SIZE,
        'line-height': 1.25,
        'text-wrap': 'wrap',
        'text-max-width': '2000px',
        'text-valign': 'center',
        'text-halign': 'center',
        'min-zoomed-font-size': 4,
        'transition-property': 'opacity',
        'transition-duration': 0,
      },
    },
    { selector: 'node.root', style: { 'border-width': 4, 'border-color': '#000000', 'font-weight': 'bold' } },
    { selector: 'node.stub', style: { 'border-style': 'dashed', 'background-opacity': 0.45, color: '#000000' } },
    { selector: 'node.org', style: { 'border-color': '#777777' } },
    { selector: 'node.gap', style: { 'border-width': 5, 'border-color': EDGE_COLORS.gap, 'border-style': 'double', 'background-color': '#FBE3D1' } },
    { selector: 'node.search-hit', style: { 'underlay-color': OKABE_ITO.yellow, 'underlay-opacity': 0.8, 'underlay-padding': 10 } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': 'bezier',
        'line-color': EDGE_COLORS.IMPLEMENTS,
        'target-arrow-color': EDGE_COLORS.IMPLEMENTS,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        label: 'data(label)',
        'font-family': GRAPH_FONT_FAMILY,
        'font-size': 12,
        color: '#000000',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.92,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 5,
      },
    },
    { selector: 'edge.implements', style: { width: 2.5, 'line-style': 'solid' } },
    {
      selector: 'edge.cites',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [9, 5], 'line-color': EDGE_COLORS.CITES, 'target-arrow-color': EDGE_COLORS.CITES, 'target-arrow-shape': 'vee' },
    },
    {
      selector: 'edge.assigned-to',
      style: {
        width: 1.5,
        'line-style': 'dotted',
        'line-dash-pattern': [2, 4],
        'line-color': EDGE_COLORS.ASSIGNED_TO,
        'target-arrow-color': EDGE_COLORS.ASSIGNED_TO,
        'target-arrow-shape': 'circle',
        'arrow-scale': 0.7,
      },
    },
    // Zoomed out, patterns would be sub-pixel dashes: slow to draw and invisible (graph/edge-detail.ts).
    { selector: 'edge.solid', style: { 'line-style': 'solid' } },
    { selector: 'edge.inferred', style: { 'line-color': EDGE_COLORS.inferred, 'target-arrow-color': EDGE_COLORS.inferred, color: EDGE_COLORS.inferred } },
    { selector: 'node:selected', style: { 'border-width': 5, 'border-color': EDGE_COLORS.selected, 'border-style': 'solid' } },
    { selector: 'edge:selected', style: { width: 5, 'line-color': EDGE_COLORS.selected, 'target-arrow-color': EDGE_COLORS.selected } },
    // The keyboard cursor (GraphCanvas): a ring outside the node, a gap apart from its border (which selection and
    // gaps colour), so a selected node under the cursor shows both; GraphCanvas keeps its width the same at any zoom.
    { selector: 'node.cursor', style: { 'outline-width': 4, 'outline-offset': 3, 'outline-color': EDGE_COLORS.cursor, 'outline-style': 'solid', 'outline-opacity': 1 } },
    // The timeline's axis (graph/timeline.ts): words and faint lines, which take no click.
    { selector: 'node.axis', style: { shape: 'rectangle', width: 1, height: 1, 'background-opacity': 0, 'border-width': 0, color: '#52606d', events: 'no' } },
    // A tick's label and a band's name are boxes of their own (no fill; sized with the scale's words), so a fit of the
    // graph takes them in.
    { selector: 'node.axis-tick, node.axis-band', style: { width: 'data(w)', height: 'data(h)', 'font-size': 'data(fontSize)', 'min-zoomed-font-size': 0 } },
    { selector: 'node.axis-band', style: { 'font-weight': 'bold', 'text-wrap': 'wrap', 'text-max-width': 'data(w)' } },
    { selector: 'edge.axis-line', style: { width: 'data(lineWidth)', 'line-color': '#cbd2d9', 'line-style': 'solid', 'target-arrow-shape': 'none', 'curve-style': 'straight', events: 'no', label: '' } },
    // A break in time (a long stretch with no text, cut out): its line dashed.
    { selector: 'edge.axis-break', style: { 'line-style': 'dashed', 'line-color': '#9aa5b1' } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.dim', style: { opacity: 0.18 } },
  ];
}
