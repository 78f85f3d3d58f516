import type { Rng } from '../types.js';
import { tridiagonalEigen } from './tridiagonal-eigen.js';

/** The k largest eigenpairs of a symmetric matrix. */
export interface TopEigen {
  /** k eigenvalues, decreasing. */
  readonly values: Float64Array;
  /** k×m row-major; row i is the unit eigenvector of `values[i]`. */
  readonly vectors: Float64Array;
}

/**
 * The k largest (algebraic) eigenpairs of a dense symmetric m×m matrix A (row-major, float64), by Lanczos
 * with full re-orthogonalisation (Golub & Van Loan, *Matrix Computations*, §10.1–10.3). The start vector and
 * restarts after an invariant subspace come from `rng`, so the result is deterministic given the rng.
 * Stops when every wanted Ritz pair has residual ≤ 1e-13·‖A‖, or after m steps, when the Krylov basis spans
 * the space and the result is exact to rounding. Degenerate (rank-deficient) spectra are handled by restarting.
 *
 * Cost: O(m²) per step (one mat-vec) plus O(j·m) re-orthogonalisation; typically j ≈ 2k + 30 steps.
 * Memory O(j·m). Does not mutate A.
 */
export function symmetricTopEigen(A: Float64Array, m: number, k: number, rng: Rng): TopEigen {
  let norm = 0; // Frobenius norm bounds the spectral norm
  for (let i = 0; i < A.length; i++) norm += A[i]! * A[i]!;
  norm = Math.sqrt(norm);
  const V: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = []; // beta[j] couples steps j and j+1
  let v = randomUnitOrthogonal(V, m, rng);
  let nextCheck = Math.min(m, 2 * k + 20);
  const w = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    V.push(v);
    for (let r = 0; r < m; r++) {
      let s = 0;
      const o = r * m;
      for (let c = 0; c < m; c++) s += A[o + c]! * v[c]!;
      w[r] = s;
    }
    alpha.push(dot(w, v));
    for (let pass = 0; pass < 2; pass++) {
      for (const q of V) {
        const h = dot(w, q);
        for (let c = 0; c < m; c++) w[c]! -= h * q[c]!;
      }
    }
    const b = Math.sqrt(dot(w, w));
    if (j + 1 === m) break;
    if (j + 1 >= nextCheck) {
      nextCheck = Math.min(m, nextCheck + 10);
      if (converged(alpha, beta, b, k, norm)) break;
    }
    if (b <= 1e-12 * Math.max(norm, Number.MIN_VALUE)) {
      beta.push(0); // invariant subspace: continue from a fresh direction
      v = randomUnitOrthogonal(V, m, rng);
    } else {
      beta.push(b);
      v = new Float64Array(m);
      for (let c = 0; c < m; c++) v[c] = w[c]! / b;
    }
  }
  const t = tridiagonalEigen(alpha, beta);
  const j = alpha.length;
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * m);
  for (let i = 0; i < k; i++) {
    values[i] = t.values[i]!;
    for (let s = 0; s < j; s++) {
      const coef = t.vectors[s * j + i]!;
      const q = V[s]!;
      for (let c = 0; c < m; c++) vectors[i * m + c]! += coef * q[c]!;
    }
  }
  return { values, vectors };
}

function converged(alpha: number[], beta: number[], lastBeta: number, k: number, norm: number): boolean {
  if (alpha.length < k) return false;
  const t = tridiagonalEigen(alpha, beta);
  const j = alpha.length;
  for (let i = 0; i < k; i++) {
    if (Math.abs(lastBeta * t.vectors[(j - 1) * j + i]!) > 1e-13 * norm) return false;
  }
  return true;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** A random unit vector orthogonal to the rows of V (assumes V has fewer than m rows). */
function randomUnitOrthogonal(V: Float64Array[], m: number, rng: Rng): Float64Array {
  for (;;) {
    const v = new Float64Array(m);
    for (let c = 0; c < m; c++) v[c] = rng() - 0.5;
    for (let pass = 0; pass < 2; pass++) {
      for (const q of V) {
        const h = dot(v, q);
        for (let c = 0; c < m; c++) v[c]! -= h * q[c]!;
      }
    }
    const n = Math.sqrt(dot(v, v));
    if (n > 1e-8) {
      for (let c = 0; c < m; c++) v[c]! /= n;
      return v;
    }
  }
}
