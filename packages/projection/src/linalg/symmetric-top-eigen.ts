import type { Rng } from '../types.js';
import { tridiagonalEigen } from './tridiagonal-eigen.js';
import { tridiagonalEigenLast } from './tridiagonal-eigen-last.js';

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
 * Each step: one mat-vec, 4 rows at a time (O(m²)); classical Gram–Schmidt against all previous vectors, twice
 * (CGS2, as stable as modified Gram–Schmidt for re-orthogonalisation), 4 vectors at a time (O(j·m)); from step
 * 2k + 20 on, every 2 steps, the residual test on the eigenvalues and last eigenvector components of the tridiagonal
 * matrix (`tridiagonalEigenLast`, O(j²)); full Ritz vectors only once at the end (O(j³ + k·j·m)).
 * Typically j ≈ 2k + 30 steps (k = 100 of m = 768 on embeddings: ≈ 300). Memory O(j·m). Does not mutate A.
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
  const h = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    V.push(v);
    symmetricMatVec(A, m, v, w);
    alpha.push(dot(w, v));
    orthogonalise(w, V, h);
    orthogonalise(w, V, h);
    const b = Math.sqrt(dot(w, w));
    if (j + 1 === m) break;
    if (j + 1 >= nextCheck) {
      nextCheck = Math.min(m, j + 3);
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
    const out = vectors.subarray(i * m, (i + 1) * m);
    for (let s = 0; s < j; s++) {
      const coef = t.vectors[s * j + i]!;
      const q = V[s]!;
      for (let c = 0; c < m; c++) out[c]! += coef * q[c]!;
    }
  }
  return { values, vectors };
}

function converged(alpha: number[], beta: number[], lastBeta: number, k: number, norm: number): boolean {
  if (alpha.length < k) return false;
  const t = tridiagonalEigenLast(alpha, beta);
  for (let i = 0; i < k; i++) {
    if (Math.abs(lastBeta * t.last[i]!) > 1e-13 * norm) return false;
  }
  return true;
}

/** w = A·v for symmetric A (m×m row-major), 4 rows per pass over v. */
function symmetricMatVec(A: Float64Array, m: number, v: Float64Array, w: Float64Array): void {
  let r = 0;
  for (; r + 4 <= m; r += 4) {
    const o0 = r * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    const o3 = o2 + m;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let c = 0; c < m; c++) {
      const x = v[c]!;
      s0 += A[o0 + c]! * x;
      s1 += A[o1 + c]! * x;
      s2 += A[o2 + c]! * x;
      s3 += A[o3 + c]! * x;
    }
    w[r] = s0;
    w[r + 1] = s1;
    w[r + 2] = s2;
    w[r + 3] = s3;
  }
  for (; r < m; r++) {
    let s = 0;
    const o = r * m;
    for (let c = 0; c < m; c++) s += A[o + c]! * v[c]!;
    w[r] = s;
  }
}

/** One classical Gram–Schmidt pass: h = Qᵀw, then w ← w − Q·h, 4 rows of Q per pass over w. O(|Q|·m). */
function orthogonalise(w: Float64Array, Q: Float64Array[], h: Float64Array): void {
  const count = Q.length;
  const m = w.length;
  let p = 0;
  for (; p + 4 <= count; p += 4) {
    const q0 = Q[p]!, q1 = Q[p + 1]!, q2 = Q[p + 2]!, q3 = Q[p + 3]!;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let c = 0; c < m; c++) {
      const x = w[c]!;
      s0 += q0[c]! * x;
      s1 += q1[c]! * x;
      s2 += q2[c]! * x;
      s3 += q3[c]! * x;
    }
    h[p] = s0;
    h[p + 1] = s1;
    h[p + 2] = s2;
    h[p + 3] = s3;
  }
  for (; p < count; p++) h[p] = dot(w, Q[p]!);
  p = 0;
  for (; p + 4 <= count; p += 4) {
    const q0 = Q[p]!, q1 = Q[p + 1]!, q2 = Q[p + 2]!, q3 = Q[p + 3]!;
    const h0 = h[p]!, h1 = h[p + 1]!, h2 = h[p + 2]!, h3 = h[p + 3]!;
    for (let c = 0; c < m; c++) w[c]! -= h0 * q0[c]! + h1 * q1[c]! + h2 * q2[c]! + h3 * q3[c]!;
  }
  for (; p < count; p++) {
    const q = Q[p]!;
    const hp = h[p]!;
    for (let c = 0; c < m; c++) w[c]! -= hp * q[c]!;
  }
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
