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
