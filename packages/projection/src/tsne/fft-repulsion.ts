import { Fft2d, nextFft2dSize } from '../fft/fft-2d.js';

/** Interpolation nodes per box and axis (openTSNE `n_interpolation_points`). */
const P = 3;
/**
 * Fewest boxes per axis. openTSNE's `min_num_intervals` is 50 (a 300² FFT with FFTW); here the FFT grid is
 * chosen by box width ≤ 1 alone down to 20 boxes (N = 128), which keeps the error at FIt-SNE's level (tested) while
 * the layout is small, as it is through early exaggeration.
 */
const MIN_BOXES = 20;
/** Box widths are rounded up to 2^(j/16), so the kernel spectrum can be reused while the layout's extent barely moves. */
const WIDTH_STEPS = 16;
/** Largest FFT side: caps memory at 6 grids of N·(N + 8) float64 (≈ 200 MB at 2,048). Wider layouts get boxes wider than 1. */
const MAX_FFT = 2048;

/** The FFT side N that `FftRepulsion.compute` uses for a layout whose bounding square has side `range`. */
export function fftGridSize(range: number): number {
  const wanted = Math.max(MIN_BOXES, Math.ceil(range));
  return Math.min(MAX_FFT, nextFft2dSize(2 * P * wanted - 1));
}

/**
 * The repulsive half of the t-SNE gradient by FFT-accelerated interpolation (FIt-SNE, Linderman et al.,
 * *Nat. Methods* 2019; openTSNE `_tsne.pyx: estimate_negative_gradient_fft_2d`; methods.md §7.6).
 *
 * The bounding square of the layout is cut into B×B boxes (B ≥ max(20, side length), so boxes are at most 1
 * wide, then grown to fill the FFT size; widths rounded up to 2^(j/16)), with 3×3 equispaced Lagrange nodes per box. The charges 1, y₁,
 * y₂, ‖y‖² are spread onto the (3B)² node grid, convolved with q̃² = 1/(1 + r²)² by a zero-padded 2-D FFT
 * (circulant embedding of side N ≥ 6B − 1, N = 2^a, 3·2^a or 5·2^a; the four real grids travel as two complex
 * ones; the kernel's spectrum is real, pre-divided by N²), and interpolated back. From those potentials:
 * out_i = y_i·φ₁ − (φ₂, φ₃) ≈ Σ_j q̃_ij²·(y_i − y_j) and
 * Z = Σ_i [(1 + ‖y_i‖²)·φ₁ − 2·y_i·(φ₂, φ₃) + φ₄] − n. Relative error about 1e-3 with boxes ≤ 0.5 wide, 1e-2–3e-2
 * with boxes near 1 (tested against `exactRepulsion`).
 *
 * Cost per call: O(n·36) spreading/gathering + O(N² log N) for two `Fft2d.convolve` calls (each a forward and an
 * inverse 2-D FFT that skip the zero padding and the unused output quadrant; a full forward FFT for the kernel when
 * the box width changes); memory O(n + N²), buffers reused across calls, nothing allocated per call once the grid size
 * is stable. Deterministic. Does not mutate `y`.
 */
export class FftRepulsion {
  private fft: Fft2d | undefined;
  private aRe = new Float64Array(0);
  private aIm = new Float64Array(0);
  private bRe = new Float64Array(0);
  private bIm = new Float64Array(0);
  private kRe = new Float64Array(0);
  private kIm = new Float64Array(0);
  private base = new Int32Array(0);
  private weights = new Float64Array(0);
  private kernelWidth = NaN;

  /** Grid side N of the last call (for tests and benchmarks). */
  get fftSize(): number {
    return this.fft?.size ?? 0;
  }

