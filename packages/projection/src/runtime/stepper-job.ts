import type { Job } from './job.js';
import type { Stepper } from './stepper.js';

/**
 * Adapts a `Stepper` to a `Job` so registry methods can run it under `project()`, `projectSync()` or the
 * Worker: yields `{phase, done, total, layout}` every `every` steps and after the last; returns the live layout.
 */
export function* stepperJob(stepper: Stepper, phase = 'optimize', every = 1): Job<Float32Array> {
  const stride = Math.max(1, Math.floor(every));
  let count = 0;
  while (!stepper.done) {
    const info = stepper.step();
    count++;
    if (count % stride === 0 || stepper.done) {
      yield { phase, done: info.step + 1, total: info.total ?? stepper.totalSteps ?? info.step + 1, layout: stepper.layout };
    }
  }
  return stepper.layout;
}
