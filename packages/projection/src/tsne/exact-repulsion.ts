/**
 * The repulsive half of the t-SNE gradient, computed exactly over all pairs (methods.md §7.4): for an n×2 layout
 * `y` (row-major float64), writes out_i = Σ_{j≠i} q̃_ij²·(y_i − y_j) with q̃_ij = 1/(1 + ‖y_i − y_j‖²) into `out`
 * (n×2, overwritten) and returns the normaliser Z = Σ_{i≠j} q̃_ij. The gradient's repulsive term is −out_i/Z.
 * O(n²/2) per call, O(1) extra memory: the fastest choice below a few thousand points. Does not mutate `y`.
 */
export function exactRepulsion(y: Float64Array, n: number, out: Float64Array): number {
  out.fill(0, 0, 2 * n);
  let z = 0;
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i]!;
    const yi = y[2 * i + 1]!;
    let fx = 0;
    let fy = 0;
    for (let j = i + 1; j < n; j++) {
      const dx = xi - y[2 * j]!;
      const dy = yi - y[2 * j + 1]!;
      const q = 1 / (1 + dx * dx + dy * dy);
      z += q;
      const q2 = q * q;
      const gx = q2 * dx;
      const gy = q2 * dy;
      fx += gx;
      fy += gy;
      out[2 * j]! -= gx;
      out[2 * j + 1]! -= gy;
    }
    out[2 * i]! += fx;
    out[2 * i + 1]! += fy;
  }
  return 2 * z;
}
