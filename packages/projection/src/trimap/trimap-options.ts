import { ProjectionInputError } from '../errors.js';
import { integerOption, seedOption, signalOption } from '../options.js';
import type { LayoutCallback } from '../runtime/job.js';
import type { Matrix, ProgressCallback } from '../types.js';

/** Options of `trimap` (eamid/trimap 1.1.4 `TRIMAP` parameter names camelCased in brackets; defaults are the reference's). */
export interface TrimapOptions {
  /** [`n_inliers`] near neighbours per point used as the "similar" item of kNN triplets; integer ≥ 1. Default 12. */
  nInliers?: number;
  /** [`n_outliers`] random "dissimilar" items per inlier; integer ≥ 1. Default 4 (12 × 4 = 48 kNN triplets per point). */
  nOutliers?: number;
  /** [`n_random`] fully random triplets per point; integer ≥ 0. Default 3. */
  nRandom?: number;
  /** [`distance`] only `'euclidean'` (the default) is implemented. */
  distance?: 'euclidean';
  /**
   * [`weight_temp`] temperature t ≥ 0 of the tempered log applied to 1 + w: ((1 + w)^{1−t} − 1)/(1 − t), log at t = 1,
   * none at t = 0. Default 0.5, i.e. 2(√(1 + w) − 1). Larger t gives more compact clusters.
   */
  weightTemp?: number;
  /** [`lr`] constant step of the delta-bar-delta optimiser, > 0. Default 0.1. */
  lr?: number;
  /** [`n_iters`] iterations, integer ≥ 0. Default 400. */
  nIters?: number;
  /**
   * [`apply_pca`] when d > 100: center and reduce to 100 principal components before the neighbour search (the
   * reference's TruncatedSVD). Otherwise (or with false) X is min–max scaled by global scalars and column-centered.
   * Default true.
   */
  applyPca?: boolean;
  /**
   * [`init`] `'pca'` (default: 0.01 × the first two PCA scores of the preprocessed data, not normalised), `'random'`
   * (N(0, 1e-4²)) or an n×2 Float32Array (copied).
   */
  init?: 'pca' | 'random' | Float32Array;
  /** kNN of the 62 candidates: `'auto'` (default: exact below 4,096 rows, NN-descent above), `'exact'` or `'nn-descent'`. */
  knnMethod?: 'auto' | 'exact' | 'nn-descent';
  /** Seed of every random stage (kNN, triplet sampling, random init). Integer; default 42 (the notebook uses 1871). */
  seed?: number;
  /** Iterations between intermediate layouts sent to `onLayout` (integer ≥ 1). Default 10 (the reference's `_RETURN_EVERY`). */
  layoutEvery?: number;
  signal?: AbortSignal;
  /** Phases `'pca'` (preprocessing and PCA init), `'neighbors'`, `'triplets'`, `'init'`, `'optimize'`. */
  onProgress?: ProgressCallback;
  /** The live layout every `layoutEvery` iterations and at the end (copy to keep). */
  onLayout?: LayoutCallback;
}

/** Validated TriMap settings (internal). */
export interface TrimapSettings {
  readonly nInliers: number;
  readonly nOutliers: number;
  readonly nRandom: number;
  readonly weightTemp: number;
  readonly lr: number;
  readonly nIters: number;
  readonly applyPca: boolean;
  readonly init: 'pca' | 'random' | Float32Array;
  readonly knnMethod: 'auto' | 'exact' | 'nn-descent';
  readonly seed: number;
  readonly layoutEvery: number;
  readonly signal: AbortSignal | undefined;
}

/** Reads a finite number option in [min, ∞) (or (min, ∞) when `open`). */
function numberOption(name: string, value: unknown, fallback: number, min: number, open: boolean): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (open && v === min)) {
    throw new ProjectionInputError(name, v, `must be a finite number ${open ? '>' : '>='} ${min}`);
  }
  return v;
}

/**
 * Validates every TriMap option against X (n×d) before any work. The row rule: every point needs nInliers
 * neighbours plus nOutliers distinct outliers outside itself and those inliers, so n ≥ nInliers + nOutliers + 1
 * (the reference only asserts nInliers < n − 1 and loops forever in its rejection sampler below this bound).
 * @throws ProjectionInputError naming the option (or `X.rows`), its value and the rule.
 */
export function resolveTrimapOptions(X: Matrix, options: TrimapOptions): TrimapSettings {
  if (options === null || typeof options !== 'object') throw new ProjectionInputError('options', options, 'must be an object');
  const n = X.rows;
  const nInliers = integerOption('nInliers', options.nInliers, 12, 1);
  const nOutliers = integerOption('nOutliers', options.nOutliers, 4, 1);
  const nRandom = integerOption('nRandom', options.nRandom, 3, 0, 10000);
  if (n < nInliers + nOutliers + 1) {
    throw new ProjectionInputError(
      'X.rows',
      n,
      `must be >= nInliers + nOutliers + 1 = ${nInliers + nOutliers + 1}: each point needs ${nInliers} inliers and ${nOutliers} distinct outliers besides itself (lower nInliers/nOutliers for tiny inputs)`,
      'too-few-rows',
    );
  }
  const distance = options.distance ?? 'euclidean';
  if (distance !== 'euclidean') throw new ProjectionInputError('distance', distance, "must be 'euclidean' (the only distance implemented)");
  const applyPca = options.applyPca ?? true;
  if (typeof applyPca !== 'boolean') throw new ProjectionInputError('applyPca', applyPca, 'must be a boolean');
  const init = options.init ?? 'pca';
  if (init instanceof Float32Array) {
    if (init.length !== 2 * n) throw new ProjectionInputError('init.length', init.length, `must equal 2·n = ${2 * n} (an n×2 layout)`);
    for (let t = 0; t < init.length; t++) if (!Number.isFinite(init[t]!)) throw new ProjectionInputError(`init[${t}]`, init[t], 'must be finite');
  } else if (init !== 'pca' && init !== 'random') {
    throw new ProjectionInputError('init', init, "must be 'pca', 'random' or an n×2 Float32Array");
  }
  const knnMethod = options.knnMethod ?? 'auto';
  if (knnMethod !== 'auto' && knnMethod !== 'exact' && knnMethod !== 'nn-descent') {
    throw new ProjectionInputError('knnMethod', knnMethod, "must be 'auto', 'exact' or 'nn-descent'");
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new ProjectionInputError('onProgress', options.onProgress, 'must be a function');
  if (options.onLayout !== undefined && typeof options.onLayout !== 'function') throw new ProjectionInputError('onLayout', options.onLayout, 'must be a function');
  return {
    nInliers,
    nOutliers,
    nRandom,
    weightTemp: numberOption('weightTemp', options.weightTemp, 0.5, 0, false),
    lr: numberOption('lr', options.lr, 0.1, 0, true),
    nIters: integerOption('nIters', options.nIters, 400, 0, 1000000),
    applyPca,
    init,
    knnMethod,
    seed: seedOption(options.seed),
    layoutEvery: integerOption('layoutEvery', options.layoutEvery, 10, 1),
    signal: signalOption(options.signal),
  };
}
