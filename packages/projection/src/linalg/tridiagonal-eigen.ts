import { qlImplicit } from './ql-implicit.js';

/** Eigenpairs of a symmetric tridiagonal matrix. */
export interface TridiagonalEigen {
  /** m eigenvalues, in decreasing order. */
  readonly values: Float64Array;
  /** m×m row-major; column c is the unit eigenvector of `values[c]`. */
  readonly vectors: Float64Array;
}

/**
 * All eigenpairs of the m×m symmetric tridiagonal matrix with diagonal `diag` (length m) and
 * off-diagonal `off` (`off[i]` couples i and i+1; length ≥ m−1), by the implicit QL algorithm with
 * Wilkinson shifts (`qlImplicit`). O(m³) with vectors. Does not mutate its inputs.
 * @throws Error if an eigenvalue needs more than 60 iterations (does not happen for finite input).
 */
export function tridiagonalEigen(diag: ArrayLike<number>, off: ArrayLike<number>): TridiagonalEigen {
  const m = diag.length;
  const d = Float64Array.from(diag);
  const e = new Float64Array(m);
  for (let i = 0; i < m - 1; i++) e[i] = off[i]!;
  const z = new Float64Array(m * m); // row c: eigenvector c (transposed into columns below)
  for (let i = 0; i < m; i++) z[i * m + i] = 1;
  qlImplicit(d, e, z, m);
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => d[b]! - d[a]!);
  const values = new Float64Array(m);
  const vectors = new Float64Array(m * m);
  order.forEach((src, dst) => {
    values[dst] = d[src]!;
    for (let row = 0; row < m; row++) vectors[row * m + dst] = z[src * m + row]!;
  });
  return { values, vectors };
}
