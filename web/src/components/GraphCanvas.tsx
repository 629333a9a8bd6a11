/**
 * The Cytoscape canvas. Owns one cy instance (exposed as window.__cy); syncs elements, lays out what the filters
 * leave (again when they change), and syncs visibility, selection and highlight classes from props. In briefing
 * mode newly shown nodes fade in while the viewport zooms to the visible layers.
 */
import type cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { cytoscapeWithExtensions } from '../graph/cytoscape';
import { setEdgeDetail } from '../graph/edge-detail';
import { runLayout } from '../graph/run-layout';
import { graphStyle } from '../graph/styles';
import { fitShown } from '../graph/viewport';

export interface Selection {
  id: string;
  group: 'nodes' | 'edges';
}

interface Props {
  elements: cytoscape.ElementDefinition[];
  /** What the layout places: the elements the filters leave (the briefing shows steps of it). */
  layoutIds: Set<string>;
  visible: Set<string>;
  selected: string | null;
  gapIds: Set<string>;
  hitIds: Set<string>;
  briefing: boolean;
  onSelect: (sel: Selection | null) => void;
  onToggleExpand: (id: string) => void;
  onReady: (cy: cytoscape.Core | null) => void;
}

function toggleClass(cy: cytoscape.Core, cls: string, ids: Set<string>) {
  cy.batch(() => {
    cy.elements(`.${cls}`).forEach((e) => { if (!ids.has(e.id())) e.removeClass(cls); });
    for (const id of ids) cy.getElementById(id).addClass(cls);
  });
}

