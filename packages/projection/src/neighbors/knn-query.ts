import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { integerOption, signalOption } from '../options.js';
import type { Knn, ProgressCallback } from '../types.js';
import { exactKnnQuery } from './exact-knn-blocked.js';
import { prepareRows, type NeighborMetric } from './prepared-rows.js';

/** Options of `knnQuery`. */
export interface KnnQueryOptions {
  /** Default `'euclidean'`. */
  metric?: NeighborMetric;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

/**
 * Exact k nearest rows of `train` (n×d) for every row of `queries` (m×d), by blocked brute force (both centered
 * by train's column means, float64 accumulation, ties to the smaller index). Nothing is excluded: a query equal
 * to a training row lists it at distance 0. Rows sorted ascending. O(m·n·d). Does not mutate its inputs.
 * @throws ProjectionInputError for bad matrices, mismatched columns, k outside [1, n] or an unknown metric.
 */
export function knnQuery(train: MatrixInput, queries: MatrixInput, k: number, options: KnnQueryOptions = {}): Knn {
  const T = toMatrix(train, { name: 'train' });
  const Q = toMatrix(queries, { name: 'queries' });
  if (Q.cols !== T.cols) throw new ProjectionInputError('queries.cols', Q.cols, `must equal train.cols = ${T.cols}`);
  const kk = integerOption('k', k, 15, 1, T.rows);
  const metric = options.metric ?? 'euclidean';
  if (metric !== 'euclidean' && metric !== 'cosine') throw new ProjectionInputError('metric', metric, "must be 'euclidean' or 'cosine'");
  const signal = signalOption(options.signal);
  const prepared = prepareRows(T, metric, 'train');
  return exactKnnQuery(prepared, prepareRows(Q, metric, 'queries', prepared.mean), kk, { signal, onProgress: options.onProgress });
}
