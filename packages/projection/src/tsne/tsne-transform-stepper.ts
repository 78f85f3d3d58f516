import type { Stepper } from '../runtime/stepper.js';
import type { StepInfo } from '../types.js';

/** Writes each new point's normalised reference repulsion into `out` (m×2) and its Z_i into `z` (m). */
export type ReferenceRepulsion = (y: Float64Array, m: number, out: Float64Array, z: Float64Array) => void;

/** What `TsneTransformStepper` optimises against (all validated and owned by the caller; never mutated). */
export interface TsneTransformProblem {
  /** Reference layout, n×2 float64, centred on its bounding-box midpoint. */
  readonly reference: Float64Array;
  /** m×kq reference neighbour indices of the new points. */
  readonly neighbors: Int32Array;
  /** m×kq conditional affinities aligned with `neighbors`, each row summing to 1 (not symmetrised). */
  readonly affinities: Float64Array;
  readonly kq: number;
  /** Radius of the disc (around the centred reference) new points are kept in. */
  readonly discRadius: number;
  /** Added to the centred positions for `layout` (the reference's bounding-box midpoint in the fit's frame). */
  readonly offset: readonly [number, number];
  readonly repulsion: ReferenceRepulsion;
}

/** The transform's schedule (openTSNE names camelCased). */
export interface TsneTransformSchedule {
  readonly earlyExaggerationIter: number;
  readonly earlyExaggeration: number;
  readonly nIter: number;
  readonly exaggeration: number;
  readonly learningRate: number;
  readonly initialMomentum: number;
  readonly finalMomentum: number;
  /** Infinity disables it. */
  readonly maxGradNorm: number;
  /** Infinity disables it. */
  readonly maxStepNorm: number;
  /** Iterations between loss evaluations (the last step always reports it). */
  readonly lossEvery: number;
}

/**
 * openTSNE's optimisation of a partial embedding (`PartialTSNEEmbedding.optimize` → `gradient_descent` with a
 * reference embedding; methods.md §7.8) as a `Stepper`, one iteration per `step()`. Each new point i moves alone:
 * gradient = ex·Σ_j p_{j|i}·q̃_ij·(y_i − r_j) − Σ_j q̃_ij²·(y_i − r_j)/Z_i (attraction to its kq reference neighbours,
 * repulsion from every reference point normalised per point); gradient clipped to `maxGradNorm`; gains +0.2 where
 * sign(update) ≠ sign(grad), else 0.8·g + 0.01; update = μ·update − lr·gains·grad, clipped to `maxStepNorm`;
 * y += update; no re-centring; then points outside the reference's disc are put back on its rim and their update
 * is zeroed. (openTSNE 1.0.4 means to zero the momentum of the clipped points but its mask zeroes the gains of the
 * others; its Barnes–Hut path, the default below 10,000 reference points, never clips. We do what it means.)
 *
 * State float64 in the centred frame; `layout` is the float32 m×2 copy in the fit's frame. Cost per step
 * O(m·kq) plus the repulsion (O(9m) on the grid, O(m·n) exact). Deterministic. Owns `y` (copied in).
 */
export class TsneTransformStepper implements Stepper {
  readonly layout: Float32Array;
  readonly rows: number;
  readonly dims = 2;
  readonly totalSteps: number;
  private readonly y: Float64Array;
  private readonly update: Float64Array;
  private readonly gains: Float64Array;
  private readonly repel: Float64Array;
  private readonly z: Float64Array;
  private iteration = 0;

  constructor(private readonly p: TsneTransformProblem, init: Float64Array, private readonly s: TsneTransformSchedule) {
    const m = init.length / 2;
    this.rows = m;
    this.totalSteps = s.earlyExaggerationIter + s.nIter;
    this.y = init.slice();
    this.update = new Float64Array(2 * m);
    this.gains = new Float64Array(2 * m).fill(1);
    this.repel = new Float64Array(2 * m);
    this.z = new Float64Array(m);
    this.layout = new Float32Array(2 * m);
    this.clipToDisc();
    this.writeLayout();
  }

