import { describe, expect, test } from 'vitest';
import { runSync } from '../src/runtime/run-sync.js';
import { runAsync } from '../src/runtime/run-async.js';
import { stepperJob } from '../src/runtime/stepper-job.js';
import { runJobAsync, runJobSync } from '../src/runtime/job.js';
import type { Stepper } from '../src/runtime/stepper.js';
import type { StepInfo } from '../src/types.js';
import { AbortError } from '../src/errors.js';

/** A toy optimiser: gradient descent pulling n 2-D points toward their targets, loss = Σ‖y − t‖². */
class ToyDescent implements Stepper {
  readonly layout: Float32Array;
  readonly rows: number;
  readonly dims = 2;
  readonly totalSteps: number;
  readonly #target: Float32Array;
  #step = 0;
  constructor(target: number[][], steps: number) {
    this.rows = target.length;
    this.#target = Float32Array.from(target.flat());
    this.layout = new Float32Array(this.#target.length);
    this.totalSteps = steps;
  }
  get done(): boolean {
    return this.#step >= this.totalSteps;
  }
  step(): StepInfo {
    let loss = 0;
    for (let i = 0; i < this.layout.length; i++) {
      const g = this.layout[i]! - this.#target[i]!;
      this.layout[i]! -= 0.2 * g;
      loss += (this.layout[i]! - this.#target[i]!) ** 2;
    }
    return { step: this.#step++, total: this.totalSteps, loss };
  }
}
const TARGET = [[1, 2], [-3, 4], [0, 5]];

describe('runSync(stepper)', () => {
  test('runSync(stepper, {onStep, every}) runs every step, reports every 5th and converges', () => {
    const seen: number[] = [];
    const layout = runSync(new ToyDescent(TARGET, 50), { every: 5, onStep: (info) => seen.push(info.step) });
    expect(seen).toEqual([4, 9, 14, 19, 24, 29, 34, 39, 44, 49]);
    TARGET.flat().forEach((v, i) => expect(layout[i]).toBeCloseTo(v, 3));
  });
  test('runSync(stepper, {signal}) aborted from onStep throws AbortError carrying a copy of the last layout', () => {
    const controller = new AbortController();
    const stepper = new ToyDescent(TARGET, 100);
    let error: unknown;
    try {
      runSync(stepper, { signal: controller.signal, onStep: (info) => { if (info.step === 9) controller.abort(); } });
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(AbortError);
    const layout = (error as AbortError).layout!;
    expect(Array.from(layout)).toEqual(Array.from(stepper.layout));
    expect(layout).not.toBe(stepper.layout);
    expect(stepper.done).toBe(false);
  });
});

describe('runAsync(stepper)', () => {
  test('runAsync(stepper) resolves with the converged layout', async () => {
    const layout = await runAsync(new ToyDescent(TARGET, 60), { yieldEvery: 0 });
    TARGET.flat().forEach((v, i) => expect(layout[i]).toBeCloseTo(v, 3));
  });
  test('runAsync(stepper, {signal}) aborted from a timer rejects with AbortError and the last layout', async () => {
    const controller = new AbortController();
    const stepper = new ToyDescent(TARGET, 1e9);
    setTimeout(() => controller.abort(), 5);
    const error = await runAsync(stepper, { signal: controller.signal, yieldEvery: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).layout?.length).toBe(6);
    expect(stepper.done).toBe(false);
  });
});

describe('stepperJob(stepper)', () => {
  test('stepperJob(stepper, phase, every) under runJobSync streams layouts and progress', () => {
    const layouts: number[] = [];
    const done: number[] = [];
    const layout = runJobSync(stepperJob(new ToyDescent(TARGET, 20), 'epochs', 10), {
      onLayout: (l, p) => { layouts.push(l.length); expect(p.phase).toBe('epochs'); },
      onProgress: (p) => done.push(p.done),
    });
    expect(layouts).toEqual([6, 6]);
    expect(done).toEqual([10, 20]);
    expect(layout[0]).toBeCloseTo(1, 1);
  });
  test('stepperJob under runJobAsync with an aborted signal rejects with the last streamed layout', async () => {
    const controller = new AbortController();
    const job = stepperJob(new ToyDescent(TARGET, 1e9), 'epochs', 1);
    const error = await runJobAsync(job, { signal: controller.signal, onProgress: (p) => { if (p.done === 3) controller.abort(); } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).layout).toBeInstanceOf(Float32Array);
  });
});
