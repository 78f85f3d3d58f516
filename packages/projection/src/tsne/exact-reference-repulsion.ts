/**
 * The reference's repulsion on new points, exactly (openTSNE's per-point normalisation for partial embeddings,
 * `_tsne.pyx: estimate_negative_gradient_bh(pairwise_normalization=False)` with θ = 0; methods.md §7.8): for each of the
 * m points y_i (m×2 float64), writes Σ_j q̃_ij²·(y_i − r_j) / Z_i into `out` (m×2) and Z_i = Σ_j q̃_ij into `z` (m),
 * with q̃_ij = 1/(1 + ‖y_i − r_j‖²) over the n reference points r (n×2 float64). New points do not interact.
 * O(m·n) per call, no extra memory. Does not mutate `ref` or `y`.
 */
export function exactReferenceRepulsion(ref: Float64Array, n: number, y: Float64Array, m: number, out: Float64Array, z: Float64Array): void {
  for (let i = 0; i < m; i++) {
    const y1 = y[2 * i]!;
    const y2 = y[2 * i + 1]!;
    let zi = 0;
    let fx = 0;
    let fy = 0;
    for (let j = 0; j < n; j++) {
      const dx = y1 - ref[2 * j]!;
      const dy = y2 - ref[2 * j + 1]!;
      const q = 1 / (1 + dx * dx + dy * dy);
      zi += q;
      const q2 = q * q;
      fx += q2 * dx;
      fy += q2 * dy;
    }
    z[i] = zi;
    const inv = zi > 0 ? 1 / zi : 0;
    out[2 * i] = fx * inv;
    out[2 * i + 1] = fy * inv;
  }
}