  get done(): boolean {
    return this.iteration >= this.totalSteps;
  }

  step(): StepInfo {
    const { p, s, y, update, repel, z } = this;
    const { reference: ref, neighbors, affinities, kq } = p;
    const m = this.rows;
    const early = this.iteration < s.earlyExaggerationIter;
    const ex = early ? s.earlyExaggeration : s.exaggeration;
    const momentum = early ? s.initialMomentum : s.finalMomentum;
    const lr = s.learningRate;
    const step = this.iteration;
    const withLoss = step + 1 === this.totalSteps || (step + 1) % s.lossEvery === 0;
    p.repulsion(y, m, repel, z);
    let kl = 0;
    for (let i = 0; i < m; i++) {
      const y1 = y[2 * i]!;
      const y2 = y[2 * i + 1]!;
      let ax = 0;
      let ay = 0;
      for (let t = i * kq, end = t + kq; t < end; t++) {
        const j = neighbors[t]!;
        const dx = y1 - ref[2 * j]!;
        const dy = y2 - ref[2 * j + 1]!;
        const q = 1 / (1 + dx * dx + dy * dy);
        const w = affinities[t]! * q;
        ax += w * dx;
        ay += w * dy;
        if (withLoss && affinities[t]! > 0) kl += affinities[t]! * Math.log((affinities[t]! * z[i]!) / q);
      }
      let gx = ex * ax - repel[2 * i]!;
      let gy = ex * ay - repel[2 * i + 1]!;
      const gnorm = Math.sqrt(gx * gx + gy * gy);
      const coeff = s.maxGradNorm / (gnorm + 1e-6);
      if (coeff < 1) {
        gx *= coeff;
        gy *= coeff;
      }
      let ux = this.move(2 * i, gx, momentum, lr);
      let uy = this.move(2 * i + 1, gy, momentum, lr);
      const unorm = Math.sqrt(ux * ux + uy * uy);
      if (unorm > s.maxStepNorm) {
        ux *= s.maxStepNorm / unorm;
        uy *= s.maxStepNorm / unorm;
      }
      update[2 * i] = ux;
      update[2 * i + 1] = uy;
      y[2 * i] = y1 + ux;
      y[2 * i + 1] = y2 + uy;
    }
    this.clipToDisc();
    this.writeLayout();
    this.iteration++;
    return withLoss ? { step, total: this.totalSteps, loss: m > 0 ? kl / m : 0 } : { step, total: this.totalSteps };
  }

  /** Gains rule and momentum update for one coordinate; returns the new (unclipped) update. */
  private move(t: number, g: number, momentum: number, lr: number): number {
    const u = this.update[t]!;
    const gain = Math.sign(u) !== Math.sign(g) ? this.gains[t]! + 0.2 : this.gains[t]! * 0.8 + 0.01;
    this.gains[t] = gain;
    return momentum * u - lr * gain * g;
  }

  /** Puts points outside the disc back on its rim (same angle) and stops them. */
  private clipToDisc(): void {
    const { y, update } = this;
    const R = this.p.discRadius;
    for (let i = 0; i < this.rows; i++) {
      const r = Math.hypot(y[2 * i]!, y[2 * i + 1]!);
      if (r > R) {
        y[2 * i]! *= R / r;
        y[2 * i + 1]! *= R / r;
        update[2 * i] = 0;
        update[2 * i + 1] = 0;
      }
    }
  }

  private writeLayout(): void {
    const [cx, cy] = this.p.offset;
    const { y, layout } = this;
    for (let i = 0; i < this.rows; i++) {
      layout[2 * i] = y[2 * i]! + cx;
      layout[2 * i + 1] = y[2 * i + 1]! + cy;
    }
  }
}
