import { Fft2d, nextFft2dSize } from '../fft/fft-2d.js';

/** Interpolation nodes per box and axis (openTSNE `n_interpolation_points`). */
const P = 3;
/** openTSNE's `min_num_intervals`. */
const MIN_BOXES = 50;
/** Empty margin around the reference, as a fraction of its half-extent (openTSNE `prepare_interpolation_grid(padding=0.25)`). */
const PADDING = 0.25;
/** Largest FFT side (boxes grow wider than 1 beyond it). */
const MAX_FFT = 2048;

/** The FFT side `ReferencePotentialGrid` uses for a centred reference whose largest |coordinate| is `radius`. */
export function referenceGridSize(radius: number): number {
  const wanted = Math.max(MIN_BOXES, Math.ceil(2 * radius * (1 + PADDING)));
  return Math.min(MAX_FFT, nextFft2dSize(2 * P * wanted - 1));
}

/**
 * The repulsive field of a fixed reference layout, for embedding new points against it (openTSNE
 * `_tsne.pyx: prepare_negative_gradient_fft_interpolation_grid_2d` and `estimate_negative_gradient_fft_2d_with_grid`,
 * methods.md §7.8). Built once: the reference (n×2, centred on its bounding-box midpoint) is enclosed in the square
 * [−L, L]², L = 1.25·max|coordinate|, cut into B×B boxes (B ≥ max(50, 2L), boxes ≤ 1 wide, B grown to fill the FFT
 * size) with 3×3 Lagrange nodes each; the charges 1, r₁, r₂, ‖r‖² are spread onto the nodes and convolved with
 * q̃² = 1/(1 + d²)² by FFT (circulant embedding, `Fft2d`). The four potentials at the nodes are kept, interleaved.
 *
 * `evaluate` then interpolates them at any point y inside the square: φ₁ = Σ_j q̃²(y, r_j), (φ₂, φ₃) = Σ_j q̃²·r_j,
 * φ₄ = Σ_j q̃²·‖r_j‖², hence Z(y) = Σ_j q̃(y, r_j) = (1 + ‖y‖²)·φ₁ − 2·y·(φ₂, φ₃) + φ₄ and the force
 * Σ_j q̃²·(y − r_j) = y·φ₁ − (φ₂, φ₃). Relative error about 1e-2 with boxes near 1 wide (tested against the exact sums).
 *
 * Cost: O(n·9) + O(N² log N) to build (N ≤ 2,048), O(9) per evaluated point; memory 4·(3B)² float64 after the build
 * (about 33 MB at B = 341). Does not keep or mutate the reference.
 */
export class ReferencePotentialGrid {
  /** Half side L of the square the grid covers ([−L, L]²); also the radius of the disc new points are kept in. */
  readonly halfSide: number;
  /** Boxes per axis. */
  readonly boxes: number;
  /** FFT side used for the build. */
  readonly fftSize: number;
  private readonly h: number;
  private readonly nodes: number;
  /** Potentials φ₁..φ₄ per node, node (row r = axis 2, column c = axis 1) at 4·(r·nodes + c). */
  private readonly potentials: Float64Array;
  /** Scratch Lagrange weights (3 per axis). */
  private readonly w = new Float64Array(6);

