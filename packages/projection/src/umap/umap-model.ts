import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { buildNeighborIndex, type NeighborIndex } from '../neighbors/neighbor-index.js';
import type { NeighborMetric } from '../neighbors/prepared-rows.js';
import { runJobSync, type Job } from '../runtime/job.js';
import type { Matrix, ProgressCallback } from '../types.js';
import { transformJob } from './transform-job.js';

/** The plain-data (structured-cloneable) form of a `UmapModel`, e.g. for Worker transport. */
export interface UmapModelState {
  /** n×2 fitted layout, row-major. */
  readonly embedding: Float32Array;
  /** n×d training rows, row-major (the neighbour index is rebuilt from them on the first `transform`). */
  readonly trainData: Float32Array | Float64Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly nNeighbors: number;
  readonly a: number;
  readonly b: number;
  /** nEpochs as given to the fit, or null for the size rule. */
  readonly nEpochs: number | null;
  readonly learningRate: number;
  readonly negativeSampleRate: number;
  readonly repulsionStrength: number;
  readonly localConnectivity: number;
  readonly metric: NeighborMetric;
  readonly knnMethod: 'exact' | 'nn-descent';
  readonly seed: number;
  readonly transformSeed: number;
}

/** Run controls of `UmapModel.transform`. */
export interface UmapTransformOptions {
  signal?: AbortSignal;
  /** Phases `'neighbors'`, `'graph'`, `'epochs'`. */
  onProgress?: ProgressCallback;
}

/**
 * A fitted UMAP: the training layout plus what `transform` needs (umap-learn `UMAP.transform`, methods.md §4.4).
 * Keeps a reference to the training matrix (not copied, never mutated) and its neighbour index.
 */
export class UmapModel {
  readonly embedding: Float32Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly nNeighbors: number;
  readonly a: number;
  readonly b: number;
  readonly nEpochs: number | null;
  readonly learningRate: number;
  readonly negativeSampleRate: number;
  readonly repulsionStrength: number;
  readonly localConnectivity: number;
  readonly metric: NeighborMetric;
  readonly knnMethod: 'exact' | 'nn-descent';
  readonly seed: number;
  readonly transformSeed: number;
  readonly #train: Matrix;
  #index: NeighborIndex | undefined;

  constructor(state: Omit<UmapModelState, 'trainData'>, train: Matrix, index?: NeighborIndex) {
    this.embedding = state.embedding;
    this.nSamples = state.nSamples;
    this.nFeatures = state.nFeatures;
    this.nNeighbors = state.nNeighbors;
    this.a = state.a;
    this.b = state.b;
    this.nEpochs = state.nEpochs;
    this.learningRate = state.learningRate;
    this.negativeSampleRate = state.negativeSampleRate;
    this.repulsionStrength = state.repulsionStrength;
    this.localConnectivity = state.localConnectivity;
    this.metric = state.metric;
    this.knnMethod = state.knnMethod;
    this.seed = state.seed;
    this.transformSeed = state.transformSeed;
    this.#train = train;
    this.#index = index;
  }

  /** Rebuilds a model from `toJSON()` output (the neighbour index is rebuilt lazily, deterministically). */
  static fromState(state: UmapModelState): UmapModel {
    return new UmapModel(state, { data: state.trainData, rows: state.nSamples, cols: state.nFeatures });
  }

  /** The structured-cloneable state (copies the layout and the training rows). */
  toJSON(): UmapModelState {
    const { embedding, nSamples, nFeatures, nNeighbors, a, b, nEpochs, learningRate, negativeSampleRate, repulsionStrength, localConnectivity, metric, knnMethod, seed, transformSeed } = this;
    return { embedding: embedding.slice(), trainData: this.#train.data.slice(), nSamples, nFeatures, nNeighbors, a, b, nEpochs, learningRate, negativeSampleRate, repulsionStrength, localConnectivity, metric, knnMethod, seed, transformSeed };
  }

  /** The neighbour index of the training rows (built on first use after `fromState`). */
  get index(): NeighborIndex | undefined {
    if (!this.#index && this.nSamples >= 2) {
      this.#index = buildNeighborIndex(this.#train, { k: this.nNeighbors - 1, metric: this.metric, method: this.knnMethod, seed: this.seed });
    }
    return this.#index;
  }

  /**
   * Embeds new points (m×d, same d as the fit) into the fitted layout, umap-learn's way (methods.md §4.4): the
   * nNeighbors nearest training rows, σ with local connectivity lc − 1 (ρ = 0 by default), a weighted-mean init
   * (an exact duplicate of a training row starts on it), then ⌊nEpochs/3⌋ epochs if nEpochs was set, else 100
   * (30 above 10,000 rows), of SGD at α₀ = learningRate/4 against the fixed training layout. Deterministic
   * (`transformSeed`). Returns m×2 float32. Does not mutate X or the model. Cost O(m·kNN query + epochs·m·k).
   * @throws ProjectionInputError for a bad matrix or a column count other than `nFeatures`.
   */
  transform(X: MatrixInput, options: UmapTransformOptions = {}): Float32Array {
    return runJobSync(this.transformJob(X), { signal: options.signal, onProgress: options.onProgress });
  }

  /** `transform` as a job (validates eagerly). */
  transformJob(X: MatrixInput): Job<Float32Array> {
    const m = toMatrix(X, { name: 'X' });
    if (m.cols !== this.nFeatures) throw new ProjectionInputError('X.cols', m.cols, `must equal the fitted model's column count d = ${this.nFeatures}`);
    return transformJob(this, m);
  }
}
