import { AbortError } from '../errors.js';
import type { StepInfo } from '../types.js';
import type { Stepper } from './stepper.js';

export interface RunSyncOptions {
  /** Checked before every step; an abort throws `AbortError` with a copy of the layout. */
  signal?: AbortSignal | undefined;
  /** Called with the step's info and the live layout every `every` steps and after the last one. */
  onStep?: ((info: StepInfo, layout: Float32Array) => void) | undefined;
  /** Call `onStep` every this many steps (default 1). */
  every?: number | undefined;
}

/**
 * Runs `stepper` to completion on the calling thread and returns its (live) layout.
 * The only way to stop early is `signal` (aborted, e.g., from `onStep`): throws `AbortError` whose
 * `layout` is a copy of the last state.
 */
export function runSync(stepper: Stepper, options: RunSyncOptions = {}): Float32Array {
  const every = Math.max(1, Math.floor(options.every ?? 1));
  let count = 0;
  while (!stepper.done) {
    if (options.signal?.aborted) throw new AbortError(undefined, stepper.layout.slice());
    const info = stepper.step();
    count++;
    if (options.onStep && (count % every === 0 || stepper.done)) options.onStep(info, stepper.layout);
  }
  if (options.signal?.aborted) throw new AbortError(undefined, stepper.layout.slice());
  return stepper.layout;
}
