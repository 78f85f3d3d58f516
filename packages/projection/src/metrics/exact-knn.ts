import { integerOption } from '../options.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import type { Knn } from '../types.js';
import { exactKnnSelf } from '../neighbors/exact-knn-blocked.js';
import { prepareRows } from '../neighbors/prepared-rows.js';

/**
 * Exact k nearest neighbours of every row of X (n×d), self excluded, by brute force on centered data with
 * float64 accumulation; ties go to the smaller index. Runs the neighbour stage's blocked symmetric kernel
 * (`exactKnnSelf`), whose distances are the same as `DistanceRows`'. O(n²d/2) time, O(nd) memory:
 * seconds for n ≈ 10⁴ at d = 768, minutes beyond. Does not mutate X.
 * @throws ProjectionInputError for non-finite X or k outside [1, n − 1].
 */
export function exactKnn(X: MatrixInput, options: { k?: number } = {}): Knn {
  const m = toMatrix(X, { name: 'X', minRows: 2 });
  const k = integerOption('k', options.k, 15, 1, m.rows - 1);
  return exactKnnSelf(prepareRows(m, 'euclidean'), k);
}
