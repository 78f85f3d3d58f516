import { ProjectionWorker } from './worker-client.js';

/**
 * Starts the package's worker entry as a browser module Worker and wraps it in a `ProjectionWorker`.
 *
 * ```ts
 * const worker = createProjectionWorker();
 * const {embedding} = await worker.project(X, {method: 'pca'}, {onProgress, signal});
 * worker.terminate();
 * ```
 *
 * Why a helper: `new Worker(new URL('@clamp-viz/projection/worker', import.meta.url))` does not work in Vite
 * (bare specifiers are not resolved inside `new URL`), so the URL is made here, relative to this module, in
 * the `new Worker(new URL('…/worker.js', import.meta.url), {type: 'module'})` form that Vite and other bundlers
 * detect (Vite maps `worker.js` to the `worker.ts` source). In Node use `worker_threads` with `dist/worker.js`.
 * @throws Error when the global `Worker` constructor is missing (Node).
 */
export function createProjectionWorker(options: { name?: string } = {}): ProjectionWorker {
  if (typeof Worker !== 'function') {
    throw new Error("createProjectionWorker needs a global Worker (browser); in Node, wrap a worker_threads Worker on '@clamp-viz/projection/worker' (dist/worker.js) with new ProjectionWorker(worker)");
  }
  const worker = new Worker(new URL('../worker.js', import.meta.url), { type: 'module', name: options.name ?? 'clamp-viz-projection' });
  return new ProjectionWorker(worker);
}
