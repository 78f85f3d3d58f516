import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { integerOption } from '../options.js';
import { runJobSync, type Job, type JobDriverOptions } from '../runtime/job.js';
import type { Matrix, ProgressCallback } from '../types.js';
import { clusterIndex, type ClusterIndex } from './cluster-index.js';
import { fitLdaJob } from './lda-fit.js';
import { ldaProjectRows, type LdaModel } from './lda-model.js';

/** Options of `lda` / `fitLda` (scikit-learn names in brackets). */
export interface LdaOptions {
  /** Output axes k [`n_components`], an integer in [1, d]. Default 2. Unlike scikit-learn, k > K − 1 is allowed: see `LdaModel.notes`. */
  nComponents?: number;
  /** Checked between blocks of 256 rows; an abort throws `AbortError`. */
  signal?: AbortSignal;
  /** Reports phases `'within-scatter'` (rows done), `'eigen'` and `'transform'` (rows done). */
  onProgress?: ProgressCallback;
}

/** `lda()` output: the n×k float32 coordinates, row-major, and the fitted model. */
export interface LdaResult {
  readonly embedding: Float32Array;
  readonly model: LdaModel;
}

/**
 * Fits linear discriminant analysis of X (n×d) with one cluster id per row (any Int32 values; mapped to
 * 0..K−1 in ascending order like `np.unique_inverse`), with scikit-learn 1.2.1's default `solver='svd'`
 * semantics (methods.md §3): singular within-class scatter (d > n − K, constant or collinear features,
 * one-member classes) is handled by dropping directions, never by inversion. Deterministic (no randomness).
 *
 * Cost O(nd²/2) for the within-class scatter (float64, blocked) + O(d³) for its eigendecomposition (about
 * 2–5 s at d = 768) + O(K·d·rank). Memory O(d² + Kd). Does not mutate X or labels.
 * @throws ProjectionInputError, before any heavy work, for non-finite X, labels of the wrong length or not
 *   integers, fewer than 2 distinct ids (use PCA), n ≤ K (as scikit-learn), or `nComponents` outside [1, d].
 */
export function fitLda(X: MatrixInput, labels: ArrayLike<number>, options: LdaOptions = {}): LdaModel {
  const { job, driver } = prepareLda(X, labels, options);
  return runJobSync(job, driver);
}

/** Fits LDA (see `fitLda`) and returns the training coordinates with the model: `embedding = model.transform(X)`. */
export function lda(X: MatrixInput, labels: ArrayLike<number>, options: LdaOptions = {}): LdaResult {
  const { X: m, job, driver } = prepareLda(X, labels, options);
  return runJobSync(ldaJob(m, job), driver);
}

/** Validates LDA arguments eagerly and returns the fit job plus driver options. Internal (registry, `lda`). */
export function prepareLda(
  X: MatrixInput,
  labels: ArrayLike<number>,
  options: LdaOptions,
): { X: Matrix; clusters: ClusterIndex; job: Job<LdaModel>; driver: JobDriverOptions } {
  const m = toMatrix(X, { name: 'X', minRows: 2 });
  const clusters = clusterIndex(labels, m.rows, 'clusters');
  const K = clusters.ids.length;
  if (K < 2) {
    throw new ProjectionInputError('clusters', `${K} distinct id`, 'LDA needs at least 2 distinct cluster ids (with one cluster, use pca)', 'too-few-clusters');
  }
  if (m.rows <= K) {
    throw new ProjectionInputError('X.rows', m.rows, `must be more than the number of distinct cluster ids (${K}) for LDA`, 'too-few-rows');
  }
  const k = integerOption('nComponents', options.nComponents, 2, 1, m.cols);
  return { X: m, clusters, job: fitLdaJob(m, clusters, k), driver: { signal: options.signal, onProgress: options.onProgress } };
}

/** Fit, then transform the training rows in blocks: the job behind `lda()` and `project({method: 'lda'})`. */
export function* ldaJob(X: Matrix, fit: Job<LdaModel>): Job<LdaResult> {
  const model = yield* fit;
  const embedding = new Float32Array(X.rows * model.nComponents);
  for (let from = 0; from < X.rows; from += 4096) {
    const to = Math.min(X.rows, from + 4096);
    ldaProjectRows(X.data, model, from, to, embedding);
    yield { phase: 'transform', done: to, total: X.rows };
  }
  return { embedding, model };
}
