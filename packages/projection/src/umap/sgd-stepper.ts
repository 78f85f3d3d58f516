import type { Csr } from '../graph/csr.js';
import type { Stepper } from '../runtime/stepper.js';
import type { Rng, StepInfo } from '../types.js';
import { KERNEL_STEPS_PER_UNIT, KERNEL_TABLE_RANGE, kernelTable } from './kernel-table.js';

const TABLE_END = KERNEL_TABLE_RANGE * KERNEL_STEPS_PER_UNIT;
const ATTRACTION_TABLE_FROM = KERNEL_STEPS_PER_UNIT / 4;

/** What UMAP's SGD optimises (methods.md §4.2 step 9 for `fit`, §4.4 step 7 for `transform`). */
export interface SgdProblem {
  /** Edges as a CSR graph: row = head (moved point), column = tail, value = weight w > 0. Pruned already. */
  readonly graph: Csr;
  /** Head layout, rows×2 float32, optimised in place (the stepper's `layout`). */
  readonly head: Float32Array;
  /** Tail layout, cols×2; the same array as `head` in `fit`, the fixed training layout in `transform`. */
  readonly tail: Float32Array;
  /** Move the tail of an edge too (`move_other`: true in fit, false in transform). */
  readonly moveOther: boolean;
  readonly a: number;
  readonly b: number;
  /** Repulsion strength γ. */
  readonly gamma: number;
  /** Initial learning rate α₀, decayed linearly to 0. */
  readonly alpha: number;
  readonly negativeSampleRate: number;
  readonly nEpochs: number;
  /** Seeds the negative-sample stream. */
  readonly rng: Rng;
}

/**
 * umap-learn's `optimize_layout_euclidean` as a `Stepper`, one epoch per `step()`, 2-D only. Each edge e with
 * weight w_e is sampled every max(w)/w_e epochs: attraction c = −2ab·D^{b−1}/(1 + a·D^b) (D = squared distance,
 * c = 0 at D = 0), each coordinate step clipped to ±4, both ends moved when `moveOther`; then
 * ⌊(t − next_neg)/epochs_per_neg⌋ negatives drawn uniformly from the tails, repulsion c = 2γb/((0.001 + D)(1 + a·D^b))
 * on the head only (0 at D = 0), with 1/(1 + a·D^b) read from `kernelTable` (interpolated, error ≤ 1.5e-4). α = α₀(1 − t/nEpochs) after epoch t (epochs 0 and 1 both run at α₀).
 * Cost per epoch O(|E| + sampled updates); all state in typed arrays; deterministic given `rng`.
 * Mutates `problem.head` (and `tail` when it is the same array).
 */
export class SgdStepper implements Stepper {
  readonly layout: Float32Array;
  readonly rows: number;
  readonly dims = 2;
  readonly totalSteps: number;
  #epoch = 0;
  #alpha: number;
  readonly #p: SgdProblem;
  readonly #heads: Int32Array;
  readonly #tails: Int32Array;
  readonly #epochsPerSample: Float64Array;
  readonly #nextSample: Float64Array;
  readonly #epochsPerNeg: Float64Array;
  readonly #nextNeg: Float64Array;
  readonly #nTail: number;
  readonly #rngState = new Int32Array(2);

  constructor(problem: SgdProblem) {
    this.#p = problem;
    this.layout = problem.head;
    this.rows = problem.graph.rows;
    this.totalSteps = problem.nEpochs;
    this.#alpha = problem.alpha;
    this.#nTail = problem.graph.cols;
    const { indptr, indices, values } = problem.graph;
    const m = indices.length;
    this.#heads = new Int32Array(m);
    this.#tails = Int32Array.from(indices);
    for (let i = 0; i < problem.graph.rows; i++) this.#heads.fill(i, indptr[i]!, indptr[i + 1]!);
    let max = 0;
    for (let t = 0; t < m; t++) if (values[t]! > max) max = values[t]!;
    this.#epochsPerSample = new Float64Array(m);
    this.#epochsPerNeg = new Float64Array(m);
    for (let t = 0; t < m; t++) {
      const eps = max / values[t]!;
      this.#epochsPerSample[t] = eps;
      this.#epochsPerNeg[t] = eps / problem.negativeSampleRate;
    }
    this.#nextSample = this.#epochsPerSample.slice();
    this.#nextNeg = this.#epochsPerNeg.slice();
    // xorshift64-style pair of 32-bit words seeded from the caller's Rng (never zero).
    this.#rngState[0] = Math.floor(problem.rng() * 4294967296) | 1;
    this.#rngState[1] = Math.floor(problem.rng() * 4294967296) ^ 0x9e3779b9 || 1;
  }

  get done(): boolean {
    return this.#epoch >= this.totalSteps;
  }

  /** The epoch index of the next `step()`. */
  get epoch(): number {
    return this.#epoch;
  }

