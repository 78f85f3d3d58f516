import type { Matrix, Progress } from '../types.js';

/** Per-row centers: row i is centered on row `index[i]` of `centers` (K×d, row-major), e.g. its class mean. */
export interface GroupCenters {
  readonly centers: Float64Array;
  readonly index: Int32Array;
}

/** Rows per block; also the stride between progress reports. */
const BLOCK = 256;

/**
 * Computes the float64 scatter matrix S = (A − 1μᵀ)ᵀ(A − 1μᵀ) of an n×d matrix A (d×d, row-major,
 * symmetric), as a generator that yields a `{phase, done, total}` progress report after each block of
 * 256 rows, so drivers can report progress and check cancellation between blocks.
 *
 * With μ = column means, S/(n−1) is the sample covariance. Pass `mean = null` for A already centered, or
 * `GroupCenters` to center each row on its own group's mean (the within-class scatter Σ_k (A_k − μ_k)ᵀ(A_k − μ_k)).
 * Cost O(n·d²/2) multiply-adds (the upper triangle, in 4×4 register tiles over a transposed block),
 * memory O(d² + 256·d). Does not mutate A or μ.
 */
export function* crossProduct(A: Matrix, mean: Float64Array | GroupCenters | null, phase = 'covariance'): Generator<Progress, Float64Array> {
  const { data, rows: n, cols: d } = A;
  const dp = (d + 3) & ~3; // padded to the 4×4 tile size with zero rows
  const T = new Float64Array(dp * BLOCK); // block transposed: T[j·B + r] = A[r0 + r, j] − μ_j
  const S = new Float64Array(dp * dp);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const b = Math.min(BLOCK, n - r0);
    if (b < BLOCK) T.fill(0);
    for (let r = 0; r < b; r++) {
      const o = (r0 + r) * d;
      if (mean === null) {
        for (let j = 0; j < d; j++) T[j * BLOCK + r] = data[o + j]!;
      } else if (mean instanceof Float64Array) {
        for (let j = 0; j < d; j++) T[j * BLOCK + r] = data[o + j]! - mean[j]!;
      } else {
        const c = mean.index[r0 + r]! * d;
        for (let j = 0; j < d; j++) T[j * BLOCK + r] = data[o + j]! - mean.centers[c + j]!;
      }
    }
    for (let i = 0; i < dp; i += 4) {
      const i0 = i * BLOCK;
      const i1 = i0 + BLOCK;
      const i2 = i1 + BLOCK;
      const i3 = i2 + BLOCK;
      for (let j = i; j < dp; j += 4) {
        const j0 = j * BLOCK;
        const j1 = j0 + BLOCK;
        const j2 = j1 + BLOCK;
        const j3 = j2 + BLOCK;
        let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (let r = 0; r < b; r++) {
          const a0 = T[i0 + r]!, a1 = T[i1 + r]!, a2 = T[i2 + r]!, a3 = T[i3 + r]!;
          const b0 = T[j0 + r]!, b1 = T[j1 + r]!, b2 = T[j2 + r]!, b3 = T[j3 + r]!;
          s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
          s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
          s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
          s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
        }
        let o = i * dp + j;
        S[o]! += s00; S[o + 1]! += s01; S[o + 2]! += s02; S[o + 3]! += s03;
        o += dp;
        S[o]! += s10; S[o + 1]! += s11; S[o + 2]! += s12; S[o + 3]! += s13;
        o += dp;
        S[o]! += s20; S[o + 1]! += s21; S[o + 2]! += s22; S[o + 3]! += s23;
        o += dp;
        S[o]! += s30; S[o + 1]! += s31; S[o + 2]! += s32; S[o + 3]! += s33;
      }
    }
    yield { phase, done: r0 + b, total: n };
  }
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const v = S[i * dp + j]!;
      out[i * d + j] = v;
      out[j * d + i] = v;
    }
  }
  return out;
}
