import { buildGridIndex, type GridIndex } from './grid-index.js';

/** Point counts from which the index is built in a module Worker (below: synchronously). */
export const WORKER_INDEX_THRESHOLD = 50_000;

export interface BuildGridIndexOptions {
  /** Build in a Worker from this many points on (default {@link WORKER_INDEX_THRESHOLD}). */
  workerThreshold?: number;
}

/**
 * Builds a {@link GridIndex} over n×2 `xy`: synchronously for small n, otherwise in a module
 * Worker on a copy of `xy` (transferred), so a 1M-point index never blocks a frame. `xy` is not
 * mutated or detached. Falls back to building here when Workers are unavailable.
 * Each call uses its own short-lived worker, terminated when done (or on `signal` abort, which
 * rejects with an `AbortError` DOMException; an already aborted `signal` rejects at once, without
 * building or spawning a worker).
 */
export function buildGridIndexAsync(xy: Float32Array, options: BuildGridIndexOptions = {}, signal?: AbortSignal): Promise<GridIndex> {
  if (signal?.aborted) return Promise.reject(aborted()); // before any work or Worker
  const threshold = options.workerThreshold ?? WORKER_INDEX_THRESHOLD;
  if (xy.length / 2 < threshold || typeof Worker === 'undefined') {
    return Promise.resolve(buildGridIndex(xy));
  }
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(aborted());
      return;
    }
    let worker: Worker;
    try {
      worker = new Worker(new URL('./grid-index.worker.js', import.meta.url), { type: 'module' });
    } catch {
      resolve(buildGridIndex(xy));
      return;
    }
    const onAbort = () => {
      worker.terminate();
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<{ type: 'done'; index: GridIndex } | { type: 'error'; message: string }>) => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      if (e.data.type === 'done') resolve(e.data.index);
      else reject(new Error(`grid index worker: ${e.data.message}`));
    };
    worker.onerror = (e) => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      e.preventDefault();
      resolve(buildGridIndex(xy)); // worker could not load (bundler/CSP): build here instead
    };
    const copy = xy.slice();
    worker.postMessage({ id: 0, xy: copy }, [copy.buffer]);
  });
}

const aborted = (): DOMException => new DOMException('index build aborted', 'AbortError');
