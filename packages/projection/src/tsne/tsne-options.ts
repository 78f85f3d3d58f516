import { ProjectionInputError } from '../errors.js';
import { integerOption, seedOption, signalOption } from '../options.js';
import type { NeighborMetric } from '../neighbors/prepared-rows.js';
import type { LayoutCallback } from '../runtime/job.js';
import type { Matrix, ProgressCallback } from '../types.js';

/** Options of `tsne` (openTSNE `TSNE` parameter names camelCased in brackets; defaults are openTSNE 1.0's). */
export interface TsneOptions {
  /**
   * [`perplexity`] > 0. Default 30. Reduced to (n − 1)/3 when 3·perplexity > n − 1, as openTSNE does. An explicit
   * perplexity ≥ n is rejected (it is almost certainly a mistake); the default is reduced silently, so small inputs
   * (e.g. the cluster means of center reprojection) work without options, as in openTSNE.
   */
  perplexity?: number;
  /** [`early_exaggeration_iter`] integer ≥ 0. Default 250. */
  earlyExaggerationIter?: number;
  /** [`early_exaggeration`] > 0, or 'auto' (default) = max(12, exaggeration). */
  earlyExaggeration?: number | 'auto';
  /** [`n_iter`] iterations after early exaggeration, integer ≥ 0. Default 500. */
  nIter?: number;
  /** [`exaggeration`] of the second phase, > 0. Default 1. */
  exaggeration?: number;
  /** [`learning_rate`] > 0 or 'auto' (default) = n / exaggeration of the current phase (no 4× gradient factor). */
  learningRate?: number | 'auto';
  /** [`initial_momentum`] in [0, 1). Default 0.8. */
  initialMomentum?: number;
  /** [`final_momentum`] in [0, 1). Default 0.8. */
  finalMomentum?: number;
  /** [`max_step_norm`] per-point step clip > 0, or null for none. Default 5. */
  maxStepNorm?: number | null;
  /** [`initialization`] 'pca' (default; std(PC1) = 1e-4 plus 1e-6 jitter), 'random' (N(0, 1e-4²)) or an n×2 Float32Array (used as is). */
  initialization?: 'pca' | 'random' | Float32Array;
  /** [`metric`] 'euclidean' (default) or 'cosine'; distances are squared inside the kernel. */
  metric?: NeighborMetric;
  /**
   * [`negative_gradient_method`] 'auto' (default: each iteration, exact O(n²) or FFT interpolation, whichever is cheaper
   * for n and the layout's extent — exact for digits-sized data, FFT while the layout is small or n is large),
   * 'fft' or 'exact'.
   */
  negativeGradientMethod?: 'auto' | 'fft' | 'exact';
  /** kNN: 'auto' (default: exact below 4,096 rows, NN-descent above), 'exact' or 'nn-descent'. */
  knnMethod?: 'auto' | 'exact' | 'nn-descent';
  /** [`random_state`] integer seed of the kNN and the initialisation. Default 42 (the notebook uses 1871). */
  seed?: number;
  /** Iterations between intermediate layouts sent to `onLayout` (integer ≥ 1). Default 5. */
  layoutEvery?: number;
  /**
   * Return `result.model` (a `TsneModel` whose `transform` embeds new points). Default false: the neighbour index
   * is then dropped as soon as the affinities exist (memory O(n·k) during the optimisation); with true it is kept
   * for the model (plus about n·4d bytes, e.g. 307 MB at 100k × 768).
   */
  model?: boolean;
  signal?: AbortSignal;
  /** Phases 'neighbors', 'affinities', 'init', 'early-exaggeration', 'optimize'. */
  onProgress?: ProgressCallback;
  /** The live layout every `layoutEvery` iterations and at the end (copy to keep). */
  onLayout?: LayoutCallback;
}

/** Validated t-SNE settings (internal). */
export interface TsneSettings {
  /** The perplexity used (after openTSNE's reduction for small n). */
  readonly perplexity: number;
  /** Neighbours per point, self excluded: min(n − 1, ⌊3·perplexity⌋). */
  readonly k: number;
  readonly earlyExaggerationIter: number;
  readonly earlyExaggeration: number;
  readonly nIter: number;
  readonly exaggeration: number;
  readonly learningRate: number | 'auto';
  readonly initialMomentum: number;
  readonly finalMomentum: number;
  readonly maxStepNorm: number;
  readonly initialization: 'pca' | 'random' | Float32Array;
  readonly metric: NeighborMetric;
  readonly negativeGradientMethod: 'auto' | 'fft' | 'exact';
  readonly knnMethod: 'auto' | 'exact' | 'nn-descent';
  readonly seed: number;
  readonly layoutEvery: number;
  readonly model: boolean;
  readonly signal: AbortSignal | undefined;
}

