/**
 * Module worker computing {@link autoOutlines} off the main thread.
 * Protocol: in `{rel, rank, ids, centerX, centerY, options}` (typed arrays transferred), out
 * `{type: 'done', outlines}` with every ring's buffer transferred, or `{type: 'error', name, message}`.
 */
import { autoOutlines, type AutoOutlineOptions } from './auto-outlines.js';

/** The job posted to this worker. */
export interface AutoOutlinesJob {
  rel: Float32Array;
  rank: Float32Array;
  ids: Int32Array;
  centerX: number;
  centerY: number;
  options: AutoOutlineOptions;
}

/** The worker-global API used here (typed locally: the package compiles against the DOM lib only). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<AutoOutlinesJob>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
scope.onmessage = (e: MessageEvent<AutoOutlinesJob>) => {
  const { rel, rank, ids, centerX, centerY, options } = e.data;
  try {
    const outlines = autoOutlines(rel, rank, ids, centerX, centerY, options);
    scope.postMessage({ type: 'done', outlines }, outlines.flatMap((o) => o.rings.map((r) => r.buffer as ArrayBuffer)));
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    scope.postMessage({ type: 'error', name: err.name, message: err.message });
  }
};
