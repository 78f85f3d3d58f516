/**
 * The worker entry of @clamp-viz/projection (subpath `@clamp-viz/projection/worker`): serves `ProjectionWorker`
 * requests (see `runtime/protocol.ts`). Works unchanged as a browser module Worker (`self` message events) and
 * as a Node `worker_threads` Worker (`parentPort`); the platform is detected at run time.
 *
 * Browser: `createProjectionWorker()` (Vite-friendly). Node:
 * `new Worker(new URL('./worker.js', import.meta.resolve('@clamp-viz/projection')))` from `worker_threads`.
 */
import type { WorkerRequest } from './runtime/protocol.js';
import { createWorkerHost } from './runtime/worker-host.js';

interface WorkerScopeLike {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
interface ParentPortLike {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  on(type: 'message', listener: (data: unknown) => void): void;
}

const scope = globalThis as unknown as Partial<WorkerScopeLike> & { WorkerGlobalScope?: unknown; process?: { versions?: { node?: string } } };

if (typeof scope.WorkerGlobalScope === 'function' && typeof scope.postMessage === 'function' && typeof scope.addEventListener === 'function') {
  const self = scope as WorkerScopeLike;
  const handle = createWorkerHost((message, transfer) => self.postMessage(message, transfer));
  self.addEventListener('message', (event) => handle(event.data as WorkerRequest));
} else if (scope.process?.versions?.node) {
  const specifier = 'node:worker_threads';
  void (import(/* @vite-ignore */ specifier) as Promise<{ parentPort: ParentPortLike | null }>).then(({ parentPort }) => {
    if (!parentPort) return; // imported on a main thread: nothing to serve
    const handle = createWorkerHost((message, transfer) => parentPort.postMessage(message, transfer));
    parentPort.on('message', (data) => handle(data as WorkerRequest));
  });
}
