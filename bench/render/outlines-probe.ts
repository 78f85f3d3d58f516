// Diagnostic probe (not the benchmark): times `outlines="auto"` hulls of n seeded points in 300 clusters
// (data.ts) in this page: `worker` = autoOutlinesAsync (a new module Worker per call), `reused` = one
// OutlineWorker kept across calls (as <cluster-scatter>'s OutlineController now does), `main` = autoOutlines on
// the page's thread, `element` = <cluster-scatter outlines="auto"> until its hulls arrive, `refresh` = the same
// followed by live-layout moves (updatePositions). Driven by outlines-probe.mjs, which also times autoOutlines in Node.
import { autoOutlines } from '../../packages/components/src/outline/auto-outlines.js';
import { autoOutlinesAsync } from '../../packages/components/src/outline/auto-outlines-async.js';
import { OutlineWorker } from '../../packages/components/src/outline/outline-worker.js';
import '@clamp-viz/components/cluster-scatter.js';
import type { ClusterScatter } from '@clamp-viz/components';
import { outlinesData, outlinesInput, outlinesSummary } from './outlines-input.js';

/** The page's long-lived worker of mode `reused`. */
const reused = new OutlineWorker();

/** Outline workers constructed so far in this page (the Worker constructor is wrapped once). */
let outlineWorkers = 0;
const NativeWorker = Worker;
globalThis.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    if (String(url).includes('auto-outlines')) outlineWorkers++;
  }
};

/**
 * `<cluster-scatter outlines="auto">` given the data, then `reps` live-layout moves (`updatePositions` with the points
 * shifted by a growing offset, each awaited): ms until the first hulls, then until each move's hulls arrive.
 */
async function refreshRun(n: number, data: 'bench' | 'story', reps: number): Promise<Record<string, unknown>> {
  const { xy, cluster } = outlinesData(n, data);
  const el = document.createElement('cluster-scatter') as ClusterScatter;
  el.style.cssText = 'width:800px;height:600px;display:block';
  el.pointSize = 3;
  el.outlines = 'auto';
  document.body.append(el);
  await el.renderComplete;
  const state = el as unknown as { _autoOutlines: { rings: Float64Array[] }[] | null };
  const w0 = outlineWorkers;
  let t0 = performance.now();
  el.positions = xy;
  el.cluster = cluster;
  while (!state._autoOutlines) await new Promise((r) => setTimeout(r, 5));
  const first = Math.round(performance.now() - t0);
  const moves: number[] = [];
  for (let r = 1; r <= reps; r++) {
    const prev = state._autoOutlines;
    const moved = xy.map((v) => v + 0.01 * r);
    t0 = performance.now();
    el.updatePositions(moved);
    while (state._autoOutlines === prev || el.outlineJob.pending) await new Promise((r) => setTimeout(r, 5));
    moves.push(Math.round(performance.now() - t0));
  }
  const summary = outlinesSummary(state._autoOutlines);
  el.remove();
  return { where: 'browser-refresh', n, first_ms: first, move_ms: moves, workers: outlineWorkers - w0, ...summary };
}

/** `<cluster-scatter outlines="auto">` given the data: ms until its hulls arrive (and until its first frame). */
async function elementRun(n: number, data: 'bench' | 'story'): Promise<{ ms: number; first_frame_ms: number; workers: number; summary: object }> {
  const { xy, cluster } = outlinesData(n, data);
  const el = document.createElement('cluster-scatter') as ClusterScatter;
  el.style.cssText = 'width:800px;height:600px;display:block';
  el.pointSize = 3;
  el.outlines = 'auto';
  document.body.append(el);
  await el.renderComplete;
  const w0 = outlineWorkers;
  const t0 = performance.now();
  el.positions = xy;
  el.cluster = cluster;
  await el.renderComplete;
  const first = performance.now() - t0;
  const state = el as unknown as { _autoOutlines: { rings: Float64Array[] }[] | null };
  while (!state._autoOutlines) await new Promise((r) => setTimeout(r, 5));
  const ms = performance.now() - t0;
  const summary = outlinesSummary(state._autoOutlines);
  el.remove();
  return { ms: Math.round(ms), first_frame_ms: Math.round(first), workers: outlineWorkers - w0, summary };
}

async function outlinesProbe(n: number, reps: number, modes: string[], data: 'bench' | 'story' = 'bench'): Promise<Record<string, unknown>[]> {
  const { rel, rank, ids } = outlinesInput(n, data);
  const rows: Record<string, unknown>[] = [];
  for (const mode of modes) {
    const ms: number[] = [];
    let summary = {};
    if (mode === 'refresh') {
      rows.push(await refreshRun(n, data, reps));
      continue;
    }
    if (mode === 'element') {
      const runs = [];
      for (let r = 0; r < reps; r++) runs.push(await elementRun(n, data));
      rows.push({ where: 'browser-element', n, ms: runs.map((r) => r.ms), first_frame_ms: runs.map((r) => r.first_frame_ms), workers: runs.map((r) => r.workers), ...runs.at(-1)!.summary });
      continue;
    }
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      const outlines = mode === 'worker'
        ? await autoOutlinesAsync(rel, rank, ids, 0, 0, { workerThreshold: 0 }) // a new Worker per call
        : mode === 'reused'
          ? await reused.run(rel, rank, ids, 0, 0) // one Worker kept for the page (as OutlineController does)
          : autoOutlines(rel, rank, ids, 0, 0);
      ms.push(Math.round(performance.now() - t0));
      summary = outlinesSummary(outlines);
    }
    rows.push({ where: `browser-${mode}`, n, ms, ...summary });
  }
  return rows;
}

(globalThis as unknown as { outlinesProbe: typeof outlinesProbe }).outlinesProbe = outlinesProbe;
