/** Loss and violations of one gradient evaluation. */
export interface TrimapGradientStats {
  /** Σ_t w_t·D_ij/(D_ij + D_ik) (not normalised). */
  readonly loss: number;
  /** Triplets with D_ij > D_ik. */
  readonly violated: number;
}

/**
 * The TriMap gradient (eamid/trimap 1.1.4 `trimap_grad`, methods.md §8.3) at layout `Y` (n×2 float32), written into
 * `grad` (n×2 float64, overwritten). With D_ab = 1 + ‖y_a − y_b‖², each triplet (i, j, k) of weight w has loss
 * w·D_ij/(D_ij + D_ik) and, with the reference's factor 2 dropped and c = w/(D_ij + D_ik)²:
 * g_i += c·(D_ik·(y_i − y_j) − D_ij·(y_i − y_k)), g_j −= c·D_ik·(y_i − y_j), g_k += c·D_ij·(y_i − y_k).
 * Serial scatter-add in triplet order (deterministic). O(T). Mutates only `grad`.
 */
export function trimapGradient(Y: Float32Array, triplets: Int32Array, weights: Float32Array, grad: Float64Array): TrimapGradientStats {
  grad.fill(0);
  const T = weights.length;
  let loss = 0;
  let violated = 0;
  for (let t = 0; t < T; t++) {
    const i2 = 2 * triplets[3 * t]!;
    const j2 = 2 * triplets[3 * t + 1]!;
    const k2 = 2 * triplets[3 * t + 2]!;
    const yi0 = Y[i2]!;
    const yi1 = Y[i2 + 1]!;
    const ij0 = yi0 - Y[j2]!;
    const ij1 = yi1 - Y[j2 + 1]!;
    const ik0 = yi0 - Y[k2]!;
    const ik1 = yi1 - Y[k2 + 1]!;
    const dij = 1 + ij0 * ij0 + ij1 * ij1;
    const dik = 1 + ik0 * ik0 + ik1 * ik1;
    if (dij > dik) violated++;
    const w = weights[t]!;
    const sum = dij + dik;
    loss += (w * dij) / sum;
    const c = w / (sum * sum);
    const s0 = ij0 * dik * c;
    const s1 = ij1 * dik * c;
    const o0 = ik0 * dij * c;
    const o1 = ik1 * dij * c;
    grad[i2] += s0 - o0;
    grad[i2 + 1] += s1 - o1;
    grad[j2] -= s0;
    grad[j2 + 1] -= s1;
    grad[k2] += o0;
    grad[k2 + 1] += o1;
  }
  return { loss, violated };
}