function numberOption(name: string, value: unknown, fallback: number, ok: (v: number) => boolean, rule: string): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new ProjectionInputError(name, v, rule);
  return v;
}

/**
 * Validates every t-SNE option against X (n×d) before any work.
 * @throws ProjectionInputError naming the option, its value and the rule (e.g. perplexity ≥ n, n < 2, an
 *   initialization of the wrong length).
 */
export function resolveTsneOptions(X: Matrix, options: TsneOptions): TsneSettings {
  if (options === null || typeof options !== 'object') throw new ProjectionInputError('options', options, 'must be an object');
  const n = X.rows;
  if (n < 2) throw new ProjectionInputError('X.rows', n, 't-SNE needs at least 2 rows');
  let perplexity = numberOption('perplexity', options.perplexity, 30, (v) => v > 0, 'must be a finite number > 0');
  if (options.perplexity !== undefined && perplexity >= n) {
    throw new ProjectionInputError('perplexity', perplexity, `must be < the number of rows n = ${n} (openTSNE uses about 3·perplexity neighbours)`, 'perplexity-too-large');
  }
  if (3 * perplexity > n - 1) perplexity = (n - 1) / 3;
  const k = Math.max(1, Math.min(n - 1, Math.floor(3 * perplexity)));
  const exaggeration = numberOption('exaggeration', options.exaggeration, 1, (v) => v > 0, 'must be a finite number > 0');
  const ee = options.earlyExaggeration ?? 'auto';
  const earlyExaggeration = ee === 'auto' ? Math.max(12, exaggeration) : numberOption('earlyExaggeration', ee, 12, (v) => v > 0, "must be 'auto' or a finite number > 0");
  const lr = options.learningRate ?? 'auto';
  const learningRate = lr === 'auto' ? 'auto' : numberOption('learningRate', lr, 1, (v) => v > 0, "must be 'auto' or a finite number > 0");
  const momentum = (v: number): boolean => v >= 0 && v < 1;
  const maxStepNorm = options.maxStepNorm === null ? Infinity : numberOption('maxStepNorm', options.maxStepNorm, 5, (v) => v > 0, 'must be a finite number > 0, or null for no clipping');
  const init = options.initialization ?? 'pca';
  if (init instanceof Float32Array) {
    if (init.length !== 2 * n) throw new ProjectionInputError('initialization.length', init.length, `must equal 2·n = ${2 * n} (an n×2 layout)`);
    for (let t = 0; t < init.length; t++) if (!Number.isFinite(init[t]!)) throw new ProjectionInputError(`initialization[${t}]`, init[t], 'must be finite');
  } else if (init !== 'pca' && init !== 'random') {
    throw new ProjectionInputError('initialization', init, "must be 'pca', 'random' or an n×2 Float32Array");
  }
  const metric = options.metric ?? 'euclidean';
  if (metric !== 'euclidean' && metric !== 'cosine') throw new ProjectionInputError('metric', metric, "must be 'euclidean' or 'cosine'");
  const ngm = options.negativeGradientMethod ?? 'auto';
  if (ngm !== 'auto' && ngm !== 'fft' && ngm !== 'exact') throw new ProjectionInputError('negativeGradientMethod', ngm, "must be 'auto', 'fft' or 'exact'");
  const knnMethod = options.knnMethod ?? 'auto';
  if (knnMethod !== 'auto' && knnMethod !== 'exact' && knnMethod !== 'nn-descent') throw new ProjectionInputError('knnMethod', knnMethod, "must be 'auto', 'exact' or 'nn-descent'");
  if (options.model !== undefined && typeof options.model !== 'boolean') throw new ProjectionInputError('model', options.model, 'must be a boolean');
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new ProjectionInputError('onProgress', options.onProgress, 'must be a function');
  if (options.onLayout !== undefined && typeof options.onLayout !== 'function') throw new ProjectionInputError('onLayout', options.onLayout, 'must be a function');
  return {
    perplexity,
    k,
    earlyExaggerationIter: integerOption('earlyExaggerationIter', options.earlyExaggerationIter, 250, 0, 1e6),
    earlyExaggeration,
    nIter: integerOption('nIter', options.nIter, 500, 0, 1e6),
    exaggeration,
    learningRate,
    initialMomentum: numberOption('initialMomentum', options.initialMomentum, 0.8, momentum, 'must be a number in [0, 1)'),
    finalMomentum: numberOption('finalMomentum', options.finalMomentum, 0.8, momentum, 'must be a number in [0, 1)'),
    maxStepNorm,
    initialization: init,
    metric,
    negativeGradientMethod: ngm,
    knnMethod,
    seed: seedOption(options.seed),
    layoutEvery: integerOption('layoutEvery', options.layoutEvery, 5, 1),
    model: options.model ?? false,
    signal: signalOption(options.signal),
  };
}
