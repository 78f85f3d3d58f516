import { ProjectionInputError } from '../errors.js';
import { radix3Stage, radix5Stage } from './odd-radix-stage.js';

/** Columns per cache strip: each 1-D pass works on an N×32 strip copied into a contiguous scratch buffer. */
const STRIP = 32;

/** True when n is 2^a, 3·2^a or 5·2^a (a ≥ 0) and at least 2: the sizes `Fft2d` supports. */
export function isFft2dSize(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  const m = n % 3 === 0 ? n / 3 : n % 5 === 0 ? n / 5 : n;
  return (m & (m - 1)) === 0;
}

/** The smallest size ≥ `min` that `Fft2d` supports (2^a, 3·2^a or 5·2^a; consecutive sizes are at most 4/3 apart above 4). */
export function nextFft2dSize(min: number): number {
  let best = Infinity;
  for (const f of [1, 3, 5]) {
    let q = f;
    while (q < min) q <<= 1;
    if (q < best) best = q;
  }
  return Math.max(2, best);
}

/**
 * A 2-D complex FFT of an N×N grid, N = 2^a, 3·2^a or 5·2^a (split re/im row-major Float64Arrays of N rows, `rowStride` apart), for
 * zero-padded convolutions. Each axis is transformed in strips of 32 lines: a strip is gathered into a contiguous
 * scratch buffer (lines side by side, in decimation order), run through radix-2 Cooley–Tukey stages (fused in
 * pairs) whose butterflies act on 32 lines at once (contiguous inner loops, constant twiddles), and for
 * N = 3·2^a or 5·2^a finished by one radix-3 or radix-5 stage while scattering back. No transposes.
 *
 * The inverse is unnormalised (divide by N²). Cost O(N² log N) per call; O(N·32) scratch.
 */
export class Fft2d {
  readonly size: number;
  /** Distance between rows in the arrays (≥ size; pad it, e.g. size + 8, to avoid cache-set conflicts at 2^a). */
  readonly rowStride: number;
  private readonly radix: 1 | 3 | 5;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  /** order[t] = the input row that lands at scratch row t (radix-way interleave, then bit reversal within each block). */
  private readonly order: Uint32Array;
  /** slot[j] = the scratch row that input row j lands at (the inverse of `order`). */
  private readonly slot: Uint32Array;
  private readonly sRe: Float64Array;
  private readonly sIm: Float64Array;

  /** @throws ProjectionInputError when size is not 2^a, 3·2^a or 5·2^a with size ≥ 2, or rowStride < size. */
  constructor(size: number, rowStride = size) {
    if (!isFft2dSize(size)) throw new ProjectionInputError('size', size, 'must be 2^a, 3·2^a or 5·2^a and >= 2');
    if (!Number.isInteger(rowStride) || rowStride < size) throw new ProjectionInputError('rowStride', rowStride, `must be an integer >= size = ${size}`);
    this.size = size;
    this.rowStride = rowStride;
    this.radix = size % 3 === 0 ? 3 : size % 5 === 0 ? 5 : 1;
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
    this.slot = new Uint32Array(size);
    for (let t = 0; t < size; t++) this.slot[this.order[t]!] = t;
    this.sRe = new Float64Array(size * STRIP);
    this.sIm = new Float64Array(size * STRIP);
  }

  /**
   * Forward transform X[u][v] = Σ_{r,c} x[r][c]·e^{−2πi(ur + vc)/N}, in place; the input must be zero outside
   * rows and columns [0, `nonzero`) (zero-padded data: those zeros are not read, and with `nonzero` ≤ N/2 the
   * first radix-2 stage of each line reduces to a copy).
   */
  forward(re: Float64Array, im: Float64Array, nonzero = this.size): void {
    const N = this.size;
    const S = this.rowStride;
    for (let c0 = 0; c0 < nonzero; c0 += STRIP) this.strip(re, im, c0, S, 1, Math.min(STRIP, nonzero - c0), -1, nonzero, N);
    for (let r0 = 0; r0 < N; r0 += STRIP) this.strip(re, im, r0 * S, 1, S, Math.min(STRIP, N - r0), -1, nonzero, N);
  }

