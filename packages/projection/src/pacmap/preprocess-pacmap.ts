import { columnMeans } from '../linalg/column-means.js';
import { fitPcaJob } from '../methods/pca.js';
import { projectRows, type PcaModelState } from '../methods/pca-model.js';
import { normal } from '../random/normal.js';
import type { Job } from '../runtime/job.js';
import type { Matrix, Rng } from '../types.js';

/** Dimensions PaCMAP reduces to before the neighbour search (reference: `TruncatedSVD(n_components=100)`). */
export const PACMAP_PCA_DIMS = 100;

/** What the pairs and the PCA initialisation are computed on. */
export interface PacmapPreprocessed {
  /** The preprocessed rows, n×d' float32 (d' = min(100, n, d) after PCA, else d). */
  readonly data: Matrix<Float32Array>;
  /** 0.01 × the first two principal component scores of `data`, n×2 float32 row-major: the 'pca' init. */
  readonly pcaInit: Float32Array;
  /** True when the PCA reduction was applied. */
  readonly reduced: boolean;
}

/**
 * PaCMAP 0.9.1 `preprocess_X` (methods.md §9.2 step 1) as a job over a validated n×d matrix:
 * - d > 100 with `applyPca`: center by the float64 column means and keep the top min(100, n) principal
 *   component scores (the reference's seeded TruncatedSVD; here exact PCA via `fitPcaJob`: the d×d scatter O(nd²/2),
 *   Lanczos for the top eigenpairs O(d²·steps), then the register-blocked projection `projectRows` O(nd·100)).
 *   The init is 0.01 × the first two of those columns.
 * - otherwise: x ← (x − min)/max with global scalars (min over all values, then max of the shifted values;
 *   skipped when that max is 0, where the reference divides by zero), then centered; the init is 0.01 × PCA(2)
 *   scores of that.
 * Missing init columns (d = 1) are filled with N(0, 1e-4²) from `rng`. Yields phase 'preprocess' (the PCA's own
 * events, relabelled, then rows transformed). Returns new arrays; does not mutate X. Memory: n·d' float32.
 */
export function* preprocessPacmap(X: Matrix, applyPca: boolean, seed: number, rng: Rng): Job<PacmapPreprocessed> {
  const { rows: n, cols: d } = X;
  const reduce = applyPca && d > PACMAP_PCA_DIMS;
  let source: Matrix = X;
  if (!reduce) source = normalise(X);
  const k = reduce ? Math.min(PACMAP_PCA_DIMS, n, d) : Math.min(2, n, d);
  let model: PcaModelState;
  const fit = fitPcaJob(source, k, seed);
  for (;;) {
    const r = fit.next();
    if (r.done) {
      model = r.value;
      break;
    }
    yield { phase: 'preprocess', done: 0, total: n };
  }
  const scores = new Float32Array(n * k);
  for (let from = 0; from < n; from += 4096) {
    const to = Math.min(n, from + 4096);
    projectRows(source.data, model, from, to, scores);
    yield { phase: 'preprocess', done: to, total: n };
  }
  const pcaInit = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 2; c++) pcaInit[2 * i + c] = c < k ? 0.01 * scores[i * k + c]! : 1e-4 * normal(rng);
  }
  const data = reduce ? { data: scores, rows: n, cols: k } : (source as Matrix<Float32Array>);
  return { data, pcaInit, reduced: reduce };
}

/** (X − min)/max with global scalars, then column-centered; a new n×d float32 matrix. O(nd). */
function normalise(X: Matrix): Matrix<Float32Array> {
  const { data, rows: n, cols: d } = X;
  let min = Infinity;
  for (let t = 0; t < data.length; t++) if (data[t]! < min) min = data[t]!;
  let max = -Infinity;
  for (let t = 0; t < data.length; t++) if (data[t]! - min > max) max = data[t]! - min;
  const divisor = max > 0 ? max : 1;
  const out = new Float32Array(n * d);
  for (let t = 0; t < data.length; t++) out[t] = (data[t]! - min) / divisor;
  const m = { data: out, rows: n, cols: d };
  const mean = columnMeans(m);
  for (let i = 0; i < n; i++) for (let j = 0, o = i * d; j < d; j++) out[o + j] = out[o + j]! - mean[j]!;
  return m;
}
