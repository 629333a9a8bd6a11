/**
 * The cascade explorer: toolbar, filters, graph, legend, details panel, gap view and briefing mode.
 * Everything that defines the view (root, filters, selection, briefing step, gaps) comes from the URL state.
 */
import type cytoscape from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, exportUrl } from '../api/client';
import { fetchAssignments, fetchCascade, fetchGapsAmong, fetchLag, fetchProvinces, fetchTaskSchedule, type CascadeRequest } from '../api/operations';
import { FOLD_LEVELS_ABOVE, FOLD_ORGANIZATIONS_ABOVE } from '../api/queries';
import { ALL_RELATIONS, directiveRef, type Cascade, type Gap, type LagRow, type RootRef, type SearchHit, type TaskPeriod } from '../api/types';
import { briefingSteps } from '../graph/briefing';
import { nodeAnnouncement } from '../graph/announce';
import { edgesToTellApart, resolveSelection, selectionParam } from '../graph/edge-link';
import { toElements } from '../graph/elements';
import { downloadBlob, exportName, exportPng, exportSvg } from '../graph/export';
import type { PictureFrame } from '../graph/picture-frame';
import { foldAssignees, foldedByServer, foldedImplementersLeft, organizationsToDraw } from '../graph/fold';
import { collapseExpansion, hasAssignments, mergeAssignments, mergeExpansion, modelFromCascade, type GEdge, type GNode, type GraphModel } from '../graph/model';
import { chosenLabel, NO_PROVINCE_MAP, provinceMap, provinceMatcher, provinceOptions } from '../graph/provinces';
import { nodeHit, searchNodes } from '../graph/search';
import { axisElements, timelineScale, type TimelineScale } from '../graph/timeline';
import { fitShown } from '../graph/viewport';
import { visibleIds } from '../graph/visibility';
import { formatCount, formatDate, levelName, localDay, typeName, useI18n, type Translate } from '../i18n';
import type { Lang } from '../i18n/dictionary';
import { gapTarget, type GapTarget } from '../state/gap-target';
import { DEFAULT_FILTERS, type Filters, type ViewState } from '../state/url';
import { BriefingOverlay } from './BriefingOverlay';
import { DetailsPanel } from './DetailsPanel';
import { FilterBar } from './FilterBar';
import { GapList } from './GapList';
import { GraphCanvas, type Selection } from './GraphCanvas';
import { LagTable } from './LagTable';
import { TaskSchedule } from './TaskSchedule';
import { Legend } from './Legend';
import { Notice } from './Notice';
import { NotFoundMessage } from './NotFoundMessage';
import { SearchBox } from './SearchBox';
import { ErrorMessage, errorText, Loading } from './StatusMessage';
import { useAsync } from './useAsync';
import { useEdgeEvidence } from './useEdgeEvidence';
import { useDeckExport } from './useDeckExport';
import { useGapList } from './useGapList';
import { enterFullscreen, exitFullscreen, useBriefingKeys } from './useBriefingKeys';

interface Props {
  view: ViewState;
  onView: (patch: Partial<ViewState>) => void;
  onOpen: (ref: RootRef) => void;
  onHome: () => void;
  /** How the loaded root is named (the tab's title): its code, or its type and title when it has no code. */
  onRootName?: (name: string | null) => void;
  /** Opens an organisation's page by its key. */
  onOrganization?: (key: string) => void;
}

const EMPTY = new Set<string>();
const NO_EDGES: GEdge[] = [];

const clipText = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The server answers an unknown code with a GraphQL error coded NOT_FOUND (a malformed one: BAD_USER_INPUT). */
const isNotFound = (err: unknown) => err instanceof ApiError && (err.code === 'NOT_FOUND' || err.code === 'BAD_USER_INPUT');

/**
 * What an expansion asks for around a node. A view whose organisations the server folded stays folded: the neighbours
 * come without theirs, each with its count. A text whose lower-level implementers were folded brings those and what
 * it implements, not the texts citing it too (a national programme: its 122 commune plans, not ≈ 1 500 more commune
 * texts citing it).
 */
function expansionRequest(node: GNode, keepFolded: boolean): CascadeRequest {
  return {
    depth: 1,
    direction: 'BOTH',
    relations: (node.implementersFolded ?? 0) > 0 ? ['IMPLEMENTS', 'ASSIGNED_TO'] : undefined,
    foldAbove: keepFolded ? 0 : undefined,
  };
}