  /**
   * Unnormalised inverse (the result is N²·x); only rows and columns [0, `needed`) are computed and valid after
   * (the rest of the arrays holds intermediate values).
   */
  inverse(re: Float64Array, im: Float64Array, needed = this.size): void {
    const N = this.size;
    const S = this.rowStride;
    for (let r0 = 0; r0 < N; r0 += STRIP) this.strip(re, im, r0 * S, 1, S, Math.min(STRIP, N - r0), 1, N, needed);
    for (let c0 = 0; c0 < needed; c0 += STRIP) this.strip(re, im, c0, S, 1, Math.min(STRIP, needed - c0), 1, N, needed);
  }

  /**
   * Circular convolution through the spectrum: x ← N²·IFFT(FFT(x)·K) for a real spectrum K (an even kernel's, same
   * layout as x; divide it by N² beforehand for a normalised result). x must be zero outside [0, `nonzero`)² and is
   * only valid on [0, `needed`)² after. Same work as `forward` then `inverse`, but each strip of rows goes forward,
   * through K and back while it is in cache. Mutates `re`, `im`; reads `spectrum`.
   */
  convolve(re: Float64Array, im: Float64Array, spectrum: Float64Array, nonzero = this.size, needed = this.size): void {
    const N = this.size;
    const S = this.rowStride;
    for (let c0 = 0; c0 < nonzero; c0 += STRIP) this.strip(re, im, c0, S, 1, Math.min(STRIP, nonzero - c0), -1, nonzero, N);
    for (let r0 = 0; r0 < N; r0 += STRIP) {
      const W = Math.min(STRIP, N - r0);
      this.strip(re, im, r0 * S, 1, S, W, -1, nonzero, N);
      for (let r = r0; r < r0 + W; r++) {
        for (let t = r * S, end = r * S + N; t < end; t++) {
          const k = spectrum[t]!;
          re[t]! *= k;
          im[t]! *= k;
        }
      }
      this.strip(re, im, r0 * S, 1, S, W, 1, N, needed);
    }
    for (let c0 = 0; c0 < needed; c0 += STRIP) this.strip(re, im, c0, S, 1, Math.min(STRIP, needed - c0), 1, N, needed);
  }

  /**
   * 1-D FFTs of W lines at once: element t of line c is at `base + t·tStride + c·cStride` (columns: tStride
   * rowStride, cStride 1; rows: tStride 1, cStride rowStride). Elements t ≥ `inLen` are taken as zero without
   * reading them; only outputs t < `outLen` are written.
   */
  private strip(re: Float64Array, im: Float64Array, base: number, tStride: number, cStride: number, W: number, sign: number, inLen: number, outLen: number): void {
    const N = this.size;
    const { slot, sRe, sIm, radix } = this;
    const M = N / radix;
    {
      // Radix-2 stages inside each block of M scratch rows: one plain stage when log₂M is odd, then pairs of
      // stages fused (radix 2², Press et al. §12.2), so each pair reads and writes the strip once.
      const plain = (Math.round(Math.log2(M)) & 1) === 1;
      // Odd scratch rows hold inputs ≥ N/2; when those are all zero, the plain stage maps (a, 0) to (a, a).
      const copyStage = plain && 2 * inLen <= N;
      // Inputs are read in natural order (sequential in memory, which matters for row strips) and land at their
      // scratch row slot[j]; with the copy stage each goes to both rows of its pair.
      const span = copyStage ? 2 * W : W;
      const last = Math.min(inLen, N);
      for (let j = 0; j < last; j++) {
        const dst = slot[j]! * W;
        const from = base + j * tStride;
        for (let c = 0; c < W; c++) {
          sRe[dst + c] = re[from + c * cStride]!;
          sIm[dst + c] = im[from + c * cStride]!;
        }
        if (copyStage) {
          sRe.copyWithin(dst + W, dst, dst + W);
          sIm.copyWithin(dst + W, dst, dst + W);
        }
      }
      for (let j = last; j < N; j++) {
        const t = slot[j]!;
        if (copyStage && (t & 1) === 1) continue;
        sRe.fill(0, t * W, t * W + span);
        sIm.fill(0, t * W, t * W + span);
      }
      let size = 4;
      if (plain) {
        if (!copyStage) {
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
        }
        size = 8;
      }
      for (; size <= M; size <<= 2) this.fusedStages(size, W, sign);
      if (radix === 1) {
        for (let t = 0; t < outLen; t++) {
          const dst = base + t * tStride;
          const src = t * W;
          for (let c = 0; c < W; c++) {
            re[dst + c * cStride] = sRe[src + c]!;
            im[dst + c * cStride] = sIm[src + c]!;
          }
        }
      } else if (radix === 3) {
        radix3Stage(sRe, sIm, this.cos, this.sin, re, im, base, tStride, cStride, W, M, sign, outLen);
      } else {
        radix5Stage(sRe, sIm, this.cos, this.sin, re, im, base, tStride, cStride, W, M, sign, outLen);
      }
    }
  }

