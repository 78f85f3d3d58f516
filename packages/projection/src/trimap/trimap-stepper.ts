import type { Stepper } from '../runtime/stepper.js';
import type { StepInfo } from '../types.js';
import type { TripletSet } from './generate-triplets.js';
import { trimapGradient } from './trimap-gradient.js';

/** Momentum before/after the switch (`_INIT_MOMENTUM`, `_FINAL_MOMENTUM`, `_SWITCH_ITER_MOMENTUM`). */
const INIT_MOMENTUM = 0.5;
const FINAL_MOMENTUM = 0.8;
const SWITCH_ITER = 250;
/** Delta-bar-delta gains (`_INCREASE_GAIN`, `_DAMP_GAIN`, `_MIN_GAIN`). */
const INCREASE_GAIN = 0.2;
const DAMP_GAIN = 0.8;
const MIN_GAIN = 0.01;

/**
 * TriMap's `'dbd'` optimiser (eamid/trimap 1.1.4 `trimap` loop + `update_embedding_dbd`, methods.md §8.3) as a
 * `Stepper`, one iteration per `step()`. Iteration t: γ = 0.5 while t ≤ 250, else 0.8; the gradient is taken at the
 * look-ahead point Y + γ·vel; gain += 0.2 where sign(vel) ≠ sign(grad) (numpy sign: 0 is its own sign), else
 * gain = max(0.8·gain, 0.01); vel = γ·vel − lr·gain·grad; Y += vel. No re-centering, no learning-rate adaptation.
 * Layout, velocity and gains are float32 like the reference; the gradient accumulates in float64.
 * `StepInfo.loss` is the mean triplet loss at the look-ahead point; `violated` the share of violated triplets.
 * Cost per step O(T) (T = triplets); memory 16·n + 16·n bytes besides the triplets. Owns a copy of `init`.
 */
export class TrimapStepper implements Stepper {
  readonly layout: Float32Array;
  readonly rows: number;
  readonly dims = 2;
  readonly totalSteps: number;
  /** Share of violated triplets at the last step's look-ahead point (NaN before the first step). */
  violated = NaN;
  readonly #set: TripletSet;
  readonly #lr: number;
  readonly #vel: Float32Array;
  readonly #gain: Float32Array;
  readonly #look: Float32Array;
  readonly #grad: Float64Array;
  #iter = 0;

  constructor(set: TripletSet, init: Float32Array, lr: number, nIters: number) {
    this.#set = set;
    this.#lr = lr;
    this.layout = init.slice();
    this.rows = init.length / 2;
    this.totalSteps = nIters;
    this.#vel = new Float32Array(init.length);
    this.#gain = new Float32Array(init.length).fill(1);
    this.#look = new Float32Array(init.length);
    this.#grad = new Float64Array(init.length);
  }

  get done(): boolean {
    return this.#iter >= this.totalSteps;
  }

  step(): StepInfo {
    const t = this.#iter;
    const gamma = t > SWITCH_ITER ? FINAL_MOMENTUM : INIT_MOMENTUM;
    const Y = this.layout;
    const vel = this.#vel;
    const gain = this.#gain;
    const look = this.#look;
    const grad = this.#grad;
    for (let q = 0; q < Y.length; q++) look[q] = Y[q]! + gamma * vel[q]!;
    const { loss, violated } = trimapGradient(look, this.#set.triplets, this.#set.weights, grad);
    const lr = this.#lr;
    for (let q = 0; q < Y.length; q++) {
      const g = grad[q]!;
      const v = vel[q]!;
      const gq = Math.sign(v) !== Math.sign(g) ? gain[q]! + INCREASE_GAIN : Math.max(gain[q]! * DAMP_GAIN, MIN_GAIN);
      gain[q] = gq;
      const nv = Math.fround(gamma * v - lr * Math.fround(gq) * g);
      vel[q] = nv;
      Y[q] = Y[q]! + nv;
    }
    const T = this.#set.weights.length;
    this.violated = T > 0 ? violated / T : 0;
    this.#iter = t + 1;
    return { step: t, total: this.totalSteps, loss: T > 0 ? loss / T : 0 };
  }
}
