import type { Matrix, Rng } from '../types.js';
import { squaredDistance } from './squared-distance.js';

/** Scale of random-triplet weights (`_RAND_WEIGHT_SCALE`). */
export const RANDOM_WEIGHT_SCALE = 0.1;

/**
 * TriMap's random triplets for rows [from, to) (eamid/trimap 1.1.4 `sample_random_triplets`; methods.md §8.2 step 7):
 * nRandom times per point i, draw j ≠ i and k ∉ {i, j} uniformly, compute P_ij and P_ik exactly
 * (P_ab = −d_ab²/(σ_aσ_b), d on `X`), swap so that j is the more similar, and write triplet `offset + i·nRandom + s`
 * = (i, j, k) with raw weight 0.1·(P_ij − P_ik) ≥ 0. Needs n ≥ 3. O((to − from)·nRandom·d). Consumes `rng`.
 */
export function sampleRandomTriplets(
  X: Matrix<Float32Array>,
  sigma: Float64Array,
  nRandom: number,
  rng: Rng,
  triplets: Int32Array,
  weights: Float64Array,
  offset: number,
  from: number,
  to: number,
): void {
  const { data, rows: n, cols: d } = X;
  for (let i = from; i < to; i++) {
    const si = sigma[i]!;
    for (let s = 0; s < nRandom; s++) {
      let j = Math.floor(rng() * n);
      while (j === i) j = Math.floor(rng() * n);
      let k = Math.floor(rng() * n);
      while (k === i || k === j) k = Math.floor(rng() * n);
      let pj = -squaredDistance(data, d, i, j) / (si * sigma[j]!);
      let pk = -squaredDistance(data, d, i, k) / (si * sigma[k]!);
      if (pj < pk) {
        const tj = j;
        j = k;
        k = tj;
        const tp = pj;
        pj = pk;
        pk = tp;
      }
      const t = offset + i * nRandom + s;
      triplets[3 * t] = i;
      triplets[3 * t + 1] = j;
      triplets[3 * t + 2] = k;
      weights[t] = RANDOM_WEIGHT_SCALE * (pj - pk);
    }
  }
}
