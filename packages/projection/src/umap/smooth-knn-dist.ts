/** Per-point local scale of UMAP's fuzzy graph: `rho` (distance to the nearest non-zero neighbour) and `sigma`. */
export interface SmoothKnnDist {
  readonly sigmas: Float64Array;
  readonly rhos: Float64Array;
}

/** How the kNN distance rows are laid out relative to umap-learn's (which list self first). */
export interface SmoothKnnOptions {
  /** umap-learn's `n_neighbors` (counting self): the target of the bisection is log₂(nNeighbors). */
  readonly nNeighbors: number;
  /** Interpolated rank of ρ among the non-zero distances (umap-learn `local_connectivity`, ≥ 0). */
  readonly localConnectivity: number;
  /**
   * `true` (fit): the rows exclude self, so umap-learn's self column is an implicit 0 first column: every listed
   * column enters the sum and the row mean divides by cols + 1. `false` (transform): the rows are as listed and,
   * as in umap-learn, the sum skips the first column (methods.md §4.4 step 3).
   */
  readonly implicitSelf: boolean;
}

const TOLERANCE = 1e-5;
const MIN_K_DIST_SCALE = 1e-3;

/**
 * umap-learn `smooth_knn_dist` (methods.md §4.2 step 2): for each row i of the n×cols ascending kNN `distances`,
 * ρ_i = the ⌊lc⌋-th non-zero distance (interpolated toward the next for fractional lc; the largest when there are
 * fewer; 0 when none), and σ_i by bisection (σ = 1, double while unbounded; |Σ exp(−max(0, d − ρ)/σ) − log₂k| < 1e-5
 * or 64 steps), floored at 1e-3·(row mean) when ρ_i > 0, else at 1e-3·(mean of all distances).
 * O(n·cols·64), float64. Does not mutate `distances`.
 */
export function smoothKnnDist(distances: Float32Array, rows: number, cols: number, options: SmoothKnnOptions): SmoothKnnDist {
  const { nNeighbors, localConnectivity, implicitSelf } = options;
  const target = Math.log2(nNeighbors);
  const sigmas = new Float64Array(rows);
  const rhos = new Float64Array(rows);
  const width = implicitSelf ? cols + 1 : cols;
  let total = 0;
  for (let t = 0; t < rows * cols; t++) total += distances[t]!;
  const meanAll = rows > 0 ? total / (rows * width) : 0;
  const from = implicitSelf ? 0 : 1;
  const index = Math.floor(localConnectivity);
  const interpolation = localConnectivity - index;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    // Non-zero distances are a suffix of the ascending row.
    let firstNz = 0;
    while (firstNz < cols && !(distances[o + firstNz]! > 0)) firstNz++;
    const nonZero = cols - firstNz;
    let rho = 0;
    if (nonZero >= localConnectivity) {
      if (index > 0) {
        rho = distances[o + firstNz + index - 1]!;
        if (interpolation > TOLERANCE && firstNz + index < cols) {
          rho += interpolation * (distances[o + firstNz + index]! - rho);
        }
      } else if (nonZero > 0) {
        rho = interpolation * distances[o + firstNz]!;
      }
    } else if (nonZero > 0) {
      rho = distances[o + cols - 1]!;
    }
    let lo = 0;
    let hi = Infinity;
    let mid = 1;
    for (let iter = 0; iter < 64; iter++) {
      let psum = 0;
      for (let j = from; j < cols; j++) {
        const d = distances[o + j]! - rho;
        psum += d > 0 ? Math.exp(-(d / mid)) : 1;
      }
      if (Math.abs(psum - target) < TOLERANCE) break;
      if (psum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi === Infinity ? mid * 2 : (lo + hi) / 2;
      }
    }
    if (rho > 0) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += distances[o + j]!;
      const floor = MIN_K_DIST_SCALE * (s / width);
      if (mid < floor) mid = floor;
    } else if (mid < MIN_K_DIST_SCALE * meanAll) {
      mid = MIN_K_DIST_SCALE * meanAll;
    }
    sigmas[i] = mid;
    rhos[i] = rho;
  }
  return { sigmas, rhos };
}