export function CascadeView({ view, onView, onOpen, onHome, onRootName, onOrganization }: Props) {
  const { t, lang } = useI18n();
  const rootRef: RootRef = useMemo(() => ({ code: view.code!, issuedOn: view.issuedOn, province: view.province }), [view.code, view.issuedOn, view.province]);
  // Unless every organisation is to be drawn, the server leaves them out of a large cascade (graph/fold.ts).
  const foldAbove = view.orgs ? undefined : FOLD_ORGANIZATIONS_ABOVE;
  // Unless every level is to be drawn, the server keeps only the highest levels of a large cascade that fit.
  const foldLevels = view.levels ? undefined : FOLD_LEVELS_ABOVE;
  const cascade = useAsync((signal) => fetchCascade(rootRef, { signal, foldAbove, foldLevelsAbove: foldLevels }), `${JSON.stringify(rootRef)}|${foldAbove}|${foldLevels}`);
  // A cascade cut by the server's cap or folded to its highest levels (a national resolution) and filtered to
  // provinces: ask for just those provinces, which the cap or the folding had mostly left out. Until that answer
  // arrives the filtered full cascade stays shown.
  const narrowTo = cascade.data?.truncated || cascade.data?.foldedImplementers ? view.filters.provinces : [];
  const narrowKey = narrowTo.length ? `${JSON.stringify(rootRef)}|${narrowTo.join('|')}|${foldAbove}|${foldLevels}` : '';
  const narrowed = useAsync((signal) => (narrowTo.length ? fetchCascade(rootRef, { signal, provinces: narrowTo, foldAbove, foldLevelsAbove: foldLevels }) : Promise.resolve(undefined)), narrowKey);
  const shown = (narrowTo.length ? narrowed.data : undefined) ?? cascade.data;
  const [model, setModel] = useState<GraphModel | null>(null);
  const [expanding, setExpanding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [hitIds, setHitIds] = useState<Set<string>>(EMPTY);
  /** Notices the user closed (each by what it says: a notice saying something new shows again). */
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const dismiss = useCallback((key: string) => setDismissed((d) => new Set(d).add(key)), []);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const rootEl = useRef<HTMLDivElement>(null);

  // The expansions the address names, while they are being loaded again: the address keeps them meanwhile.
  const restoring = useRef(false);
  const wantedExpansions = useRef(view.expanded);
  wantedExpansions.current = view.expanded;
  useEffect(() => {
    const base = shown ? modelFromCascade(shown) : null;
    setModel(base);
    const wanted = wantedExpansions.current;
    if (!base || !wanted.length) return;
    // Each in the order the address gives: an expansion can bring in the node the next one expands. One drawing at the end.
    const ctrl = new AbortController();
    restoring.current = true;
    setExpanding(true);
    void (async () => {
      let m = base;
      try {
        for (const id of wanted) {
          const node = m.nodes.get(id);
          if (!node || node.kind !== 'DIRECTIVE' || m.expansions.has(id)) continue; // a stale or mistyped id: left out
          m = mergeExpansion(m, id, await fetchCascade(directiveRef(node), { ...expansionRequest(node, foldedByServer(base) && !view.orgs), signal: ctrl.signal }));
        }
      } catch (err) {
        if (!ctrl.signal.aborted) setNotice(errorText(err, t));
      }
      if (ctrl.signal.aborted) return;
      restoring.current = false;
      setExpanding(false);
      setModel(m);
    })();
    return () => {
      ctrl.abort();
      restoring.current = false;
      setExpanding(false);
    };
  }, [shown]); // eslint-disable-line react-hooks/exhaustive-deps
  // The address follows the expansions (a collapse takes those below it too; an id that matched nothing is dropped).
  useEffect(() => {
    if (!model || restoring.current) return;
    const ids = [...model.expansions.keys()];
    if (ids.join('\n') !== view.expanded.join('\n')) onView({ expanded: ids });
  }, [model]); // eslint-disable-line react-hooks/exhaustive-deps
  // A notice about folded organisations says nothing once they are all drawn (or folded again).
  useEffect(() => setNotice(null), [view.orgs]);

  // What the canvas draws: the model, or (large cascade) the model with its organisations folded into their
  // directives — by the server, or here. The details panel, search and gap list keep the whole model.
  const serverFolded = useMemo(() => (model ? foldedByServer(model) : false), [model]);
  const folded = useMemo(() => {
    if (!model || view.orgs) return null;
    if (serverFolded) return foldAssignees(model);
    const draw = organizationsToDraw(model);
    return draw ? foldAssignees(model, draw) : null;
  }, [model, view.orgs, serverFolded]);
  const drawn = folded?.model ?? model;
  const elements = useMemo(() => (drawn ? toElements(drawn, t, lang, folded?.assignees) : []), [drawn, folded, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  // The 2025 map, asked once a session: a province of the new map chosen shows those it took over too, as the API's
  // gap list and narrowed cascade do (graph/provinces.ts). Until it comes (or should it fail), each name only itself.
  const provinceList = useAsync(() => fetchProvinces(), 'provinces');
  const provinces = useMemo(() => (provinceList.data ? provinceMap(provinceList.data) : NO_PROVINCE_MAP), [provinceList.data]);
  // (With no province chosen the map changes nothing shown: its arrival lays nothing out again.)
  const filterMap = view.filters.provinces.length ? provinces : NO_PROVINCE_MAP;
  const inProvince = useMemo(() => provinceMatcher(view.filters.provinces, provinces), [view.filters.provinces, provinces]);
  // The timeline draws texts only: their organisations, which have no date, are left out.
  const drawFilters = useMemo(() => (view.time ? { ...view.filters, relations: view.filters.relations.filter((r) => r !== 'ASSIGNED_TO') } : view.filters), [view.filters, view.time]);
  const filtered = useMemo(() => (drawn ? visibleIds(drawn, drawFilters, undefined, filterMap) : EMPTY), [drawn, drawFilters, filterMap]);
  // The timeline's axis: ticks over the dates of the texts the filters leave, a band per level (graph/timeline.ts).
  const axis = useMemo(() => (drawn && view.time ? timelineAxis(drawn, filtered, elements, t, lang) : null), [drawn, view.time, filtered, elements, t, lang]);
  const shownElements = useMemo(() => (axis ? [...elements, ...axis.elements] : elements), [elements, axis]);
  const layoutIds = useMemo(() => withAxis(filtered, axis), [filtered, axis]);
  const briefing = view.step !== null;
  const steps = useMemo(() => (drawn && briefing ? briefingSteps(drawn, filtered, t, lang) : []), [drawn, filtered, briefing, t, lang]);
  const stepIndex = briefing ? Math.max(0, Math.min(view.step ?? 0, steps.length - 1)) : 0;
  const currentStep = steps[stepIndex];
  const visible = useMemo(
    () => withAxis(drawn && briefing && currentStep ? visibleIds(drawn, drawFilters, currentStep.nodeIds, filterMap) : filtered, axis),
    [drawn, briefing, currentStep, filtered, drawFilters, filterMap, axis],
  );

  const gapList = useGapList(rootRef, view.gaps, view.filters.provinces);
  const lag = useAsync<LagRow[] | undefined>((signal) => (view.lag ? fetchLag(rootRef, signal) : Promise.resolve(undefined)), `${view.lag}:${JSON.stringify(rootRef)}`);
  const schedule = useAsync<TaskPeriod[] | undefined>(
    (signal) => (view.due ? fetchTaskSchedule(rootRef, view.filters.provinces, signal) : Promise.resolve(undefined)),
    `${view.due}:${JSON.stringify(rootRef)}:${JSON.stringify(view.filters.provinces)}`,
  );
  const onlyProvince = useCallback((province: string) => onView({ filters: { ...view.filters, provinces: [province] } }), [onView, view.filters]);
  // The lag table marks the rows of the provinces the filter covers (none when no province is chosen).
  const lagChosen = useCallback((province: string) => view.filters.provinces.length > 0 && inProvince(province), [view.filters.provinces, inProvince]);
  // Organisation nodes by key, and by name + province: a national root has tens of thousands of gaps, so each is
  // found in a map rather than by a scan of the model.
  const orgIndex = useMemo(() => {
    const byName = new Map<string, string>();
    for (const n of model?.nodes.values() ?? []) if (n.kind === 'ORGANIZATION') byName.set(`${n.label}|${n.province ?? ''}`, n.id);
    return byName;
  }, [model]);
  const gapNode = useCallback(
    (g: Gap): string | null => (model?.nodes.has(g.key) ? g.key : (orgIndex.get(`${g.organization}|${g.province ?? ''}`) ?? null)),
    [model, orgIndex],
  );
  // The graph highlights the gaps it draws: asked for by the organisations drawn, not found in the list's pages.
  const drawnOrgs = useMemo(() => (view.gaps && model ? [...model.nodes.values()].filter((n) => n.kind === 'ORGANIZATION').map((n) => n.id).sort() : []), [view.gaps, model]);
  const drawnKey = useMemo(() => `${JSON.stringify(rootRef)}:${drawnOrgs.join('\n')}`, [rootRef, drawnOrgs]);
  const drawnGaps = useAsync<Gap[]>((signal) => fetchGapsAmong(rootRef, drawnOrgs, signal), drawnKey);
  const gapIds = useMemo(() => new Set((drawnGaps.data ?? []).map(gapNode).filter((id): id is string => id !== null)), [drawnGaps.data, gapNode]);

  // Organisations the details panel loaded for directives of a cascade the server folded, per directive. They join
  // the details panel's model only: the canvas (and its layout and viewport) stays as it was.
  const [loadedAssignments, setLoadedAssignments] = useState<ReadonlyMap<string, Cascade>>(new Map());
  useEffect(() => setLoadedAssignments(new Map()), [shown]);
  const detailsModel = useMemo(() => {
    let m = model;
    for (const [id, around] of loadedAssignments) if (m) m = mergeAssignments(m, id, around);
    return m;
  }, [model, loadedAssignments]);

  // The address names a node by its id and an edge by what survives a re-ingest (graph/edge-link.ts): its relation
  // and ends, and — of several edges joining the same pair — which one in the order of their quotes, loaded for them.
  const toTellApart = useMemo(() => (detailsModel && view.selected ? edgesToTellApart(view.selected, detailsModel.edges) : NO_EDGES), [detailsModel, view.selected]);
  const apart = useEdgeEvidence(toTellApart);
  // (Their evidence not to be had: the order of the answer.)
  const quoteStarts = useMemo(
    () => (toTellApart.length && apart.settled ? new Map(apart.edges.map((e) => [e.id, e.start ?? null])) : null),
    [toTellApart, apart.settled, apart.edges],
  );
  const resolved = useMemo(
    () => (detailsModel && view.selected ? resolveSelection(view.selected, detailsModel.nodes, detailsModel.edges, quoteStarts) : null),
    [detailsModel, view.selected, quoteStarts],
  );
  const selection: Selection | null = useMemo(() => (resolved ? { id: resolved.id, group: resolved.group } : null), [resolved]);
  // An edge named by its relationship's id (a link of an older build; a click on one of several edges joining a pair,
  // until their quotes tell them apart): named again the lasting way.
  useEffect(() => {
    if (resolved && resolved.param !== view.selected) onView({ selected: resolved.param });
  }, [resolved]); // eslint-disable-line react-hooks/exhaustive-deps

  const edgesForLinks = useRef(detailsModel?.edges);
  edgesForLinks.current = detailsModel?.edges;
  const select = useCallback(
    (sel: Selection | null) => onView({ selected: sel ? selectionParam(sel, edgesForLinks.current ?? new Map()) : null }),
    [onView],
  );

  // A selected directive whose organisations the server folded away: load them for the details panel.
  const selectedNode = selection?.group === 'nodes' ? detailsModel?.nodes.get(selection.id) : undefined;
  const missingAssignments =
    selectedNode && (selectedNode.assignees ?? 0) > 0 && model && !loadedAssignments.has(selectedNode.id) && !hasAssignments(model, selectedNode.id) ? selectedNode.id : null;
  useEffect(() => {
    if (!missingAssignments) return;
    const ctrl = new AbortController();
    fetchAssignments(missingAssignments, ctrl.signal)
      .then((around) => setLoadedAssignments((loaded) => new Map(loaded).set(missingAssignments, around)))
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setNotice(errorText(err, t));
      });
    return () => ctrl.abort();
  }, [missingAssignments]); // eslint-disable-line react-hooks/exhaustive-deps

  const focusNode = useCallback(
    (id: string) => {
      // The timeline draws no organisation: one asked for (a gap, a task's organisation) is shown in the layered drawing.
      onView(view.time && model?.nodes.get(id)?.kind === 'ORGANIZATION' ? { selected: id, time: false } : { selected: id });
      const cy = cyRef.current;
      const node = cy?.getElementById(id);
      if (cy && node?.nonempty() && node.visible()) cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.1), duration: 400 });
    },
    [onView, view.time, model],
  );
  // A gap leads to its organisation: drawn, it is focused; else a view that draws it is opened with it selected (that
  // province's part, every level, every organisation: state/gap-target.ts).
  const partial = !!shown && (shown.truncated || (shown.foldedImplementers ?? 0) > 0);
  const targetOfGap = useCallback(
    (g: Gap) => gapTarget(g, { nodeId: gapNode(g), partial, orgsFolded: serverFolded, view, provinces }),
    [gapNode, partial, serverFolded, view, provinces],
  );
  // A task's assigning text leads to its node when the graph draws it.
  const documentNode = useCallback((uid: string) => (drawn?.nodes.has(uid) ? uid : null), [drawn]);
  const openGap = useCallback(
    (target: NonNullable<GapTarget>) => (target.kind === 'node' ? focusNode(target.id) : onView(view.time ? { ...target.patch, time: false } : target.patch)),
    [focusNode, onView, view.time],
  );

  const toggleExpand = useCallback(
    async (id: string) => {
      if (!model || expanding) return;
      if (model.expansions.has(id)) {
        setModel(collapseExpansion(model, id));
        return;
      }
      // A text without a printed code is expanded by its id, which cascade(code:) takes as well.
      const node = model.nodes.get(id);
      if (node?.kind !== 'DIRECTIVE') return;
      setExpanding(true);
      try {
        const around = await fetchCascade(directiveRef(node), expansionRequest(node, serverFolded && !view.orgs));
        setModel((m) => (m ? mergeExpansion(m, id, around) : m));
      } catch (err) {
        setNotice(errorText(err, t));
      } finally {
        setExpanding(false);
      }
    },
    [model, t, serverFolded, view.orgs, expanding],
  );

  // What the graph draws and shows, found without a round trip: listed first by the in-graph search.
  const searchDrawn = useCallback(
    (query: string) => (drawn ? searchNodes([...drawn.nodes.values()].filter((n) => visible.has(n.id)), query).map(nodeHit) : []),
    [drawn, visible],
  );
  const onSearchHit = (hit: SearchHit) => {
    setHitIds(new Set([hit.id]));
    if (model?.nodes.has(hit.id)) focusNode(hit.id);
    // Listed apart as opening another cascade, and taken only when picked: leave for it.
    else if (hit.kind === 'DIRECTIVE') onOpen(directiveRef(hit));
    else setNotice(`${hit.label}: ${t(hit.kind === 'ORGANIZATION' && serverFolded && !view.orgs ? 'notInFoldedGraph' : 'notInGraph')}`);
  };

  const doExport = async (kind: 'png' | 'svg') => {
    const cy = cyRef.current;
    if (!cy) return;
    try {
      // The picture says what it shows: the root, the step's caption in a briefing, where and when it was made.
      const top = model?.nodes.get(model.rootId);
      const head = top ? (top.code ?? typeName(lang, top.type, top.typeName ?? top.label)) : (view.code ?? '');
      const frame: PictureFrame = {
        title: top?.title ? `${head} — ${top.title}` : head,
        subtitle: briefing && currentStep ? currentStep.caption : null,
        footer: `Directive Graph · ${formatDate(lang, localDay())}`,
      };
      const blob = kind === 'png' ? await exportPng(cy, frame) : exportSvg(cy, frame);
      downloadBlob(blob, exportName(view.code, kind, briefing ? `-step${stepIndex + 1}` : ''));
    } catch (err) {
      setNotice(t('exportFailed', { message: (err as Error).message }));
    }
  };

  // The briefing as slides: every step of the view as it is filtered.
  const deck = useDeckExport({
    cyRef,
    model: drawn,
    steps: () => (briefing ? steps : drawn ? briefingSteps(drawn, filtered, t, lang) : []),
    shownAt: (s) => withAxis(drawn ? visibleIds(drawn, drawFilters, s.nodeIds, filterMap) : new Set(), axis),
    rootRef,
    code: view.code,
    provinces: view.filters.provinces,
    inProvince,
    // Declared further down: called when the slides are made, not now.
    provinceLabel: (p) => provinceLabel(p),
    onNotice: setNotice,
  });

  const startBriefing = () => {
    onView({ step: 0, selected: null });
    void enterFullscreen(rootEl.current);
  };
  const stopBriefing = () => {
    onView({ step: null });
    exitFullscreen();
  };
  // Leaving a briefing (Esc, the exit button, the end of full screen) puts the focus back where it was started: the
  // toolbar, unmounted meanwhile, comes back without it.
  const briefingButton = useRef<HTMLButtonElement>(null);
  const wasBriefing = useRef(briefing);
  useEffect(() => {
    if (wasBriefing.current && !briefing) briefingButton.current?.focus();
    wasBriefing.current = briefing;
  }, [briefing]);
  const goStep = (s: number) => onView({ step: Math.max(0, Math.min(s, steps.length - 1)) });
  useBriefingKeys(briefing, { next: () => goStep(stepIndex + 1), prev: () => goStep(stepIndex - 1), exit: stopBriefing });

  // From the whole cascade, so that a narrowed one (one province) still offers the others. A province of the 2025 map
  // is offered with the old ones it took over that the cascade names too ("Lâm Đồng (gồm Bình Thuận)"); those on their own as well.
  const provinceChoices = useMemo(
    () => provinceOptions(new Set([...(cascade.data?.nodes ?? []), ...(model?.nodes.values() ?? [])].map((n) => n.province).filter((p): p is string => !!p)), provinces),
    [cascade.data, model, provinces],
  );
  const provinceLabel = useCallback((province: string) => chosenLabel(province, provinceChoices, t), [provinceChoices, t]);
  const levels = useMemo(() => {
    const rankOf = new Map<string, number>();
    for (const n of model?.nodes.values() ?? []) if (n.level) rankOf.set(n.level, Math.min(rankOf.get(n.level) ?? Infinity, n.levelRank ?? n.rank));
    return [...rankOf.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
  }, [model]);
  const types = useMemo(() => new Set([...(model?.nodes.values() ?? [])].filter((n) => n.kind === 'DIRECTIVE' && n.type).map((n) => n.type!)), [model]);
  const nodeIds = useMemo(() => new Set(model?.nodes.keys() ?? []), [model]);
  const root = model?.nodes.get(model.rootId);
  const visibleNodeCount = drawn ? [...drawn.nodes.keys()].filter((id) => visible.has(id)).length : 0;
  // Filters that leave the root alone: said, rather than a lone node blown up.
  const filterEmpty = useMemo(() => !briefing && !!drawn && drawn.nodes.size > 1 && [...drawn.nodes.keys()].every((id) => id === drawn.rootId || !filtered.has(id)), [briefing, drawn, filtered]);
  // The lower-level texts still folded: those the expansions brought in are drawn, no longer counted.
  const levelsLeft = shown && model ? foldedImplementersLeft(model, shown.foldedImplementers ?? 0) : 0;
  // A text opened by its id ("doc:…") is named in the tab by its type and title, as the header names it.
  const rootName = root ? (root.code ?? [typeName(lang, root.type, root.typeName ?? root.label), root.title && clipText(root.title, 80)].filter(Boolean).join(' — ')) : null;
  useEffect(() => onRootName?.(rootName), [rootName, onRootName]);
  const filtersKey = `filters:${JSON.stringify(view.filters)}`;
  // What the graph's live region says of the node under the keyboard cursor.
  const describeNode = useCallback(
    (id: string, place: { index: number; count: number } | null) => {
      const node = drawn?.nodes.get(id);
      return node ? nodeAnnouncement(node, t, lang, place) : null;
    },
    [drawn, t, lang],
  );
  const fitAll = () => {
    const cy = cyRef.current;
    const shown = cy?.elements().not('.hidden');
    if (cy && shown?.nonempty()) cy.animate({ ...fitShown(cy, shown, false), duration: 300 });
  };

  return (
    <div className={`cascade${briefing ? ' briefing' : ''}`} ref={rootEl} data-testid="cascade-view">
      {!briefing && (
        <div className="toolbar">
          <button type="button" onClick={onHome} data-testid="home">
            {t('back')}
          </button>
          <h2 className="cascade-title" title={root?.title ?? ''}>
            <span data-testid="root-code">{root ? (root.code ?? typeName(lang, root.type, root.typeName ?? root.label)) : view.code}</span>
            {root?.title && <span className="muted"> — {root.title}</span>}
          </h2>
          <SearchBox placeholder={t('searchInGraph')} onChoose={onSearchHit} inGraph={nodeIds} local={searchDrawn} compact />
          <div className="actions">
            <button type="button" onClick={fitAll} data-testid="fit" disabled={!model}>
              {t('fit')}
            </button>
            <button type="button" aria-pressed={view.gaps} className={view.gaps ? 'on' : ''} onClick={() => onView({ gaps: !view.gaps })} data-testid="gaps-toggle" disabled={!model}>
              {t('gaps')}
            </button>
            <button type="button" aria-pressed={view.lag} className={view.lag ? 'on' : ''} onClick={() => onView({ lag: !view.lag })} data-testid="lag-toggle" disabled={!model}>
              {t('lagTable')}
            </button>
            <button type="button" aria-pressed={view.due} className={view.due ? 'on' : ''} onClick={() => onView({ due: !view.due, period: null })} data-testid="due-toggle" disabled={!model}>
              {t('dueToggle')}
            </button>
            <button type="button" aria-pressed={view.time} className={view.time ? 'on' : ''} onClick={() => onView({ time: !view.time })} data-testid="timeline-toggle" disabled={!model} title={t('timelineHint')}>
              {t('timeline')}
            </button>
            <button type="button" onClick={() => void doExport('png')} data-testid="export-png" disabled={!model}>
              {t('exportPng')}
            </button>
            <button type="button" onClick={() => void doExport('svg')} data-testid="export-svg" disabled={!model}>
              {t('exportSvg')}
            </button>
            <button type="button" onClick={() => void deck.make()} data-testid="export-deck" disabled={!model || deck.busy} title={t('exportDeckHint')} aria-busy={deck.busy}>
              {deck.label}
            </button>
            <button type="button" className="primary" onClick={startBriefing} data-testid="briefing-start" disabled={!model} ref={briefingButton}>
              ▶ {t('briefing')}
            </button>
          </div>
        </div>
      )}
      {!briefing && model && <FilterBar filters={view.filters} provinces={provinceChoices} levels={levels} onChange={(filters: Filters) => onView({ filters })} unavailable={view.time ? { relations: ['ASSIGNED_TO'], why: t('timelineNoOrgs') } : undefined} />}
      <div className="workspace">
        <div className="graph-wrap">
          {/* Above the graph, not over it: a notice never hides the root (the fit takes the room that is left). */}
          <div className="notices" data-testid="notices">
            {shown?.truncated && !dismissed.has('truncated') && (
              <Notice testId="truncated" onClose={() => dismiss('truncated')}>
                {t('truncated')}
              </Notice>
            )}
            {levelsLeft > 0 && !briefing && !dismissed.has(`levels:${levelsLeft}`) && (
              <Notice testId="levels-folded" onClose={() => dismiss(`levels:${levelsLeft}`)}>
                {/* Texts of an unknown level are counted without a level name. */}
                {t('levelsFolded', { n: formatCount(lang, levelsLeft), levels: (shown!.foldedLevels?.length ? shown!.foldedLevels : [null]).map((l) => levelName(t, l)).join(', ') })}{' '}
                <button type="button" className="link" onClick={() => onView({ levels: true })} data-testid="show-levels">
                  {t('showLevels')}
                </button>
                .
              </Notice>
            )}
            {folded && !briefing && !dismissed.has(`folded:${folded.assignments}`) && (
              <Notice testId="folded" onClose={() => dismiss(`folded:${folded.assignments}`)}>
                {t('folded', { n: formatCount(lang, folded.assignments) })}{' '}
                <button type="button" className="link" onClick={() => onView({ orgs: true })} data-testid="show-organizations">
                  {t('showOrganizations')}
                </button>
              </Notice>
            )}
            {filterEmpty && !dismissed.has(filtersKey) && (
              <Notice testId="filter-empty" onClose={() => dismiss(filtersKey)}>
                {t('filterEmpty')}{' '}
                <button type="button" className="link" onClick={() => onView({ filters: { ...DEFAULT_FILTERS, relations: [...ALL_RELATIONS] } })} data-testid="filter-empty-reset">
                  {t('resetFilters')}
                </button>
              </Notice>
            )}
            {notice && (
              <Notice role="alert" testId="alert" onClose={() => setNotice(null)}>
                {notice}
              </Notice>
            )}
          </div>
          <div className="graph-area">
            <GraphCanvas
              elements={shownElements}
              layoutIds={layoutIds}
              timeline={axis?.scale ?? null}
              visible={visible}
              selected={selection?.id ?? null}
              gapIds={gapIds}
              hitIds={hitIds}
              briefing={briefing}
              onSelect={select}
              onToggleExpand={(id) => void toggleExpand(id)}
              onReady={(cy) => (cyRef.current = cy)}
              rootId={drawn?.rootId ?? null}
              label={t('graphLabel', { code: rootName ?? view.code ?? '' })}
              describeNode={describeNode}
            />
            {(cascade.loading || narrowed.loading) && <div className="overlay-status"><Loading /></div>}
            {narrowed.error != null && <div className="overlay-status"><ErrorMessage error={narrowed.error} onRetry={narrowed.retry} /></div>}
            {cascade.error != null && !isNotFound(cascade.error) && <div className="overlay-status"><ErrorMessage error={cascade.error} onRetry={cascade.retry} /></div>}
            {!cascade.loading && (isNotFound(cascade.error) || (cascade.error == null && !model)) && (
              <div className="overlay-status"><NotFoundMessage asked={rootRef} error={cascade.error} onOpen={onOpen} /></div>
            )}
          </div>
          {model && <Legend types={types} />}
          {briefing && currentStep && (
            <BriefingOverlay
              caption={currentStep.caption}
              step={stepIndex}
              count={steps.length}
              nodeCount={visibleNodeCount}
              onStep={goStep}
              onExit={stopBriefing}
              onExportPng={() => void doExport('png')}
              onExportSvg={() => void doExport('svg')}
              onExportDeck={() => void deck.make()}
              deckLabel={deck.label}
              deckBusy={deck.busy}
            />
          )}
        </div>
        {!briefing && model && (
          <div className="sidebar">
            {view.lag && <LagTable rows={lag.data} loading={lag.loading} error={lag.error} retry={lag.retry} onProvince={onlyProvince} current={lagChosen} csvUrl={exportUrl('lag.csv', rootRef, { lang })} />}
            {view.gaps && <GapList list={gapList} targetFor={targetOfGap} onOpen={openGap} provinces={view.filters.provinces} provinceLabel={provinceLabel} csvUrl={exportUrl('gaps.csv', rootRef, { lang })} onOrganization={onOrganization} />}
            {view.due && (
              <TaskSchedule
                rootRef={rootRef}
                schedule={schedule}
                period={view.period}
                onPeriod={(period) => onView({ period })}
                provinces={view.filters.provinces}
                provinceLabel={provinceLabel}
                targetFor={targetOfGap}
                onOpen={openGap}
                documentNode={documentNode}
                onDocument={focusNode}
                csvUrl={exportUrl('assignments.csv', rootRef, { lang })}
              />
            )}
            <DetailsPanel
              model={detailsModel ?? model}
              selection={selection}
              rootRef={rootRef}
              provinces={narrowTo}
              expanded={selection ? model.expansions.has(selection.id) : false}
              expanding={expanding}
              onSelect={focusNode}
              onToggleExpand={(id) => void toggleExpand(id)}
              onClose={() => select(null)}
              onOrganization={onOrganization}
            />
          </div>
        )}
      </div>
    </div>
  );
}

