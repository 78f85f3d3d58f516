/**
 * A dense matrix: one flat typed array, row-major, with its shape.
 * Row i occupies `data[i * cols .. (i + 1) * cols)`.
 */
export interface Matrix<T extends Float32Array | Float64Array = Float32Array | Float64Array> {
  readonly data: T;
  readonly rows: number;
  readonly cols: number;
}

/** A uniform random source in [0, 1). Internal functions take one; public options take a `seed`. */
export type Rng = () => number;

/** Progress of a long-running stage, reported through `onProgress`. */
export interface Progress {
  /** Stage name, e.g. `'neighbors'`, `'covariance'`, `'eigen'`, `'epochs'`. */
  readonly phase: string;
  /** Units done in this phase. */
  readonly done: number;
  /** Units in this phase. */
  readonly total: number;
}

export type ProgressCallback = (progress: Progress) => void;

/** What one optimiser step reports (see `Stepper`). */
export interface StepInfo {
  /** Zero-based index of the step just taken. */
  readonly step: number;
  /** Total steps planned, when known. */
  readonly total?: number;
  /** Objective value, when it is cheap to compute. */
  readonly loss?: number;
}

/**
 * k nearest neighbours of n points, self excluded: row i of `indices`/`distances`
 * (n×k, row-major) lists i's neighbours by increasing Euclidean distance.
 */
export interface Knn {
  readonly indices: Int32Array;
  readonly distances: Float32Array;
  readonly k: number;
}

/**
 * A closed outline of one cluster in layout coordinates: rings interleaved `[x0, y0, x1, y1, …]`, the last vertex
 * joining the first (not repeated). The shape of `ClusterOutline` in @clamp-viz/components (its `outlines` property).
 */
export interface ProjectionOutline {
  /** The caller's cluster id. */
  readonly clusterId: number;
  readonly rings: Float32Array[];
}

/** The output of `project()`: an n×2 row-major layout, plus the fitted model when the method has one. */
export interface ProjectionResult {
  readonly embedding: Float32Array;
  readonly rows: number;
  readonly cols: number;
  /** The method name it was made with, e.g. `'pca'`. */
  readonly method: string;
  /** Method-specific fitted state (for `'pca'`, a `PcaModel`). */
  readonly model?: unknown;
  /**
   * Cluster outlines drawn with the layout, for methods that make them (`'clusterplot'`: its blobs, one entry per
   * cluster that kept a ring, ascending id). Pass them to `<cluster-scatter>`'s `outlines` (with `outline-fill`).
   */
  readonly outlines?: readonly ProjectionOutline[];
}
