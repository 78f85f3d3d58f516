import { autoOutlines, type AutoOutlineOptions } from './auto-outlines.js';
import type { ClusterOutline } from './cluster-outline.js';

type WorkerReply = { type: 'done'; outlines: ClusterOutline[] } | { type: 'error'; message: string };

/**
 * A reusable module Worker computing {@link autoOutlines} (`auto-outlines.worker.ts`), one job at a time.
 *
 * Why reuse: each Worker is a fresh JS isolate, so its first job runs cold (interpreted / baseline code
 * until V8's optimising compilers catch up; under CPU load those background compiles wait too). On 1M
 * points / 300 clusters a cold job measured ~3× a warm one (see bench/RESULTS.md "Auto outlines"). Kept
 * alive between jobs, later jobs (live-layout refreshes, new data after a finished job) run warm.
 *
 * A job is aborted by terminating the worker (its CPU work stops at once); the next job starts a new one.
 * Inputs are copied (the copies transferred), never mutated or detached. When Workers are missing or the
 * worker script cannot load (bundler, CSP), the job is computed on the calling thread instead.
 */
export class OutlineWorker {
  private worker: Worker | null = null;
  /** Settles the running job as aborted (set while a job runs). */
  private abortRunning: (() => void) | null = null;

  /** True while a job runs. */
  get busy(): boolean {
    return this.abortRunning !== null;
  }

  /**
   * Hulls of `autoOutlines(rel, rank, ids, centerX, centerY, options)` from the worker. A run while
   * another is busy aborts that one first. Rejects with an `AbortError` DOMException when `signal`
   * aborts (the worker is then terminated), with an Error naming the worker for a failure inside it.
   */
  run(
    rel: Float32Array, rank: Float32Array, ids: Int32Array, centerX: number, centerY: number,
    options: AutoOutlineOptions = {}, signal?: AbortSignal,
  ): Promise<ClusterOutline[]> {
    const here = () => autoOutlines(rel, rank, ids, centerX, centerY, options);
    if (signal?.aborted) return Promise.reject(abortError());
    this.abortRunning?.();
    return new Promise((resolve, reject) => {
      const computeHere = () => {
        try {
          resolve(here());
        } catch (error) {
          reject(error);
        }
      };
      let worker: Worker;
      try {
        worker = this.worker ?? new Worker(new URL('./auto-outlines.worker.js', import.meta.url), { type: 'module' });
      } catch {
        computeHere(); // no Worker support
        return;
      }
      this.worker = worker;
      const settle = () => {
        this.abortRunning = null;
        worker.onmessage = null;
        worker.onerror = null;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        settle();
        this.dispose();
        reject(abortError());
      };
      this.abortRunning = onAbort;
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = (e: MessageEvent<WorkerReply>) => {
        settle();
        if (e.data.type === 'done') resolve(e.data.outlines);
        else reject(new Error(`auto outlines worker: ${e.data.message}`));
      };
      worker.onerror = (e) => {
        settle();
        e.preventDefault();
        this.dispose();
        computeHere(); // the worker could not load (bundler/CSP): compute here instead
      };
      const relCopy = rel.slice(), rankCopy = rank.slice(), idsCopy = ids.slice();
      worker.postMessage(
        { rel: relCopy, rank: rankCopy, ids: idsCopy, centerX, centerY, options },
        [relCopy.buffer, rankCopy.buffer, idsCopy.buffer],
      );
    });
  }

  /** Terminates the worker; a running job rejects with an `AbortError`. The next run starts a new worker. */
  dispose(): void {
    if (this.abortRunning) {
      this.abortRunning(); // settles, then disposes again with no job running
      return;
    }
    this.worker?.terminate();
    this.worker = null;
  }
}

function abortError(): DOMException {
  return new DOMException('outline computation aborted', 'AbortError');
}
