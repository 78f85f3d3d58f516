import { AbortError, ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { getMethod } from '../methods/registry.js';
import type { ProjectOptions, MethodOptionsMap } from '../project.js';
import type { Progress, ProgressCallback, ProjectionResult } from '../types.js';
import type { LayoutCallback } from './job.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { fromWireError } from './wire-error.js';

/**
 * Anything that talks like a Worker: a browser/Deno `Worker` (`postMessage` + `addEventListener('message')`,
 * events carry `.data`) or a Node `worker_threads.Worker` (`postMessage` + `on('message')`, the data itself).
 */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener?(type: 'message' | 'error', listener: (event: { data?: unknown; message?: string }) => void): void;
  on?(type: 'message' | 'error', listener: (value: unknown) => void): void;
  terminate?(): unknown;
}

/** Per-call controls of `ProjectionWorker.project`. */
export interface WorkerRunControls {
  /** Aborting sends `cancel`; the promise rejects with `AbortError` carrying the last layout received. */
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Intermediate layouts of iterative methods (each a fresh array you may keep). */
  onLayout?: LayoutCallback;
  /** At most one layout per this many ms (default 50). */
  layoutEvery?: number;
  /**
   * Transfer X's buffer to the worker instead of copying it: faster, but X.data becomes unusable (detached).
   * Only honoured when X.data spans its whole buffer; otherwise a copy is sent. Default false.
   */
  transfer?: boolean;
}

interface Pending {
  resolve(result: ProjectionResult): void;
  reject(error: Error): void;
  controls: WorkerRunControls;
  lastLayout?: Float32Array;
  cleanup(): void;
}

/**
 * Runs projections in a Worker (see `createProjectionWorker()` for browsers, or a Node `worker_threads.Worker`
 * on `dist/worker.js`). X is copied and the copy's buffer transferred (the caller's array is never detached
 * unless `transfer: true`); the embedding comes back transferred; progress and layouts stream to the callbacks;
 * errors are re-thrown here with their `name`, `message`, `code` and `param`.
 */
export class ProjectionWorker {
  readonly worker: WorkerLike;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  constructor(worker: WorkerLike) {
    this.worker = worker;
    const onMessage = (data: unknown) => this.#receive(data as WorkerResponse);
    const onError = (reason: unknown) => this.#failAll(reason);
    if (typeof worker.addEventListener === 'function') {
      worker.addEventListener('message', (event) => onMessage(event.data));
      worker.addEventListener('error', (event) => onError(event.message ?? event));
    } else if (typeof worker.on === 'function') {
      worker.on('message', onMessage);
      worker.on('error', onError);
    } else {
      throw new ProjectionInputError('worker', worker, 'must have addEventListener (Web Worker) or on (worker_threads)');
    }
  }

  /**
   * Projects X (n×d) in the worker. `options` are `project()`'s; functions and `signal` in them are taken as
   * controls, not sent. X is validated here first, so bad input rejects without a round trip.
   */
  project<M extends keyof MethodOptionsMap>(X: MatrixInput, options: ProjectOptions<M>, controls: WorkerRunControls = {}): Promise<ProjectionResult> {
    return new Promise<ProjectionResult>((resolve, reject) => {
      const { signal: optSignal, onProgress, onLayout, ...rest } = options;
      const merged: WorkerRunControls = { ...controls };
      if (!merged.signal && optSignal) merged.signal = optSignal;
      if (!merged.onProgress && onProgress) merged.onProgress = onProgress;
      if (!merged.onLayout && onLayout) merged.onLayout = onLayout;
      getMethod(rest.method);
      const m = toMatrix(X, { name: 'X' });
      const signal = merged.signal;
      if (signal?.aborted) throw new AbortError();
      const id = this.#nextId++;
      const ownsBuffer = m.data.byteOffset === 0 && m.data.byteLength === m.data.buffer.byteLength;
      const data = merged.transfer && ownsBuffer ? m.data : m.data.slice();
      const transfer: Transferable[] = [data.buffer as ArrayBuffer];
      const sendOptions: Record<string, unknown> & { method: string } = { ...rest };
      if (rest.clusters) {
        const clusters = rest.clusters.slice();
        sendOptions.clusters = clusters;
        transfer.push(clusters.buffer);
      }
      const onAbort = () => this.worker.postMessage({ type: 'cancel', id } satisfies WorkerRequest, []);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, { resolve, reject, controls: merged, cleanup: () => signal?.removeEventListener('abort', onAbort) });
      const message: WorkerRequest = {
        type: 'run',
        id,
        matrix: { data, rows: m.rows, cols: m.cols },
        options: sendOptions,
        ...(merged.onLayout ? { layoutEvery: merged.layoutEvery ?? 50 } : {}),
      };
      this.worker.postMessage(message, transfer);
    });
  }

  /** Rejects every pending run and terminates the worker. */
  terminate(): void {
    this.#failAll(new AbortError('The projection worker was terminated'));
    this.worker.terminate?.();
  }

  #receive(message: WorkerResponse): void {
    const pending = this.#pending.get(message?.id);
    if (!pending) return;
    const progress = (p: Progress) => pending.controls.onProgress?.(p);
    switch (message.type) {
      case 'progress':
        progress(message.progress);
        return;
      case 'layout':
        pending.lastLayout = message.layout;
        pending.controls.onLayout?.(message.layout, message.progress);
        return;
      case 'done': {
        this.#settle(message.id);
        const { embedding, rows, cols, method, modelState, outlines } = message.result;
        const def = getMethod(method);
        const model = modelState === undefined ? undefined : def.modelFromState ? def.modelFromState(modelState) : modelState;
        pending.resolve({ embedding, rows, cols, method, ...(model === undefined ? {} : { model }), ...(outlines ? { outlines } : {}) });
        return;
      }
      case 'error': {
        this.#settle(message.id);
        const error = fromWireError(message.error);
        if (error instanceof AbortError && !error.layout && pending.lastLayout) pending.reject(new AbortError(error.message, pending.lastLayout));
        else pending.reject(error);
        return;
      }
    }
  }

  #settle(id: number): void {
    this.#pending.get(id)?.cleanup();
    this.#pending.delete(id);
  }

  #failAll(reason: unknown): void {
    const error = reason instanceof Error ? reason : new Error(`projection worker failed: ${String(reason)}`);
    for (const [id, pending] of this.#pending) {
      this.#settle(id);
      pending.reject(error);
    }
  }
}
