import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { projectCentered } from '../linalg/project-centered.js';

/** The plain-data form of a `PcaModel` (structured-cloneable; what crosses a Worker boundary). */
export interface PcaModelState {
  readonly mean: Float64Array;
  readonly components: Float64Array;
  readonly explainedVariance: Float64Array;
  readonly explainedVarianceRatio: Float64Array;
  readonly nComponents: number;
  readonly nFeatures: number;
  readonly nSamples: number;
}

/**
 * A fitted PCA (scikit-learn `PCA` semantics, `whiten=False`): `transform(X) = (X − mean)·componentsᵀ`.
 *
 * - `mean`: d column means (float64).
 * - `components`: k×d row-major, unit rows, orthogonal, in decreasing explained variance; the sign of each
 *   row makes its largest-|value| entry positive (scikit-learn ≥ 1.5 `svd_flip(u_based_decision=False)`).
 * - `explainedVariance`: k eigenvalues of the sample covariance (divided by n − 1).
 * - `explainedVarianceRatio`: the same divided by the total variance (trace of the covariance).
 */
export class PcaModel implements PcaModelState {
  readonly mean: Float64Array;
  readonly components: Float64Array;
  readonly explainedVariance: Float64Array;
  readonly explainedVarianceRatio: Float64Array;
  readonly nComponents: number;
  readonly nFeatures: number;
  readonly nSamples: number;

  constructor(state: PcaModelState) {
    this.mean = state.mean;
    this.components = state.components;
    this.explainedVariance = state.explainedVariance;
    this.explainedVarianceRatio = state.explainedVarianceRatio;
    this.nComponents = state.nComponents;
    this.nFeatures = state.nFeatures;
    this.nSamples = state.nSamples;
  }

  /** Rebuilds a model from `toJSON()` output, e.g. after a Worker round trip. */
  static fromState(state: PcaModelState): PcaModel {
    return new PcaModel(state);
  }

  /** The plain data of this model (typed arrays shared, not copied). */
  toJSON(): PcaModelState {
    const { mean, components, explainedVariance, explainedVarianceRatio, nComponents, nFeatures, nSamples } = this;
    return { mean, components, explainedVariance, explainedVarianceRatio, nComponents, nFeatures, nSamples };
  }

  /**
   * Projects m×d data onto the components: returns m×k float32 scores, row-major.
   * O(m·d·k), float64 accumulation; does not mutate X.
   * @throws ProjectionInputError when X is not finite or has a different number of columns than the fit.
   */
  transform(X: MatrixInput): Float32Array {
    const m = toMatrix(X, { name: 'X' });
    if (m.cols !== this.nFeatures) {
      throw new ProjectionInputError('X.cols', m.cols, `must equal the ${this.nFeatures} features the PCA was fitted on`);
    }
    return projectRows(m.data, this, 0, m.rows, new Float32Array(m.rows * this.nComponents));
  }
}

/**
 * Writes the scores of rows [from, to) of `data` (n×d) into `out` (n×k). Internal kernel shared with `pca()`,
 * TriMap and PaCMAP: the register-blocked `projectCentered` (O((to − from)·d·k), float64 sums).
 */
export function projectRows(
  data: Float32Array | Float64Array,
  model: PcaModelState,
  from: number,
  to: number,
  out: Float32Array,
): Float32Array {
  return projectCentered(data, model.mean, model.components, model.nComponents, model.nFeatures, from, to, out);
}
