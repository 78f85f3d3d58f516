import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { runJobSync, type Job } from '../runtime/job.js';
import type { Matrix } from '../types.js';
import { fitTsneJob, type TsneResult } from './fit-tsne-job.js';
import { resolveTsneOptions, type TsneOptions } from './tsne-options.js';

/**
 * t-SNE (van der Maaten & Hinton 2008) with openTSNE 1.0's defaults and semantics (methods.md §7): X is n×d
 * (`Matrix`, `number[][]` or an Arrow FixedSizeList vector); returns the n×2 float32 layout. Perplexity 30
 * (90 neighbours), PCA initialisation at std 1e-4, 250 iterations at exaggeration 12 then 500 at 1, learning rate
 * n/exaggeration, momentum 0.8, gains, step clip 5; repulsion by FFT-accelerated interpolation (FIt-SNE) or exact
 * O(n²), whichever is cheaper per iteration. Runs on the calling thread; use `project({method: 'tsne'})` or a Worker to stay
 * responsive. Cost: kNN + O(nk·iterations) calibration + 750 × (O(nk) + O(n + N² log N)). Memory O(n·k).
 * Deterministic for a `seed`. Does not mutate X. With `model: true`, `result.model` is a `TsneModel` whose `transform`
 * embeds new rows against the layout as openTSNE does (it keeps the neighbour index and a reference to X).
 * @throws ProjectionInputError for bad input (perplexity ≥ n, fewer than 2 rows, non-finite X, unknown options
 *   values); AbortError when `signal` aborts (with the last layout).
 */
export function tsne(X: MatrixInput, options: TsneOptions = {}): TsneResult {
  const { job } = prepareTsne(X, options);
  return runJobSync(job, { signal: options.signal, onProgress: options.onProgress, onLayout: options.onLayout });
}

/** Validates eagerly and returns the fit job (internal: `tsne`, the registry method). */
export function prepareTsne(X: MatrixInput, options: TsneOptions): { X: Matrix; job: Job<TsneResult> } {
  const m = toMatrix(X, { name: 'X' });
  const settings = resolveTsneOptions(m, options);
  return { X: m, job: fitTsneJob(m, settings, options.onProgress) };
}