  /** @param ref centred reference layout, n×2 row-major float64. */
  constructor(ref: Float64Array, n: number) {
    let radius = 0;
    for (let t = 0; t < 2 * n; t++) radius = Math.max(radius, Math.abs(ref[t]!));
    const L = Math.max(radius * (1 + PADDING), 1e-6);
    const N = referenceGridSize(radius);
    const B = Math.floor((N + 1) / (2 * P));
    const m = P * B;
    const h = (2 * L) / B;
    this.halfSide = L;
    this.boxes = B;
    this.fftSize = N;
    this.h = h;
    this.nodes = m;
    const S = N + 8;
    const fft = new Fft2d(N, S);
    const aRe = new Float64Array(N * S);
    const aIm = new Float64Array(N * S);
    const bRe = new Float64Array(N * S);
    const bIm = new Float64Array(N * S);
    const w = this.w;
    for (let j = 0; j < n; j++) {
      const r1 = ref[2 * j]!;
      const r2 = ref[2 * j + 1]!;
      const c0 = this.weights(r1, w, 0);
      const row0 = this.weights(r2, w, 3);
      const sq = r1 * r1 + r2 * r2;
      for (let b = 0; b < 3; b++) {
        const row = (row0 + b) * S + c0;
        for (let a = 0; a < 3; a++) {
          const wt = w[3 + b]! * w[a]!;
          aRe[row + a]! += wt;
          aIm[row + a]! += wt * r1;
          bRe[row + a]! += wt * r2;
          bIm[row + a]! += wt * sq;
        }
      }
    }
    const kRe = new Float64Array(N * S);
    const kIm = new Float64Array(N * S);
    const d2 = (h / P) * (h / P);
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
    fft.forward(kRe, kIm);
    const scale = 1 / (N * N);
    for (let t = 0; t < N * S; t++) kRe[t]! *= scale;
    fft.convolve(aRe, aIm, kRe, m, m);
    fft.convolve(bRe, bIm, kRe, m, m);
    const pot = new Float64Array(4 * m * m);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) {
        const s = r * S + c;
        const o = 4 * (r * m + c);
        pot[o] = aRe[s]!;
        pot[o + 1] = aIm[s]!;
        pot[o + 2] = bRe[s]!;
        pot[o + 3] = bIm[s]!;
      }
    }
    this.potentials = pot;
  }

  /** Lagrange weights of coordinate v to the 3 nodes of its box, into w[o..o+2]; returns the first node's index. */
  private weights(v: number, w: Float64Array, o: number): number {
    const u = (v + this.halfSide) / this.h;
    let box = Math.floor(u);
    if (box > this.boxes - 1) box = this.boxes - 1;
    if (box < 0) box = 0;
    const x = u - box;
    w[o] = 4.5 * (x - 0.5) * (x - 5 / 6);
    w[o + 1] = -9 * (x - 1 / 6) * (x - 5 / 6);
    w[o + 2] = 4.5 * (x - 1 / 6) * (x - 0.5);
    return P * box;
  }

  /**
   * For each of the m points y (m×2 float64, inside [−L, L]²; outside ones are extrapolated from the edge boxes),
   * writes Σ_j q̃²·(y − r_j) / Z(y) into `out` (m×2) — the reference's repulsion normalised per point, as openTSNE
   * does for new points — and Z(y) = Σ_j q̃(y, r_j) into `z` (m). O(9·m). Does not mutate `y`.
   */
  evaluate(y: Float64Array, m: number, out: Float64Array, z: Float64Array): void {
    const { potentials: pot, nodes, w } = this;
    for (let i = 0; i < m; i++) {
      const y1 = y[2 * i]!;
      const y2 = y[2 * i + 1]!;
      const c0 = this.weights(y1, w, 0);
      const r0 = this.weights(y2, w, 3);
      let p1 = 0, p2 = 0, p3 = 0, p4 = 0;
      for (let b = 0; b < 3; b++) {
        const wy = w[3 + b]!;
        let o = 4 * ((r0 + b) * nodes + c0);
        for (let a = 0; a < 3; a++, o += 4) {
          const wt = wy * w[a]!;
          p1 += wt * pot[o]!;
          p2 += wt * pot[o + 1]!;
          p3 += wt * pot[o + 2]!;
          p4 += wt * pot[o + 3]!;
        }
      }
      const zi = (1 + y1 * y1 + y2 * y2) * p1 - 2 * (y1 * p2 + y2 * p3) + p4;
      z[i] = zi;
      const inv = zi > 0 ? 1 / zi : 0;
      out[2 * i] = (y1 * p1 - p2) * inv;
      out[2 * i + 1] = (y2 * p1 - p3) * inv;
    }
  }
}
