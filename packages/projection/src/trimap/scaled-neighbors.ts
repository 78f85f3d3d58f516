import type { Knn } from '../types.js';

/** σ floor of the reference (`np.maximum(..., 1e-10)`). */
const MIN_SIGMA = 1e-10;

/**
 * Points whose whole candidate list is twins (σ = 0) take the median σ of the others; then every σ is floored at
 * 1e-10 (all-identical data: σ = 1e-10 everywhere, every P = 0, every weight 0, the init is kept). Mutates `sigma`.
 */
function fillTwinScales(sigma: Float64Array): void {
  const positive = sigma.filter((v) => v > 0).sort();
  const median = positive.length > 0 ? positive[positive.length >> 1]! : 0;
  for (let i = 0; i < sigma.length; i++) {
    const v = sigma[i]! > 0 ? sigma[i]! : median;
    sigma[i] = v > MIN_SIGMA ? v : MIN_SIGMA;
  }
}

/** Each point's local scale and its top inliers by scaled similarity. */
export interface ScaledNeighbors {
  /** σ_i per point (n). */
  readonly sigma: Float64Array;
  /** Inliers per point. */
  readonly nInliers: number;
  /** n×nInliers row-major: point i's inliers, the candidates with the largest P_ij first (self never listed). */
  readonly inliers: Int32Array;
  /** n×nInliers: P_ij = −d_ij²/(σ_i σ_j) of each inlier. */
  readonly similarity: Float64Array;
}

/**
 * TriMap's scaled similarities (eamid/trimap 1.1.4 `generate_triplets` + `find_p` + the sort inside
 * `sample_knn_triplets`; methods.md §8.2 steps 2–5) from a self-excluded kNN list of m − 1 = min(nInliers + 50, n) − 1
 * neighbours per point (ascending distance):
 * - the reference's candidate list is self (distance 0) followed by these, so σ_i = the mean distance at candidate
 *   positions 3, 4, 5 (kNN positions 2–4; fewer when k < 5, all of them when k < 3), floored at 1e-10.
 *   **Deviation** for duplicates: exact twins (distance 0) are skipped before counting positions, and a point whose
 *   candidates are all twins takes the median σ. The reference then has σ = 1e-10, P_ij ≈ −1e10·d² and weights in the
 *   1e10s, which throw the layout out to ±1e9 (measured: 300 digits × 8 copies); without twins σ is the reference's;
 * - P_ij = −d_ij²/(σ_i σ_j) for every candidate; the inliers are the nInliers candidates with the largest P (ties keep
 *   distance order). Self, with P = 0, is first in the reference's sort and is excluded here explicitly, so a duplicate
 *   twin (also P = 0) can be an inlier but never replaces the point itself.
 * O(n·k²) worst case (insertion sort of k ≈ 61 nearly sorted keys; about O(n·k) in practice), O(n·nInliers) output.
 * Does not mutate `knn`.
 */
export function scaledNeighbors(knn: Knn, n: number, nInliers: number): ScaledNeighbors {
  const { indices, distances, k } = knn;
  const sigma = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Skip exact twins (distance 0): the 3rd–5th neighbours at a distance > 0, as many as the list holds.
    let first = 0;
    while (first < k && distances[i * k + first]! === 0) first++;
    const avail = k - first;
    const from = first + (avail >= 3 ? 2 : 0);
    const to = first + Math.min(avail, 5);
    let s = 0;
    for (let c = from; c < to; c++) s += distances[i * k + c]!;
    sigma[i] = to > from ? s / (to - from) : 0;
  }
  fillTwinScales(sigma);
  const inliers = new Int32Array(n * nInliers);
  const similarity = new Float64Array(n * nInliers);
  const p = new Float64Array(k);
  const order = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const si = sigma[i]!;
    for (let c = 0; c < k; c++) {
      const d = distances[i * k + c]!;
      p[c] = -(d * d) / (si * sigma[indices[i * k + c]!]!);
      order[c] = c;
    }
    // Stable sort of candidate positions by P descending (insertion sort on ~61 nearly-sorted keys: the list is
    // already by distance, and σ_j only reorders it locally).
    for (let a = 1; a < k; a++) {
      const key = order[a]!;
      const pk = p[key]!;
      let b = a - 1;
      while (b >= 0 && p[order[b]!]! < pk) {
        order[b + 1] = order[b]!;
        b--;
      }
      order[b + 1] = key;
    }
    for (let r = 0; r < nInliers; r++) {
      const c = order[r]!;
      inliers[i * nInliers + r] = indices[i * k + c]!;
      similarity[i * nInliers + r] = p[c]!;
    }
  }
  return { sigma, nInliers, inliers, similarity };
}
