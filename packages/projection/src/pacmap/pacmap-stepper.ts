import type { Stepper } from '../runtime/stepper.js';
import type { StepInfo } from '../types.js';
import { pacmapGradient, type PacmapPairs } from './pacmap-gradient.js';
import { pacmapWeights } from './pacmap-weights.js';

/** Adam's constants in PaCMAP 0.9.1 (`pacmap`, `update_embedding_adam`). */
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;

/**
 * PaCMAP's optimiser (0.9.1 `pacmap` loop; methods.md §9.3) as a `Stepper`: one iteration per `step()` —
 * weights from the three-phase schedule (`pacmapWeights`), the gradient over the fixed pairs (`pacmapGradient`),
 * then Adam: m ← m + (1 − β₁)(g − m), v ← v + (1 − β₂)(g² − v), Y ← Y − lr_t·m/(√v + ε) with
 * lr_t = lr·√(1 − β₂^{t+1})/(1 − β₁^{t+1}), β₁ = 0.9, β₂ = 0.999, ε = 1e-7; m, v start at 0; no re-centering.
 * The layout is float32 as in the reference; m, v and the gradient are float64. `StepInfo.loss` is the loss at the
 * layout the step started from. Cost per step O(n·(nNN + nMN + nFP)); memory 7·n·2 numbers. Deterministic.
 * Owns a copy of `init` (n×2); does not mutate the pairs.
 */
export class PacmapStepper implements Stepper {
  readonly layout: Float32Array;
  readonly rows: number;
  readonly dims = 2;
  readonly totalSteps: number;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly grad: Float64Array;
  private iteration = 0;

  constructor(
    private readonly pairs: PacmapPairs,
    init: Float32Array,
    private readonly phases: readonly [number, number, number],
    private readonly lr: number,
  ) {
    this.layout = init.slice();
    this.rows = init.length >> 1;
    this.totalSteps = phases[0] + phases[1] + phases[2];
    this.m = new Float64Array(init.length);
    this.v = new Float64Array(init.length);
    this.grad = new Float64Array(init.length);
  }

  get done(): boolean {
    return this.iteration >= this.totalSteps;
  }

  step(): StepInfo {
    const itr = this.iteration;
    const loss = pacmapGradient(this.layout, this.pairs, pacmapWeights(itr, this.phases), this.grad);
    const lrT = (this.lr * Math.sqrt(1 - BETA2 ** (itr + 1))) / (1 - BETA1 ** (itr + 1));
    const { layout: Y, m, v, grad } = this;
    for (let t = 0; t < Y.length; t++) {
      const g = grad[t]!;
      m[t]! += (1 - BETA1) * (g - m[t]!);
      v[t]! += (1 - BETA2) * (g * g - v[t]!);
      Y[t] = Y[t]! - (lrT * m[t]!) / (Math.sqrt(v[t]!) + EPSILON);
    }
    this.iteration++;
    return { step: itr, total: this.totalSteps, loss };
  }
}
