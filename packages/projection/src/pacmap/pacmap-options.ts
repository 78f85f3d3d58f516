import { ProjectionInputError } from '../errors.js';
import { integerOption, seedOption, signalOption } from '../options.js';
import type { LayoutCallback } from '../runtime/job.js';
import type { Matrix, ProgressCallback } from '../types.js';
import { defaultNeighborCount, minimumRows, pairCounts, type PairCounts } from './pair-counts.js';

/** Options of `pacmap` (PaCMAP 0.9.1 `PaCMAP` parameter names camelCased in brackets; defaults are the reference's). */
export interface PacmapOptions {
  /**
   * [`n_neighbors`] nearest-neighbour pairs per point, an integer ≥ 1, or null for the reference's size rule
   * (10 up to 10,000 rows, then round(10 + 15·(log₁₀ n − 4))). Default 10. Reduced for small n as the reference does.
   */
  nNeighbors?: number | null;
  /** [`MN_ratio`] mid-near pairs per NN pair, ≥ 0. Default 0.5 (5 mid-near pairs per point). */
  mnRatio?: number;
  /** [`FP_ratio`] further pairs per NN pair, > 0. Default 2 (20 further pairs per point). */
  fpRatio?: number;
  /**
   * [`num_iters`] the three phases' lengths [global, balance, local]; a number N means [100, 100, N], as in the
   * reference (so 250 gives the default 450 iterations in all). Integers ≥ 0. Default [100, 100, 250].
   */
  numIters?: number | readonly [number, number, number];
  /** [`lr`] Adam step size > 0. Default 1. */
  lr?: number;
  /** [`apply_pca`] reduce d > 100 to 100 principal components before the neighbour search. Default true. */
  applyPca?: boolean;
  /**
   * [`init`] 'pca' (default: 0.01 × the first two principal component scores of the preprocessed data), 'random'
   * (N(0, 1e-4²)) or an n×2 Float32Array (standardised per column, then × 1e-4, as the reference does).
   */
  init?: 'pca' | 'random' | Float32Array;
  /** [`distance`] only 'euclidean' (the default) is supported. */
  distance?: 'euclidean';
  /** kNN: 'auto' (default: exact below 4,096 rows, NN-descent above), 'exact' or 'nn-descent'. The reference uses HNSW. */
  knnMethod?: 'auto' | 'exact' | 'nn-descent';
  /** [`random_state`] integer seed of every random stage (PCA start vector, kNN, pair sampling, random init). Default 42. */
  seed?: number;
  /** Iterations between intermediate layouts sent to `onLayout` (integer ≥ 1). Default 5. */
  layoutEvery?: number;
  signal?: AbortSignal;
  /** Phases 'preprocess', 'neighbors', 'pairs', 'init', 'optimize'. */
  onProgress?: ProgressCallback;
  /** The live layout every `layoutEvery` iterations and at the end (copy to keep). */
  onLayout?: LayoutCallback;
}

/** Validated PaCMAP settings (internal). */
export interface PacmapSettings extends PairCounts {
  readonly mnRatio: number;
  readonly fpRatio: number;
  /** Phase lengths [global, balance, local]. */
  readonly phases: readonly [number, number, number];
  readonly lr: number;
  readonly applyPca: boolean;
  readonly init: 'pca' | 'random' | Float32Array;
  readonly knnMethod: 'auto' | 'exact' | 'nn-descent';
  readonly seed: number;
  readonly layoutEvery: number;
  readonly signal: AbortSignal | undefined;
}

function numberOption(name: string, value: unknown, fallback: number, ok: (v: number) => boolean, rule: string): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new ProjectionInputError(name, v, rule);
  return v;
}

