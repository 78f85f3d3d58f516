import { ProjectionInputError } from '../errors.js';
import type { LayoutCallback } from '../runtime/job.js';
import { integerOption, seedOption, signalOption } from '../options.js';
import type { NeighborMetric } from '../neighbors/prepared-rows.js';
import type { Matrix, ProgressCallback } from '../types.js';
import { findAbParams } from './find-ab-params.js';

/** Options of `umap` (umap-learn `UMAP` parameter names, camelCased, in brackets; defaults are umap-learn's). */
export interface UmapOptions {
  /** [`n_neighbors`] neighbourhood size counting the point itself; integer in [2, n − 1]. Default min(15, n − 1). */
  nNeighbors?: number;
  /** [`min_dist`] in [0, spread]. Default 0.1. */
  minDist?: number;
  /** [`spread`] > 0. Default 1. */
  spread?: number;
  /** [`a`], [`b`] of the kernel 1/(1 + a·d^{2b}); both or neither, > 0. Default: fitted from minDist and spread. */
  a?: number;
  b?: number;
  /** [`n_epochs`] integer ≥ 0. Default 500 for n ≤ 10,000, else 200. */
  nEpochs?: number;
  /** [`learning_rate`] initial SGD step α₀ > 0. Default 1. */
  learningRate?: number;
  /** [`negative_sample_rate`] integer ≥ 0. Default 5. */
  negativeSampleRate?: number;
  /** [`repulsion_strength`] γ ≥ 0. Default 1. */
  repulsionStrength?: number;
  /** [`local_connectivity`] ≥ 0. Default 1. */
  localConnectivity?: number;
  /** [`set_op_mix_ratio`] in [0, 1]: 1 = fuzzy union, 0 = intersection. Default 1. */
  setOpMixRatio?: number;
  /** [`metric`] `'euclidean'` (default) or `'cosine'`. */
  metric?: NeighborMetric;
  /** [`init`] `'spectral'` (default, with umap-learn's fallbacks), `'random'`, or an n×2 Float32Array. */
  init?: 'spectral' | 'random' | Float32Array;
  /** kNN: `'auto'` (default: exact below 4,096 rows, as umap-learn), `'exact'` or `'nn-descent'`. */
  knnMethod?: 'auto' | 'exact' | 'nn-descent';
  /** [`random_state`] integer seed of every random stage. Default 42 (the notebook uses 1871). */
  seed?: number;
  /** [`y`] categorical target for supervised UMAP: one integer per row, −1 = unknown. */
  target?: ArrayLike<number>;
  /** [`target_weight`] in [0, 1]. Default 0.5. */
  targetWeight?: number;
  /** [`transform_seed`] seed of `model.transform`. Default 42. */
  transformSeed?: number;
  /** Epochs between intermediate layouts reported to `onLayout` (integer ≥ 1). Default 5. */
  layoutEvery?: number;
  signal?: AbortSignal;
  /** Phases `'neighbors'`, `'graph'`, `'init'`, `'epochs'`. */
  onProgress?: ProgressCallback;
  /** The live layout every `layoutEvery` epochs (copy to keep). */
  onLayout?: LayoutCallback;
}

/** Validated UMAP settings (internal). */
export interface UmapSettings {
  readonly nNeighbors: number;
  readonly a: number;
  readonly b: number;
  /** nEpochs as given, or undefined for the size rule. */
  readonly nEpochs: number | undefined;
  readonly learningRate: number;
  readonly negativeSampleRate: number;
  readonly repulsionStrength: number;
  readonly localConnectivity: number;
  readonly setOpMixRatio: number;
  readonly metric: NeighborMetric;
  readonly init: 'spectral' | 'random' | Float32Array;
  readonly knnMethod: 'auto' | 'exact' | 'nn-descent';
  readonly seed: number;
  readonly target: Int32Array | undefined;
  readonly targetWeight: number;
  readonly transformSeed: number;
  readonly layoutEvery: number;
  readonly signal: AbortSignal | undefined;
}

function numberOption(name: string, value: unknown, fallback: number, min: number, max: number, rule: string): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new ProjectionInputError(name, v, rule);
  return v;
}

/**
 * Validates every UMAP option against X (n×d) before any work.
 * @throws ProjectionInputError naming the option, its value and the rule (e.g. nNeighbors ≥ n, minDist > spread,
 *   a target of the wrong length).
 */
