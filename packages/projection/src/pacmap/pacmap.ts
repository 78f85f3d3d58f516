import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { runJobSync, type Job } from '../runtime/job.js';
import type { Matrix } from '../types.js';
import { fitPacmapJob, type PacmapResult } from './fit-pacmap-job.js';
import { resolvePacmapOptions, type PacmapOptions } from './pacmap-options.js';

/**
 * PaCMAP (Wang, Huang, Rudin & Shaposhnik, *JMLR* 22(201), 2021) with PaCMAP 0.9.1's defaults and semantics
 * (methods.md §9): X is n×d (`Matrix`, `number[][]` or an Arrow FixedSizeList vector); returns the n×2 float32
 * layout and the pairs used. 10 NN pairs per point chosen by scaled distance among 60 neighbours, 5 mid-near
 * pairs (the 2nd closest of 6 random points), 20 further pairs (random, not NN); 450 Adam iterations over three
 * weight phases; 0.01 × PCA init. Runs on the calling thread; use `project({method: 'pacmap'})` or a Worker to stay
 * responsive. Cost: preprocessing O(nd² + d³) when d > 100, kNN (exact O(n²d') below 4,096 rows, NN-descent above),
 * then 450 × O(35n). Deterministic for a `seed` (statistical, not bitwise, parity with the Python reference).
 * Does not mutate X.
 * @throws ProjectionInputError for bad input (too few rows for one NN and one further pair per point, non-finite X,
 *   bad option values); AbortError when `signal` aborts (with the last layout).
 */
export function pacmap(X: MatrixInput, options: PacmapOptions = {}): PacmapResult {
  const { job } = preparePacmap(X, options);
  return runJobSync(job, { signal: options.signal, onProgress: options.onProgress, onLayout: options.onLayout });
}

/** Validates eagerly and returns the fit job (internal: `pacmap`, the registry method). */
export function preparePacmap(X: MatrixInput, options: PacmapOptions): { X: Matrix; job: Job<PacmapResult> } {
  const m = toMatrix(X, { name: 'X' });
  const settings = resolvePacmapOptions(m, options);
  return { X: m, job: fitPacmapJob(m, settings, options.onProgress) };
}
