import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { integerOption } from '../options.js';
import type { Knn } from '../types.js';
import { exactKnn } from './exact-knn.js';
import { knn2d } from './knn-2d.js';
import { checkKnn, toLayout } from './layout-input.js';

export interface ContinuityOptions {
  /** Neighbourhood size, an integer in [1, n/2). Default 15. */
  k?: number;
  /** Precomputed exact high-D neighbours (self excluded, ≥ k per row; the first k are used). */
  neighbors?: Knn;
}

/**
 * Continuity of a 2-D layout Y of X (Venna & Kaski 2001): trustworthiness with the roles of the spaces swapped,
 * C = 1 − 2/(n·k·(2n − 3k − 1)) · Σ_i Σ_{j ∈ N_k^X(i) \ N_k^Y(i)} (r̂(i, j) − k),
 * where r̂(i, j) is j's rank among i's 2-D neighbours (1 = nearest; ties by index). In [0, 1]; 1 = every true
 * neighbour stays a 2-D neighbour. Penalises tearing, where trustworthiness penalises false neighbours.
 *
 * X: n×d; Y: n×2. O(n²d) for the exact high-D kNN (skipped with `neighbors`), plus a 2-D distance row O(n) for each
 * point that loses a neighbour, so O(n²) worst case. Does not mutate inputs.
 */
export function continuity(X: MatrixInput, Y: MatrixInput | Float32Array, options: ContinuityOptions = {}): number {
  const hx = toMatrix(X, { name: 'X', minRows: 3 });
  const n = hx.rows;
  const y = toLayout(Y);
  if (y.length !== 2 * n) throw new ProjectionInputError('Y.rows', y.length / 2, `must equal X.rows = ${n}`);
  const k = integerOption('k', options.k, 15, 1, Math.ceil(n / 2) - 1);
  let high = options.neighbors;
  if (high) checkKnn(high, n, k);
  else high = exactKnn(hx, { k });
  const low = knn2d(y, n, k);
  const inLow = new Uint8Array(n);
  let penalty = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) inLow[low.indices[i * k + t]!] = 1;
    const xi = y[2 * i]!, yi = y[2 * i + 1]!;
    for (let t = 0; t < k; t++) {
      const j = high.indices[i * high.k + t]!;
      if (inLow[j]) continue;
      const dx = y[2 * j]! - xi, dy = y[2 * j + 1]! - yi;
      const dj = dx * dx + dy * dy;
      let rank = 1;
      for (let l = 0; l < n; l++) {
        if (l === i) continue;
        const ex = y[2 * l]! - xi, ey = y[2 * l + 1]! - yi;
        const dl = ex * ex + ey * ey;
        if (dl < dj || (dl === dj && l < j)) rank++;
      }
      penalty += rank - k;
    }
    for (let t = 0; t < k; t++) inLow[low.indices[i * k + t]!] = 0;
  }
  return 1 - (2 / (n * k * (2 * n - 3 * k - 1))) * penalty;
}
