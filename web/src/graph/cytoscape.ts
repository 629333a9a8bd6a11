/** Cytoscape with its extensions registered once (dagre layout, SVG export). */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import svg from 'cytoscape-svg';

let registered = false;

export function cytoscapeWithExtensions(): typeof cytoscape {
  if (!registered) {
    cytoscape.use(dagre);
    cytoscape.use(svg);
    registered = true;
  }
  return cytoscape;
}

declare global {
  interface Window {
    /** The live Cytoscape instance (tests and notebooks). */
    __cy?: cytoscape.Core;
  }
}
