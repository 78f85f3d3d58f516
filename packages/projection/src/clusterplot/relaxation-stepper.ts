import { knn2d } from '../metrics/knn-2d.js';
import type { Stepper } from '../runtime/stepper.js';
import type { StepInfo } from '../types.js';
import type { RowGroups } from './group-rows.js';
import { overlapDifference, type DifferenceRules } from './overlap-difference.js';
import { overlapMatrix, type SparseOverlap } from './overlap-matrix.js';

/** Inputs of the relaxation (internal). Rows 0..n−1 of `layout` are points, rows n..n+A−1 the anchors. */
export interface RelaxationInput {
  /** N×2 float32 layout (N = n + A); moved in place. */
  readonly layout: Float32Array;
  readonly n: number;
  readonly A: number;
  readonly C: number;
  /** N sub-cluster indices (anchor row n + a carries a). */
  readonly rowAnchor: Int32Array;
  /** N dense cluster indices. */
  readonly rowLabel: Int32Array;
  /** `groupRows(rowAnchor, A)`. */
  readonly groups: RowGroups;
  readonly hd: SparseOverlap;
  readonly rules: DifferenceRules;
  readonly k: number;
  readonly nIter: number;
  readonly batchSize: number;
  readonly learningRate: number | null;
  readonly magnitudeStep: boolean;
  readonly stopCriteria: number;
}

/**
 * ClusterPlot's greedy relaxation (clusterplot.md §2.7), one iteration per `step()`: exact 2-D kNN of all N rows
 * (grid, `knn2d`), R_2D, masked loss (recorded before any move; the run stops when it is < stopCriteria), then
 * `batchSize` times, on the same (stale) R_2D, each of the `top` worst pairs (s, t) in turn translates every row of
 * sub-cluster s (its points and its anchor row) by dir·step·(p_t − p_s), where p are the current 2-D anchor rows,
 * dir = sign(R_HD − R_2D), step = |ΔR| (magnitudeStep) or 1, times learningRate when set. A rigid move along the
 * anchor-to-anchor line. Cost per step O(N·k) for the kNN and overlap plus O(moved rows). Mutates only `layout`.
 */
export class RelaxationStepper implements Stepper {
  readonly losses: number[] = [];
  /** Anchor indices moved, in order (for diagnostics and tests). */
  readonly moved: number[] = [];
  private iteration = 0;
  private stopped = false;

  constructor(private readonly input: RelaxationInput) {}

  get layout(): Float32Array {
    return this.input.layout;
  }

  /** Rows of the layout: N = n + A. */
  get rows(): number {
    return this.input.n + this.input.A;
  }

  get dims(): number {
    return 2;
  }

  get done(): boolean {
    return this.stopped || this.iteration >= this.input.nIter;
  }

  get totalSteps(): number {
    return this.input.nIter;
  }

  step(): StepInfo {
    const o = this.input;
    const ld = this.lowDimOverlap().R;
    const d = overlapDifference(o.hd, ld, o.rules);
    this.losses.push(d.loss);
    const step = this.iteration++;
    if (d.loss < o.stopCriteria) {
      this.stopped = true;
      return { step, total: o.nIter, loss: d.loss };
    }
    for (let b = 0; b < o.batchSize; b++) {
      for (let p = 0; p < d.source.length; p++) this.move(d.source[p]!, d.target[p]!, d.diff[p]!);
    }
    return { step, total: o.nIter, loss: d.loss };
  }

  /** The 2-D overlap of the current layout (R_2D and the C×C cluster level). */
  lowDimOverlap(): ReturnType<typeof overlapMatrix> {
    const o = this.input;
    const N = o.n + o.A;
    return overlapMatrix(knn2d(o.layout, N, o.k), o.rowAnchor, o.rowLabel, o.groups, o.A, o.C);
  }

  private move(s: number, t: number, diff: number): void {
    const o = this.input;
    const Y = o.layout;
    let step = o.magnitudeStep ? Math.abs(diff) : 1;
    if (o.learningRate !== null) step *= o.learningRate;
    const scale = (diff > 0 ? 1 : -1) * step;
    const ps = 2 * (o.n + s);
    const pt = 2 * (o.n + t);
    const dx = scale * (Y[pt]! - Y[ps]!);
    const dy = scale * (Y[pt + 1]! - Y[ps + 1]!);
    for (let p = o.groups.start[s]!; p < o.groups.start[s + 1]!; p++) {
      const i = o.groups.rows[p]!;
      Y[2 * i] = Y[2 * i]! + dx;
      Y[2 * i + 1] = Y[2 * i + 1]! + dy;
    }
    this.moved.push(s);
  }
}
