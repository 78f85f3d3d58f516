import { ProjectionInputError } from '../errors.js';

/** Columns per cache strip: each 1-D pass works on an N×32 strip copied into a contiguous scratch buffer. */
const STRIP = 32;

/** True when n is 2^a or 3·2^a (a ≥ 0) and at least 2: the sizes `Fft2d` supports. */
export function isFft2dSize(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  const m = n % 3 === 0 ? n / 3 : n;
  return (m & (m - 1)) === 0;
}

/** The smallest size ≥ `min` that `Fft2d` supports (2^a or 3·2^a). */
export function nextFft2dSize(min: number): number {
  let p = 1;
  while (p < min) p <<= 1;
  let q = 3;
  while (q < min) q <<= 1;
  return Math.max(2, Math.min(p, q));
}

/**
 * A 2-D complex FFT of an N×N grid, N = 2^a or 3·2^a (split re/im row-major Float64Arrays of N rows, `rowStride` apart), for
 * zero-padded convolutions. Each axis is transformed in strips of 32 lines: a strip is gathered into a contiguous
 * scratch buffer (lines side by side, in decimation order), run through radix-2 Cooley–Tukey stages (fused in
 * pairs) whose butterflies act on 32 lines at once (contiguous inner loops, constant twiddles), and for
 * N = 3·2^a finished by one radix-3 stage while scattering back. No transposes.
 *
 * The inverse is unnormalised (divide by N²). Cost O(N² log N) per call; O(N·32) scratch.
 */
export class Fft2d {
  readonly size: number;
  /** Distance between rows in the arrays (≥ size; pad it, e.g. size + 8, to avoid cache-set conflicts at 2^a). */
  readonly rowStride: number;
  private readonly radix: 1 | 3;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  /** order[t] = the input row that lands at scratch row t (3-way interleave, then bit reversal within each third). */
  private readonly order: Uint32Array;
  private readonly sRe: Float64Array;
  private readonly sIm: Float64Array;

  /** @throws ProjectionInputError when size is not 2^a or 3·2^a with size ≥ 2, or rowStride < size. */
  constructor(size: number, rowStride = size) {
    if (!isFft2dSize(size)) throw new ProjectionInputError('size', size, 'must be 2^a or 3·2^a and >= 2');
    if (!Number.isInteger(rowStride) || rowStride < size) throw new ProjectionInputError('rowStride', rowStride, `must be an integer >= size = ${size}`);
    this.size = size;
    this.rowStride = rowStride;
    this.radix = size % 3 === 0 ? 3 : 1;
    const M = size / this.radix;
    this.cos = new Float64Array(size);
    this.sin = new Float64Array(size);
    for (let k = 0; k < size; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.sin[k] = Math.sin((2 * Math.PI * k) / size);
    }
    const bits = Math.round(Math.log2(M));
    this.order = new Uint32Array(size);
    for (let s = 0; s < this.radix; s++) {
      for (let j = 0; j < M; j++) {
        let r = 0;
        for (let b = 0, v = j; b < bits; b++, v >>= 1) r = (r << 1) | (v & 1);
        this.order[s * M + r] = this.radix * j + s;
      }
    }
    this.sRe = new Float64Array(size * STRIP);
    this.sIm = new Float64Array(size * STRIP);
  }

  /**
   * Forward transform X[u][v] = Σ_{r,c} x[r][c]·e^{−2πi(ur + vc)/N}, in place; the input must be zero outside
   * columns [0, `nonzero`).
   */
  forward(re: Float64Array, im: Float64Array, nonzero = this.size): void {
    const N = this.size;
    const S = this.rowStride;
    for (let c0 = 0; c0 < nonzero; c0 += STRIP) this.strip(re, im, c0, S, 1, Math.min(STRIP, nonzero - c0), -1);
    for (let r0 = 0; r0 < N; r0 += STRIP) this.strip(re, im, r0 * S, 1, S, Math.min(STRIP, N - r0), -1);
  }

  /** Unnormalised inverse (the result is N²·x); only columns [0, `needed`) are valid after. */
  inverse(re: Float64Array, im: Float64Array, needed = this.size): void {
    const N = this.size;
    const S = this.rowStride;
    for (let r0 = 0; r0 < N; r0 += STRIP) this.strip(re, im, r0 * S, 1, S, Math.min(STRIP, N - r0), 1);
    for (let c0 = 0; c0 < needed; c0 += STRIP) this.strip(re, im, c0, S, 1, Math.min(STRIP, needed - c0), 1);
  }

