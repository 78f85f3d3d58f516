import type { StepInfo } from '../types.js';

/**
 * The shape of every iterative optimiser (t-SNE, UMAP, TriMap, PaCMAP): it owns its n×dims layout and
 * advances it one step (an epoch or iteration) per `step()` call. Drivers — `runSync`, `runAsync`,
 * `stepperJob` (for `project()` and the Worker) — loop over it; the stepper knows nothing about threads,
 * timers or cancellation.
 *
 * `layout` is the live buffer (row-major n×dims), updated in place by `step()`; copy it to keep a snapshot.
 */
export interface Stepper {
  /** Advances one step; must not be called once `done` is true. */
  step(): StepInfo;
  /** The current layout, n×dims row-major; mutated by `step()`. */
  readonly layout: Float32Array;
  /** True once the planned number of steps has run. */
  readonly done: boolean;
  /** Rows (points) in the layout. */
  readonly rows: number;
  /** Columns (output dimensions) in the layout, usually 2. */
  readonly dims: number;
  /** Planned number of steps, when known. */
  readonly totalSteps?: number;
}
