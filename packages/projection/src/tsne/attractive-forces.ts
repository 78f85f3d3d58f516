import type { JointAffinities } from './symmetrize-affinities.js';

/**
 * The attractive half of the t-SNE gradient over P's nonzeros (methods.md §7.4): writes
 * out_i = ex·Σ_j p_ij·q̃_ij·(y_i − y_j), q̃_ij = 1/(1 + ‖y_i − y_j‖²), into `out` (n×2, overwritten).
 * Exact; O(nnz(P)) per call. Does not mutate `y` or `P`.
 */
export function attractiveForces(P: JointAffinities, y: Float64Array, exaggeration: number, out: Float64Array): void {
  const { indptr, indices, values, n } = P;
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i]!;
    const yi = y[2 * i + 1]!;
    let fx = 0;
    let fy = 0;
    for (let t = indptr[i]!, end = indptr[i + 1]!; t < end; t++) {
      const j = indices[t]!;
      const dx = xi - y[2 * j]!;
      const dy = yi - y[2 * j + 1]!;
      const w = values[t]! / (1 + dx * dx + dy * dy);
      fx += w * dx;
      fy += w * dy;
    }
    out[2 * i] = exaggeration * fx;
    out[2 * i + 1] = exaggeration * fy;
  }
}

/**
 * KL(P‖Q) of a layout given the repulsion normaliser Z (methods.md §7.4 step 5): Σ p·log(p/q̃) + (Σp)·log Z,
 * with P as stored (ΣP = 1). O(nnz(P)).
 */
export function klDivergence(P: JointAffinities, y: Float64Array, z: number): number {
  const { indptr, indices, values, n } = P;
  let kl = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let t = indptr[i]!, end = indptr[i + 1]!; t < end; t++) {
      const p = values[t]!;
      if (p <= 0) continue;
      const j = indices[t]!;
      const dx = y[2 * i]! - y[2 * j]!;
      const dy = y[2 * i + 1]! - y[2 * j + 1]!;
      kl += p * Math.log(p * (1 + dx * dx + dy * dy));
      sum += p;
    }
  }
  return kl + sum * Math.log(z);
}
