import { integerOption } from '../options.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import type { Knn } from '../types.js';
import { DistanceRows } from './distance-rows.js';
import { TopK } from './top-k.js';

/**
 * Exact k nearest neighbours of every row of X (n×d), self excluded, by brute force on centered data with
 * float64 accumulation (see `DistanceRows`); ties go to the smaller index. O(n²d) time, O(nd) memory:
 * seconds for n ≈ 10⁴ at d = 768, minutes beyond. Does not mutate X.
 * @throws ProjectionInputError for non-finite X or k outside [1, n − 1].
 */
export function exactKnn(X: MatrixInput, options: { k?: number } = {}): Knn {
  const m = toMatrix(X, { name: 'X', minRows: 2 });
  const k = integerOption('k', options.k, 15, 1, m.rows - 1);
  const rows = new DistanceRows(m);
  const n = m.rows;
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  const buf = new Float64Array(n);
  const top = new TopK(k);
  for (let i = 0; i < n; i++) {
    rows.row(i, buf);
    top.reset();
    for (let j = 0; j < n; j++) if (j !== i) top.push(buf[j]!, j);
    for (let t = 0; t < k; t++) {
      indices[i * k + t] = top.index[t]!;
      distances[i * k + t] = Math.sqrt(top.dist[t]!);
    }
  }
  return { indices, distances, k };
}
