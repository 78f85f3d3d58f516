import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { buildNeighborIndex, type NeighborIndex } from '../neighbors/neighbor-index.js';
import type { NeighborMetric } from '../neighbors/prepared-rows.js';
import { runJobAsync, runJobSync, type Job } from '../runtime/job.js';
import type { Matrix } from '../types.js';
import { ReferencePotentialGrid } from './reference-potential-grid.js';
import { resolveTsneTransformOptions, type TsneTransformOptions } from './tsne-transform-options.js';
import { transformTsneJob, type TsneReference } from './transform-tsne-job.js';

/** The plain-data (structured-cloneable) form of a `TsneModel`, e.g. for Worker transport. */
export interface TsneModelState {
  /** n×2 fitted layout, row-major. */
  readonly embedding: Float32Array;
  /** n×d training rows, row-major (the neighbour index is rebuilt from them on the first `transform`). */
  readonly trainData: Float32Array | Float64Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  /** Neighbours per row of the fit's index (self excluded). */
  readonly k: number;
  readonly metric: NeighborMetric;
  readonly knnMethod: 'exact' | 'nn-descent';
  readonly seed: number;
}

/**
 * A fitted t-SNE: the layout plus what `transform` needs (openTSNE `TSNEEmbedding`, methods.md §7.8). Holds a
 * reference to the training matrix (not copied, never mutated) and the fit's neighbour index (a float32 copy of the
 * training rows, plus the RP forest and kNN graph for NN-descent: about n·(4d + 8k) bytes, 380 MB at 100k × 768).
 * After `fromState` the index is rebuilt on the first `transform` (deterministic, but it costs the fit's kNN time).
 */
export class TsneModel {
  /** The fitted n×2 layout (the caller's `tsne` result; not mutated). */
  readonly embedding: Float32Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly k: number;
  readonly metric: NeighborMetric;
  readonly knnMethod: 'exact' | 'nn-descent';
  readonly seed: number;
  readonly #train: Matrix;
  #index: NeighborIndex | undefined;
  #reference: TsneReference | undefined;
  #grid: ReferencePotentialGrid | undefined;

  constructor(state: Omit<TsneModelState, 'trainData'>, train: Matrix, index?: NeighborIndex) {
    this.embedding = state.embedding;
    this.nSamples = state.nSamples;
    this.nFeatures = state.nFeatures;
    this.k = state.k;
    this.metric = state.metric;
    this.knnMethod = state.knnMethod;
    this.seed = state.seed;
    this.#train = train;
    this.#index = index;
  }

  /** Rebuilds a model from `toJSON()` output (the neighbour index is rebuilt lazily). */
  static fromState(state: TsneModelState): TsneModel {
    return new TsneModel(state, { data: state.trainData, rows: state.nSamples, cols: state.nFeatures });
  }

  /** The structured-cloneable state (copies the layout and the training rows). */
  toJSON(): TsneModelState {
    const { embedding, nSamples, nFeatures, k, metric, knnMethod, seed } = this;
    return { embedding: embedding.slice(), trainData: this.#train.data.slice(), nSamples, nFeatures, k, metric, knnMethod, seed };
  }

  /**
   * Embeds new points (m×d, same d as the fit) against the fitted layout, as openTSNE's `transform` does
   * (methods.md §7.8): the reference is centred on its bounding-box midpoint; each new row gets its
   * ⌊3·perplexity⌋ (15) nearest training rows from the fit's neighbour index, affinities calibrated to perplexity 5
   * (row-normalised, not symmetrised), the median of the first k (25, capped at 15 as in openTSNE) neighbours'
   * positions as its start, then 250 iterations at learning rate 0.1, exaggeration 1.5, momentum 0.8, gradient
   * clip 0.25, attracted to its neighbours and repelled by every reference point (repulsion normalised per point;
   * reference potentials interpolated from a fixed FFT grid, or exact when that is cheaper), never by the other new
   * points, and kept inside the disc of radius 1.25·(the reference's largest |coordinate|).
   *
   * Returns m×2 float32 **in the fit's frame** (the centring is undone: `embedding` and the result overlay directly;
   * openTSNE instead shifts its reference embedding in place and returns centred coordinates). New rows equal to
   * training rows land next to them. New rows do not interact, so with a fixed `negativeGradientMethod` results do not
   * depend on how rows are batched ('auto' weighs m, so it may pick exact for a small batch and the grid for a large
   * one; the two agree to about 1 % of the layout's spread). Deterministic. Does not
   * mutate X or the model (apart from caching the grid). Cost: the kNN query (exact O(m·n·d) or graph search), plus
   * 250·(O(m·15) + O(9m) grid or O(m·n) exact), plus a one-off O(N² log N) grid build.
   * @throws ProjectionInputError for a bad matrix (non-finite values name the row and column), a column count other
   *   than `nFeatures`, or bad options (e.g. perplexity ≥ n); AbortError when `signal` aborts (with the last layout).
   */
  transform(X: MatrixInput, options: TsneTransformOptions = {}): Float32Array {
    return runJobSync(this.transformJob(X, options), { signal: options.signal, onProgress: options.onProgress, onLayout: options.onLayout });
  }

  /** `transform`, yielding to the event loop about every 16 ms (for `signal` and UI); same result. */
  transformAsync(X: MatrixInput, options: TsneTransformOptions = {}): Promise<Float32Array> {
    try {
      const job = this.transformJob(X, options);
      return runJobAsync(job, { signal: options.signal, onProgress: options.onProgress, onLayout: options.onLayout });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** `transform` as a job (validates eagerly). */
  transformJob(X: MatrixInput, options: TsneTransformOptions = {}): Job<Float32Array> {
    const m = toMatrix(X, { name: 'X', minRows: 0 });
    if (m.cols !== this.nFeatures) throw new ProjectionInputError('X.cols', m.cols, `must equal the fitted model's column count d = ${this.nFeatures}`);
    const s = resolveTsneTransformOptions(this.nSamples, m.rows, options);
    return transformTsneJob(this.reference(), m, s);
  }

  private reference(): TsneReference {
    if (this.#reference) return this.#reference;
    const n = this.nSamples;
    const e = this.embedding;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      x0 = Math.min(x0, e[2 * i]!);
      x1 = Math.max(x1, e[2 * i]!);
      y0 = Math.min(y0, e[2 * i + 1]!);
      y1 = Math.max(y1, e[2 * i + 1]!);
    }
    const offset: [number, number] = [(x0 + x1) / 2, (y0 + y1) / 2];
    const centred = new Float64Array(2 * n);
    let radius = 0;
    for (let i = 0; i < n; i++) {
      centred[2 * i] = e[2 * i]! - offset[0];
      centred[2 * i + 1] = e[2 * i + 1]! - offset[1];
      radius = Math.max(radius, Math.abs(centred[2 * i]!), Math.abs(centred[2 * i + 1]!));
    }
    this.#index ??= buildNeighborIndex(this.#train, { k: this.k, metric: this.metric, method: this.knnMethod, seed: this.seed });
    const index = this.#index;
    const grid = (): ReferencePotentialGrid => (this.#grid ??= new ReferencePotentialGrid(centred, n));
    this.#reference = { centred, n, offset, radius: Math.max(radius * 1.25, 1e-6), index, grid };
    return this.#reference;
  }
}
