import { project } from '../project.js';
import { getMethod } from '../methods/registry.js';
import type { ProjectOptions } from '../project.js';
import type { Progress, ProjectionOutline } from '../types.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { toWireError } from './wire-error.js';

/** How the host posts a response (`postMessage(message, transfer)` of the worker scope or `parentPort`). */
export type PostResponse = (message: WorkerResponse, transfer: ArrayBuffer[]) => void;

/**
 * The worker side of the protocol, independent of the platform: returns a handler for incoming
 * `WorkerRequest`s that runs `project()` (so it yields to the event loop and sees `cancel`), streams
 * progress and layouts, and posts `done` (embedding transferred) or `error`. Used by the worker entry;
 * export it to build a custom worker that registers extra methods first.
 */
export function createWorkerHost(post: PostResponse): (message: WorkerRequest) => void {
  const running = new Map<number, AbortController>();
  return (message) => {
    if (message?.type === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    if (message?.type !== 'run') return;
    const { id, matrix, options, layoutEvery } = message;
    const controller = new AbortController();
    running.set(id, controller);
    let lastLayout = -Infinity;
    const onLayout =
      layoutEvery === undefined
        ? undefined
        : (layout: Float32Array, progress: Progress) => {
            const t = performance.now();
            if (t - lastLayout < layoutEvery && progress.done < progress.total) return;
            lastLayout = t;
            const copy = layout.slice();
            post({ type: 'layout', id, layout: copy, progress }, [copy.buffer]);
          };
    const run = async () => {
      const result = await project(matrix, {
        ...(options as ProjectOptions),
        signal: controller.signal,
        onProgress: (progress) => post({ type: 'progress', id, progress }, []),
        ...(onLayout ? { onLayout } : {}),
      });
      const def = getMethod(result.method);
      const modelState = result.model === undefined ? undefined : def.modelToState ? def.modelToState(result.model) : result.model;
      const { embedding, rows, cols, method, outlines } = result;
      const transfer = resultTransfers(embedding, outlines);
      post({ type: 'done', id, result: outlines ? { embedding, rows, cols, method, modelState, outlines } : { embedding, rows, cols, method, modelState } }, transfer);
    };
    run()
      .catch((error: unknown) => {
        const wire = toWireError(error);
        post({ type: 'error', id, error: wire }, wire.layout ? [wire.layout.buffer as ArrayBuffer] : []);
      })
      .finally(() => running.delete(id));
  };
}

/**
 * The buffers of a result worth transferring: the embedding's and every outline ring's, each once, and only
 * buffers a view spans whole (a transferred buffer shared with something else would detach that too).
 */
function resultTransfers(embedding: Float32Array, outlines: readonly ProjectionOutline[] | undefined): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  const add = (view: Float32Array) => {
    const buffer = view.buffer as ArrayBuffer;
    if (view.byteOffset === 0 && view.byteLength === buffer.byteLength) seen.add(buffer);
  };
  add(embedding);
  for (const outline of outlines ?? []) for (const ring of outline.rings) add(ring);
  return [...seen];
}
