/**
 * The Cytoscape canvas. Owns one cy instance (exposed as window.__cy); syncs elements, lays out what the filters
 * leave (again when they change), and syncs visibility, selection and highlight classes from props. In briefing
 * mode newly shown nodes fade in while the viewport zooms to the visible layers.
 *
 * Outside a briefing the canvas is a tab stop: focused, the arrow keys move a keyboard cursor between the drawn nodes
 * (graph/cursor.ts; the ring of `node.cursor`, panned into view), Enter or Space selects the node under it as a click
 * does, Esc clears the selection, Home goes to the root, End to the last node; a polite live region says the node's
 * name as the cursor moves. The briefing keeps its own keys (useBriefingKeys): the canvas leaves them alone.
 */
import type cytoscape from 'cytoscape';
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { cursorMap, cursorPlace, cursorStart, moveCursor, revealPan, type CursorEdge, type CursorMap, type CursorMove, type CursorNode } from '../graph/cursor';
import { cytoscapeWithExtensions } from '../graph/cytoscape';
import { setEdgeDetail } from '../graph/edge-detail';
import { runLayout, runTimeline } from '../graph/run-layout';
import { AXIS_KIND, type TimelineScale } from '../graph/timeline';
import { graphStyle } from '../graph/styles';
import { fitShown } from '../graph/viewport';
import { useI18n } from '../i18n';

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
  /** The texts on a timeline of this scale (graph/timeline.ts; the elements then hold its axis), not layered. */
  timeline?: TimelineScale | null;
  onSelect: (sel: Selection | null) => void;
  onToggleExpand: (id: string) => void;
  onReady: (cy: cytoscape.Core | null) => void;
  /** The root node (where the cursor starts, Home). */
  rootId?: string | null;
  /** What the graph is, for assistive technology ("Đồ thị triển khai 58-CTr/TU"). */
  label?: string;
  /** What the live region says of a node under the cursor (graph/announce.ts); its place in its layer is given. */
  describeNode?: (id: string, place: { index: number; count: number } | null) => string | null;
}

/** The cursor's ring as drawn whatever the zoom (rendered pixels): its width and its gap from the node. */
const CURSOR_RING = { width: 4, gap: 3 };

/** The cursor's ring sized for the current zoom (a bypass on the one node: no restyle of the graph). */
function sizeCursorRing(cy: cytoscape.Core) {
  const zoom = cy.zoom();
  cy.nodes('.cursor').style({ 'outline-width': CURSOR_RING.width / zoom, 'outline-offset': CURSOR_RING.gap / zoom });
}
const unsetCursor = (n: cytoscape.NodeSingular) => {
  n.removeClass('cursor');
  n.removeStyle('outline-width outline-offset');
};

