/** Rows centred and converted to float64 per panel; also the row tile height. */
const ROW_TILE = 4;
/** Components per register tile. */
const COMP_TILE = 4;

/**
 * Scores of rows [from, to) of `data` (n×d, row-major) on k unit directions: `out[i·k + c] = Σ_j (x_ij − μ_j)·V_cj`
 * with `V` = `components` (k×d, row-major) and μ = `mean` (d), written as float32 into `out` (n×k, row-major).
 * This is the PCA transform (scikit-learn `PCA.transform`, `whiten=False`).
 *
 * Register-blocked: 4 rows are centred into a float64 panel once, then each 4-row × 4-component tile keeps its 16
 * float64 sums in registers over one pass of j = 0…d−1 (8 loads per 16 multiply-adds instead of 2 per 1). Every
 * sum runs over j in increasing order, exactly as the plain double loop does, so the output is bit-identical to it.
 * Cost O((to − from)·d·k), scratch O(4·d + ⌈k/4⌉·4·d) float64. Writes only rows [from, to) of `out`; does not mutate
 * `data`, `mean` or `components`.
 */
export function projectCentered(
  data: Float32Array | Float64Array,
  mean: Float64Array,
  components: Float64Array,
  k: number,
  d: number,
  from: number,
  to: number,
  out: Float32Array,
): Float32Array {
  const kp = Math.ceil(k / COMP_TILE) * COMP_TILE;
  let V = components;
  if (kp !== k) {
    V = new Float64Array(kp * d); // zero rows pad the last tile
    V.set(components.subarray(0, k * d));
  }
  const P = new Float64Array(ROW_TILE * d);
  const p1 = d;
  const p2 = 2 * d;
  const p3 = 3 * d;
  for (let i = from; i < to; i += ROW_TILE) {
    const rows = Math.min(ROW_TILE, to - i);
    if (rows < ROW_TILE) P.fill(0);
    for (let r = 0; r < rows; r++) {
      const o = (i + r) * d;
      const po = r * d;
      for (let j = 0; j < d; j++) P[po + j] = data[o + j]! - mean[j]!;
    }
    for (let c = 0; c < kp; c += COMP_TILE) {
      const v0 = c * d;
      const v1 = v0 + d;
      const v2 = v1 + d;
      const v3 = v2 + d;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let j = 0; j < d; j++) {
        const a0 = P[j]!, a1 = P[p1 + j]!, a2 = P[p2 + j]!, a3 = P[p3 + j]!;
        const b0 = V[v0 + j]!, b1 = V[v1 + j]!, b2 = V[v2 + j]!, b3 = V[v3 + j]!;
        s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
        s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
        s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
        s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
      }
      store(out, i, c, k, s00, s01, s02, s03, 0);
      if (rows > 1) store(out, i, c, k, s10, s11, s12, s13, 1);
      if (rows > 2) store(out, i, c, k, s20, s21, s22, s23, 2);
      if (rows > 3) store(out, i, c, k, s30, s31, s32, s33, 3);
    }
  }
  return out;
}

/** Writes the (up to) 4 sums of row i + r, components c…c+3, that exist (c + t < k). */
function store(out: Float32Array, i: number, c: number, k: number, t0: number, t1: number, t2: number, t3: number, r: number): void {
  const o = (i + r) * k + c;
  const left = k - c;
  out[o] = t0;
  if (left > 1) out[o + 1] = t1;
  if (left > 2) out[o + 2] = t2;
  if (left > 3) out[o + 3] = t3;
}
