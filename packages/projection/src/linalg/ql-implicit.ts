/**
 * The implicit QL algorithm with Wilkinson shifts on the symmetric tridiagonal matrix (d, e) — diagonal d (m),
 * off-diagonal e (e[i] couples i and i+1) — accumulating the plane rotations into the rows of Z (m×`cols` row-major,
 * identity or the reduction's basis on entry). On return d holds the eigenvalues (unsorted) and row c of Z the
 * eigenvector of d[c]; e is destroyed. The rotations act on each column of Z independently, so `cols` < m keeps just
 * those columns of the eigenvectors (e.g. `cols = 1` with Z = e_{m−1}: their last components). Golub & Van Loan,
 * *Matrix Computations*, §8.3; the `tqli` scheme of Numerical Recipes §11.3, re-derived. O(m²) for the values,
 * plus O(m²·cols) for Z. Shared by `symmetricEigen`, `tridiagonalEigen` and `tridiagonalEigenLast`.
 * @throws Error if an eigenvalue needs more than 60 iterations (does not happen for finite input).
 */
export function qlImplicit(d: Float64Array, e: Float64Array, Z: Float64Array, m: number, cols = m): void {
  e[m - 1] = 0;
  // Deflation also accepts |e| ≤ ε·‖T‖ (absolute): the relative test alone never fires between two
  // (numerically) zero eigenvalues, which rank-deficient Gram matrices (n < d) have by the hundred.
  // Eigenvalues are only determined to O(ε‖T‖) anyway (Golub & Van Loan §8.1.2).
  let norm = 0;
  for (let i = 0; i < m; i++) norm = Math.max(norm, Math.abs(d[i]!) + Math.abs(e[i]!) + (i > 0 ? Math.abs(e[i - 1]!) : 0));
  const absTol = Number.EPSILON * norm;
  for (let l = 0; l < m; l++) {
    let iter = 0;
    for (;;) {
      let k = l;
      for (; k < m - 1; k++) {
        const dd = Math.abs(d[k]!) + Math.abs(d[k + 1]!);
        if (Math.abs(e[k]!) <= Number.EPSILON * dd || Math.abs(e[k]!) <= absTol) break;
      }
      if (k === l) break;
      if (iter++ === 60) throw new Error('symmetricEigen: no convergence after 60 QL iterations');
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[k]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let deflated = false;
      for (let i = k - 1; i >= l; i--) {
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
        const a0 = i * cols;
        const a1 = a0 + cols;
        for (let t = 0; t < cols; t++) {
          const zi = Z[a0 + t]!;
          const zn = Z[a1 + t]!;
          Z[a1 + t] = s * zi + c * zn;
          Z[a0 + t] = c * zi - s * zn;
        }
      }
      if (deflated) continue;
      d[l]! -= p;
      e[l] = g;
      e[k] = 0;
    }
  }
}
