import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { runJobSync, type Job } from '../runtime/job.js';
import type { Matrix } from '../types.js';
import { fitTrimapJob, type TrimapResult } from './fit-trimap-job.js';
import { resolveTrimapOptions, type TrimapOptions } from './trimap-options.js';

/**
 * TriMap (Amid & Warmuth 2019, arXiv:1910.00204) with eamid/trimap 1.1.4's defaults and semantics (methods.md §8):
 * X is n×d (`Matrix`, `number[][]` or an Arrow FixedSizeList vector); returns the n×2 float32 layout. 12 inliers from
 * 62 candidates ranked by scaled distance, 4 outliers each and 3 random triplets per point (51·n triplets), tempered-log
 * weights (t = 0.5), 0.01 × PCA init, 400 delta-bar-delta iterations at lr 0.1. The layout keeps the data's scale
 * (no re-centering or rescaling). Runs on the calling thread; use `project({method: 'trimap'})` or a Worker to stay
 * responsive. Cost: PCA to 100 dims when d > 100 (O(nd²)), kNN (exact O(n²·min(d, 100)) below 4,096 rows, NN-descent
 * above), O(51·n·min(d, 100)) sampling, then 400 × O(51·n). Deterministic for a `seed`. Does not mutate X.
 * @throws ProjectionInputError for bad input (n < nInliers + nOutliers + 1, non-finite X, bad option values);
 *   AbortError when `signal` aborts (with the last layout).
 */
export function trimap(X: MatrixInput, options: TrimapOptions = {}): TrimapResult {
  const { job } = prepareTrimap(X, options);
  return runJobSync(job, { signal: options.signal, onProgress: options.onProgress, onLayout: options.onLayout });
}

/** Validates eagerly and returns the fit job (internal: `trimap`, the registry method). */
export function prepareTrimap(X: MatrixInput, options: TrimapOptions): { X: Matrix; job: Job<TrimapResult> } {
  const m = toMatrix(X, { name: 'X' });
  const settings = resolveTrimapOptions(m, options);
  return { X: m, job: fitTrimapJob(m, settings, options.onProgress) };
}
