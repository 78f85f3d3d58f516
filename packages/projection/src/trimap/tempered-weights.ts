/**
 * TriMap's final weight transform over all triplets (eamid/trimap 1.1.4 end of `generate_triplets`, `tempered_log`;
 * methods.md §8.2 step 8): NaN → 0, subtract the minimum, then w ← ((1 + w)^{1−t} − 1)/(1 − t), which is log(1 + w)
 * when |t − 1| < 1e-5 and w itself at t = 0 (t = 0.5: 2(√(1 + w) − 1)). Computed in float64; returns float32,
 * with values beyond float32's range clamped to its largest finite value (and a non-finite
 * minimum, impossible for finite input, treated as 0). O(T). Does not mutate `raw`.
 */
export function temperedWeights(raw: Float64Array, t: number): Float32Array {
  const T = raw.length;
  let min = Infinity;
  for (let q = 0; q < T; q++) {
    const w = raw[q]!;
    const v = w === w ? w : 0;
    if (v < min) min = v;
  }
  if (!Number.isFinite(min)) min = 0;
  const out = new Float32Array(T);
  const isLog = Math.abs(t - 1) < 1e-5;
  const e = 1 - t;
  for (let q = 0; q < T; q++) {
    const w = raw[q]!;
    const x = (w === w ? w : 0) - min;
    const v = isLog ? Math.log1p(x) : (Math.pow(1 + x, e) - 1) / e;
    out[q] = v >= 0 ? (v < FLOAT32_MAX ? v : FLOAT32_MAX) : 0;
  }
  return out;
}

const FLOAT32_MAX = 3.4028234663852886e38;
