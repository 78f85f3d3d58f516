import type { Matrix, Progress, Rng } from '../types.js';
import { tridiagonalEigen } from './tridiagonal-eigen.js';

/** The top right singular pairs of a centered matrix, as PCA needs them. */
export interface LanczosSvd {
  /** k values λ_c = σ_c² (eigenvalues of XcᵀXc), decreasing. */
  readonly values: Float64Array;
  /** k×d row-major; row c is the unit right singular vector v_c (no sign rule applied). */
  readonly vectors: Float64Array;
  /** Krylov steps taken (passes over X). */
  readonly steps: number;
}

/** Options of {@link lanczosSvd}. */
export interface LanczosSvdOptions {
  /** Relative residual target: stop when ‖Xcᵀu_c − σ_c v_c‖ ≤ tol·σ_c for every c < k. Default 1e-10. */
  tol?: number;
  /** Give up (return null) after this many steps. Default min(d, n − 1, 40 + 20k). */
  maxSteps?: number;
  /** Progress phase name. Default `'lanczos'`. */
  phase?: string;
}

/** Rows per progress event inside one pass over X. */
const ROW_BLOCK = 16384;

/**
 * The k largest singular values and right singular vectors of Xc = X − 1·meanᵀ (X n×d float32, `mean` d
 * float64), without forming Xc or the d×d covariance: Lanczos on the implicit operator A = XcᵀXc with full
 * re-orthogonalisation (Golub & Van Loan, *Matrix Computations*, §10.1–10.3; equivalent to Golub–Kahan
 * bidiagonalisation of Xc with one-sided re-orthogonalisation). Each step applies A once in a single fused pass
 * over the rows: y_i = x_i·v − mean·v, w += y_i·x_i, then w −= mean·Σy_i (float64 accumulation), O(nd).
 *
 * Convergence: every 2 steps (from 2k + 10) the Ritz residuals are read off the tridiagonal matrix,
 * ‖A y_c − θ_c y_c‖ = |β_j s_jc|, and since ‖Xcᵀu_c − σ_c v_c‖ = ‖A y_c − θ_c y_c‖/σ_c the stop rule is
 * |β_j s_jc| ≤ tol·θ_c. Total cost O(j·nd + j²d) for j steps (typically 20–60 for k ≤ 10), memory O(jd).
 * The start vector (and restarts after an invariant subspace) come from `rng`. Does not mutate X or `mean`.
 *
 * Yields `{phase, done: steps done, total: maxSteps}` after each step (and every 16,384 rows within one, so
 * drivers can check cancellation).
 * Returns null when the residual target is not met within `maxSteps` (e.g. a null or near-null
 * requested component, or tightly clustered singular values): the caller then falls back to a dense solver.
 */
export function* lanczosSvd(
  X: Matrix,
  mean: Float64Array,
  k: number,
  rng: Rng,
  options: LanczosSvdOptions = {},
): Generator<Progress, LanczosSvd | null> {
  const { rows: n, cols: d } = X;
  const tol = options.tol ?? 1e-10;
  const phase = options.phase ?? 'lanczos';
  const maxSteps = Math.min(d, Math.max(1, n - 1), options.maxSteps ?? 40 + 20 * k);
  const Q: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = []; // beta[j] couples steps j and j+1
  let v = randomUnitOrthogonal(Q, d, rng);
  let nextCheck = Math.min(maxSteps, 2 * k + 10);
  const w = new Float64Array(d);
  let scale = 0; // largest Ritz value seen, for the breakdown test
  for (let j = 0; j < maxSteps; j++) {
    Q.push(v);
    yield* applyCenteredGram(X, mean, v, w, phase, j, maxSteps);
    const a = dot(w, v);
    alpha.push(a);
    scale = Math.max(scale, Math.abs(a));
    for (let pass = 0; pass < 2; pass++) {
      for (const q of Q) {
        const h = dot(w, q);
        for (let c = 0; c < d; c++) w[c]! -= h * q[c]!;
      }
    }
    const b = Math.sqrt(dot(w, w));
    yield { phase, done: j + 1, total: maxSteps };
    const last = j + 1 === maxSteps;
    if (alpha.length >= k && (j + 1 >= nextCheck || last || b <= 1e-13 * scale)) {
      nextCheck = j + 3;
      const result = ritz(Q, alpha, beta, b, k, d, tol);
      if (result) return result;
    }
    if (last) break;
    if (b <= 1e-13 * scale) {
      beta.push(0); // invariant subspace: continue from a fresh direction
      v = randomUnitOrthogonal(Q, d, rng);
    } else {
      beta.push(b);
      v = new Float64Array(d);
      for (let c = 0; c < d; c++) v[c] = w[c]! / b;
    }
  }
  return null;
}

