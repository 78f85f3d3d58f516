import { qlImplicit } from './ql-implicit.js';

/** Eigenvalues of a symmetric tridiagonal matrix and the last component of each unit eigenvector. */
export interface TridiagonalEigenLast {
  /** m eigenvalues, in decreasing order. */
  readonly values: Float64Array;
  /** m entries: `last[c]` is the last component of the unit eigenvector of `values[c]` (sign arbitrary). */
  readonly last: Float64Array;
}

/**
 * Eigenvalues and the last eigenvector components of the m×m symmetric tridiagonal matrix (`diag`, `off`; `off[i]`
 * couples i and i+1), by the implicit QL algorithm accumulating only the last column of the rotations (`qlImplicit`
 * with one column). This is what a Lanczos convergence test needs: the residual of Ritz pair c after m steps is
 * |β_m·last[c]| (Golub & Van Loan, *Matrix Computations*, §10.1.4). O(m²) instead of O(m³) for `tridiagonalEigen`;
 * the values are the same as `tridiagonalEigen`'s (the same rotations). Does not mutate its inputs.
 * @throws Error if an eigenvalue needs more than 60 iterations (does not happen for finite input).
 */
export function tridiagonalEigenLast(diag: ArrayLike<number>, off: ArrayLike<number>): TridiagonalEigenLast {
  const m = diag.length;
  const d = Float64Array.from(diag);
  const e = new Float64Array(m);
  for (let i = 0; i < m - 1; i++) e[i] = off[i]!;
  const z = new Float64Array(m); // row c: component m−1 of eigenvector c
  if (m > 0) z[m - 1] = 1;
  qlImplicit(d, e, z, m, 1);
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => d[b]! - d[a]!);
  const values = new Float64Array(m);
  const last = new Float64Array(m);
  order.forEach((src, dst) => {
    values[dst] = d[src]!;
    last[dst] = z[src]!;
  });
  return { values, last };
}