  /**
   * 1-D FFTs of W lines at once: element t of line c is at `base + t·tStride + c·cStride` (columns: tStride
   * rowStride, cStride 1; rows: tStride 1, cStride rowStride).
   */
  private strip(re: Float64Array, im: Float64Array, base: number, tStride: number, cStride: number, W: number, sign: number): void {
    const N = this.size;
    const { order, sRe, sIm, radix } = this;
    const M = N / radix;
    {
      for (let t = 0; t < N; t++) {
        const src = base + order[t]! * tStride;
        const dst = t * W;
        for (let c = 0; c < W; c++) {
          sRe[dst + c] = re[src + c * cStride]!;
          sIm[dst + c] = im[src + c * cStride]!;
        }
      }
      // Radix-2 stages inside each block of M scratch rows: one plain stage when log₂M is odd, then pairs of
      // stages fused (radix 2², Press et al. §12.2), so each pair reads and writes the strip once.
      let size = 4;
      if ((Math.round(Math.log2(M)) & 1) === 1) {
        for (let a = 0; a < N * W; a += 2 * W) {
          const b = a + W;
          for (let c = 0; c < W; c++) {
            const ar = sRe[a + c]!, ai = sIm[a + c]!, br = sRe[b + c]!, bi = sIm[b + c]!;
            sRe[a + c] = ar + br;
            sIm[a + c] = ai + bi;
            sRe[b + c] = ar - br;
            sIm[b + c] = ai - bi;
          }
        }
        size = 8;
      }
      for (; size <= M; size <<= 2) this.fusedStages(size, W, sign);
      if (radix === 1) {
        for (let t = 0; t < N; t++) {
          const dst = base + t * tStride;
          const src = t * W;
          for (let c = 0; c < W; c++) {
            re[dst + c * cStride] = sRe[src + c]!;
            im[dst + c * cStride] = sIm[src + c]!;
          }
        }
      } else {
        this.radix3(re, im, base, tStride, cStride, W, M, sign);
      }
    }
  }

  /**
   * Two radix-2 stages at once on the scratch strip: sizes `size`/2 and `size` (q = size/4). For each k < q the
   * four rows k, k+q, k+2q, k+3q of every block take the size/2 butterflies (twiddle W_{2q}^k) and then the size
   * butterflies (twiddles W_{4q}^k and W_{4q}^{k+q} = ∓i·W_{4q}^k).
   */
  private fusedStages(size: number, W: number, sign: number): void {
    const N = this.size;
    const { sRe, sIm, cos, sin } = this;
    const q = size >> 2;
    const step = N / size;
    for (let k = 0; k < q; k++) {
      const u = 2 * k * step; // W_{2q}^k = W_N^{k·N/(2q)}
      const w1r = cos[u]!, w1i = sign * sin[u]!;
      const v = k * step; // W_{4q}^k
      const w2r = cos[v]!, w2i = sign * sin[v]!;
      // W_{4q}^{k+q} = W_{4q}^k · e^{sign·iπ/2} = W_{4q}^k · (sign·i)
      const w3r = -sign * w2i, w3i = sign * w2r;
      for (let start = 0; start < N; start += size) {
        const p0 = (start + k) * W;
        const p1 = p0 + q * W;
        const p2 = p1 + q * W;
        const p3 = p2 + q * W;
        for (let c = 0; c < W; c++) {
          // first stage: (p0, p1) and (p2, p3) with W_{2q}^k
          const ar = sRe[p0 + c]!, ai = sIm[p0 + c]!;
          const br0 = sRe[p1 + c]!, bi0 = sIm[p1 + c]!;
          const br = br0 * w1r - bi0 * w1i, bi = br0 * w1i + bi0 * w1r;
          const cr = sRe[p2 + c]!, ci = sIm[p2 + c]!;
          const dr0 = sRe[p3 + c]!, di0 = sIm[p3 + c]!;
          const dr = dr0 * w1r - di0 * w1i, di = dr0 * w1i + di0 * w1r;
          const e0r = ar + br, e0i = ai + bi, e1r = ar - br, e1i = ai - bi;
          const f0r = cr + dr, f0i = ci + di, f1r = cr - dr, f1i = ci - di;
          // second stage: (p0, p2) with W_{4q}^k, (p1, p3) with W_{4q}^{k+q}
          const g0r = f0r * w2r - f0i * w2i, g0i = f0r * w2i + f0i * w2r;
          const g1r = f1r * w3r - f1i * w3i, g1i = f1r * w3i + f1i * w3r;
          sRe[p0 + c] = e0r + g0r;
          sIm[p0 + c] = e0i + g0i;
          sRe[p2 + c] = e0r - g0r;
          sIm[p2 + c] = e0i - g0i;
          sRe[p1 + c] = e1r + g1r;
          sIm[p1 + c] = e1i + g1i;
          sRe[p3 + c] = e1r - g1r;
          sIm[p3 + c] = e1i - g1i;
        }
      }
    }
  }

  /** X[k + qM] = F₀[k] + ω^q·W^k·F₁[k] + ω^{2q}·W^{2k}·F₂[k] (ω = e^{±2πi/3}), written back to the strip's columns. */
  private radix3(re: Float64Array, im: Float64Array, base: number, tStride: number, cStride: number, W: number, M: number, sign: number): void {
    const { sRe, sIm, cos, sin } = this;
    const h = sign * (Math.sqrt(3) / 2); // Im ω
    for (let k = 0; k < M; k++) {
      const w1r = cos[k]!, w1i = sign * sin[k]!;
      const w2r = cos[2 * k]!, w2i = sign * sin[2 * k]!;
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
        re[x1 + o] = mr - h * di;
        im[x1 + o] = mi + h * dr;
        re[x2 + o] = mr + h * di;
        im[x2 + o] = mi - h * dr;
      }
    }
  }
}
