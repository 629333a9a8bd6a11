/** What the render benchmark page (bench/main.ts) leaves in window.__benchResult for test/bench/web-render.ts. */
export interface BenchResult {
  renderer: 'canvas' | 'webgl';
  webglActive: boolean;
  elements: number;
  nodes: number;
  edges: number;
  buildMs: number;
  layoutMs: number;
  firstRenderMs: number;
  panMs: number;
  frames: number;
  renders: number;
  fps: number;
  p95FrameMs: number;
  error?: string;
}
