import { qlImplicit } from './ql-implicit.js';

/** Every eigenpair of a symmetric matrix. */
export interface SymmetricEigen {
  /** m eigenvalues, in decreasing (algebraic) order. */
  readonly values: Float64Array;
  /** m×m row-major; row i is the unit eigenvector of `values[i]`. Rows are orthonormal. */
  readonly vectors: Float64Array;
}

/**
 * All eigenpairs of a dense symmetric m×m matrix A (row-major float64; only symmetry is assumed, both
 * triangles are read): Householder reduction to tridiagonal form, then the implicit QL algorithm with
 * Wilkinson shifts, then the Householder reflections applied back to the eigenvectors (Golub & Van Loan,
 * *Matrix Computations*, §8.3; the `tred2`/`tqli` scheme of Numerical Recipes §11.2–11.3, re-derived).
 *
 * Eigenvectors are kept as contiguous rows during QL so every plane rotation touches two contiguous rows.
 * Cost O(m³) (about 4/3·m³ for the reduction, a few m³ for QL, 2·m³ for the back-transform); memory
 * 3·m² float64. No randomness. Does not mutate A.
 * @throws Error if an eigenvalue needs more than 60 QL iterations (does not happen for finite input).
 */
export function symmetricEigen(A: Float64Array, m: number): SymmetricEigen {
  const W = Float64Array.from(A.subarray(0, m * m));
  const d = new Float64Array(m);
  const e = new Float64Array(m); // e[i] couples i and i+1
  const H = new Float64Array(m * m); // row k: Householder vector of step k in entries k+1..m−1
  const beta = new Float64Array(m);
  tridiagonalise(W, m, d, e, H, beta);
  const Z = new Float64Array(m * m); // row c: eigenvector c of the tridiagonal matrix
  for (let i = 0; i < m; i++) Z[i * m + i] = 1;
  qlImplicit(d, e, Z, m);
  for (let c = 0; c < m; c++) {
    const z = Z.subarray(c * m, (c + 1) * m);
    for (let k = m - 3; k >= 0; k--) {
      const b = beta[k]!;
      if (b === 0) continue;
      const ho = k * m;
      let s = 0;
      for (let i = k + 1; i < m; i++) s += H[ho + i]! * z[i]!;
      s *= b;
      for (let i = k + 1; i < m; i++) z[i]! -= s * H[ho + i]!;
    }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => d[b]! - d[a]! || a - b);
  const values = new Float64Array(m);
  const vectors = new Float64Array(m * m);
  order.forEach((src, dst) => {
    values[dst] = d[src]!;
    vectors.set(Z.subarray(src * m, (src + 1) * m), dst * m);
  });
  return { values, vectors };
}

/**
 * Reduces W (overwritten) to tridiagonal T = QᵀWQ, Q = H_0·…·H_{m−3}, H_k = I − β_k·v_kv_kᵀ acting on
 * indices k+1..m−1. Writes the diagonal to `d`, the off-diagonal to `e`, v_k to row k of `H`, β_k to `beta`.
 */
function tridiagonalise(W: Float64Array, m: number, d: Float64Array, e: Float64Array, H: Float64Array, beta: Float64Array): void {
  const p = new Float64Array(m);
  for (let k = 0; k < m - 2; k++) {
    const ko = k * m;
    let tail = 0;
    for (let i = k + 2; i < m; i++) tail += W[ko + i]! * W[ko + i]!;
    const x0 = W[ko + k + 1]!;
    d[k] = W[ko + k]!;
    if (tail === 0) {
      e[k] = x0;
      beta[k] = 0;
      continue;
    }
    const norm = Math.sqrt(tail + x0 * x0);
    const alpha = x0 >= 0 ? -norm : norm;
    const ho = k * m;
    for (let i = k + 1; i < m; i++) H[ho + i] = W[ko + i]!;
    H[ho + k + 1]! -= alpha;
    const vtv = tail + H[ho + k + 1]! * H[ho + k + 1]!;
    const b = 2 / vtv;
    beta[k] = b;
    e[k] = alpha;
    // p = β·B·v over the trailing block B = W[k+1.., k+1..]; then w = p − (β/2)(vᵀp)·v; B ← B − vwᵀ − wvᵀ.
    let vp = 0;
    for (let i = k + 1; i < m; i++) {
      const io = i * m;
      let s = 0;
      for (let j = k + 1; j < m; j++) s += W[io + j]! * H[ho + j]!;
      p[i] = b * s;
      vp += H[ho + i]! * p[i]!;
    }
    const K = (b / 2) * vp;
    for (let i = k + 1; i < m; i++) p[i]! -= K * H[ho + i]!;
    for (let i = k + 1; i < m; i++) {
      const io = i * m;
      const vi = H[ho + i]!;
      const wi = p[i]!;
      for (let j = k + 1; j < m; j++) W[io + j]! -= vi * p[j]! + wi * H[ho + j]!;
    }
  }
  if (m >= 2) {
    d[m - 2] = W[(m - 2) * m + m - 2]!;
    e[m - 2] = W[(m - 2) * m + m - 1]!;
  }
  if (m >= 1) d[m - 1] = W[m * m - 1]!;
}
