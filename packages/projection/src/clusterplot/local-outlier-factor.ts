import { knn2d } from '../metrics/knn-2d.js';

/**
 * Local outlier factor (Breunig et al. 2000) of 2-D points with scikit-learn's `LocalOutlierFactor(n_neighbors = k)`
 * fit semantics: k' = min(k, m − 1) nearest other points (self excluded by index, ties to the lower index), k-distance
 * = distance to the k'-th neighbour, reach(a, b) = max(kdist(b), d(a, b)), lrd(a) = 1 / (mean reach(a, ·) + 1e-10),
 * LOF(a) = mean lrd(neighbours) / lrd(a). `contamination = 'auto'` marks LOF > 1.5 as an outlier. Points: m×2
 * interleaved. O(m·k) after the grid kNN. Does not mutate `points`. Returns all ones when m < 2.
 */
export function localOutlierFactor(points: Float64Array, k: number): Float64Array {
  const m = points.length >> 1;
  const lof = new Float64Array(m).fill(1);
  if (m < 2) return lof;
  const kk = Math.min(k, m - 1);
  const knn = knn2d(points, m, kk);
  const kdist = new Float64Array(m);
  for (let i = 0; i < m; i++) kdist[i] = dist(points, i, knn.indices[i * kk + kk - 1]!);
  const lrd = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let t = 0; t < kk; t++) {
      const j = knn.indices[i * kk + t]!;
      s += Math.max(kdist[j]!, dist(points, i, j));
    }
    lrd[i] = 1 / (s / kk + 1e-10);
  }
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let t = 0; t < kk; t++) s += lrd[knn.indices[i * kk + t]!]!;
    lof[i] = s / kk / lrd[i]!;
  }
  return lof;
}

function dist(p: Float64Array, i: number, j: number): number {
  return Math.hypot(p[2 * i]! - p[2 * j]!, p[2 * i + 1]! - p[2 * j + 1]!);
}
