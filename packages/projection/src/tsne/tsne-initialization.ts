import { fitPcaJob } from '../methods/pca.js';
import { projectRows } from '../methods/pca-model.js';
import { normal } from '../random/normal.js';
import type { Job } from '../runtime/job.js';
import type { Matrix, Rng } from '../types.js';

/** std of openTSNE's initial layouts along the first axis. */
const TARGET_STD = 1e-4;

/**
 * openTSNE's `initialization.pca` (methods.md §7.3) as a job: the 2-D PCA scores of X, jittered by
 * N(0, (0.01·std(PC1))²), then both columns divided by std(column 1)/1e-4 (aspect ratio kept, std(PC1) = 1e-4).
 * Degenerate data (one column, or no variance) falls back to the columns it has plus `randomInitialization`.
 * Returns n×2 float64. O(nd² + d²·iterations) for the PCA. Does not mutate X.
 */
export function* pcaInitialization(X: Matrix, rng: Rng, seed: number): Job<Float64Array> {
  const n = X.rows;
  const y = new Float64Array(2 * n);
  const k = Math.min(2, X.cols, n);
  const fit = fitPcaJob(X, k, seed);
  let model;
  for (;;) {
    const r = fit.next();
    if (r.done) {
      model = r.value;
      break;
    }
    yield { phase: 'init', done: 0, total: n }; // the PCA's own phases, reported as part of 'init'
  }
  const scores = new Float32Array(n * k);
  for (let from = 0; from < n; from += 4096) {
    const to = Math.min(n, from + 4096);
    projectRows(X.data, model, from, to, scores);
    yield { phase: 'init', done: to, total: n };
  }
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) y[2 * i + c] = scores[i * k + c]!;
  const sd = std(y, n);
  if (!(sd > 0)) return randomInitialization(n, rng);
  const jitter = 0.01 * sd;
  for (let t = 0; t < 2 * n; t++) y[t]! += jitter * normal(rng);
  const scale = TARGET_STD / std(y, n);
  for (let t = 0; t < 2 * n; t++) y[t]! *= scale;
  return y;
}

/** openTSNE's `initialization.random`: n×2 float64 draws of N(0, 1e-4²). O(n). */
export function randomInitialization(n: number, rng: Rng): Float64Array {
  const y = new Float64Array(2 * n);
  for (let t = 0; t < 2 * n; t++) y[t] = TARGET_STD * normal(rng);
  return y;
}

/** Standard deviation (population, as numpy's default) of column 0 of an n×2 layout. */
function std(y: Float64Array, n: number): number {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[2 * i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (y[2 * i]! - mean) ** 2;
  return Math.sqrt(ss / n);
}
