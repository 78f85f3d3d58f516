import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { integerOption } from '../options.js';
import type { Knn } from '../types.js';
import { exactKnn } from './exact-knn.js';
import { knn2d } from './knn-2d.js';
import { checkKnn, toLayout } from './layout-input.js';

/**
 * kNN recall (`knn_recall15` in methods.md §13.1; Kobak & Berens 2019 "KNN"): the mean share of each point's
 * k exact high-D neighbours that are also among its k nearest in the 2-D layout. In [0, 1].
 * X: n×d (or pass `neighbors`, exact high-D kNN with ≥ k per row, self excluded; X is then only checked for
 * shape); Y: n×2. O(n²d) without `neighbors`, about O(nk²) with. Does not mutate inputs.
 */
export function knnRecall(X: MatrixInput, Y: MatrixInput | Float32Array, options: { k?: number; neighbors?: Knn } = {}): number {
  const hx = toMatrix(X, { name: 'X', minRows: 2 });
  const n = hx.rows;
  const y = toLayout(Y);
  if (y.length !== 2 * n) throw new ProjectionInputError('Y.rows', y.length / 2, `must equal X.rows = ${n}`);
  const k = integerOption('k', options.k, 15, 1, n - 1);
  let high = options.neighbors;
  if (high) checkKnn(high, n, k);
  else high = exactKnn(hx, { k });
  const low = knn2d(y, n, k);
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = low.indices[i * k + t]!;
      for (let p = 0; p < k; p++) {
        if (high.indices[i * high.k + p] === j) {
          hits++;
          break;
        }
      }
    }
  }
  return hits / (n * k);
}
