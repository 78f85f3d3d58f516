import { buildNeighborIndex } from '../neighbors/neighbor-index.js';
import { createRng } from '../random/create-rng.js';
import type { Job } from '../runtime/job.js';
import type { Matrix, ProgressCallback } from '../types.js';
import { furtherPairs } from './further-pairs.js';
import { midNearPairs } from './mid-near-pairs.js';
import { neighborPairs } from './neighbor-pairs.js';
import type { PacmapPairs } from './pacmap-gradient.js';
import { randomPacmapInit, scaledPacmapInit } from './pacmap-init.js';
import type { PacmapSettings } from './pacmap-options.js';
import { PacmapStepper } from './pacmap-stepper.js';
import { preprocessPacmap, type PacmapPreprocessed } from './preprocess-pacmap.js';

/** Extra kNN candidates the NN pairs are chosen from (reference: n_neighbors + 50). */
const EXTRA_CANDIDATES = 50;

/** `pacmap()` output. */
export interface PacmapResult {
  /** The n×2 float32 layout, row-major, in the units the optimisation left it in (no rescaling, as the reference). */
  readonly embedding: Float32Array;
  /** The pairs used: NN, mid-near and further partners, each n×count row-major with its count. */
  readonly pairs: PacmapPairs;
  /** Loss of the layout at the start of the last iteration (NaN when no iteration ran). */
  readonly loss: number;
  /** True when d > 100 was reduced to 100 principal components first. */
  readonly reduced: boolean;
  /** How the layout was initialised: 'pca', 'random' or 'array'. */
  readonly initUsed: 'pca' | 'random' | 'array';
}

/**
 * PaCMAP's `fit` (0.9.1; methods.md §9) as a job over a validated n×d matrix: preprocessing (PCA to 100
 * dimensions when d > 100, else global min/max scaling and centering), kNN of min(n_NN + 50, n − 1) candidates
 * (self excluded; exact below 4,096 rows, else NN-descent), NN pairs by scaled distance, mid-near and further
 * pairs by seeded sampling, the initial layout, then the three-phase Adam iterations (`PacmapStepper`).
 * Yields phases 'preprocess', 'neighbors', 'pairs', 'init', 'optimize' (layouts every `layoutEvery` iterations and
 * at the end). Sub-streams of `seed`: PCA start, kNN, mid-near, further, random init. Deterministic for a seed.
 * Memory: at most n·d' float32 preprocessed rows (d' ≤ 100 when reduced) plus the neighbour index (a float32 copy of
 * those rows and n·(n_NN + 50) kNN lists) while the NN pairs are chosen; during the optimisation only the pairs,
 * n·(n_NN + n_MN + n_FP) int32, and 4 n×2 arrays. Does not mutate X.
 */
export function* fitPacmapJob(X: Matrix, s: PacmapSettings, onProgress?: ProgressCallback): Job<PacmapResult> {
  const n = X.rows;
  // `pre` (n·d' floats) is dropped once the pairs exist; the kNN lists live only inside `nearestNeighborPairs`.
  let pre: PacmapPreprocessed | undefined = yield* preprocessPacmap(X, s.applyPca, s.seed, createRng((s.seed ^ 0x68e31da4) >>> 0));
  const { reduced, pcaInit } = pre;
  yield { phase: 'neighbors', done: 0, total: 1 };
  const neighbors = nearestNeighborPairs(pre.data, s, onProgress);
  yield { phase: 'neighbors', done: 1, total: 1 };
  const midNear = midNearPairs(pre.data, s.nMidNear, createRng((s.seed ^ 0x1b873593) >>> 0));
  pre = undefined;
  yield { phase: 'pairs', done: 1, total: 2 };
  const further = furtherPairs(n, s.nFurther, neighbors, s.nNeighbors, createRng((s.seed ^ 0xcc9e2d51) >>> 0));
  yield { phase: 'pairs', done: 2, total: 2 };
  const pairs: PacmapPairs = { neighbors, nNeighbors: s.nNeighbors, midNear, nMidNear: s.nMidNear, further, nFurther: s.nFurther };

  let init: Float32Array;
  let initUsed: PacmapResult['initUsed'];
  if (s.init instanceof Float32Array) {
    init = scaledPacmapInit(s.init);
    initUsed = 'array';
  } else if (s.init === 'random') {
    init = randomPacmapInit(n, createRng((s.seed ^ 0x85ebca6b) >>> 0));
    initUsed = 'random';
  } else {
    init = pcaInit;
    initUsed = 'pca';
  }
  const stepper = new PacmapStepper(pairs, init, s.phases, s.lr);
  yield { phase: 'init', done: 1, total: 1, layout: stepper.layout };
  let loss = NaN;
  const total = stepper.totalSteps;
  while (!stepper.done) {
    const info = stepper.step();
    loss = info.loss ?? loss;
    const done = info.step + 1;
    yield done % s.layoutEvery === 0 || stepper.done ? { phase: 'optimize', done, total, layout: stepper.layout } : { phase: 'optimize', done, total };
  }
  return { embedding: stepper.layout, pairs, loss, reduced, initUsed };
}

/** kNN of min(n_NN + 50, n − 1) candidates on the preprocessed rows, then the NN pairs (`neighborPairs`). */
function nearestNeighborPairs(data: Matrix, s: PacmapSettings, onProgress: ProgressCallback | undefined): Int32Array {
  const n = data.rows;
  const k = Math.min(s.nNeighbors + EXTRA_CANDIDATES, n - 1);
  const knn = buildNeighborIndex(data, { k, method: s.knnMethod, seed: s.seed, signal: s.signal, onProgress }).knn;
  return neighborPairs(knn, n, s.nNeighbors).partners;
}
