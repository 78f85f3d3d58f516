import type { Knn } from '../types.js';

/**
 * PaCMAP's nearest-neighbour pairs (0.9.1 `generate_pair` → `scale_dist`, `sample_neighbors_pair`; methods.md §9.2
 * steps 3–4), from kNN lists that exclude self (n×k, ascending; k = min(n_NN + 50, n − 1) in the reference):
 * σ_i = mean of the distances at list positions 3, 4, 5 (the 4th–6th neighbours; fewer when k < 6, the last
 * one when k ≤ 3), floored at 1e-10; each candidate j of i gets the scaled distance d_ij²/(σ_i·σ_j); the
 * `nNeighbors` smallest (ties keep list order) become i's NN partners.
 * Returns the partners, n×nNeighbors Int32Array row-major (pair (i, partners[i·nNeighbors + t])), and σ (n, float64).
 * O(n·k·nNeighbors) worst case, O(n·k) typical. Does not mutate `knn`.
 */
export function neighborPairs(knn: Knn, n: number, nNeighbors: number): { partners: Int32Array; sigma: Float64Array } {
  const { indices, distances, k } = knn;
  const sigma = new Float64Array(n);
  const lo = Math.min(3, k - 1);
  const hi = Math.min(6, k);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = lo; p < hi; p++) s += distances[i * k + p]!;
    sigma[i] = Math.max(s / (hi - lo), 1e-10);
  }
  const partners = new Int32Array(n * nNeighbors);
  const bestScore = new Float64Array(nNeighbors);
  const bestIndex = new Int32Array(nNeighbors);
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let p = 0; p < k; p++) {
      const j = indices[i * k + p]!;
      const dist = distances[i * k + p]!;
      const score = (dist * dist) / sigma[i]! / sigma[j]!;
      if (size === nNeighbors && score >= bestScore[size - 1]!) continue;
      let q = size < nNeighbors ? size++ : size - 1;
      while (q > 0 && bestScore[q - 1]! > score) {
        bestScore[q] = bestScore[q - 1]!;
        bestIndex[q] = bestIndex[q - 1]!;
        q--;
      }
      bestScore[q] = score;
      bestIndex[q] = j;
    }
    partners.set(bestIndex.subarray(0, nNeighbors), i * nNeighbors);
  }
  return { partners, sigma };
}