  step(): StepInfo {
    const t = this.#epoch;
    const p = this.#p;
    sgdEpoch(p.head, p.tail, this.#heads, this.#tails, this.#epochsPerSample, this.#nextSample, this.#epochsPerNeg, this.#nextNeg, this.#rngState, this.#nTail, p.moveOther, p.a, p.b, p.gamma, this.#alpha, t);
    this.#epoch = t + 1;
    this.#alpha = p.alpha * (1 - t / this.totalSteps);
    return { step: t, total: this.totalSteps };
  }
}

/**
 * One epoch over all edges (see `SgdStepper`). A free function of typed arrays and numbers so the engine
 * keeps it optimised; `rngState` is the xorshift64 state (two int32 words), advanced in place.
 */
function sgdEpoch(
  head: Float32Array,
  tail: Float32Array,
  heads: Int32Array,
  tails: Int32Array,
  eps: Float64Array,
  next: Float64Array,
  epn: Float64Array,
  nextNeg: Float64Array,
  rngState: Int32Array,
  nTail: number,
  moveOther: boolean,
  a: number,
  b: number,
  gamma: number,
  alpha: number,
  t: number,
): void {
  const m = heads.length;
  const table = kernelTable(a, b);
  const twoAB = 2 * a * b;
  const twoB = 2 * b;
  const twoGB = 2 * gamma * b;
  let s0 = rngState[0]!;
  let s1 = rngState[1]!;
  const sameArrays = head === tail;
  const range = nTail / 4294967296;
  for (let e = 0; e < m; e++) {
    if (next[e]! > t) continue;
    const j = heads[e]!;
    const k = tails[e]!;
    const jx = 2 * j;
    const kx = 2 * k;
    let yj0 = head[jx]!;
    let yj1 = head[jx + 1]!;
    const dx = yj0 - tail[kx]!;
    const dy = yj1 - tail[kx + 1]!;
    const D = dx * dx + dy * dy;
    if (D > 0) {
      // c = −2ab·D^{b−1}/(1 + a·D^b) = −2b·(1 − q)/D with q = 1/(1 + a·D^b): from the table when r = √D ≥ 1/4
      // (relative error of 1 − q below 2e-3 there for every minDist ≤ spread fit), exactly below.
      const u = Math.sqrt(D) * KERNEL_STEPS_PER_UNIT;
      let c: number;
      if (u >= ATTRACTION_TABLE_FROM && u < TABLE_END) {
        const i = u | 0;
        const q0 = table[i]!;
        c = (-twoB * (1 - (q0 + (u - i) * (table[i + 1]! - q0)))) / D;
      } else {
        const pb = Math.exp(b * Math.log(D));
        c = (-twoAB * pb) / (D * (a * pb + 1));
      }
      let g0 = c * dx;
      let g1 = c * dy;
      g0 = g0 > 4 ? 4 : g0 < -4 ? -4 : g0;
      g1 = g1 > 4 ? 4 : g1 < -4 ? -4 : g1;
      head[jx] = yj0 + g0 * alpha;
      head[jx + 1] = yj1 + g1 * alpha;
      if (moveOther) {
        tail[kx] = tail[kx]! - g0 * alpha;
        tail[kx + 1] = tail[kx + 1]! - g1 * alpha;
      }
      // Re-read in float32, as the reference works on a float32 layout.
      yj0 = head[jx]!;
      yj1 = head[jx + 1]!;
    }
    next[e] = next[e]! + eps[e]!;
    const q = (t - nextNeg[e]!) / epn[e]!;
    if (!(q >= 1)) continue;
    const nNeg = Math.floor(q);
    for (let p = 0; p < nNeg; p++) {
      // xorshift64 on two int32 words (Marsaglia 2003, "Xorshift RNGs", shifts 23/17/26).
      let x = s0;
      const y = s1;
      s0 = y;
      x ^= x << 23;
      x ^= x >>> 17;
      x ^= y ^ (y >>> 26);
      s1 = x | 0;
      // Multiply-shift range reduction (Lemire 2019) in float arithmetic: no integer division.
      const r = (((s0 + s1) >>> 0) * range) | 0;
      if (sameArrays && r === j) continue;
      const rx = 2 * r;
      const ex = yj0 - tail[rx]!;
      const ey = yj1 - tail[rx + 1]!;
      const Dn = ex * ex + ey * ey;
      if (Dn > 0) {
        // q = 1/(1 + a·Dn^b), interpolated in the distance r = √Dn (exact beyond the table).
        const u = Math.sqrt(Dn) * KERNEL_STEPS_PER_UNIT;
        let q: number;
        if (u < TABLE_END) {
          const i = u | 0;
          const q0 = table[i]!;
          q = q0 + (u - i) * (table[i + 1]! - q0);
        } else {
          q = 1 / (a * Math.exp(b * Math.log(Dn)) + 1);
        }
        const c = (twoGB * q) / (0.001 + Dn);
        let g0 = c * ex;
        let g1 = c * ey;
        g0 = g0 > 4 ? 4 : g0 < -4 ? -4 : g0;
        g1 = g1 > 4 ? 4 : g1 < -4 ? -4 : g1;
        yj0 += g0 * alpha;
        yj1 += g1 * alpha;
      }
    }
    head[jx] = yj0;
    head[jx + 1] = yj1;
    nextNeg[e] = nextNeg[e]! + nNeg * epn[e]!;
  }
  rngState[0] = s0;
  rngState[1] = s1;
}
