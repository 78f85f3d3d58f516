import { buildNeighborIndex } from '../neighbors/neighbor-index.js';
import { createRng } from '../random/create-rng.js';
import type { Job } from '../runtime/job.js';
import type { Matrix, ProgressCallback } from '../types.js';
import { sampleKnnTriplets } from './knn-triplets.js';
import { sampleRandomTriplets } from './random-triplets.js';
import { scaledNeighbors } from './scaled-neighbors.js';
import { temperedWeights } from './tempered-weights.js';

/** Extra candidates beyond the inliers (`_NUM_EXTRA_KNN`). */
export const TRIMAP_EXTRA_NEIGHBORS = 50;

/** TriMap's fixed training signal: T weighted triplets (i, j, k) meaning "i is closer to j than to k". */
export interface TripletSet {
  /** T×3 row-major (i, j, k): the n·nInliers·nOutliers kNN triplets first, grouped by (i, j), then n·nRandom random ones. */
  readonly triplets: Int32Array;
  /** T transformed weights ≥ 0 (float32). */
  readonly weights: Float32Array;
  /** Number of kNN triplets (the first ones). */
  readonly nKnn: number;
}

/** What `generateTriplets` needs (validated by the caller). */
export interface TripletSettings {
  readonly nInliers: number;
  readonly nOutliers: number;
  readonly nRandom: number;
  readonly weightTemp: number;
  readonly knnMethod: 'auto' | 'exact' | 'nn-descent';
  readonly seed: number;
  readonly signal: AbortSignal | undefined;
}

/**
 * TriMap's triplet generation (eamid/trimap 1.1.4 `generate_triplets`, methods.md §8.2) on the preprocessed n×d data:
 * m = min(nInliers + 50, n) candidates per point (self plus m − 1 neighbours from `buildNeighborIndex`: exact below
 * 4,096 rows, NN-descent above, in place of Annoy), σ and the scaled-similarity inliers (`scaledNeighbors`), kNN
 * triplets (`sampleKnnTriplets`), random triplets (`sampleRandomTriplets`) and the tempered weights. Yields phases
 * `'neighbors'` and `'triplets'` (rows done, every 1,024 rows). Seed sub-streams: kNN, kNN triplets, random triplets.
 * Cost: the kNN (O(n²d) exact; about O(n^1.14·d·m) NN-descent) + O(n·(nInliers·nOutliers + nRandom)·d).
 * Memory: n·m·8 bytes of kNN (dropped at return) + 16 bytes per triplet. Does not mutate X.
 */
export function* generateTriplets(X: Matrix<Float32Array>, s: TripletSettings, onProgress?: ProgressCallback): Job<TripletSet> {
  const n = X.rows;
  const m = Math.min(s.nInliers + TRIMAP_EXTRA_NEIGHBORS, n);
  yield { phase: 'neighbors', done: 0, total: 1 };
  const knn = buildNeighborIndex(X, { k: m - 1, method: s.knnMethod, seed: s.seed, signal: s.signal, onProgress }).knn;
  yield { phase: 'neighbors', done: 1, total: 1 };
  const nb = scaledNeighbors(knn, n, s.nInliers);
  const nKnn = n * s.nInliers * s.nOutliers;
  const T = nKnn + n * s.nRandom;
  const triplets = new Int32Array(3 * T);
  const raw = new Float64Array(T);
  const knnRng = createRng((s.seed ^ 0x3c6ef372) >>> 0);
  const randomRng = createRng((s.seed ^ 0xa54ff53a) >>> 0);
  const block = 1024;
  for (let from = 0; from < n; from += block) {
    const to = Math.min(n, from + block);
    sampleKnnTriplets(X, nb, s.nOutliers, knnRng, triplets, raw, from, to);
    if (s.nRandom > 0) sampleRandomTriplets(X, nb.sigma, s.nRandom, randomRng, triplets, raw, nKnn, from, to);
    yield { phase: 'triplets', done: to, total: n };
  }
  return { triplets, weights: temperedWeights(raw, s.weightTemp), nKnn };
}
