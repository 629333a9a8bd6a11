/**
 * Render benchmark: a synthetic 10 000-element cascade laid out with the preset layered layout, drawn
 * with the canvas or the WebGL renderer (?renderer=webgl). Reports time to first render and the frame
 * rate while panning into window.__benchResult.
 */
import type { CytoscapeOptions } from 'cytoscape';
import { cytoscapeWithExtensions } from '../graph/cytoscape';
import { setEdgeDetail } from '../graph/edge-detail';
import { toElements } from '../graph/elements';
import { modelFromCascade } from '../graph/model';
import { runLayout } from '../graph/run-layout';
import { graphStyle } from '../graph/styles';
import { translator } from '../i18n';
import type { BenchResult } from './result';
import { syntheticCascade } from './synthetic';

declare global {
  interface Window {
    __benchResult?: BenchResult | { error: string };
  }
}

const params = new URLSearchParams(window.location.search);
const rendererName = params.get('renderer') === 'webgl' ? 'webgl' : 'canvas';
const target = Number(params.get('elements') ?? 10_000);
const panMs = Number(params.get('pan') ?? 3000);
/** ?patterns=always: dashed and dotted edges keep their patterns at every zoom (as before graph/edge-detail.ts). */
const patternsAlways = params.get('patterns') === 'always';
const status = document.getElementById('bench-status')!;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function run(): Promise<BenchResult> {
  const t0 = performance.now();
  const model = modelFromCascade(syntheticCascade(target))!;
  const elements = toElements(model, translator('vi'), 'vi');
  const t1 = performance.now();
  const cytoscape = cytoscapeWithExtensions();
  // `renderer` (Cytoscape ≥ 3.31, WebGL preview) is not in the bundled typings.
  const options = {
    container: document.getElementById('bench-cy'),
    style: graphStyle(),
    elements,
    layout: { name: 'preset' },
    minZoom: 0.01,
    renderer: rendererName === 'webgl' ? { name: 'canvas', webgl: true } : { name: 'canvas' },
  };
  const cy = cytoscape(options as unknown as CytoscapeOptions);
  window.__cy = cy;
  const tl = performance.now();
  runLayout(cy, { fit: true, padding: 20 });
  if (!patternsAlways) setEdgeDetail(cy, cy.zoom(), true);
  const layoutMs = performance.now() - tl;
  // First render: Cytoscape draws in its own requestAnimationFrame loop (the WebGL renderer does not
  // emit 'render' events), so wait until two frames have passed after the layout.
  let renders = 0;
  cy.on('render', () => renders++);
  await nextFrame();
  await nextFrame();
  const firstRenderMs = performance.now() - t1;
  const webglActive = Boolean((cy as unknown as { renderer(): { data?: { contexts?: unknown[] } } }).renderer().data?.contexts?.[3]);

  status.textContent = `${rendererName}: first render ${firstRenderMs.toFixed(0)} ms — panning…`;
  renders = 0;
  const intervals: number[] = [];
  const start = performance.now();
  let last = start;
  let frames = 0;
  while (performance.now() - start < panMs) {
    const phase = ((performance.now() - start) / panMs) * Math.PI * 2;
    cy.panBy({ x: Math.cos(phase) * 12, y: Math.sin(phase) * 8 });
    const now = await nextFrame();
    intervals.push(now - last);
    last = now;
    frames++;
  }
  const elapsed = performance.now() - start;
  intervals.sort((a, b) => a - b);
  return {
    renderer: rendererName,
    webglActive,
    elements: cy.elements().length,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    buildMs: Math.round(t1 - t0),
    layoutMs: Math.round(layoutMs),
    firstRenderMs: Math.round(firstRenderMs),
    panMs: Math.round(elapsed),
    frames,
    renders,
    fps: Math.round((frames / elapsed) * 1000 * 10) / 10,
    p95FrameMs: Math.round((intervals[Math.floor(intervals.length * 0.95)] ?? 0) * 10) / 10,
  };
}

run().then(
  (result) => {
    window.__benchResult = result;
    status.textContent = JSON.stringify(result, null, 1);
  },
  (err: Error) => {
    window.__benchResult = { error: err.message };
    status.textContent = `error: ${err.message}`;
  },
);
