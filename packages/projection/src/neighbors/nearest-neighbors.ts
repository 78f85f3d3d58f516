import type { MatrixInput } from '../matrix/to-matrix.js';
import type { Knn } from '../types.js';
import { buildNeighborIndex } from './neighbor-index.js';
import type { NearestNeighborsOptions } from './neighbor-options.js';

/**
 * The shared kNN stage of UMAP, t-SNE, TriMap and PaCMAP (methods.md §1.1, style P5): the k nearest neighbours
 * of every row of X (n×d), self excluded (a duplicate twin at distance 0 is listed; the row itself never is),
 * rows sorted by ascending distance; distances are true Euclidean or cosine (1 − cos) distances.
 * `method: 'auto'` is exact blocked brute force below 4,096 rows, NN-descent on an RP forest above.
 * Deterministic for a given `seed`. Does not mutate X. Use `buildNeighborIndex` to also query new points.
 * @throws ProjectionInputError naming the parameter, value and rule (k outside [1, n − 1], n < 2, non-finite X,
 *   unknown metric or method, zero row with cosine); AbortError when `signal` aborts.
 */
export function nearestNeighbors(X: MatrixInput, options: NearestNeighborsOptions = {}): Knn {
  return buildNeighborIndex(X, options).knn;
}
