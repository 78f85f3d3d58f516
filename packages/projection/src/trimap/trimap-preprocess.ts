import { columnMeans } from '../linalg/column-means.js';
import { projectRows } from '../methods/pca-model.js';
import { fitPcaJob } from '../methods/pca.js';
import type { PcaModel } from '../methods/pca-model.js';
import type { Job } from '../runtime/job.js';
import type { Matrix } from '../types.js';

/** TriMap's PCA dimension (`_PCA_DIM`). */
export const TRIMAP_PCA_DIM = 100;

/** The data TriMap searches and measures in, and how it was made. */
export interface TrimapInput {
  /** n×dims float32, row-major (a fresh array; X is never touched). */
  readonly matrix: Matrix<Float32Array>;
  /** `'pca'`: the top principal-component scores of centered X (d > 100); `'normalize'`: global min–max scaled, column-centered X. */
  readonly kind: 'pca' | 'normalize';
}

/**
 * TriMap's preprocessing (eamid/trimap 1.1.4 `trimap()`, methods.md §8.2 step 1), as a job yielding phase `'pca'`:
 * - d > 100 and `applyPca`: the scores on the top min(100, n) principal components of X − mean (the reference's
 *   `TruncatedSVD(100)` of centered X, exact here; PCA solver `fitPcaJob`, covariance route: the d×d scatter O(nd²/2),
 *   Lanczos for 100 eigenpairs O(d²·steps), then the register-blocked projection `projectRows` O(nd·100)).
 * - otherwise: X' = (X − min)/max(X − min) with **global** scalars (skipped when X is constant), then X' − column means. O(nd).
 * Returns float32 (as the reference). Does not mutate X.
 */
export function* trimapPreprocess(X: Matrix, applyPca: boolean, seed: number): Job<TrimapInput> {
  const { rows: n, cols: d } = X;
  if (applyPca && d > TRIMAP_PCA_DIM) {
    const k = Math.min(TRIMAP_PCA_DIM, n);
    const model = yield* relabel(fitPcaJob(X, k, seed), n);
    const data = new Float32Array(n * k);
    for (let from = 0; from < n; from += 2048) {
      const to = Math.min(n, from + 2048);
      projectRows(X.data, model, from, to, data);
      yield { phase: 'pca', done: to, total: n };
    }
    return { matrix: { data, rows: n, cols: k }, kind: 'pca' };
  }
  const src = X.data;
  let lo = Infinity;
  let hi = -Infinity;
  for (let t = 0; t < src.length; t++) {
    const v = src[t]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo;
  const scale = range > 0 ? 1 / range : 0;
  const data = new Float32Array(src.length);
  // float32 steps as the reference (X −= min; X /= max), then float64 column means.
  for (let t = 0; t < src.length; t++) data[t] = Math.fround(Math.fround(src[t]! - lo) * scale);
  const scaled = { data, rows: n, cols: d };
  const mean = columnMeans(scaled);
  for (let i = 0; i < n; i++) for (let j = 0, o = i * d; j < d; j++) data[o + j] = data[o + j]! - mean[j]!;
  yield { phase: 'pca', done: n, total: n };
  return { matrix: scaled, kind: 'normalize' };
}

/** 0.01 × the first two PCA scores (methods.md §8.3): read from the PCA-preprocessed data, or a PCA(2) fit of the normalised data. */
export function* trimapPcaInit(input: TrimapInput, seed: number): Job<Float32Array> {
  const { matrix, kind } = input;
  const n = matrix.rows;
  const y = new Float32Array(2 * n);
  let scores: Float32Array;
  let k: number;
  if (kind === 'pca') {
    scores = matrix.data;
    k = matrix.cols;
  } else {
    k = Math.min(2, matrix.cols);
    const model = yield* relabel(fitPcaJob(matrix, k, seed), n);
    scores = projectRows(matrix.data, model, 0, n, new Float32Array(n * k));
  }
  const take = Math.min(2, k);
  for (let i = 0; i < n; i++) for (let c = 0; c < take; c++) y[2 * i + c] = 0.01 * scores[i * k + c]!;
  return y;
}

/** Runs a PCA fit job, reporting its inner phases as `{phase: 'pca', done: 0, total: n}`. */
function* relabel(fit: Job<PcaModel>, n: number): Job<PcaModel> {
  for (;;) {
    const r = fit.next();
    if (r.done) return r.value;
    yield { phase: 'pca', done: 0, total: n };
  }
}
