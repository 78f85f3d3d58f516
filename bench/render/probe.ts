// Diagnostic probe (not the benchmark): times handing n seeded points (as main.ts) to <cluster-scatter>
// (`update_ms`: the synchronous lit update; `first_frame_ms`: until the first frame is finished), then
// optionally applies the benchmark's final camera (zoom ×1.15^10 after 10 pans) and times `reps`
// synchronous all-point frames (renderNow + 1-pixel readPixels) and, separately, the 2-D copy of a
// frame into the element's canvas. Driven by probe.mjs.
import '@clamp-viz/components/cluster-scatter.js';
import type { ClusterScatter } from '@clamp-viz/components';
import { makeData } from './data.js';

async function probe(n: number, reps: number, zoomed: boolean): Promise<Record<string, unknown>> {
  const data = makeData(n);
  const stage = document.getElementById('stage')!;
  const el = document.createElement('cluster-scatter') as ClusterScatter;
  el.pointSize = 3;
  stage.append(el);
  await el.renderComplete;
  const t0 = performance.now();
  el.positions = data.xy;
  el.cluster = data.cluster;
  await el.updateComplete; // derive + upload (synchronous work in the lit update)
  const t1 = performance.now();
  await el.renderComplete;
  el.layer!.renderer.gl.readPixels(0, 0, 1, 1, WebGL2RenderingContext.RGBA, WebGL2RenderingContext.UNSIGNED_BYTE, new Uint8Array(4));
  const first = { update_ms: Math.round(t1 - t0), first_frame_ms: Math.round(performance.now() - t0) };
  if (zoomed) {
    const v = el.view;
    el.setView({ centerX: v.centerX - 150 / v.pixelsPerUnit, centerY: v.centerY - 100 / v.pixelsPerUnit, pixelsPerUnit: v.pixelsPerUnit * 1.15 ** 10 });
  }
  await new Promise((r) => setTimeout(r, 400));
  await el.renderComplete;
  const renderer = el.layer!.renderer;
  const gl = renderer.gl;
  const one = new Uint8Array(4);
  const frame: number[] = [];
  for (let k = 0; k < reps; k++) {
    const s = performance.now();
    renderer.renderNow();
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, one);
    frame.push(performance.now() - s);
  }
  // Frames right after re-uploading data of the same size (colours only; positions; nothing but a cache invalidation).
  const timed = (prep: () => void) => {
    prep();
    const s = performance.now();
    renderer.renderNow();
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, one);
    return Math.round(performance.now() - s);
  };
  const layer = el.layer!;
  const afterUpload = {
    invalidate: [0, 1, 2].map(() => timed(() => layer.invalidate())),
    colors: [0, 1, 2].map(() => timed(() => layer.setColors(el.colors.rgba))),
    positions: [0, 1, 2].map(() => timed(() => layer.setPositions(el.points.rel, el.points.lo))),
    setPoints: [0, 1, 2].map(() => timed(() => layer.setPoints(el.points.rel, el.colors.rgba, el.points.lo))),
  };
  const copy: number[] = [];
  const ctx = renderer.shared ? renderer.canvas.getContext('2d') : null;
  if (ctx) {
    for (let k = 0; k < reps; k++) {
      const s = performance.now();
      ctx.drawImage(gl.canvas as HTMLCanvasElement, 0, 0);
      ctx.getImageData(0, 0, 1, 1);
      copy.push(performance.now() - s);
    }
  }
  const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
  const drawn = el.layer?.drawnCount;
  el.remove();
  return { n, zoomed, ...first, drawn, frame_ms: frame.map(Math.round), median_frame_ms: Math.round(med(frame)), median_copy_ms: Math.round(med(copy) * 10) / 10, afterUpload };
}

(globalThis as unknown as { probe: typeof probe }).probe = probe;

