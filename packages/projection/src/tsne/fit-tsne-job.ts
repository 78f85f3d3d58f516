import { buildNeighborIndex, type NeighborIndex } from '../neighbors/neighbor-index.js';
import { createRng } from '../random/create-rng.js';
import type { Job } from '../runtime/job.js';
import type { Knn, Matrix, ProgressCallback } from '../types.js';
import { calibratePerplexity } from './perplexity-calibration.js';
import { symmetrizeAffinities } from './symmetrize-affinities.js';
import { pcaInitialization, randomInitialization } from './tsne-initialization.js';
import { TsneModel } from './tsne-model.js';
import type { TsneSettings } from './tsne-options.js';
import { TsneStepper } from './tsne-stepper.js';

/** `tsne()` output: the n×2 float32 layout (row-major) and what the run used. */
export interface TsneResult {
  readonly embedding: Float32Array;
  /** KL(P‖Q) of the layout at the last iteration (NaN when no iteration ran). */
  readonly klDivergence: number;
  /** The perplexity used (openTSNE lowers it to (n − 1)/3 for small n). */
  readonly perplexity: number;
  /** Neighbours per point, self excluded. */
  readonly k: number;
  /** The repulsion setting used ('auto' chooses per iteration). */
  readonly negativeGradientMethod: 'auto' | 'fft' | 'exact';
  /** The fitted model (`transform` of new points), when `model: true` was asked for. */
  readonly model?: TsneModel;
}

/**
 * openTSNE's `TSNE.fit` (methods.md §7) as a job over a validated n×d matrix: kNN (k = min(n − 1, ⌊3·perplexity⌋),
 * self excluded), perplexity calibration, symmetrised P with ΣP = 1, PCA/random/given initialisation, then
 * `earlyExaggerationIter` + `nIter` gradient-descent iterations. Yields phases 'neighbors', 'affinities', 'init',
 * 'early-exaggeration', 'optimize' (layouts every `layoutEvery` iterations and at the end of each phase).
 * Random sub-streams of `seed`: kNN, initialisation; the optimisation itself is deterministic.
 * Memory O(n·k) plus the FFT grid; with `s.model` the neighbour index (n·4d bytes more) is kept for the returned
 * `TsneModel`, which also references X. Does not mutate X.
 */
export function* fitTsneJob(X: Matrix, s: TsneSettings, onProgress?: ProgressCallback): Job<TsneResult> {
  const n = X.rows;
  yield { phase: 'neighbors', done: 0, total: 1 };
  // Without a model only the kNN lists are kept (not the index), and they are dropped once P exists: memory O(n·k).
  let index: NeighborIndex | undefined = buildNeighborIndex(X, { k: s.k, metric: s.metric, method: s.knnMethod, seed: s.seed, signal: s.signal, onProgress });
  let knn: Knn | undefined = index.knn;
  if (!s.model) index = undefined;
  const k = knn.k;
  yield { phase: 'neighbors', done: 1, total: 1 };
  let conditional: Float64Array | undefined = calibratePerplexity(knn.distances, n, k, s.perplexity).values;
  yield { phase: 'affinities', done: 1, total: 2 };
  const P = symmetrizeAffinities(knn.indices, conditional, n, k);
  knn = undefined;
  conditional = undefined;
  yield { phase: 'affinities', done: 2, total: 2 };

  const rng = createRng((s.seed ^ 0x7f4a7c15) >>> 0);
  let init: Float64Array;
  if (s.initialization instanceof Float32Array) init = Float64Array.from(s.initialization);
  else if (s.initialization === 'random') init = randomInitialization(n, rng);
  else init = yield* pcaInitialization(X, rng, s.seed);

  const stepper = new TsneStepper(P, init, { ...s, lossEvery: 50 });
  yield { phase: 'init', done: 1, total: 1, layout: stepper.layout };
  let kl = NaN;
  const early = s.earlyExaggerationIter;
  while (!stepper.done) {
    const info = stepper.step();
    if (info.loss !== undefined) kl = info.loss;
    const done = info.step + 1;
    const inEarly = done <= early;
    const phase = inEarly ? 'early-exaggeration' : 'optimize';
    const phaseDone = inEarly ? done : done - early;
    const total = inEarly ? early : s.nIter;
    const withLayout = done % s.layoutEvery === 0 || phaseDone === total;
    yield withLayout ? { phase, done: phaseDone, total, layout: stepper.layout } : { phase, done: phaseDone, total };
  }
  const result = { embedding: stepper.layout, klDivergence: kl, perplexity: s.perplexity, k, negativeGradientMethod: s.negativeGradientMethod };
  if (!index) return result;
  const state = { embedding: stepper.layout, nSamples: n, nFeatures: X.cols, k, metric: s.metric, knnMethod: index.method, seed: s.seed };
  return { ...result, model: new TsneModel(state, X, index) };
}
