// Render benchmark page: draws N seeded points in 300 clusters with <cluster-scatter> or with
// regl-scatterplot 1.16 and times (1) the first completed frame after the data is handed over and
// (2) each frame of a scripted pan/zoom. Every timed frame ends with a 1-pixel gl.readPixels, which
// waits until the GPU (SwiftShader here) has finished the frame. Driven by run.mjs (playwright-core),
// or open /?lib=clamp&n=100000 in a browser and read the JSON below the plot.
import '@clamp-viz/components/cluster-scatter.js';
import type { ClusterScatter } from '@clamp-viz/components';
import { categoricalColor } from '@clamp-viz/components';
import createScatterplot from 'regl-scatterplot';
import { CLUSTERS, makeData } from './data.js';

export type Lib = 'clamp' | 'clamp-full' | 'regl-scatterplot';

export interface BenchResult {
  lib: Lib;
  n: number;
  /** Data handed over → first completed frame (all n points drawn). */
  first_ms: number;
  /** Each scripted pan/zoom step → its frame completed. */
  frames_ms: number[];
  /** Points drawn by each of those frames. */
  frames_drawn: number[];
  /** One more frame once the camera has settled (all n points drawn, same view as the last step). */
  settled_ms: number;
  settled_drawn: number;
  /** After settling: each scripted hover move onto another point → its frame completed. */
  hover_ms: number[];
  /** What each hover frame did: `'full'` (all points drawn again) or `'composite'` (cached point layer + ring). */
  hover_kinds: string[];
  /** clamp only: the same hover moves with the cached layer invalidated before each (every hover frame draws all points, as before the cache). */
  hover_full_ms?: number[];
  /** The same three at the fitted view (every point on screen), after the camera is reset (regl-scatterplot: distance 1, target 0). */
  hover_fit_ms: number[];
  hover_fit_kinds: string[];
  hover_fit_full_ms?: number[];
}

const HOVERS = 10;

/** Rows to hover: every (n / 97)-th row, skipping rows `accept` rejects, at most {@link HOVERS}. */
function hoverRows(n: number, accept: (i: number) => boolean): number[] {
  const rows: number[] = [];
  const stride = Math.max(1, Math.floor(n / 97));
  for (let i = 0; i < n && rows.length < HOVERS; i += stride) if (accept(i)) rows.push(i);
  return rows;
}

const FRAMES = 20;

/** The scripted camera: 10 pans then 10 zooms in (as [dx, dy] in CSS px and zoom factors). */
const script = Array.from({ length: FRAMES }, (_, k) => (k < FRAMES / 2 ? { pan: [15, -10] as const, zoom: 1 } : { pan: [0, 0] as const, zoom: 1.15 }));

function readOnePixel(gl: WebGLRenderingContext | WebGL2RenderingContext): void {
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}

/**
 * `clamp`: <cluster-scatter> with its default level of detail (frames while the camera moves draw a seeded
 * sample of about 30k points inside the view; all points 150 ms after it stops). `clamp-full`: the same
 * with `interactive-points="0"` (every frame draws all points).
 */
async function benchClamp(n: number, lod: boolean): Promise<BenchResult> {
  const data = makeData(n);
  const stage = document.getElementById('stage')!;
  const el = document.createElement('cluster-scatter') as ClusterScatter;
  el.pointSize = 3;
  if (!lod) el.interactivePoints = 0;
  stage.append(el);
  await el.renderComplete;
  const gl = el.layer!.renderer.gl; // the page's shared context (frames are copied into the element's canvas)
  let drawn = 0;
  el.addEventListener('cluster-scatter-render', (e) => (drawn = e.detail.drawnCount));
  const t0 = performance.now();
  el.positions = data.xy;
  el.cluster = data.cluster;
  await el.renderComplete;
  readOnePixel(gl);
  const first = performance.now() - t0;
  const frames: number[] = [];
  const framesDrawn: number[] = [];
  for (const step of script) {
    const s = performance.now();
    if (step.zoom !== 1) el.dispatchEvent(new WheelEvent('wheel', { deltaY: -Math.log(step.zoom) / 0.002, clientX: 400, clientY: 300, cancelable: true }));
    else {
      el.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, button: 0, clientX: 400, clientY: 300 }));
      el.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: 400 + step.pan[0], clientY: 300 + step.pan[1] }));
      el.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, clientX: 400 + step.pan[0], clientY: 300 + step.pan[1] }));
    }
    await el.renderComplete;
    readOnePixel(gl);
    frames.push(performance.now() - s);
    framesDrawn.push(drawn);
  }
  await new Promise((r) => setTimeout(r, 300)); // let the camera settle (the settled frame is not timed)
  await el.renderComplete;
  const s = performance.now();
  el.layer!.invalidate(); // nothing changed: without this the frame would reuse the cached point layer
  el.refreshView(false); // one more frame of the same view, not moving: all points
  await el.renderComplete;
  readOnePixel(gl);
  const settled = performance.now() - s;
  const settledDrawn = drawn;
  await el.indexReady;
  const zoomed = await hoverClamp(el, n, gl);
  el.resetView(); // the fitted view: every point on screen, the costliest full frame
  await new Promise((r) => setTimeout(r, 300));
  await el.renderComplete;
  const fitted = await hoverClamp(el, n, gl);
  el.remove();
  return { lib: lod ? 'clamp' : 'clamp-full', n, first_ms: first, frames_ms: frames, frames_drawn: framesDrawn, settled_ms: settled, settled_drawn: settledDrawn, hover_ms: zoomed.ms, hover_kinds: zoomed.kinds, hover_full_ms: zoomed.fullMs,
    hover_fit_ms: fitted.ms, hover_fit_kinds: fitted.kinds, hover_fit_full_ms: fitted.fullMs };
}

