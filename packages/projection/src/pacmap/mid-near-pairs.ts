import type { Matrix, Rng } from '../types.js';
import { sampleDistinct } from './sample-distinct.js';

/** Points drawn per mid-near pair (reference: 6). */
const DRAWS = 6;

/**
 * PaCMAP's mid-near pairs (0.9.1 `sample_MN_pair`; methods.md §9.2 step 5): for each point i, `nMidNear` times,
 * draw 6 distinct points other than i and i's earlier mid-near partners, and pair i with the **second closest**
 * of them (Euclidean, in the preprocessed space X, n×d; first index on ties). When fewer than 6 points remain
 * allowed (tiny n) it draws them all, and with a single one pairs with it. Requires nMidNear ≤ n − 1.
 * Returns n×nMidNear Int32Array row-major (pair (i, partners[i·nMidNear + t])). O(n·nMidNear·6·d) plus the
 * rejection draws. Deterministic given `rng` (one sequential stream). Does not mutate X.
 */
export function midNearPairs(X: Matrix, nMidNear: number, rng: Rng): Int32Array {
  const { data, rows: n, cols: d } = X;
  const partners = new Int32Array(n * nMidNear);
  const drawn = new Int32Array(DRAWS);
  for (let i = 0; i < n; i++) {
    const row = i * nMidNear;
    for (let t = 0; t < nMidNear; t++) {
      const count = Math.min(DRAWS, n - 1 - t);
      sampleDistinct(rng, n, count, i, partners, row, row + t, drawn, 0);
      let first = -1, second = -1;
      let firstDist = Infinity, secondDist = Infinity;
      for (let s = 0; s < count; s++) {
        const j = drawn[s]!;
        let dist = 0;
        for (let c = 0, a = i * d, b = j * d; c < d; c++) {
          const z = data[a + c]! - data[b + c]!;
          dist += z * z;
        }
        if (dist < firstDist) {
          second = first;
          secondDist = firstDist;
          first = j;
          firstDist = dist;
        } else if (dist < secondDist) {
          second = j;
          secondDist = dist;
        }
      }
      partners[row + t] = second >= 0 ? second : first;
    }
  }
  return partners;
}