const KEY_MOVES: Record<string, CursorMove> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'first',
  End: 'last',
};

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
  const { t } = useI18n();
  /** The node under the keyboard cursor (kept while the canvas is not focused: shown again when it is). */
  const cursor = useRef<string | null>(null);
  /** The node the cursor was on before (↑ after ↓ goes back to it). */
  const previousCursor = useRef<string | null>(null);
  /** The cursor is drawn: the canvas has the focus and the keyboard was used on it. */
  const cursorShown = useRef(false);
  /** The focus the canvas is being given comes from a click (no cursor, no ring). */
  const focusByPointer = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  /** The canvas has the focus from the keyboard, or the keyboard was used on it: it shows its focus ring. */
  const [keyboard, setKeyboard] = useState(false);
  const helpId = useId();

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
    // A click leaves the keys where it was: the cursor on the node clicked, the focus on the canvas (Cytoscape's
    // mousedown takes it from wherever it was), without the ring a keyboard focus draws.
    cy.on('tap', (e) => {
      if (callbacks.current.briefing) return;
      if (e.target !== cy && e.target.isNode()) cursor.current = e.target.id();
      // (Chromium counts a focus given by a script as a keyboard one when nothing had the focus before.)
      focusByPointer.current = true;
      container.current?.focus({ preventScroll: true });
      focusByPointer.current = false;
    });
    cy.on('dbltap', 'node[kind = "DIRECTIVE"]', (e) => callbacks.current.onToggleExpand(e.target.id()));
    cy.on('zoom', () => {
      setEdgeDetail(cy, cy.zoom());
      if (cursorShown.current) sizeCursorRing(cy);
    });
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
    layOut(cy, callbacks.current.layoutIds, callbacks.current.timeline ?? null);
    applyVisibility(cy, callbacks.current.visible);
    toggleClass(cy, 'gap', callbacks.current.gapIds);
    toggleClass(cy, 'search-hit', callbacks.current.hitIds);
    applySelection(cy, callbacks.current.selected);
    // The data update above set each node's classes anew: the cursor's ring is put back where it is shown.
    const under = cursor.current ? cy.getElementById(cursor.current) : null;
    if (under?.nonempty() && under.isNode()) {
      if (cursorShown.current) under.addClass('cursor');
      else unsetCursor(under);
    }
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
    layOut(cy, props.layoutIds, callbacks.current.timeline ?? null);
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
    // The cursor follows a node selected elsewhere (the search box, a link of the details panel).
    if (props.selected && cyRef.current?.getElementById(props.selected).isNode()) cursor.current = props.selected;
  }, [props.selected]);
  // A briefing has its own keys, and no cursor.
  useEffect(() => {
    if (props.briefing && cyRef.current) hideCursor(cyRef.current);
  }, [props.briefing]); // eslint-disable-line react-hooks/exhaustive-deps

  /** The drawn nodes and edges as the cursor walks them. */
  const walkMap = (cy: cytoscape.Core): CursorMap => {
    const nodes: CursorNode[] = [];
    const edges: CursorEdge[] = [];
    cy.nodes().forEach((n) => {
      if (!n.hasClass('hidden') && n.data('kind') !== AXIS_KIND) nodes.push({ id: n.id(), x: n.position('x'), y: n.position('y'), layer: `${n.data('rank') ?? 0}|${n.data('gen') ?? 0}|${n.data('kind') === 'ORGANIZATION' ? 1 : 0}` });
    });
    cy.edges().forEach((e) => {
      if (!e.hasClass('hidden') && e.data('kind') !== AXIS_KIND) edges.push({ source: e.source().id(), target: e.target().id() });
    });
    return cursorMap(nodes, edges, callbacks.current.rootId ?? null);
  };
  /** Live regions say a text again only when it changed: the same words twice get a no-break space, alternately. */
  const announce = (text: string) => setAnnouncement((prev) => (prev === text ? `${text}\u00a0` : text));
  const hideCursor = (cy: cytoscape.Core) => {
    cursorShown.current = false;
    setKeyboard(false);
    cy.nodes('.cursor').forEach(unsetCursor);
  };
  /** Puts the cursor on `id`: drawn, said, in view. */
  const showCursor = (cy: cytoscape.Core, map: CursorMap, id: string) => {
    if (cursor.current !== id) previousCursor.current = cursor.current;
    cursor.current = id;
    cursorShown.current = true;
    setKeyboard(true);
    const node = cy.getElementById(id);
    cy.batch(() => {
      cy.nodes('.cursor').forEach((n) => { if (n.id() !== id) unsetCursor(n); });
      node.addClass('cursor');
      sizeCursorRing(cy);
    });
    announce(callbacks.current.describeNode?.(id, cursorPlace(map, id)) ?? String(node.data('label') ?? id).replace(/\n/g, ', '));
    const box = node.renderedBoundingBox({ includeLabels: true, includeOverlays: false, includeOutlines: true } as cytoscape.BoundingBoxOptions);
    const by = revealPan(box, cy.width(), cy.height());
    if (by.x || by.y) {
      autoFitted.current = false;
      cy.stop(true, false);
      cy.animate({ panBy: by, duration: 150 });
    }
  };
  /** The cursor where it is, if that node is still drawn; else where it starts (the selected node, the root). */
  const currentCursor = (map: CursorMap) => (cursor.current && map.at.has(cursor.current) ? cursor.current : cursorStart(map, callbacks.current.selected));

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy || e.target !== e.currentTarget || props.briefing || focusByPointer.current) return;
    // Focused from the keyboard (not by a click): the ring and the cursor show at once, the cursor saying where it is.
    setKeyboard(true);
    const map = walkMap(cy);
    const id = currentCursor(map);
    if (id) showCursor(cy, map, id);
  };
  const onBlur = () => {
    if (cyRef.current) hideCursor(cyRef.current);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy || props.briefing || e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const move = KEY_MOVES[e.key];
    if (move) {
      e.preventDefault();
      const map = walkMap(cy);
      const from = cursorShown.current || move === 'first' || move === 'last' ? currentCursor(map) : null;
      // A cursor not drawn yet (a click focused the canvas, Esc hid it) shows where it is before moving.
      const to = from === null ? currentCursor(map) : moveCursor(map, from, move, previousCursor.current);
      if (to) showCursor(cy, map, to);
      else announce(t('cursorNone'));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const map = walkMap(cy);
      const id = currentCursor(map);
      if (!id) return;
      showCursor(cy, map, id);
      props.onSelect({ id, group: 'nodes' });
      announce(t('cursorSelected', { what: callbacks.current.describeNode?.(id, null) ?? id }));
    } else if (e.key === 'Escape') {
      if (!props.selected && !cursorShown.current) return;
      props.onSelect(null);
      hideCursor(cy);
      announce(t('cursorCleared'));
    }
  };
  useEffect(() => {
    if (cyRef.current) toggleClass(cyRef.current, 'gap', props.gapIds);
  }, [props.gapIds]);
  useEffect(() => {
    if (cyRef.current) toggleClass(cyRef.current, 'search-hit', props.hitIds);
  }, [props.hitIds]);

  return (
    <>
      <div
        className={keyboard ? 'graph-canvas keyboard' : 'graph-canvas'}
        ref={container}
        data-testid="graph"
        tabIndex={props.briefing ? -1 : 0}
        role="application"
        aria-roledescription={t('graphRole')}
        aria-label={props.label}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
      />
      <p id={helpId} className="visually-hidden">
        {t('graphKeys')}
      </p>
      <div className="visually-hidden" aria-live="polite" data-testid="graph-announcement">
        {announcement}
      </div>
    </>
  );
}

/** The layered layout (or the timeline) of the given elements (all of them when none is given). */
function layOut(cy: cytoscape.Core, ids: Set<string>, timeline: TimelineScale | null) {
  const eles = byIds(cy, ids);
  if (timeline) runTimeline(cy, timeline, eles.nonempty() ? eles : cy.elements());
  else runLayout(cy, { fit: false, eles: eles.nonempty() ? eles : cy.elements() });
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
