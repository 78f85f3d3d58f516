/**
 * Module worker that builds a {@link GridIndex} off the main thread.
 * Protocol: in `{id, xy: Float32Array}` (transferred), out `{id, type: 'done', index}` with the
 * index arrays transferred, or `{id, type: 'error', name, message}`.
 */
import { buildGridIndex } from './grid-index.js';

/** The worker-global API used here (typed locally: the package compiles against the DOM lib only). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<{ id: number; xy: Float32Array }>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
scope.onmessage = (e: MessageEvent<{ id: number; xy: Float32Array }>) => {
  const { id, xy } = e.data;
  try {
    const index = buildGridIndex(xy);
    scope.postMessage({ id, type: 'done', index }, [index.start.buffer, index.order.buffer]);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    scope.postMessage({ id, type: 'error', name: err.name, message: err.message });
    return;
  }
};