/** The timeline's scale and axis for the texts among `ids`: the axis' elements, and their ids. */
function timelineAxis(model: GraphModel, ids: ReadonlySet<string>, drawnElements: readonly cytoscape.ElementDefinition[], t: Translate, lang: Lang): { scale: TimelineScale; elements: cytoscape.ElementDefinition[]; ids: Set<string> } {
  const texts = [...ids].map((id) => model.nodes.get(id)).filter((n): n is GNode => n?.kind === 'DIRECTIVE');
  const dates = texts.map((n) => n.issuedOn).filter((d): d is string => !!d);
  // Each text's drawn width (its label's), for the scale to give a crowded month room.
  const widths = new Map(drawnElements.map((e) => [e.data.id!, Number(e.data.w ?? 0)]));
  const items = texts.filter((n) => n.issuedOn).map((n) => ({ date: n.issuedOn!, rank: n.rank, w: widths.get(n.id) ?? 0 }));
  const scale = timelineScale(dates, lang, { undated: texts.some((n) => !n.issuedOn), undatedLabel: t('undated'), texts: texts.length, items });
  const levels = new Map<number, string | null>();
  for (const n of texts) if (!levels.get(n.rank)) levels.set(n.rank, n.level);
  const bands = [...levels].sort(([a], [b]) => a - b).map(([rank, level]) => ({ rank, label: levelName(t, level) }));
  const elements = axisElements(scale, bands);
  return { scale, elements, ids: new Set(elements.map((e) => e.data.id!)) };
}

/** `ids` and the axis' own elements, which the timeline always shows. */
function withAxis(ids: Set<string>, axis: { ids: Set<string> } | null): Set<string> {
  return axis ? new Set([...ids, ...axis.ids]) : ids;
}