function phasesOption(value: unknown): readonly [number, number, number] {
  if (value === undefined) return [100, 100, 250];
  if (typeof value === 'number') return [100, 100, integerOption('numIters', value, 250, 0, 1e6)];
  if (!Array.isArray(value) || value.length !== 3) {
    throw new ProjectionInputError('numIters', value, 'must be an integer ≥ 0 (the last phase) or [global, balance, local] phase lengths');
  }
  return [
    integerOption('numIters[0]', value[0], 0, 0, 1e6),
    integerOption('numIters[1]', value[1], 0, 0, 1e6),
    integerOption('numIters[2]', value[2], 0, 0, 1e6),
  ];
}

/**
 * Validates every PaCMAP option against X (n×d) before any work, and fixes the pair counts (`pairCounts`).
 * @throws ProjectionInputError naming the option, its value and the rule; for too few rows, `X.rows` with the
 *   smallest n that leaves at least one nearest-neighbour and one further pair per point.
 */
export function resolvePacmapOptions(X: Matrix, options: PacmapOptions): PacmapSettings {
  if (options === null || typeof options !== 'object') throw new ProjectionInputError('options', options, 'must be an object');
  const n = X.rows;
  const nn = options.nNeighbors === null ? defaultNeighborCount(n) : integerOption('nNeighbors', options.nNeighbors, 10, 1, 1e6);
  const mnRatio = numberOption('mnRatio', options.mnRatio, 0.5, (v) => v >= 0, 'must be a finite number >= 0');
  const fpRatio = numberOption('fpRatio', options.fpRatio, 2, (v) => v > 0, 'must be a finite number > 0');
  const counts = pairCounts(n, nn, mnRatio, fpRatio);
  if (counts.nNeighbors < 1 || counts.nFurther < 1) {
    const need = minimumRows(nn, mnRatio, fpRatio);
    throw new ProjectionInputError(
      'X.rows',
      n,
      `PaCMAP needs at least one nearest-neighbour pair and one further pair per point (distinct other rows): with nNeighbors = ${nn}, mnRatio = ${mnRatio}, fpRatio = ${fpRatio} that takes n >= ${need} rows`,
      'too-few-rows',
    );
  }
  const lr = numberOption('lr', options.lr, 1, (v) => v > 0, 'must be a finite number > 0');
  if (options.applyPca !== undefined && typeof options.applyPca !== 'boolean') throw new ProjectionInputError('applyPca', options.applyPca, 'must be a boolean');
  const init = options.init ?? 'pca';
  if (init instanceof Float32Array) {
    if (init.length !== 2 * n) throw new ProjectionInputError('init.length', init.length, `must equal 2·n = ${2 * n} (an n×2 layout)`);
    for (let t = 0; t < init.length; t++) if (!Number.isFinite(init[t]!)) throw new ProjectionInputError(`init[${t}]`, init[t], 'must be finite');
  } else if (init !== 'pca' && init !== 'random') {
    throw new ProjectionInputError('init', init, "must be 'pca', 'random' or an n×2 Float32Array");
  }
  const distance = options.distance ?? 'euclidean';
  if (distance !== 'euclidean') throw new ProjectionInputError('distance', distance, "must be 'euclidean' (the only distance supported)");
  const knnMethod = options.knnMethod ?? 'auto';
  if (knnMethod !== 'auto' && knnMethod !== 'exact' && knnMethod !== 'nn-descent') {
    throw new ProjectionInputError('knnMethod', knnMethod, "must be 'auto', 'exact' or 'nn-descent'");
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new ProjectionInputError('onProgress', options.onProgress, 'must be a function');
  if (options.onLayout !== undefined && typeof options.onLayout !== 'function') throw new ProjectionInputError('onLayout', options.onLayout, 'must be a function');
  return {
    ...counts,
    mnRatio,
    fpRatio,
    phases: phasesOption(options.numIters),
    lr,
    applyPca: options.applyPca ?? true,
    init,
    knnMethod,
    seed: seedOption(options.seed),
    layoutEvery: integerOption('layoutEvery', options.layoutEvery, 5, 1),
    signal: signalOption(options.signal),
  };
}