/** w = XcᵀXc·v in one pass over the rows of X; yields progress every ROW_BLOCK rows. */
function* applyCenteredGram(
  X: Matrix,
  mean: Float64Array,
  v: Float64Array,
  w: Float64Array,
  phase: string,
  step: number,
  total: number,
): Generator<Progress, void> {
  const { data, rows: n, cols: d } = X;
  let shift = 0;
  for (let c = 0; c < d; c++) shift += mean[c]! * v[c]!;
  w.fill(0);
  let sumY = 0;
  const d4 = d - (d % 4);
  for (let from = 0; from < n; from += ROW_BLOCK) {
    const to = Math.min(n, from + ROW_BLOCK);
    for (let i = from; i < to; i++) {
      const o = i * d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let c = 0;
      for (; c < d4; c += 4) {
        s0 += data[o + c]! * v[c]!;
        s1 += data[o + c + 1]! * v[c + 1]!;
        s2 += data[o + c + 2]! * v[c + 2]!;
        s3 += data[o + c + 3]! * v[c + 3]!;
      }
      for (; c < d; c++) s0 += data[o + c]! * v[c]!;
      const y = s0 + s1 + s2 + s3 - shift;
      sumY += y;
      for (c = 0; c < d; c++) w[c]! += y * data[o + c]!;
    }
    if (to < n) yield { phase, done: step, total };
  }
  for (let c = 0; c < d; c++) w[c]! -= sumY * mean[c]!;
}

/** The top-k Ritz pairs if all meet the residual target, else null. */
function ritz(Q: Float64Array[], alpha: number[], beta: number[], lastBeta: number, k: number, d: number, tol: number): LanczosSvd | null {
  const t = tridiagonalEigen(alpha, beta);
  const j = alpha.length;
  for (let c = 0; c < k; c++) {
    const theta = t.values[c]!;
    if (!(theta > 0) || Math.abs(lastBeta * t.vectors[(j - 1) * j + c]!) > tol * theta) return null;
  }
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    values[c] = t.values[c]!;
    const out = vectors.subarray(c * d, (c + 1) * d);
    for (let s = 0; s < j; s++) {
      const coef = t.vectors[s * j + c]!;
      const q = Q[s]!;
      for (let i = 0; i < d; i++) out[i]! += coef * q[i]!;
    }
    let norm = 0;
    for (let i = 0; i < d; i++) norm += out[i]! * out[i]!;
    norm = Math.sqrt(norm);
    for (let i = 0; i < d; i++) out[i]! /= norm;
  }
  return { values, vectors, steps: j };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** A random unit vector orthogonal to the rows of Q (which has fewer than m rows). */
function randomUnitOrthogonal(Q: Float64Array[], m: number, rng: Rng): Float64Array {
  for (;;) {
    const v = new Float64Array(m);
    for (let c = 0; c < m; c++) v[c] = rng() - 0.5;
    for (let pass = 0; pass < 2; pass++) {
      for (const q of Q) {
        const h = dot(v, q);
        for (let c = 0; c < m; c++) v[c]! -= h * q[c]!;
      }
    }
    const norm = Math.sqrt(dot(v, v));
    if (norm > 1e-8) {
      for (let c = 0; c < m; c++) v[c]! /= norm;
      return v;
    }
  }
}
