import { ProjectionInputError } from './errors.js';
import { toMatrix, type MatrixInput } from './matrix/to-matrix.js';
import type { CommonOptions, MethodDefinition } from './methods/method-definition.js';
import { getMethod } from './methods/registry.js';
import type { PcaOptions } from './methods/pca.js';
import type { LdaOptions } from './methods/lda.js';
import type { UmapMethodOptions } from './methods/umap-method.js';
import type { TsneMethodOptions } from './methods/tsne-method.js';
import type { TrimapMethodOptions } from './methods/trimap-method.js';
import type { PacmapMethodOptions } from './methods/pacmap-method.js';
import { withClusterIdColumn } from './methods/cluster-id-column.js';
import { clusterIdColumnOptions, withoutClusterIdOptions } from './methods/cluster-id-variant.js';
import { signalOption } from './options.js';
import { runJobAsync, runJobSync, type Job } from './runtime/job.js';
import type { ProjectionResult } from './types.js';

/**
 * Options of each method by name. Later methods extend this map; `project`'s `options` type follows `method`.
 */
export interface MethodOptionsMap {
  pca: Pick<PcaOptions, 'nComponents' | 'solver'>;
  lda: Pick<LdaOptions, 'nComponents'>;
  'pca-cluster-id': Pick<PcaOptions, 'nComponents'>;
  'pca-centers': Pick<PcaOptions, 'nComponents'>;
  umap: UmapMethodOptions;
  'umap-supervised': UmapMethodOptions;
  'umap-cluster-id': UmapMethodOptions;
  'umap-centers': UmapMethodOptions;
  tsne: TsneMethodOptions;
  'tsne-centers': TsneMethodOptions;
  trimap: TrimapMethodOptions;
  'trimap-cluster-id': TrimapMethodOptions;
  pacmap: PacmapMethodOptions;
  'pacmap-cluster-id': PacmapMethodOptions;
}

/**
 * The cluster-id trick for any method (methods.md §5): with `clusterIdColumn: true`, `project` runs the method
 * on [X | clusterIdWeight·id] (see `withClusterIdColumn`); `clusters` is then required. The model is fitted on
 * d + 1 columns. The `<method>-cluster-id` registry variants read `clusterIdWeight`/`clusterIdMode` without the flag.
 */
export interface ClusterIdProjectOptions {
  clusterIdColumn?: boolean;
  /** Scale of the id column (default 1). */
  clusterIdWeight?: number;
  /** `'index'` (default: 0..K−1 in ascending id order, as the notebook) or `'raw'` ids. */
  clusterIdMode?: 'index' | 'raw';
}

/** `project()` options: `method` plus that method's options and the common ones. */
export type ProjectOptions<M extends keyof MethodOptionsMap = keyof MethodOptionsMap> = { method: M } & MethodOptionsMap[M] & CommonOptions & ClusterIdProjectOptions;

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

function start(X: MatrixInput, options: CommonOptions & ClusterIdProjectOptions & { method: unknown }): { job: Job<ProjectionResult>; def: MethodDefinition; signal: AbortSignal | undefined } {
  if (options === null || typeof options !== 'object') throw new ProjectionInputError('options', options, "must be an object with a 'method'");
  const def = getMethod(options.method);
  let m = toMatrix(X, { name: 'X' });
  const signal = signalOption(options.signal);
  const clusters = options.clusters;
  if (clusters !== undefined) {
    if (!(clusters instanceof Int32Array)) throw new ProjectionInputError('clusters', clusters, 'must be an Int32Array');
    if (clusters.length !== m.rows) throw new ProjectionInputError('clusters.length', clusters.length, `must equal the number of rows of X (${m.rows})`);
  } else if (def.needsClusters) {
    throw new ProjectionInputError('clusters', clusters, `is required by method '${def.name}' (one Int32 cluster id per row)`);
  }
  let methodOptions = options as unknown as Record<string, unknown> & CommonOptions;
  const flag = options.clusterIdColumn;
  if (flag !== undefined && typeof flag !== 'boolean') throw new ProjectionInputError('clusterIdColumn', flag, 'must be a boolean');
  if (flag) {
    if (clusters === undefined) throw new ProjectionInputError('clusters', clusters, 'is required by clusterIdColumn: true (one Int32 cluster id per row)');
    if (def.name.endsWith('-cluster-id')) throw new ProjectionInputError('clusterIdColumn', flag, `must not be set with method '${def.name}', which already appends the id column`);
    m = withClusterIdColumn(m, clusters, clusterIdColumnOptions(methodOptions));
    methodOptions = withoutClusterIdOptions(methodOptions);
  } else if (flag === false) {
    methodOptions = withoutClusterIdOptions(methodOptions);
  }
  return { job: def.createJob(m, methodOptions), def, signal };
}
