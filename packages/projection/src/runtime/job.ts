import { AbortError } from '../errors.js';
import type { Progress, ProgressCallback } from '../types.js';

/** What a job reports between units of work: progress, and for iterative methods the current layout. */
export interface JobEvent extends Progress {
  /** The current n×2 layout, owned by the job (copy it to keep it). */
  readonly layout?: Float32Array;
}

/**
 * A unit of long work written as a generator: it yields a `JobEvent` after each block of work (row block,
 * epoch, …) and returns its result. Drivers (`runJobSync`, `runJobAsync`) decide when to report, check
 * cancellation between yields and, when async, give the event loop a turn.
 */
export type Job<T> = Generator<JobEvent, T, void>;

/** Called with a copy-free view of the current layout; copy it to keep it. */
export type LayoutCallback = (layout: Float32Array, progress: Progress) => void;

export interface JobDriverOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ProgressCallback | undefined;
  onLayout?: LayoutCallback | undefined;
}

export interface AsyncJobDriverOptions extends JobDriverOptions {
  /** Longest stretch of work, in ms, before giving the event loop a turn (default 16). */
  yieldEvery?: number;
}

/**
 * Runs a job to completion on the calling thread. Checks `signal` before starting and after every event;
 * an abort throws `AbortError` carrying a copy of the last layout seen (if any).
 */
export function runJobSync<T>(job: Job<T>, options: JobDriverOptions = {}): T {
  const state = { layout: undefined as Float32Array | undefined };
  checkAbort(options.signal, state.layout, job);
  for (;;) {
    const r = job.next();
    if (r.done) return r.value;
    report(r.value, options, state);
    checkAbort(options.signal, state.layout, job);
  }
}

/**
 * Runs a job, yielding to the event loop (a macrotask) whenever `yieldEvery` ms of work have passed, so
 * messages (e.g. a Worker's cancel) and UI get through. Rejects with `AbortError` (carrying a copy of the
 * last layout) when `signal` aborts.
 */
export async function runJobAsync<T>(job: Job<T>, options: AsyncJobDriverOptions = {}): Promise<T> {
  const yieldEvery = options.yieldEvery ?? 16;
  const state = { layout: undefined as Float32Array | undefined };
  checkAbort(options.signal, state.layout, job);
  let last = now();
  for (;;) {
    const r = job.next();
    if (r.done) return r.value;
    report(r.value, options, state);
    checkAbort(options.signal, state.layout, job);
    if (now() - last >= yieldEvery) {
      await macrotask();
      checkAbort(options.signal, state.layout, job);
      last = now();
    }
  }
}

function report(event: JobEvent, options: JobDriverOptions, state: { layout: Float32Array | undefined }): void {
  const progress: Progress = { phase: event.phase, done: event.done, total: event.total };
  if (event.layout) {
    state.layout = event.layout;
    options.onLayout?.(event.layout, progress);
  }
  options.onProgress?.(progress);
}

function checkAbort(signal: AbortSignal | undefined, layout: Float32Array | undefined, job: Job<unknown>): void {
  if (signal?.aborted) {
    job.return(undefined as never);
    throw new AbortError(undefined, layout?.slice());
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Resolves on a later macrotask, letting queued messages and timers run. */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