export function GraphCanvas(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const firstVisible = useRef(true);
  const shownBefore = useRef<Set<string>>(new Set());
  /** The viewport is the automatic fit of the shown elements (no pan or zoom by the user since). */
  const autoFitted = useRef(false);

  useEffect(() => {
    const cytoscape = cytoscapeWithExtensions();
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(),
      elements: [],
      minZoom: 0.03,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cyRef.current = cy;
    window.__cy = cy;
    cy.on('tap', 'node, edge', (e) => callbacks.current.onSelect({ id: e.target.id(), group: e.target.isNode() ? 'nodes' : 'edges' }));
    cy.on('tap', (e) => { if (e.target === cy) callbacks.current.onSelect(null); });
    cy.on('dbltap', 'node[kind = "DIRECTIVE"]', (e) => callbacks.current.onToggleExpand(e.target.id()));
    cy.on('zoom', () => setEdgeDetail(cy, cy.zoom()));
    // The first fit can happen before the page around the canvas has settled (the details panel and the filter
    // bar take their room a frame later): while the viewport is still that automatic fit, a resize refits it.
    cy.on('dragpan scrollzoom pinchzoom', () => (autoFitted.current = false));
    const observer = new ResizeObserver(() => {
      cy.resize();
      const shown = byIds(cy, callbacks.current.visible);
      if (autoFitted.current && shown.nonempty()) cy.viewport(fitShown(cy, shown, callbacks.current.briefing));
    });
    if (container.current) observer.observe(container.current);
    callbacks.current.onReady(cy);
    return () => {
      observer.disconnect();
      callbacks.current.onReady(null);
      if (window.__cy === cy) delete window.__cy;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Elements: add / remove / update data, then lay everything out again.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Map(props.elements.map((e) => [e.data.id!, e]));
    cy.batch(() => {
      cy.elements().forEach((ele) => { if (!wanted.has(ele.id())) cy.remove(ele); });
      const toAdd: cytoscape.ElementDefinition[] = [];
      for (const [id, def] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          existing.data(def.data);
          existing.classes(def.classes ?? '');
        } else toAdd.push(def);
      }
      cy.add(toAdd.sort((a, b) => (a.group === 'nodes' ? 0 : 1) - (b.group === 'nodes' ? 0 : 1)));
    });
    layOut(cy, callbacks.current.layoutIds);
    applyVisibility(cy, callbacks.current.visible);
    toggleClass(cy, 'gap', callbacks.current.gapIds);
    toggleClass(cy, 'search-hit', callbacks.current.hitIds);
    applySelection(cy, callbacks.current.selected);
    const shown = byIds(cy, callbacks.current.visible);
    const target = shown.nonempty() ? fitShown(cy, shown, callbacks.current.briefing) : null;
    // New edges carry no detail class yet: mark them all for the zoom they will be drawn at (the zoom event of the
    // viewport change below then finds nothing to change).
    setEdgeDetail(cy, target?.zoom ?? cy.zoom(), true);
    if (target) {
      cy.stop(true, false);
      cy.viewport(target);
      autoFitted.current = true;
    }
  }, [props.elements]);

  // Filters changed what can be shown: lay out just that, so it is not left scattered over the places of hidden
  // nodes (one province of a national cascade, a cascade without its assignees). Declared before the visibility
  // effect, which then shows the result; briefing steps only reveal parts of this layout.
  const firstLayout = useRef(true);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || cy.elements().empty()) return;
    if (firstLayout.current) {
      firstLayout.current = false;
      return;
    }
    layOut(cy, props.layoutIds);
    const shown = byIds(cy, callbacks.current.visible);
    if (!callbacks.current.briefing && shown.nonempty()) {
      cy.stop(true, false);
      cy.viewport(fitShown(cy, shown, false));
      autoFitted.current = true;
    }
  }, [props.layoutIds]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || cy.elements().empty()) return;
    const before = shownBefore.current;
    shownBefore.current = props.visible;
    applyVisibility(cy, props.visible);
    if (firstVisible.current) {
      firstVisible.current = false;
      return;
    }
    if (props.briefing) {
      // Work from the id sets, not ':visible' (Cytoscape caches visibility until the next render).
      const shown = byIds(cy, props.visible);
      const fresh = shown.filter((e) => !before.has(e.id()));
      const target = fitShown(cy, shown, true);
      fresh.style('opacity', 0);
      cy.stop(true, false);
      cy.animate({ zoom: target.zoom, pan: target.pan, duration: 650, easing: 'ease-in-out-cubic' });
      fresh.animate({ style: { opacity: 1 }, duration: 750, easing: 'ease-in-sine' });
    } else {
      cy.elements().removeStyle('opacity');
    }
  }, [props.visible, props.briefing]);

  const wasBriefing = useRef(props.briefing);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || wasBriefing.current === props.briefing) return;
    wasBriefing.current = props.briefing;
    // Entering or leaving briefing: the container changes size; refit once it has.
    const id = requestAnimationFrame(() => {
      cy.resize();
      const shown = byIds(cy, callbacks.current.visible);
      if (shown.empty()) return;
      const target = fitShown(cy, shown, props.briefing);
      cy.animate({ zoom: target.zoom, pan: target.pan, duration: 300 });
    });
    return () => cancelAnimationFrame(id);
  }, [props.briefing]);

  useEffect(() => {
    if (cyRef.current) applySelection(cyRef.current, props.selected);
  }, [props.selected]);
  useEffect(() => {
    if (cyRef.current) toggleClass(cyRef.current, 'gap', props.gapIds);
  }, [props.gapIds]);
  useEffect(() => {
    if (cyRef.current) toggleClass(cyRef.current, 'search-hit', props.hitIds);
  }, [props.hitIds]);

  return <div className="graph-canvas" ref={container} data-testid="graph" />;
}

/** The layered layout of the given elements (all of them when none is given). */
function layOut(cy: cytoscape.Core, ids: Set<string>) {
  const eles = byIds(cy, ids);
  runLayout(cy, { fit: false, eles: eles.nonempty() ? eles : cy.elements() });
}

function byIds(cy: cytoscape.Core, ids: Set<string>): cytoscape.Collection {
  return cy.elements().filter((e) => ids.has(e.id()));
}

function applyVisibility(cy: cytoscape.Core, visible: Set<string>) {
  cy.batch(() => {
    cy.elements().forEach((e) => {
      if (visible.has(e.id())) e.removeClass('hidden');
      else e.addClass('hidden');
    });
  });
}

function applySelection(cy: cytoscape.Core, selected: string | null) {
  cy.batch(() => {
    cy.elements(':selected').forEach((e) => { if (e.id() !== selected) e.unselect(); });
    if (selected) cy.getElementById(selected).select();
  });
}
