import type { Matrix, Rng } from '../types.js';
import type { ScaledNeighbors } from './scaled-neighbors.js';
import { squaredDistance } from './squared-distance.js';

/**
 * TriMap's kNN triplets for rows [from, to) (eamid/trimap 1.1.4 `sample_knn_triplets` + `find_weights`; methods.md §8.2
 * steps 5–6). For point i and its inlier j of rank r = 1 … nInliers, draws nOutliers points k uniformly from all n,
 * rejecting i itself, the inliers ranked ≤ r and earlier draws for this (i, j) (so lower-ranked inliers may be outliers).
 * Triplet t = (i·nInliers + r − 1)·nOutliers + o is written to `triplets[3t .. 3t + 2] = (i, j, k)` and its raw weight
 * w = P_ij − P_ik = d_ik²/(σ_iσ_k) − d_ij²/(σ_iσ_j) to `weights[t]` (d_ik exact, on `X`; may be negative).
 * Needs n ≥ nInliers + nOutliers + 1 (else the sampler cannot finish; checked by the options).
 * O((to − from)·nInliers·nOutliers·(d + nInliers + nOutliers)). Writes only its rows' slots; consumes `rng`.
 */
export function sampleKnnTriplets(
  X: Matrix<Float32Array>,
  nb: ScaledNeighbors,
  nOutliers: number,
  rng: Rng,
  triplets: Int32Array,
  weights: Float64Array,
  from: number,
  to: number,
): void {
  const { data, rows: n, cols: d } = X;
  const { sigma, inliers, similarity, nInliers } = nb;
  const drawn = new Int32Array(nOutliers);
  for (let i = from; i < to; i++) {
    const si = sigma[i]!;
    const base = i * nInliers;
    for (let r = 0; r < nInliers; r++) {
      const j = inliers[base + r]!;
      const pij = similarity[base + r]!;
      for (let o = 0; o < nOutliers; o++) {
        let k: number;
        for (;;) {
          k = Math.floor(rng() * n);
          if (k === i) continue;
          let bad = false;
          for (let q = 0; q <= r && !bad; q++) bad = inliers[base + q] === k;
          for (let q = 0; q < o && !bad; q++) bad = drawn[q] === k;
          if (!bad) break;
        }
        drawn[o] = k;
        const t = (base + r) * nOutliers + o;
        triplets[3 * t] = i;
        triplets[3 * t + 1] = j;
        triplets[3 * t + 2] = k;
        weights[t] = pij + squaredDistance(data, d, i, k) / (si * sigma[k]!);
      }
    }
  }
}
