/** Conditional affinities p_{j|i} of each row's k neighbours, calibrated to a perplexity (see `calibratePerplexity`). */
export interface ConditionalAffinities {
  /** n×k row-major, aligned with the kNN `indices`; each row sums to 1 (float64). */
  readonly values: Float64Array;
  /** Per-row precision τ_i of the kernel exp(−τ_i·d²/2). */
  readonly precisions: Float64Array;
  /** Per-row entropy in nats after calibration (target ln(perplexity)). */
  readonly entropies: Float64Array;
}

const ENTROPY_TOL = 1e-8;
const MAX_ITER = 200;

/**
 * openTSNE's perplexity calibration (`_tsne.pyx: compute_gaussian_perplexity`, methods.md §7.2): for each row i,
 * bisect the precision τ_i of p_{j|i} ∝ exp(−τ_i·d_ij²/2) over its k neighbour distances until the entropy
 * H_i (nats) is within 1e-8 of ln(perplexity), at most 200 iterations; start at τ = 1, double/halve while
 * unbounded, bisect otherwise. Distances are shifted by the row's smallest before exponentiating (p is
 * unchanged; no underflow, so far-away rows and exact ties stay well defined: equal distances give a uniform row).
 * `distances` is n×k (Euclidean or cosine, squared here). O(n·k·iterations). Does not mutate its input.
 */
export function calibratePerplexity(distances: Float32Array, n: number, k: number, perplexity: number): ConditionalAffinities {
  const values = new Float64Array(n * k);
  const precisions = new Float64Array(n);
  const entropies = new Float64Array(n);
  const target = Math.log(perplexity);
  const d2 = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const base = i * k;
    let min = Infinity;
    for (let t = 0; t < k; t++) {
      const d = distances[base + t]!;
      d2[t] = d * d;
      if (d2[t]! < min) min = d2[t]!;
    }
    for (let t = 0; t < k; t++) d2[t] = (d2[t]! - min) / 2;
    let tau = 1;
    let lo = -Infinity;
    let hi = Infinity;
    let H = 0;
    for (let iter = 0; iter < MAX_ITER; iter++) {
      let sum = 0;
      let weighted = 0;
      for (let t = 0; t < k; t++) {
        const e = Math.exp(-tau * d2[t]!);
        values[base + t] = e;
        sum += e;
        weighted += e * d2[t]!;
      }
      H = Math.log(sum) + (tau * weighted) / sum;
      if (Math.abs(H - target) <= ENTROPY_TOL) break;
      if (H > target) {
        lo = tau;
        tau = hi === Infinity ? tau * 2 : (tau + hi) / 2;
      } else {
        hi = tau;
        tau = lo === -Infinity ? tau / 2 : (tau + lo) / 2;
      }
    }
    let sum = 0;
    for (let t = 0; t < k; t++) sum += values[base + t]!;
    for (let t = 0; t < k; t++) values[base + t]! /= sum;
    precisions[i] = tau;
    entropies[i] = H;
  }
  return { values, precisions, entropies };
}
