import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { integerOption, seedOption, signalOption } from '../options.js';
import type { Matrix, ProgressCallback } from '../types.js';
import type { NeighborMetric } from './prepared-rows.js';

/** Options of `nearestNeighbors` and `buildNeighborIndex`. */
export interface NearestNeighborsOptions {
  /** Neighbours per row, self excluded (umap-learn's n_neighbors − 1). Integer in [1, n − 1]; default 15. */
  k?: number;
  /** `'euclidean'` (default) or `'cosine'` (reports 1 − cos; rows must be non-zero). */
  metric?: NeighborMetric;
  /** `'auto'` (default: exact below 4,096 rows, umap-learn's rule), `'exact'` or `'nn-descent'`. */
  method?: 'auto' | 'exact' | 'nn-descent';
  /** Seed of the RP trees, NN-descent sampling and query top-ups (integer, default 42). */
  seed?: number;
  /** Checked between blocks / iterations; an abort throws `AbortError`. */
  signal?: AbortSignal;
  /** Progress with phase `'neighbors'`. */
  onProgress?: ProgressCallback;
  /** NN-descent: number of RP trees; default min(32, 3 + round(√n / 100)) (4 at 20k rows). Integer in [1, 256]. */
  nTrees?: number;
  /** NN-descent: iteration cap; default max(5, round(log₂ n)). Integer in [1, 1000]. */
  nIters?: number;
}

/** Below this many rows `'auto'` uses exact neighbours (umap-learn `fit`: `n < 4096`). */
export const EXACT_BELOW = 4096;

/** Validated options (internal). */
export interface ResolvedNeighborOptions {
  readonly matrix: Matrix;
  readonly k: number;
  readonly metric: NeighborMetric;
  readonly method: 'exact' | 'nn-descent';
  readonly seed: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ProgressCallback | undefined;
  readonly nTrees: number | undefined;
  readonly nIters: number | undefined;
}

/**
 * Validates X and every option eagerly, before any heavy work.
 * @throws ProjectionInputError naming the parameter, its value and the rule.
 */
export function resolveNeighborOptions(X: MatrixInput, options: NearestNeighborsOptions): ResolvedNeighborOptions {
  if (options === null || typeof options !== 'object') throw new ProjectionInputError('options', options, 'must be an object');
  const matrix = toMatrix(X, { name: 'X', minRows: 2 });
  const k = integerOption('k', options.k, 15, 1, matrix.rows - 1);
  const metric = options.metric ?? 'euclidean';
  if (metric !== 'euclidean' && metric !== 'cosine') {
    throw new ProjectionInputError('metric', metric, "must be 'euclidean' or 'cosine'");
  }
  const method = options.method ?? 'auto';
  if (method !== 'auto' && method !== 'exact' && method !== 'nn-descent') {
    throw new ProjectionInputError('method', method, "must be 'auto', 'exact' or 'nn-descent'");
  }
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new ProjectionInputError('onProgress', onProgress, 'must be a function');
  }
  return {
    matrix,
    k,
    metric,
    method: method === 'auto' ? (matrix.rows < EXACT_BELOW ? 'exact' : 'nn-descent') : method,
    seed: seedOption(options.seed),
    signal: signalOption(options.signal),
    onProgress,
    nTrees: options.nTrees === undefined ? undefined : integerOption('nTrees', options.nTrees, 0, 1, 256),
    nIters: options.nIters === undefined ? undefined : integerOption('nIters', options.nIters, 0, 1, 1000),
  };
}