/**
 * Hover moves onto rows in view, each timed until its frame (ring on the new point) is done; then the same
 * moves with the cached point layer invalidated before each (`fullMs`: all points drawn, as before the cache).
 */
async function hoverClamp(el: ClusterScatter, n: number, gl: WebGLRenderingContext | WebGL2RenderingContext): Promise<{ ms: number[]; kinds: string[]; fullMs: number[] }> {
  let kind = '';
  const onRender = (e: CustomEvent<{ frameKind: string }>) => (kind = e.detail.frameKind);
  el.addEventListener('cluster-scatter-render', onRender);
  const rect = el.getBoundingClientRect();
  const inView = (i: number) => {
    const p = el.pointPosition(i);
    return p !== null && p.x > 20 && p.x < rect.width - 20 && p.y > 20 && p.y < rect.height - 20;
  };
  const ms: number[] = [], kinds: string[] = [], fullMs: number[] = [];
  const rows = hoverRows(n, inView);
  for (const [k, i] of [...rows, ...rows].entries()) {
    const uncached = k >= rows.length; // second pass: force full redraws
    const p = el.pointPosition(i)!;
    const before = el.hovered;
    if (uncached) el.layer!.invalidate();
    const h = performance.now();
    el.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: rect.left + p.x, clientY: rect.top + p.y }));
    await el.renderComplete;
    readOnePixel(gl);
    if (el.hovered === before || el.hovered < 0) continue; // no new point under the pointer: no frame to time
    if (uncached) fullMs.push(performance.now() - h);
    else {
      ms.push(performance.now() - h);
      kinds.push(kind);
    }
  }
  el.removeEventListener('cluster-scatter-render', onRender);
  return { ms, kinds, fullMs };
}

async function benchRegl(n: number): Promise<BenchResult> {
  const data = makeData(n);
  const stage = document.getElementById('stage')!;
  const canvas = document.createElement('canvas');
  stage.append(canvas);
  const colors = Array.from({ length: CLUSTERS }, (_, c) => '#' + categoricalColor(c).toString(16).padStart(6, '0'));
  const plot = createScatterplot({ canvas, width: 800, height: 600, pointSize: 3, colorBy: 'valueA', pointColor: colors });
  const gl = (plot.get('renderer') as unknown as { regl: { _gl: WebGLRenderingContext } }).regl._gl;
  const nextDraw = () => new Promise<void>((resolve) => plot.subscribe('drawing', () => resolve(), 1));
  const t0 = performance.now();
  const drawn = nextDraw();
  await plot.draw({ x: data.x, y: data.y, valueA: data.cluster } as never, { zDataType: 'categorical' });
  await drawn;
  readOnePixel(gl);
  const first = performance.now() - t0;
  const frames: number[] = [];
  let target: [number, number] = [0, 0];
  let distance = 1;
  for (const step of script) {
    const s = performance.now();
    const drawnFrame = nextDraw();
    // Same camera moves as for clamp: 300 px ≈ 1 NDC unit at distance 1 in a 600 px tall plot.
    target = [target[0] - (step.pan[0] / 300) * distance, target[1] - (step.pan[1] / 300) * distance];
    distance /= step.zoom;
    plot.set({ cameraTarget: target, cameraDistance: distance } as never);
    await drawnFrame;
    readOnePixel(gl);
    frames.push(performance.now() - s);
  }
  await new Promise((r) => setTimeout(r, 300));
  const s = performance.now();
  const settledFrame = nextDraw();
  plot.redraw();
  await settledFrame;
  readOnePixel(gl);
  const settled = performance.now() - s;
  // Hover through the API (what its mouse handler calls after picking): every hover redraws all points.
  const hoverRegl = async () => {
    const ms: number[] = [];
    for (const i of hoverRows(n, () => true)) {
      const h = performance.now();
      const hovered = nextDraw();
      plot.hover(i);
      await hovered;
      readOnePixel(gl);
      ms.push(performance.now() - h);
    }
    return ms;
  };
  const hoverZoomed = await hoverRegl();
  const reset = nextDraw();
  plot.set({ cameraTarget: [0, 0], cameraDistance: 1 } as never);
  await reset;
  await new Promise((r) => setTimeout(r, 300));
  const hoverFitted = await hoverRegl();
  plot.destroy();
  canvas.remove();
  // regl-scatterplot has no level of detail: every frame draws all n points.
  return { lib: 'regl-scatterplot', n, first_ms: first, frames_ms: frames, frames_drawn: frames.map(() => n), settled_ms: settled, settled_drawn: n,
    hover_ms: hoverZoomed, hover_kinds: hoverZoomed.map(() => 'full'), hover_fit_ms: hoverFitted, hover_fit_kinds: hoverFitted.map(() => 'full') };
}

