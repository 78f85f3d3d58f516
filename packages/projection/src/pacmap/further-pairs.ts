import type { Rng } from '../types.js';
import { sampleDistinct } from './sample-distinct.js';

/**
 * PaCMAP's further pairs (0.9.1 `sample_FP_pair`; methods.md §9.2 step 6): for each point i, `nFurther` distinct
 * points drawn uniformly from the n rows, excluding i and its nearest-neighbour partners (`nnPartners`,
 * n×nNeighbors) but not its mid-near ones. Requires nFurther ≤ n − 1 − nNeighbors.
 * Returns n×nFurther Int32Array row-major (pair (i, partners[i·nFurther + t])). Expected O(n·nFurther·(nFurther +
 * nNeighbors)). Deterministic given `rng` (one sequential stream). Does not mutate `nnPartners`.
 */
export function furtherPairs(n: number, nFurther: number, nnPartners: Int32Array, nNeighbors: number, rng: Rng): Int32Array {
  const partners = new Int32Array(n * nFurther);
  for (let i = 0; i < n; i++) {
    sampleDistinct(rng, n, nFurther, i, nnPartners, i * nNeighbors, (i + 1) * nNeighbors, partners, i * nFurther);
  }
  return partners;
}
