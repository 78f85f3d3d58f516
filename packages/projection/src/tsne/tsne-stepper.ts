import type { Stepper } from '../runtime/stepper.js';
import type { StepInfo } from '../types.js';
import { attractiveForces, klDivergence } from './attractive-forces.js';
import { exactRepulsion } from './exact-repulsion.js';
import { FftRepulsion, fftGridSize } from './fft-repulsion.js';
import type { JointAffinities } from './symmetrize-affinities.js';

/** The optimiser's schedule (openTSNE names camelCased; all validated by the caller). */
export interface TsneSchedule {
  readonly earlyExaggerationIter: number;
  readonly earlyExaggeration: number;
  readonly nIter: number;
  readonly exaggeration: number;
  /** A fixed rate, or 'auto' = n / exaggeration of the current phase. */
  readonly learningRate: number | 'auto';
  readonly initialMomentum: number;
  readonly finalMomentum: number;
  /** Per-point step clip; Infinity disables it. */
  readonly maxStepNorm: number;
  /** 'auto' picks, each iteration, whichever of the two is cheaper for n and the FFT grid the layout needs. */
  readonly negativeGradientMethod: 'auto' | 'fft' | 'exact';
  /** Iterations between KL evaluations (StepInfo.loss, the KL(P‖Q) of the layout the step started from); the last step always reports it. */
  readonly lossEvery: number;
}

/**
 * openTSNE's batch gradient descent (`tsne.py: gradient_descent`, methods.md §7.4) as a `Stepper`: one iteration
 * per `step()`, first `earlyExaggerationIter` iterations with P·earlyExaggeration and `initialMomentum`, then
 * `nIter` with P·exaggeration and `finalMomentum`; gains and update carry over between the phases.
 * Per iteration: gradient = attraction over P's nonzeros − repulsion/Z (FFT interpolation or exact); gains
 * +0.2 where sign(update) ≠ sign(grad) (numpy sign, so 0 counts), else 0.8·g + 0.01; update = μ·update −
 * lr·gains·grad; each point's update clipped to `maxStepNorm`; y += update; y −= mean(y).
 *
 * State is float64 (`y`); `layout` is its float32 copy, refreshed after every step. Cost per step:
 * O(nnz(P)) + O(n²) exact or O(n + N² log N) FFT. Deterministic. Does not mutate P; owns `y` (copied in).
 */
export class TsneStepper implements Stepper {
  readonly layout: Float32Array;
  readonly rows: number;
  readonly dims = 2;
  readonly totalSteps: number;
  private readonly y: Float64Array;
  private readonly update: Float64Array;
  private readonly gains: Float64Array;
  private readonly attract: Float64Array;
  private readonly repel: Float64Array;
  private readonly fft = new FftRepulsion();
  private iteration = 0;

  constructor(private readonly P: JointAffinities, init: Float64Array, private readonly s: TsneSchedule) {
    const n = P.n;
    this.rows = n;
    this.totalSteps = s.earlyExaggerationIter + s.nIter;
    this.y = init.slice();
    this.update = new Float64Array(2 * n);
    this.gains = new Float64Array(2 * n).fill(1);
    this.attract = new Float64Array(2 * n);
    this.repel = new Float64Array(2 * n);
    this.layout = Float32Array.from(this.y);
  }

  get done(): boolean {
    return this.iteration >= this.totalSteps;
  }

  /** `'early-exaggeration'` or `'optimize'`: the phase the next step belongs to. */
  get phase(): 'early-exaggeration' | 'optimize' {
    return this.iteration < this.s.earlyExaggerationIter ? 'early-exaggeration' : 'optimize';
  }

  /** The current layout in float64 (live; copy to keep). */
  get positions(): Float64Array {
    return this.y;
  }

  /**
   * Exact or FFT for this iteration. 'auto' compares the measured unit costs (bench/RESULTS.md): about 2.5 ns per
   * exact pair (n²/2 pairs) against about 18 ns per N²·log₂N of the FFT grid the current extent needs.
   */
  private useExact(): boolean {
    const method = this.s.negativeGradientMethod;
    if (method !== 'auto') return method === 'exact';
    const { y } = this;
    const n = this.rows;
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = 0; t < 2 * n; t++) {
      const v = y[t]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const N = fftGridSize(Math.max(hi - lo, 1e-12));
    return 2.5 * (n * n) / 2 < 18 * N * N * Math.log2(N);
  }

  step(): StepInfo {
    const { P, y, update, gains, attract, repel, s } = this;
    const n = this.rows;
    const early = this.iteration < s.earlyExaggerationIter;
    const ex = early ? s.earlyExaggeration : s.exaggeration;
    const momentum = early ? s.initialMomentum : s.finalMomentum;
    const lr = s.learningRate === 'auto' ? n / ex : s.learningRate;
    attractiveForces(P, y, ex, attract);
    const z = this.useExact() ? exactRepulsion(y, n, repel) : this.fft.compute(y, n, repel);
    const invZ = z > 0 ? 1 / z : 0;
    const step = this.iteration;
    const loss = step + 1 === this.totalSteps || (step + 1) % s.lossEvery === 0 ? klDivergence(P, y, z) : undefined;
    const maxStep = s.maxStepNorm;
    let mx = 0;
    let my = 0;
    for (let i = 0; i < n; i++) {
      let ux = 0;
      let uy = 0;
      for (let a = 0; a < 2; a++) {
        const t = 2 * i + a;
        const g = attract[t]! - repel[t]! * invZ;
        const u = update[t]!;
        const gain = Math.sign(u) !== Math.sign(g) ? gains[t]! + 0.2 : gains[t]! * 0.8 + 0.01;
        gains[t] = gain;
        const next = momentum * u - lr * gain * g;
        if (a === 0) ux = next;
        else uy = next;
      }
      const norm = Math.sqrt(ux * ux + uy * uy);
      if (norm > maxStep) {
        const f = maxStep / norm;
        ux *= f;
        uy *= f;
      }
      update[2 * i] = ux;
      update[2 * i + 1] = uy;
      y[2 * i]! += ux;
      y[2 * i + 1]! += uy;
      mx += y[2 * i]!;
      my += y[2 * i + 1]!;
    }
    mx /= n;
    my /= n;
    const layout = this.layout;
    for (let i = 0; i < n; i++) {
      y[2 * i]! -= mx;
      y[2 * i + 1]! -= my;
      layout[2 * i] = y[2 * i]!;
      layout[2 * i + 1] = y[2 * i + 1]!;
    }
    this.iteration++;
    return loss === undefined ? { step, total: this.totalSteps } : { step, total: this.totalSteps, loss };
  }
}
