import type { MatrixInput } from '../matrix/to-matrix.js';

/** A fitted model that can embed new points, as center reprojection needs from its base method. */
export interface TransformModel {
  transform(X: MatrixInput): Float32Array;
}

/** The plain-data form of a `CenterReprojectionModel`. */
export interface CenterReprojectionModelState {
  /** The base model (or its `modelToState` form when crossing a Worker). */
  readonly base: unknown;
  /** K×d float32 cluster means the base model was fitted on, row-major. */
  readonly centers: Float32Array;
  readonly ids: Int32Array;
  readonly counts: Int32Array;
  /** Departures from the plain rule (one cluster; a filled axis). */
  readonly notes: readonly string[];
}

/**
 * A base model fitted on cluster centers (methods.md §6). `transform(X)` is the base model's transform;
 * `base` is the fitted base model (e.g. a `PcaModel` whose mean is the mean of the centers).
 */
export class CenterReprojectionModel implements CenterReprojectionModelState {
  readonly base: TransformModel;
  readonly centers: Float32Array;
  readonly ids: Int32Array;
  readonly counts: Int32Array;
  readonly notes: readonly string[];

  constructor(state: CenterReprojectionModelState & { base: TransformModel }) {
    this.base = state.base;
    this.centers = state.centers;
    this.ids = state.ids;
    this.counts = state.counts;
    this.notes = state.notes;
  }

  /** Embeds m×d points with the base model (see its `transform`). */
  transform(X: MatrixInput): Float32Array {
    return this.base.transform(X);
  }
}