export function resolveUmapOptions(X: Matrix, options: UmapOptions): UmapSettings {
  if (options === null || typeof options !== 'object') throw new ProjectionInputError('options', options, 'must be an object');
  const n = X.rows;
  const nNeighbors =
    options.nNeighbors === undefined
      ? Math.max(2, Math.min(15, n - 1))
      : integerOption('nNeighbors', options.nNeighbors, 15, 2, Math.max(2, n - 1));
  if (options.nNeighbors !== undefined && n > 2 && nNeighbors >= n) throw new ProjectionInputError('nNeighbors', nNeighbors, `must be < the number of rows n = ${n}`);
  const spread = numberOption('spread', options.spread, 1, Number.MIN_VALUE, Infinity, 'must be a finite number > 0');
  const minDist = numberOption('minDist', options.minDist, 0.1, 0, Infinity, 'must be a finite number >= 0');
  if (minDist > spread) throw new ProjectionInputError('minDist', minDist, `must be <= spread = ${spread}`);
  if ((options.a === undefined) !== (options.b === undefined)) {
    throw new ProjectionInputError(options.a === undefined ? 'a' : 'b', undefined, 'a and b must be given together or not at all');
  }
  let ab = options.a === undefined ? undefined : { a: numberOption('a', options.a, 0, Number.MIN_VALUE, Infinity, 'must be a finite number > 0'), b: numberOption('b', options.b, 0, Number.MIN_VALUE, Infinity, 'must be a finite number > 0') };
  ab ??= findAbParams(spread, minDist);
  const nEpochs = options.nEpochs === undefined ? undefined : integerOption('nEpochs', options.nEpochs, 0, 0, 100000);
  const metric = options.metric ?? 'euclidean';
  if (metric !== 'euclidean' && metric !== 'cosine') throw new ProjectionInputError('metric', metric, "must be 'euclidean' or 'cosine'");
  const init = options.init ?? 'spectral';
  if (init instanceof Float32Array) {
    if (init.length !== 2 * n) throw new ProjectionInputError('init.length', init.length, `must equal 2·n = ${2 * n} (an n×2 layout)`);
    for (let t = 0; t < init.length; t++) if (!Number.isFinite(init[t]!)) throw new ProjectionInputError(`init[${t}]`, init[t], 'must be finite');
  } else if (init !== 'spectral' && init !== 'random') {
    throw new ProjectionInputError('init', init, "must be 'spectral', 'random' or an n×2 Float32Array");
  }
  const knnMethod = options.knnMethod ?? 'auto';
  if (knnMethod !== 'auto' && knnMethod !== 'exact' && knnMethod !== 'nn-descent') {
    throw new ProjectionInputError('knnMethod', knnMethod, "must be 'auto', 'exact' or 'nn-descent'");
  }
  let target: Int32Array | undefined;
  if (options.target !== undefined) {
    const t = options.target;
    if (t === null || typeof t !== 'object' || typeof t.length !== 'number') throw new ProjectionInputError('target', t, 'must be an array of integer labels (one per row)');
    if (t.length !== n) throw new ProjectionInputError('target.length', t.length, `must equal the number of rows n = ${n}`);
    target = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = t[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -1 || v > 2147483647) {
        throw new ProjectionInputError(`target[${i}]`, v, 'must be an integer label >= 0, or -1 for unknown');
      }
      target[i] = v;
    }
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new ProjectionInputError('onProgress', options.onProgress, 'must be a function');
  if (options.onLayout !== undefined && typeof options.onLayout !== 'function') throw new ProjectionInputError('onLayout', options.onLayout, 'must be a function');
  return {
    nNeighbors,
    a: ab.a,
    b: ab.b,
    nEpochs,
    learningRate: numberOption('learningRate', options.learningRate, 1, Number.MIN_VALUE, Infinity, 'must be a finite number > 0'),
    negativeSampleRate: integerOption('negativeSampleRate', options.negativeSampleRate, 5, 0, 1000),
    repulsionStrength: numberOption('repulsionStrength', options.repulsionStrength, 1, 0, Infinity, 'must be a finite number >= 0'),
    localConnectivity: numberOption('localConnectivity', options.localConnectivity, 1, 0, Infinity, 'must be a finite number >= 0'),
    setOpMixRatio: numberOption('setOpMixRatio', options.setOpMixRatio, 1, 0, 1, 'must be a number in [0, 1]'),
    metric,
    init,
    knnMethod,
    seed: seedOption(options.seed),
    target,
    targetWeight: numberOption('targetWeight', options.targetWeight, 0.5, 0, 1, 'must be a number in [0, 1]'),
    transformSeed: options.transformSeed === undefined ? 42 : integerOption('transformSeed', options.transformSeed, 42, -2147483648, 4294967295),
    layoutEvery: integerOption('layoutEvery', options.layoutEvery, 5, 1),
    signal: signalOption(options.signal),
  };
}
