/**
 * Register-blocked dot products for the exact and leaf kernels: 4 rows of `x` (starting at offsets a, a + d,
 * a + 2d, a + 3d) against 1 or 2 rows of `y`. Each dot product is one float64 sum accumulated in index order,
 * so a pair's value does not depend on which kernel computed it (float32 × float32 products are exact in
 * float64). Results go to `out` (4 or 8 values: row r of x against the first y row at r, the second at 4 + r).
 * Measured here at d = 768: 4×2 ≈ 1.3× the 4×1 kernel and ≈ 3× a plain pair loop.
 */
export function dots4x2(x: Float32Array, a: number, y: Float32Array, b: number, c: number, d: number, out: Float64Array): void {
  const a1 = a + d;
  const a2 = a1 + d;
  const a3 = a2 + d;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let r0 = 0;
  let r1 = 0;
  let r2 = 0;
  let r3 = 0;
  for (let t = 0; t < d; t++) {
    const v = y[b + t]!;
    const w = y[c + t]!;
    const p0 = x[a + t]!;
    const p1 = x[a1 + t]!;
    const p2 = x[a2 + t]!;
    const p3 = x[a3 + t]!;
    s0 += p0 * v;
    s1 += p1 * v;
    s2 += p2 * v;
    s3 += p3 * v;
    r0 += p0 * w;
    r1 += p1 * w;
    r2 += p2 * w;
    r3 += p3 * w;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
  out[4] = r0;
  out[5] = r1;
  out[6] = r2;
  out[7] = r3;
}

/** 4 rows of x (from offset a, stride d) against one row of y at offset b; see `dots4x2`. */
export function dots4x1(x: Float32Array, a: number, y: Float32Array, b: number, d: number, out: Float64Array): void {
  const a1 = a + d;
  const a2 = a1 + d;
  const a3 = a2 + d;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let t = 0; t < d; t++) {
    const v = y[b + t]!;
    s0 += x[a + t]! * v;
    s1 += x[a1 + t]! * v;
    s2 += x[a2 + t]! * v;
    s3 += x[a3 + t]! * v;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}

/** One dot product of x at offset a and y at offset b, summed in index order. */
export function dot1(x: Float32Array, a: number, y: Float32Array, b: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) s += x[a + t]! * y[b + t]!;
  return s;
}

/**
 * One row of x (offset a) against four rows of y at arbitrary offsets b0..b3 (scattered candidates of a local
 * join); each dot product is one float64 sum in index order, as in `dots4x2`. Results in out[0..3].
 */
export function dots1x4(x: Float32Array, a: number, y: Float32Array, b0: number, b1: number, b2: number, b3: number, d: number, out: Float64Array): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let t = 0; t < d; t++) {
    const v = x[a + t]!;
    s0 += v * y[b0 + t]!;
    s1 += v * y[b1 + t]!;
    s2 += v * y[b2 + t]!;
    s3 += v * y[b3 + t]!;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}
