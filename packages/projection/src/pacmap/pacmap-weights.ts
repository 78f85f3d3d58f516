/** The pair weights of one PaCMAP iteration. */
export interface PacmapWeights {
  readonly nn: number;
  readonly mn: number;
  readonly fp: number;
}

/** w_MN at iteration 0 (reference: `w_MN_init = 1000`). */
const MN_START = 1000;

/**
 * PaCMAP 0.9.1 `find_weight` (methods.md §9.3), `itr` 0-based, phases [p1, p2, p3]:
 * itr < p1: w_MN = (1 − itr/p1)·1000 + (itr/p1)·3, w_NN = 2, w_FP = 1 (global layout);
 * p1 ≤ itr < p1 + p2: w_MN = 3, w_NN = 3, w_FP = 1; afterwards w_MN = 0, w_NN = 1, w_FP = 1 (local refinement). O(1).
 */
export function pacmapWeights(itr: number, phases: readonly [number, number, number]): PacmapWeights {
  const [p1, p2] = phases;
  if (itr < p1) {
    const f = itr / p1;
    return { mn: (1 - f) * MN_START + f * 3, nn: 2, fp: 1 };
  }
  if (itr < p1 + p2) return { mn: 3, nn: 3, fp: 1 };
  return { mn: 0, nn: 1, fp: 1 };
}
