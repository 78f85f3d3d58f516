import { AbortError } from '../errors.js';
import { macrotask } from './job.js';
import type { RunSyncOptions } from './run-sync.js';
import type { Stepper } from './stepper.js';

export interface RunAsyncOptions extends RunSyncOptions {
  /** Longest run of steps, in ms, before yielding to the event loop (default 16, about one frame). */
  yieldEvery?: number | undefined;
}

/**
 * Runs `stepper` to completion, yielding to the event loop every `yieldEvery` ms so a page stays responsive
 * and an `AbortSignal` fired from elsewhere is seen. Resolves with the (live) layout; rejects with
 * `AbortError` carrying a copy of the last layout when `signal` aborts (checked before every step).
 */
export async function runAsync(stepper: Stepper, options: RunAsyncOptions = {}): Promise<Float32Array> {
  const every = Math.max(1, Math.floor(options.every ?? 1));
  const yieldEvery = options.yieldEvery ?? 16;
  let count = 0;
  let last = performance.now();
  while (!stepper.done) {
    if (options.signal?.aborted) throw new AbortError(undefined, stepper.layout.slice());
    const info = stepper.step();
    count++;
    if (options.onStep && (count % every === 0 || stepper.done)) options.onStep(info, stepper.layout);
    if (performance.now() - last >= yieldEvery) {
      await macrotask();
      last = performance.now();
    }
  }
  if (options.signal?.aborted) throw new AbortError(undefined, stepper.layout.slice());
  return stepper.layout;
}
