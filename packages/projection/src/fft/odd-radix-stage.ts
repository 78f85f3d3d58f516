/**
 * The last, odd-radix stage of `Fft2d`'s strips (N = 3·M or 5·M, M = 2^a): combines the 3 or 5 length-M transforms
 * held side by side in the scratch strip (`sRe`/`sIm`, lines of W values, block j at rows [jM, (j + 1)M)) with
 * twiddles W_N^{jk} from the `cos`/`sin` tables of size N, and writes outputs t < `outLen` of each of the W lines to
 * `base + t·tStride + c·cStride` in `re`/`im`. O(N·W) per call; mutates only `re`/`im`.
 */
/** X[k + qM] = F₀[k] + ω^q·W^k·F₁[k] + ω^{2q}·W^{2k}·F₂[k] (ω = e^{±2πi/3}), written back to the strip's columns. */
export function radix3Stage(sRe: Float64Array, sIm: Float64Array, cos: Float64Array, sin: Float64Array, re: Float64Array, im: Float64Array, base: number, tStride: number, cStride: number, W: number, M: number, sign: number, outLen: number): void {
  const h = sign * (Math.sqrt(3) / 2); // Im ω
  for (let k = 0; k < M && k < outLen; k++) {
    const w1r = cos[k]!, w1i = sign * sin[k]!;
    const w2r = cos[2 * k]!, w2i = sign * sin[2 * k]!;
    const o1 = k + M < outLen, o2 = k + 2 * M < outLen;
    const f0 = k * W;
    const f1 = (k + M) * W;
    const f2 = (k + 2 * M) * W;
    const x0 = base + k * tStride;
    const x1 = base + (k + M) * tStride;
    const x2 = base + (k + 2 * M) * tStride;
    for (let c = 0; c < W; c++) {
      const o = c * cStride;
      const ar = sRe[f0 + c]!, ai = sIm[f0 + c]!;
      const b1r = sRe[f1 + c]!, b1i = sIm[f1 + c]!;
      const b2r = sRe[f2 + c]!, b2i = sIm[f2 + c]!;
      const t1r = b1r * w1r - b1i * w1i, t1i = b1r * w1i + b1i * w1r;
      const t2r = b2r * w2r - b2i * w2i, t2i = b2r * w2i + b2i * w2r;
      const sr = t1r + t2r, si = t1i + t2i;
      const dr = t1r - t2r, di = t1i - t2i;
      const mr = ar - 0.5 * sr, mi = ai - 0.5 * si;
      re[x0 + o] = ar + sr;
      im[x0 + o] = ai + si;
      // ω·t1 + ω²·t2 = −½(t1 + t2) + i·h·(t1 − t2)
      if (o1) {
        re[x1 + o] = mr - h * di;
        im[x1 + o] = mi + h * dr;
      }
      if (o2) {
        re[x2 + o] = mr + h * di;
        im[x2 + o] = mi - h * dr;
      }
    }
  }
}

/**
 * X[k + qM] = Σ_j ω^{jq}·W^{jk}·F_j[k], j, q < 5 (ω = e^{±2πi/5}), written back to the strip's columns; the
 * pairs (1, 4) and (2, 3) share sums and differences (Nussbaumer's radix-5 butterfly).
 */
export function radix5Stage(sRe: Float64Array, sIm: Float64Array, cos: Float64Array, sin: Float64Array, re: Float64Array, im: Float64Array, base: number, tStride: number, cStride: number, W: number, M: number, sign: number, outLen: number): void {
  const c1 = Math.cos((2 * Math.PI) / 5), c2 = Math.cos((4 * Math.PI) / 5);
  const s1 = sign * Math.sin((2 * Math.PI) / 5), s2 = sign * Math.sin((4 * Math.PI) / 5);
  for (let k = 0; k < M && k < outLen; k++) {
    const o1 = k + M < outLen, o2 = k + 2 * M < outLen, o3 = k + 3 * M < outLen, o4 = k + 4 * M < outLen;
    const w1r = cos[k]!, w1i = sign * sin[k]!;
    const w2r = cos[2 * k]!, w2i = sign * sin[2 * k]!;
    const w3r = cos[3 * k]!, w3i = sign * sin[3 * k]!;
    const w4r = cos[4 * k]!, w4i = sign * sin[4 * k]!;
    const f0 = k * W, f1 = (k + M) * W, f2 = (k + 2 * M) * W, f3 = (k + 3 * M) * W, f4 = (k + 4 * M) * W;
    const x0 = base + k * tStride, x1 = base + (k + M) * tStride, x2 = base + (k + 2 * M) * tStride;
    const x3 = base + (k + 3 * M) * tStride, x4 = base + (k + 4 * M) * tStride;
    for (let c = 0; c < W; c++) {
      const o = c * cStride;
      const ar = sRe[f0 + c]!, ai = sIm[f0 + c]!;
      let br = sRe[f1 + c]!, bi = sIm[f1 + c]!;
      const t1r = br * w1r - bi * w1i, t1i = br * w1i + bi * w1r;
      br = sRe[f2 + c]!;
      bi = sIm[f2 + c]!;
      const t2r = br * w2r - bi * w2i, t2i = br * w2i + bi * w2r;
      br = sRe[f3 + c]!;
      bi = sIm[f3 + c]!;
      const t3r = br * w3r - bi * w3i, t3i = br * w3i + bi * w3r;
      br = sRe[f4 + c]!;
      bi = sIm[f4 + c]!;
      const t4r = br * w4r - bi * w4i, t4i = br * w4i + bi * w4r;
      const p14r = t1r + t4r, p14i = t1i + t4i, m14r = t1r - t4r, m14i = t1i - t4i;
      const p23r = t2r + t3r, p23i = t2i + t3i, m23r = t2r - t3r, m23i = t2i - t3i;
      // X₁,₄ = a + R₁ ± i·I₁ and X₂,₃ = a + R₂ ± i·I₂ with R, I below (s1, s2 carry the sign).
      const r1r = ar + c1 * p14r + c2 * p23r, r1i = ai + c1 * p14i + c2 * p23i;
      const r2r = ar + c2 * p14r + c1 * p23r, r2i = ai + c2 * p14i + c1 * p23i;
      const i1r = s1 * m14r + s2 * m23r, i1i = s1 * m14i + s2 * m23i;
      const i2r = s2 * m14r - s1 * m23r, i2i = s2 * m14i - s1 * m23i;
      re[x0 + o] = ar + p14r + p23r;
      im[x0 + o] = ai + p14i + p23i;
      if (o1) {
        re[x1 + o] = r1r - i1i;
        im[x1 + o] = r1i + i1r;
      }
      if (o2) {
        re[x2 + o] = r2r - i2i;
        im[x2 + o] = r2i + i2r;
      }
      if (o3) {
        re[x3 + o] = r2r + i2i;
        im[x3 + o] = r2i - i2r;
      }
      if (o4) {
        re[x4 + o] = r1r + i1i;
        im[x4 + o] = r1i - i1r;
      }
    }
  }
}
