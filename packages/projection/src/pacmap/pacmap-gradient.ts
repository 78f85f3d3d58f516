import type { PacmapWeights } from './pacmap-weights.js';

/** PaCMAP's fixed pairs: for each kind, n×count partners, row-major (pair (i, partners[i·count + t])). */
export interface PacmapPairs {
  readonly neighbors: Int32Array;
  readonly nNeighbors: number;
  readonly midNear: Int32Array;
  readonly nMidNear: number;
  readonly further: Int32Array;
  readonly nFurther: number;
}

/**
 * PaCMAP 0.9.1 `pacmap_grad` (methods.md §9.3) for a 2-D layout Y (n×2 row-major): writes the gradient into
 * `grad` (n×2 float64, overwritten) and returns the loss. With D = 1 + ‖y_i − y_j‖²:
 * NN pairs: loss w_NN·D/(10 + D), coefficient g = w_NN·20/(10 + D)²;
 * MN pairs: loss w_MN·D/(10000 + D), g = w_MN·20000/(10000 + D)²;
 * FP pairs: loss w_FP/(1 + D), g = −w_FP·2/(1 + D)² (note 1 + D = 2 + ‖·‖²).
 * Each pair adds g·(y_i − y_j) to grad_i and subtracts it from grad_j (the factor 2 of ∂D/∂y is folded into the
 * constants, exactly as the reference). MN pairs are skipped when w_MN = 0. O(n·(nNN + nMN + nFP)).
 * Does not mutate Y or the pairs.
 */
export function pacmapGradient(Y: Float32Array, pairs: PacmapPairs, w: PacmapWeights, grad: Float64Array): number {
  grad.fill(0);
  const n = Y.length >> 1;
  let loss = 0;
  const { neighbors, nNeighbors, midNear, nMidNear, further, nFurther } = pairs;
  for (let i = 0; i < n; i++) {
    const xi = Y[2 * i]!;
    const yi = Y[2 * i + 1]!;
    let gx = 0;
    let gy = 0;
    for (let t = i * nNeighbors, end = t + nNeighbors; t < end; t++) {
      const j = neighbors[t]!;
      const dx = xi - Y[2 * j]!;
      const dy = yi - Y[2 * j + 1]!;
      const D = 1 + dx * dx + dy * dy;
      const inv = 1 / (10 + D);
      loss += w.nn * D * inv;
      const g = w.nn * 20 * inv * inv;
      gx += g * dx;
      gy += g * dy;
      grad[2 * j]! -= g * dx;
      grad[2 * j + 1]! -= g * dy;
    }
    if (w.mn !== 0) {
      for (let t = i * nMidNear, end = t + nMidNear; t < end; t++) {
        const j = midNear[t]!;
        const dx = xi - Y[2 * j]!;
        const dy = yi - Y[2 * j + 1]!;
        const D = 1 + dx * dx + dy * dy;
        const inv = 1 / (10000 + D);
        loss += w.mn * D * inv;
        const g = w.mn * 20000 * inv * inv;
        gx += g * dx;
        gy += g * dy;
        grad[2 * j]! -= g * dx;
        grad[2 * j + 1]! -= g * dy;
      }
    }
    for (let t = i * nFurther, end = t + nFurther; t < end; t++) {
      const j = further[t]!;
      const dx = xi - Y[2 * j]!;
      const dy = yi - Y[2 * j + 1]!;
      const inv = 1 / (2 + dx * dx + dy * dy);
      loss += w.fp * inv;
      const g = -w.fp * 2 * inv * inv;
      gx += g * dx;
      gy += g * dy;
      grad[2 * j]! -= g * dx;
      grad[2 * j + 1]! -= g * dy;
    }
    grad[2 * i]! += gx;
    grad[2 * i + 1]! += gy;
  }
  return loss;
}
