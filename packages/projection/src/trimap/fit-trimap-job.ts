import { createRng } from '../random/create-rng.js';
import { normal } from '../random/normal.js';
import type { Job } from '../runtime/job.js';
import type { Matrix, ProgressCallback } from '../types.js';
import { generateTriplets } from './generate-triplets.js';
import type { TrimapSettings } from './trimap-options.js';
import { trimapPcaInit, trimapPreprocess, type TrimapInput } from './trimap-preprocess.js';
import { TrimapStepper } from './trimap-stepper.js';

/** Scale of the `'random'` init (`_INIT_RAND_SCALE`). */
const INIT_RANDOM_SCALE = 1e-4;

/** `trimap()` output: the n×2 float32 layout (row-major) and what the run used. */
export interface TrimapResult {
  readonly embedding: Float32Array;
  /** Mean triplet loss at the last iteration's look-ahead point (NaN when no iteration ran). */
  readonly loss: number;
  /** Share of triplets violated (D_ij > D_ik) at that point (NaN when no iteration ran). */
  readonly violated: number;
  /** Number of triplets: n·(nInliers·nOutliers + nRandom). */
  readonly nTriplets: number;
  /** `'pca'` when X was reduced to its top 100 principal components (d > 100), else `'normalize'`. */
  readonly preprocessing: 'pca' | 'normalize';
}

/**
 * TriMap's fit (eamid/trimap 1.1.4 `TRIMAP.fit_transform`, methods.md §8) as a job over a validated n×d matrix:
 * preprocessing (`trimapPreprocess`), triplets (`generateTriplets`), init (0.01 × PCA scores, N(0, 1e-4²) or the
 * given array), then `nIters` delta-bar-delta iterations (`TrimapStepper`). Yields phases `'pca'`, `'neighbors'`,
 * `'triplets'`, `'init'` (with the layout), `'optimize'` (layouts every `layoutEvery` iterations and at the end).
 * Seed sub-streams: PCA start vectors, kNN, kNN triplets, random triplets, random init. Deterministic for a seed.
 * Does not mutate X. Memory: the preprocessed copy (n·min(d, 100)·4 bytes) until the triplets exist, then
 * 16 bytes per triplet (51·n by default) plus O(n) optimiser state.
 */
export function* fitTrimapJob(X: Matrix, s: TrimapSettings, onProgress?: ProgressCallback): Job<TrimapResult> {
  const n = X.rows;
  let input: TrimapInput | undefined = yield* trimapPreprocess(X, s.applyPca, s.seed);
  const preprocessing = input.kind;
  const set = yield* generateTriplets(input.matrix, s, onProgress);
  let init: Float32Array;
  if (s.init instanceof Float32Array) init = s.init;
  else if (s.init === 'random') {
    const rng = createRng((s.seed ^ 0x1f83d9ab) >>> 0);
    init = new Float32Array(2 * n);
    for (let t = 0; t < init.length; t++) init[t] = INIT_RANDOM_SCALE * normal(rng);
  } else init = yield* trimapPcaInit(input, s.seed);
  input = undefined;
  const stepper = new TrimapStepper(set, init, s.lr, s.nIters);
  yield { phase: 'init', done: 1, total: 1, layout: stepper.layout };
  let loss = NaN;
  while (!stepper.done) {
    const info = stepper.step();
    loss = info.loss ?? NaN;
    const done = info.step + 1;
    const withLayout = done % s.layoutEvery === 0 || stepper.done;
    yield withLayout ? { phase: 'optimize', done, total: s.nIters, layout: stepper.layout } : { phase: 'optimize', done, total: s.nIters };
  }
  return { embedding: stepper.layout, loss, violated: stepper.violated, nTriplets: set.weights.length, preprocessing };
}
