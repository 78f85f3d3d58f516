import { autoOutlines, type AutoOutlineOptions } from './auto-outlines.js';
import type { ClusterOutline } from './cluster-outline.js';
import { OutlineWorker } from './outline-worker.js';

/** Point counts from which {@link autoOutlinesAsync} computes in a module Worker (below: on the calling thread). */
export const AUTO_OUTLINES_WORKER_THRESHOLD = 20_000;

/** Options of {@link autoOutlinesAsync}: those of autoOutlines plus where to compute. */
export interface AutoOutlinesAsyncOptions extends AutoOutlineOptions {
  /** Compute in a Worker from this many points on (default {@link AUTO_OUTLINES_WORKER_THRESHOLD}). */
  workerThreshold?: number;
}

/**
 * {@link autoOutlines} (same inputs and result) computed in a module Worker for n ≥ `workerThreshold`,
 * on copies of the inputs (transferred), so hulls of 1M points never block a frame; below it, or when
 * Workers are unavailable or the worker script cannot load, computed here. Inputs are not mutated or
 * detached. Each call uses its own {@link OutlineWorker}, terminated when done or when `signal` aborts
 * (the promise then rejects with an `AbortError` DOMException); for repeated jobs keep one
 * OutlineWorker instead (a new worker runs its first job cold). O(n + Σ h log h), as autoOutlines.
 */
export function autoOutlinesAsync(
  rel: Float32Array,
  rank: Float32Array,
  ids: Int32Array,
  centerX: number,
  centerY: number,
  options: AutoOutlinesAsyncOptions = {},
  signal?: AbortSignal,
): Promise<ClusterOutline[]> {
  const { workerThreshold = AUTO_OUTLINES_WORKER_THRESHOLD, ...hull } = options;
  const here = () => autoOutlines(rel, rank, ids, centerX, centerY, hull);
  if (signal?.aborted) return Promise.reject(new DOMException('outline computation aborted', 'AbortError'));
  if (rank.length < workerThreshold || typeof Worker === 'undefined') {
    try {
      return Promise.resolve(here());
    } catch (error) {
      return Promise.reject(error);
    }
  }
  const worker = new OutlineWorker();
  const job = worker.run(rel, rank, ids, centerX, centerY, hull, signal);
  job.then(() => worker.dispose(), () => worker.dispose());
  return job;
}
