import { ProjectionInputError } from './errors.js';
import { toMatrix, type MatrixInput } from './matrix/to-matrix.js';
import type { CommonOptions, MethodDefinition } from './methods/method-definition.js';
import { getMethod } from './methods/registry.js';
import type { PcaOptions } from './methods/pca.js';
import { signalOption } from './options.js';
import { runJobAsync, runJobSync, type Job } from './runtime/job.js';
import type { ProjectionResult } from './types.js';

/**
 * Options of each method by name. Later methods extend this map; `project`'s `options` type follows `method`.
 */
export interface MethodOptionsMap {
  pca: Pick<PcaOptions, 'nComponents'>;
}

/** `project()` options: `method` plus that method's options and the common ones. */
export type ProjectOptions<M extends keyof MethodOptionsMap = keyof MethodOptionsMap> = { method: M } & MethodOptionsMap[M] & CommonOptions;

/**
 * Projects X (n×d: `Matrix`, `number[][]` or an Arrow FixedSizeList vector) with the named method, off the
 * critical path: the work yields to the event loop about every 16 ms, so `signal` and UI events get through.
 * For true parallelism run it in a Worker (`ProjectionWorker`). Never mutates X.
 * Rejects with `ProjectionInputError` (bad input; unknown method lists the known names) or `AbortError`.
 */
export async function project<M extends keyof MethodOptionsMap>(X: MatrixInput, options: ProjectOptions<M>): Promise<ProjectionResult> {
  const { job, signal } = start(X, options);
  return runJobAsync(job, { signal, onProgress: options.onProgress, onLayout: options.onLayout });
}

/** `project` on the calling thread, blocking until done. Only `signal`s aborted from a callback can stop it. */
export function projectSync<M extends keyof MethodOptionsMap>(X: MatrixInput, options: ProjectOptions<M>): ProjectionResult {
  const { job, signal } = start(X, options);
  return runJobSync(job, { signal, onProgress: options.onProgress, onLayout: options.onLayout });
}

function start(X: MatrixInput, options: CommonOptions & { method: unknown }): { job: Job<ProjectionResult>; def: MethodDefinition; signal: AbortSignal | undefined } {
  if (options === null || typeof options !== 'object') throw new ProjectionInputError('options', options, "must be an object with a 'method'");
  const def = getMethod(options.method);
  const m = toMatrix(X, { name: 'X' });
  const signal = signalOption(options.signal);
  const clusters = options.clusters;
  if (clusters !== undefined) {
    if (!(clusters instanceof Int32Array)) throw new ProjectionInputError('clusters', clusters, 'must be an Int32Array');
    if (clusters.length !== m.rows) throw new ProjectionInputError('clusters.length', clusters.length, `must equal the number of rows of X (${m.rows})`);
  } else if (def.needsClusters) {
    throw new ProjectionInputError('clusters', clusters, `is required by method '${def.name}' (one Int32 cluster id per row)`);
  }
  return { job: def.createJob(m, options as unknown as Record<string, unknown> & CommonOptions), def, signal };
}