/**
 * The first frame alone (diagnostics, see first-frame-profile.mjs): the same steps and clock as runBench's
 * `first_ms` for `lib`, then the plot is removed. Between `mark('start')` and `mark('end')` lies what is timed.
 */
async function firstFrame(lib: Lib, n: number, gated = false): Promise<number> {
  const data = makeData(n);
  // Gated: wait until the runner has started its profiler (it polls `firstFrameReady`, then calls `firstFrameGo`).
  const gate = () => (gated ? new Promise<void>((r) => Object.assign(globalThis, { firstFrameReady: true, firstFrameGo: r })) : Promise.resolve());
  const stage = document.getElementById('stage')!;
  if (lib === 'regl-scatterplot') {
    const canvas = document.createElement('canvas');
    stage.append(canvas);
    const colors = Array.from({ length: CLUSTERS }, (_, c) => '#' + categoricalColor(c).toString(16).padStart(6, '0'));
    const plot = createScatterplot({ canvas, width: 800, height: 600, pointSize: 3, colorBy: 'valueA', pointColor: colors });
    const gl = (plot.get('renderer') as unknown as { regl: { _gl: WebGLRenderingContext } }).regl._gl;
    await gate();
    const drawn = new Promise<void>((resolve) => plot.subscribe('drawing', () => resolve(), 1));
    performance.mark('start');
    const t0 = performance.now();
    await plot.draw({ x: data.x, y: data.y, valueA: data.cluster } as never, { zDataType: 'categorical' });
    await drawn;
    readOnePixel(gl);
    const ms = performance.now() - t0;
    performance.mark('end');
    plot.destroy();
    canvas.remove();
    return ms;
  }
  const el = document.createElement('cluster-scatter') as ClusterScatter;
  el.pointSize = 3;
  if (lib === 'clamp-full') el.interactivePoints = 0;
  stage.append(el);
  await el.renderComplete;
  const gl = el.layer!.renderer.gl;
  await gate();
  performance.mark('start');
  const t0 = performance.now();
  el.positions = data.xy;
  el.cluster = data.cluster;
  await el.renderComplete;
  readOnePixel(gl);
  const ms = performance.now() - t0;
  performance.mark('end');
  el.remove();
  return ms;
}

/** Runs one library at one size. */
async function runBench(lib: Lib, n: number): Promise<BenchResult> {
  return lib === 'regl-scatterplot' ? benchRegl(n) : benchClamp(n, lib === 'clamp');
}

(globalThis as unknown as { runBench: typeof runBench }).runBench = runBench;
(globalThis as unknown as { firstFrame: typeof firstFrame }).firstFrame = firstFrame;

const params = new URLSearchParams(location.search);
if (params.has('lib')) {
  const lib = (['regl-scatterplot', 'clamp-full'].includes(params.get('lib') ?? '') ? params.get('lib') : 'clamp') as Lib;
  void runBench(lib, Number(params.get('n') ?? 100_000)).then((r) => (document.getElementById('out')!.textContent = JSON.stringify(r)));
}
