/**
 * Colour-blind-safe palette (Okabe–Ito) and the mapping document type → colour + node shape.
 * Shape carries the type as well as colour, so the graph stays readable in greyscale.
 */
import type cytoscape from 'cytoscape';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
  grey: '#999999',
} as const;

export interface TypeStyle {
  color: string;
  /** Text colour with enough contrast on `color`. */
  text: string;
  shape: cytoscape.Css.NodeShape;
}

/** Keys listed in the legend, in that order. */
export const LEGEND_TYPES = ['NQ', 'KL', 'CT', 'QĐ', 'CTr', 'KH', 'HD', 'CV', 'TB'] as const;

const TYPE_STYLES: Record<string, TypeStyle> = {
  NQ: { color: OKABE_ITO.blue, text: '#ffffff', shape: 'hexagon' },
  KL: { color: OKABE_ITO.blue, text: '#ffffff', shape: 'octagon' },
  CT: { color: OKABE_ITO.blue, text: '#ffffff', shape: 'diamond' },
  QĐ: { color: OKABE_ITO.reddishPurple, text: '#000000', shape: 'cut-rectangle' },
  QĐi: { color: OKABE_ITO.reddishPurple, text: '#000000', shape: 'cut-rectangle' },
  CTr: { color: OKABE_ITO.bluishGreen, text: '#ffffff', shape: 'round-rectangle' },
  KH: { color: OKABE_ITO.orange, text: '#000000', shape: 'rectangle' },
  HD: { color: OKABE_ITO.skyBlue, text: '#000000', shape: 'barrel' },
  CV: { color: OKABE_ITO.yellow, text: '#000000', shape: 'tag' },
  TB: { color: OKABE_ITO.yellow, text: '#000000', shape: 'rhomboid' },
};

const OTHER_DOCUMENT: TypeStyle = { color: '#DDDDDD', text: '#000000', shape: 'round-rectangle' };
export const ORGANIZATION_STYLE: TypeStyle = { color: '#F2F2F2', text: '#000000', shape: 'ellipse' };

export function typeStyle(type: string | null | undefined): TypeStyle {
  return (type && TYPE_STYLES[type]) || OTHER_DOCUMENT;
}

export const EDGE_COLORS = {
  IMPLEMENTS: '#222222',
  CITES: OKABE_ITO.blue,
  ASSIGNED_TO: '#777777',
  inferred: OKABE_ITO.vermillion,
  gap: OKABE_ITO.vermillion,
  selected: OKABE_ITO.orange,
  /** The keyboard cursor's ring. */
  cursor: OKABE_ITO.blue,
} as const;
