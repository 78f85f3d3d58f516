import type { ClusterScatter } from '@clamp-viz/components';
import type { Dataset } from '@clamp-viz/io';
import type { MethodOptionsMap, Progress, ProjectionWorker } from '@clamp-viz/projection';

/** What a projection run reports to the page. */
export interface ProjectorEvents {
  start(method: string): void;
  progress(method: string, p: Progress): void;
  /** Finished: wall time in seconds. */
  done(method: string, seconds: number): void;
  /** Cancelled (`aborted`) or failed. */
  fail(method: string, error: Error, aborted: boolean): void;
}

/** Projects the dataset into one `<cluster-scatter>`; a new run cancels the previous one. */
export interface ViewProjector {
  run(dataset: Dataset, method: keyof MethodOptionsMap, seed: number): Promise<void>;
  cancel(): void;
  readonly running: boolean;
}

/**
 * Runs `worker.project(dataset.matrix, {method, seed, clusters})` in the projection Web Worker for
 * one plot: intermediate layouts stream into `scatter.updatePositions`, the final embedding becomes
 * `scatter.positions` (the plot morphs when its `transition` is set and the row count is unchanged).
 * Methods that return outlines (`'clusterplot'`: its blobs) get them drawn as the plot's `outlines` with
 * `outline-fill` 0.2; the next run clears them (restoring the plot's own outline setting, e.g. the
 * page's "Cluster outlines" toggle, unless it was changed meanwhile) and the fill.
 * Nothing heavy runs on the main thread.
 */
export function createViewProjector(worker: ProjectionWorker, scatter: ClusterScatter, on: ProjectorEvents): ViewProjector {
  let current: AbortController | undefined;
  /** Outlines this projector put on the plot (a method's), and the plot's setting they replaced. */
  let shown: ClusterScatter['outlines'] = null;
  let saved: ClusterScatter['outlines'] = null;
  const clearMethodOutlines = () => {
    if (!shown) return;
    if (scatter.outlines === shown) scatter.outlines = saved;
    scatter.outlineFill = 0;
    shown = saved = null;
  };
  return {
    get running() {
      return current !== undefined;
    },
    cancel() {
      current?.abort();
    },
    async run(dataset, method, seed) {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      on.start(method);
      clearMethodOutlines(); // a previous method's blobs do not fit the layouts about to stream in
      const t0 = performance.now();
      try {
        const result = await worker.project(dataset.matrix, { method, seed, clusters: dataset.clusterIds }, {
          signal: controller.signal,
          onProgress: (p) => on.progress(method, p),
          onLayout: (layout) => scatter.updatePositions(layout),
        });
        scatter.positions = result.embedding;
        if (result.outlines) {
          saved = scatter.outlines;
          shown = scatter.outlines = result.outlines;
          scatter.outlineFill = 0.2;
        }
        await scatter.updateComplete;
        on.done(method, (performance.now() - t0) / 1000);
      } catch (error) {
        const e = error as Error;
        on.fail(method, e, e.name === 'AbortError');
      } finally {
        if (current === controller) current = undefined;
      }
    },
  };
}
