import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { runJobSync, type Job } from '../runtime/job.js';
import type { Matrix } from '../types.js';
import { fitUmapJob, type UmapResult } from './fit-umap-job.js';
import { resolveUmapOptions, type UmapOptions } from './umap-options.js';

/**
 * UMAP (McInnes, Healy & Melville 2018) with umap-learn 0.5's defaults and semantics (methods.md §4): X is n×d
 * (`Matrix`, `number[][]` or an Arrow FixedSizeList vector); returns the n×2 float32 layout and a `UmapModel`
 * whose `transform` embeds new points. With `target` (one integer label per row, −1 = unknown) it is supervised
 * UMAP (§4.5). Runs on the calling thread; use `project({method: 'umap'})` or a Worker to stay responsive.
 * Cost: kNN (exact O(n²d) below 4,096 rows, NN-descent above) + O(nk·64) calibration + SGD
 * O(nEpochs·|E|·(1 + negativeSampleRate)). Deterministic for a `seed`. Does not mutate X.
 * @throws ProjectionInputError for bad input (e.g. nNeighbors ≥ n, minDist > spread, a target of the wrong
 *   length, non-finite X); AbortError when `signal` aborts (with the last layout).
 */
export function umap(X: MatrixInput, options: UmapOptions = {}): UmapResult {
  const { job } = prepareUmap(X, options);
  return runJobSync(job, { signal: options.signal, onProgress: options.onProgress, onLayout: options.onLayout });
}

/** Validates eagerly and returns the fit job (internal: `umap`, the registry methods). */
export function prepareUmap(X: MatrixInput, options: UmapOptions): { X: Matrix; job: Job<UmapResult> } {
  const m = toMatrix(X, { name: 'X' });
  const settings = resolveUmapOptions(m, options);
  return { X: m, job: fitUmapJob(m, settings, options.onProgress) };
}
