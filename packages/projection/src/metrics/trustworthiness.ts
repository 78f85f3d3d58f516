import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { integerOption } from '../options.js';
import type { Knn } from '../types.js';
import { DistanceRows } from './distance-rows.js';
import { knn2d } from './knn-2d.js';
import { checkKnn, toLayout } from './layout-input.js';

export interface TrustworthinessOptions {
  /** Neighbourhood size [`n_neighbors`], an integer in [1, n/2). Default 15. */
  k?: number;
  /** Precomputed exact high-D neighbours (self excluded, ≥ k per row) to skip most distance rows. */
  neighbors?: Knn;
}

/**
 * Trustworthiness of a 2-D layout Y of X (Venna & Kaski 2001; same definition as scikit-learn 1.2
 * `sklearn.manifold.trustworthiness(X, Y, n_neighbors=k)`):
 * T = 1 − 2/(n·k·(2n − 3k − 1)) · Σ_i Σ_{j ∈ N_k^Y(i)} max(0, r(i, j) − k),
 * where r(i, j) is j's rank among i's high-D neighbours (1 = nearest; ties by index). In [0, 1]; 1 = every
 * 2-D neighbour is a true neighbour.
 *
 * X: n×d; Y: n×2. Exact: a high-D distance row O(nd) for each point whose 2-D neighbours are not all within
 * the first k of `neighbors` (every point without it), so O(n²d) worst case. Does not mutate inputs.
 */
export function trustworthiness(X: MatrixInput, Y: MatrixInput | Float32Array, options: TrustworthinessOptions = {}): number {
  const hx = toMatrix(X, { name: 'X', minRows: 3 });
  const n = hx.rows;
  const y = toLayout(Y);
  if (y.length !== 2 * n) throw new ProjectionInputError('Y.rows', y.length / 2, `must equal X.rows = ${n}`);
  const k = integerOption('k', options.k, 15, 1, Math.ceil(n / 2) - 1);
  if (options.neighbors) checkKnn(options.neighbors, n, k);
  const low = knn2d(y, n, k);
  const pre = options.neighbors;
  let rows: DistanceRows | undefined;
  const buf = new Float64Array(n);
  let penalty = 0;
  for (let i = 0; i < n; i++) {
    if (pre) {
      const local = penaltyFromNeighbors(pre, low.indices, i, k);
      if (local >= 0) {
        penalty += local;
        continue;
      }
    }
    rows ??= new DistanceRows(hx);
    rows.row(i, buf);
    for (let t = 0; t < k; t++) {
      const j = low.indices[i * k + t]!;
      const dj = buf[j]!;
      let rank = 1;
      for (let l = 0; l < n; l++) {
        if (l === i) continue;
        const dl = buf[l]!;
        if (dl < dj || (dl === dj && l < j)) rank++;
      }
      if (rank > k) penalty += rank - k;
    }
  }
  return 1 - (2 / (n * k * (2 * n - 3 * k - 1))) * penalty;
}

/** Σ max(0, rank − k) for point i from precomputed ranks, or −1 when some 2-D neighbour is not listed. */
function penaltyFromNeighbors(pre: Knn, low: Int32Array, i: number, k: number): number {
  let sum = 0;
  for (let t = 0; t < k; t++) {
    const j = low[i * k + t]!;
    let p = 0;
    while (p < pre.k && pre.indices[i * pre.k + p] !== j) p++;
    if (p === pre.k) return -1;
    sum += Math.max(0, p + 1 - k);
  }
  return sum;
}
