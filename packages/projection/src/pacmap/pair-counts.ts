/** How many pairs of each kind every point gets (PaCMAP `decide_num_pairs`). */
export interface PairCounts {
  /** Nearest-neighbour pairs per point (n_NN). */
  readonly nNeighbors: number;
  /** Mid-near pairs per point (n_MN). */
  readonly nMidNear: number;
  /** Further pairs per point (n_FP). */
  readonly nFurther: number;
}

/**
 * PaCMAP's default neighbour count for n rows when `n_neighbors=None` (methods.md §9.1): 10 for n ≤ 10,000, else
 * round(10 + 15·(log₁₀ n − 4)), e.g. 25 at 100k and 40 at 1M.
 */
export function defaultNeighborCount(n: number): number {
  return n <= 10000 ? 10 : Math.round(10 + 15 * (Math.log10(n) - 4));
}

/**
 * The pair counts for n rows, following PaCMAP 0.9.1 `PaCMAP.decide_num_pairs` (methods.md §9.1):
 * n_MN = round(n_NN·mnRatio), n_FP = round(n_NN·fpRatio); then n_NN ≤ n − 1, n_FP ≤ n − 1 − n_NN, n_MN ≤ n − 1;
 * when n_NN + n_MN + n_FP ≥ n all three become ⌊n/(1 + mnRatio + fpRatio)⌋ times 1, mnRatio, fpRatio.
 * One deviation, so that sampling can always finish (the reference can loop forever there): n_FP is clamped to
 * n − 1 − n_NN again after that rescale. The result may have n_NN < 1 or n_FP < 1, which the caller rejects.
 * Python's round (half to even) is used, as in the reference. O(1).
 */
export function pairCounts(n: number, nNeighbors: number, mnRatio: number, fpRatio: number): PairCounts {
  let nn = nNeighbors;
  let mn = roundHalfEven(nn * mnRatio);
  let fp = roundHalfEven(nn * fpRatio);
  nn = Math.min(nn, n - 1);
  fp = Math.min(fp, n - 1 - nn);
  mn = Math.min(mn, n - 1);
  if (nn + mn + fp >= n) {
    const base = n / (1 + mnRatio + fpRatio);
    nn = Math.floor(base);
    mn = Math.floor(base * mnRatio);
    fp = Math.floor(base * fpRatio);
  }
  fp = Math.max(0, Math.min(fp, n - 1 - nn));
  return { nNeighbors: nn, nMidNear: mn, nFurther: fp };
}

/** The fewest rows for which `pairCounts` gives at least one NN and one FP pair per point (for error messages). */
export function minimumRows(nNeighbors: number, mnRatio: number, fpRatio: number): number {
  for (let n = 2; n < 1e6; n++) {
    const c = pairCounts(n, nNeighbors, mnRatio, fpRatio);
    if (c.nNeighbors >= 1 && c.nFurther >= 1) return n;
  }
  return Infinity;
}

/** Python 3 `round(x)`: to the nearest integer, halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