  /** Writes out_i ≈ Σ_j q̃_ij²·(y_i − y_j) into `out` (n×2) and returns Z ≈ Σ_{i≠j} q̃_ij; see the class doc. */
  compute(y: Float64Array, n: number, out: Float64Array): number {
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = 0; t < 2 * n; t++) {
      const v = y[t]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = Math.max(hi - lo, 1e-12);
    const N = fftGridSize(range);
    const B = Math.floor((N + 1) / (2 * P));
    const m = P * B;
    // Box width ≥ range/B, rounded up to 2^(j/16): the grid covers [lo, lo + B·h] ⊇ [lo, hi].
    const level = Math.ceil(Math.log2(range / B) * WIDTH_STEPS);
    let h = 2 ** (level / WIDTH_STEPS);
    if (h * B < range) h = range / B;
    this.ensure(N, n);
    const S = this.fft!.rowStride;
    const { aRe, aIm, bRe, bIm, base, weights } = this;
    const fft = this.fft!;

    // Lagrange weights of each point to the 3 nodes of its box, per axis (nodes at 1/6, 1/2, 5/6 of the box).
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < 2; a++) {
        const u = (y[2 * i + a]! - lo) / h;
        let box = Math.floor(u);
        if (box > B - 1) box = B - 1;
        if (box < 0) box = 0;
        const x = u - box;
        base[2 * i + a] = P * box;
        const w = 6 * i + 3 * a;
        weights[w] = 4.5 * (x - 0.5) * (x - 5 / 6);
        weights[w + 1] = -9 * (x - 1 / 6) * (x - 5 / 6);
        weights[w + 2] = 4.5 * (x - 1 / 6) * (x - 0.5);
      }
    }

    // Spread charges: A = 1 + i·y₁, B = y₂ + i·‖y‖², on grid rows = axis-2 node, columns = axis-1 node.
    // Only [0, m)² is read by the forward transform; the rest of the grids may hold the last call's values.
    for (let r = 0; r < m; r++) {
      aRe.fill(0, r * S, r * S + m);
      aIm.fill(0, r * S, r * S + m);
      bRe.fill(0, r * S, r * S + m);
      bIm.fill(0, r * S, r * S + m);
    }
    for (let i = 0; i < n; i++) {
      const y1 = y[2 * i]!;
      const y2 = y[2 * i + 1]!;
      const sq = y1 * y1 + y2 * y2;
      const c0 = base[2 * i]!;
      const r0 = base[2 * i + 1]!;
      for (let b = 0; b < 3; b++) {
        const wy = weights[6 * i + 3 + b]!;
        const row = (r0 + b) * S + c0;
        for (let a = 0; a < 3; a++) {
          const w = wy * weights[6 * i + a]!;
          const p = row + a;
          aRe[p]! += w;
          aIm[p]! += w * y1;
          bRe[p]! += w * y2;
          bIm[p]! += w * sq;
        }
      }
    }

    if (this.kernelWidth !== h) this.kernelSpectrum(N, S, m, h);
    fft.convolve(aRe, aIm, this.kRe, m, m);
    fft.convolve(bRe, bIm, this.kRe, m, m);
    return this.gather(y, n, S, out);
  }

  /** Spectrum of the kernel q̃² at node offsets (spacing `delta`), embedded circulantly; cached by box width. */
  private kernelSpectrum(N: number, S: number, m: number, h: number): void {
    const { kRe, kIm } = this;
    const delta = h / P;
    kRe.fill(0);
    kIm.fill(0);
    const d2 = delta * delta;
    for (let r = 0; r < N; r++) {
      const dr = r < m ? r : r > N - m ? r - N : NaN;
      if (Number.isNaN(dr)) continue;
      for (let c = 0; c < N; c++) {
        const dc = c < m ? c : c > N - m ? c - N : NaN;
        if (Number.isNaN(dc)) continue;
        const q = 1 / (1 + (dr * dr + dc * dc) * d2);
        kRe[r * S + c] = q * q;
      }
    }
    this.fft!.forward(kRe, kIm);
    // The spectrum of a real even kernel is real; fold in the inverse transform's 1/N².
    const scale = 1 / (N * N);
    for (let t = 0; t < N * S; t++) kRe[t]! *= scale;
    this.kernelWidth = h;
  }

  /** Interpolates the four potentials back to the points; writes the forces and returns Z. */
  private gather(y: Float64Array, n: number, S: number, out: Float64Array): number {
    const { aRe, aIm, bRe, bIm, base, weights } = this;
    let z = 0;
    for (let i = 0; i < n; i++) {
      const c0 = base[2 * i]!;
      const r0 = base[2 * i + 1]!;
      let p1 = 0, p2 = 0, p3 = 0, p4 = 0;
      for (let b = 0; b < 3; b++) {
        const wy = weights[6 * i + 3 + b]!;
        const row = (r0 + b) * S + c0;
        for (let a = 0; a < 3; a++) {
          const w = wy * weights[6 * i + a]!;
          const p = row + a;
          p1 += w * aRe[p]!;
          p2 += w * aIm[p]!;
          p3 += w * bRe[p]!;
          p4 += w * bIm[p]!;
        }
      }
      const y1 = y[2 * i]!;
      const y2 = y[2 * i + 1]!;
      z += (1 + y1 * y1 + y2 * y2) * p1 - 2 * (y1 * p2 + y2 * p3) + p4;
      out[2 * i] = y1 * p1 - p2;
      out[2 * i + 1] = y2 * p1 - p3;
    }
    return z - n;
  }

  private ensure(N: number, n: number): void {
    if (this.fft?.size !== N) {
      this.fft = new Fft2d(N, N + 8);
      const len = N * (N + 8);
      this.aRe = new Float64Array(len);
      this.aIm = new Float64Array(len);
      this.bRe = new Float64Array(len);
      this.bIm = new Float64Array(len);
      this.kRe = new Float64Array(len);
      this.kIm = new Float64Array(len);
      this.kernelWidth = NaN;
    }
    if (this.base.length !== 2 * n) {
      this.base = new Int32Array(2 * n);
      this.weights = new Float64Array(6 * n);
    }
  }
}
