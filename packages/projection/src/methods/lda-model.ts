import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';

/** The plain-data form of an `LdaModel` (structured-cloneable; what crosses a Worker boundary). */
export interface LdaModelState {
  /** The K distinct cluster ids, ascending (scikit-learn `classes_`). */
  readonly classes: Int32Array;
  /** K class frequencies n_k/n (`priors_`). */
  readonly priors: Float64Array;
  /** K×d class means, float64, row-major (`means_`). */
  readonly means: Float64Array;
  /** d-vector Σ_k π_k·μ_k, the center of `transform` (`xbar_`). */
  readonly xbar: Float64Array;
  /** d×k row-major projection, `transform(X) = (X − xbar)·scalings` (the first k columns of `scalings_`). */
  readonly scalings: Float64Array;
  /** Between-class variance share of each discriminant axis, min(K−1, d) entries (`explained_variance_ratio_`). */
  readonly explainedVarianceRatio: Float64Array;
  /** k, the number of output axes. */
  readonly nComponents: number;
  readonly nFeatures: number;
  /** How many of the k axes are true discriminant axes (min(k, rankBetween)); the rest are filled (see `notes`). */
  readonly nDiscriminant: number;
  /** Rank of the scaled within-class data (singular values > 1e-4). */
  readonly rankWithin: number;
  /** Rank of the between-class matrix (singular values > 1e-4 × the largest). */
  readonly rankBetween: number;
  /** Human-readable notes on departures from plain scikit-learn output (filled or zero axes). */
  readonly notes: readonly string[];
}

/**
 * A fitted linear discriminant analysis (scikit-learn `LinearDiscriminantAnalysis(solver='svd')` semantics,
 * methods.md §3): `transform(X) = (X − xbar)·scalings`, axes in decreasing between-class separation, in units
 * of the pooled within-class standard deviation (n − K denominator).
 *
 * Sign rule (scikit-learn leaves LAPACK's signs as they come): on each axis, the class mean with the largest
 * |projection| (first class on ties) projects to a positive value.
 */
export class LdaModel implements LdaModelState {
  readonly classes: Int32Array;
  readonly priors: Float64Array;
  readonly means: Float64Array;
  readonly xbar: Float64Array;
  readonly scalings: Float64Array;
  readonly explainedVarianceRatio: Float64Array;
  readonly nComponents: number;
  readonly nFeatures: number;
  readonly nDiscriminant: number;
  readonly rankWithin: number;
  readonly rankBetween: number;
  readonly notes: readonly string[];

  constructor(state: LdaModelState) {
    this.classes = state.classes;
    this.priors = state.priors;
    this.means = state.means;
    this.xbar = state.xbar;
    this.scalings = state.scalings;
    this.explainedVarianceRatio = state.explainedVarianceRatio;
    this.nComponents = state.nComponents;
    this.nFeatures = state.nFeatures;
    this.nDiscriminant = state.nDiscriminant;
    this.rankWithin = state.rankWithin;
    this.rankBetween = state.rankBetween;
    this.notes = state.notes;
  }

  /** Rebuilds a model from `toJSON()` output, e.g. after a Worker round trip. */
  static fromState(state: LdaModelState): LdaModel {
    return new LdaModel(state);
  }

  /** The plain data of this model (typed arrays shared, not copied). */
  toJSON(): LdaModelState {
    const { classes, priors, means, xbar, scalings, explainedVarianceRatio, nComponents, nFeatures, nDiscriminant, rankWithin, rankBetween, notes } = this;
    return { classes, priors, means, xbar, scalings, explainedVarianceRatio, nComponents, nFeatures, nDiscriminant, rankWithin, rankBetween, notes };
  }

  /**
   * Projects m×d data: returns m×k float32, row-major. O(m·d·k), float64 accumulation; does not mutate X.
   * @throws ProjectionInputError when X is not finite or its column count differs from the fit.
   */
  transform(X: MatrixInput): Float32Array {
    const m = toMatrix(X, { name: 'X' });
    if (m.cols !== this.nFeatures) {
      throw new ProjectionInputError('X.cols', m.cols, `must equal the ${this.nFeatures} features the LDA was fitted on`);
    }
    return ldaProjectRows(m.data, this, 0, m.rows, new Float32Array(m.rows * this.nComponents));
  }
}

/** Writes (x_i − xbar)·scalings for rows [from, to) of `data` (n×d) into `out` (n×k). Internal kernel. */
export function ldaProjectRows(
  data: Float32Array | Float64Array,
  model: Pick<LdaModelState, 'xbar' | 'scalings' | 'nComponents' | 'nFeatures'>,
  from: number,
  to: number,
  out: Float32Array,
): Float32Array {
  const { xbar, scalings, nComponents: k, nFeatures: d } = model;
  const acc = new Float64Array(k);
  for (let i = from; i < to; i++) {
    acc.fill(0);
    const o = i * d;
    for (let j = 0; j < d; j++) {
      const v = data[o + j]! - xbar[j]!;
      const so = j * k;
      for (let c = 0; c < k; c++) acc[c]! += v * scalings[so + c]!;
    }
    for (let c = 0; c < k; c++) out[i * k + c] = acc[c]!;
  }
  return out;
}
