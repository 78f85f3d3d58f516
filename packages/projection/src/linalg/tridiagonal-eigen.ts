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
 * Wilkinson shifts (Golub & Van Loan, *Matrix Computations*, §8.3; the `tqli` scheme of Numerical Recipes §11.3).
 * O(m³) with vectors. Does not mutate its inputs.
 * @throws Error if an eigenvalue needs more than 60 iterations (does not happen for finite input).
 */
export function tridiagonalEigen(diag: ArrayLike<number>, off: ArrayLike<number>): TridiagonalEigen {
  const m = diag.length;
  const d = Float64Array.from(diag);
  const e = new Float64Array(m);
  for (let i = 0; i < m - 1; i++) e[i] = off[i]!;
  const z = new Float64Array(m * m);
  for (let i = 0; i < m; i++) z[i * m + i] = 1;
  for (let l = 0; l < m; l++) {
    let iter = 0;
    let k: number;
    do {
      for (k = l; k < m - 1; k++) {
        const dd = Math.abs(d[k]!) + Math.abs(d[k + 1]!);
        if (Math.abs(e[k]!) <= Number.EPSILON * dd) break;
      }
      if (k === l) break;
      if (iter++ === 60) throw new Error('tridiagonalEigen: no convergence after 60 iterations');
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[k]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i: number;
      let deflated = false;
      for (i = k - 1; i >= l; i--) {
        const f = s * e[i]!;
        const b = c * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1]! -= p;
          e[k] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        for (let row = 0; row < m; row++) {
          const o = row * m;
          const zf = z[o + i + 1]!;
          z[o + i + 1] = s * z[o + i]! + c * zf;
          z[o + i] = c * z[o + i]! - s * zf;
        }
      }
      if (deflated) continue;
      d[l]! -= p;
      e[l] = g;
      e[k] = 0;
    } while (true);
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => d[b]! - d[a]!);
  const values = new Float64Array(m);
  const vectors = new Float64Array(m * m);
  order.forEach((src, dst) => {
    values[dst] = d[src]!;
    for (let row = 0; row < m; row++) vectors[row * m + dst] = z[row * m + src]!;
  });
  return { values, vectors };
}