  /**
   * Two radix-2 stages at once on the scratch strip: sizes `size`/2 and `size` (q = size/4). For each k < q the
   * four rows a, b, c, d = k, k+q, k+2q, k+3q of every block take the size/2 butterflies (twiddle w₁ = W_{2q}^k) and
   * then the size butterflies (W_{4q}^k and W_{4q}^{k+q} = ±i·W_{4q}^k). Written with three twiddle products,
   * b·w₁, c·w₂, d·w₁w₂ (w₂ = W_{4q}^k): e = a ± b·w₁, f = c·w₂ ± d·w₁w₂, outputs e₀ ± f₀ and e₁ ± (±i)·f₁; none at k = 0.
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
      const w3r = cos[3 * v]!, w3i = sign * sin[3 * v]!; // w₁·w₂ = W_{4q}^{3k}
      for (let start = 0; start < N; start += size) {
        const p0 = (start + k) * W;
        const p1 = p0 + q * W;
        const p2 = p1 + q * W;
        const p3 = p2 + q * W;
        if (k === 0) {
          for (let c = 0; c < W; c++) {
            const ar = sRe[p0 + c]!, ai = sIm[p0 + c]!, br = sRe[p1 + c]!, bi = sIm[p1 + c]!;
            const cr = sRe[p2 + c]!, ci = sIm[p2 + c]!, dr = sRe[p3 + c]!, di = sIm[p3 + c]!;
            const e0r = ar + br, e0i = ai + bi, e1r = ar - br, e1i = ai - bi;
            const f0r = cr + dr, f0i = ci + di, f1r = cr - dr, f1i = ci - di;
            sRe[p0 + c] = e0r + f0r;
            sIm[p0 + c] = e0i + f0i;
            sRe[p2 + c] = e0r - f0r;
            sIm[p2 + c] = e0i - f0i;
            // (sign·i)·f₁ = (−sign·f₁ᵢ, sign·f₁ᵣ)
            sRe[p1 + c] = e1r - sign * f1i;
            sIm[p1 + c] = e1i + sign * f1r;
            sRe[p3 + c] = e1r + sign * f1i;
            sIm[p3 + c] = e1i - sign * f1r;
          }
          continue;
        }
        for (let c = 0; c < W; c++) {
          const ar = sRe[p0 + c]!, ai = sIm[p0 + c]!;
          const b0r = sRe[p1 + c]!, b0i = sIm[p1 + c]!;
          const br = b0r * w1r - b0i * w1i, bi = b0r * w1i + b0i * w1r;
          const c0r = sRe[p2 + c]!, c0i = sIm[p2 + c]!;
          const cr = c0r * w2r - c0i * w2i, ci = c0r * w2i + c0i * w2r;
          const d0r = sRe[p3 + c]!, d0i = sIm[p3 + c]!;
          const dr = d0r * w3r - d0i * w3i, di = d0r * w3i + d0i * w3r;
          const e0r = ar + br, e0i = ai + bi, e1r = ar - br, e1i = ai - bi;
          const f0r = cr + dr, f0i = ci + di, f1r = cr - dr, f1i = ci - di;
          sRe[p0 + c] = e0r + f0r;
          sIm[p0 + c] = e0i + f0i;
          sRe[p2 + c] = e0r - f0r;
          sIm[p2 + c] = e0i - f0i;
          sRe[p1 + c] = e1r - sign * f1i;
          sIm[p1 + c] = e1i + sign * f1r;
          sRe[p3 + c] = e1r + sign * f1i;
          sIm[p3 + c] = e1i - sign * f1r;
        }
      }
    }
  }
}
