import { ProjectionInputError } from '../errors.js';
import { integerOption, signalOption } from '../options.js';
import type { LayoutCallback } from '../runtime/job.js';
import type { ProgressCallback } from '../types.js';

/**
 * Options of `TsneModel.transform` (openTSNE 1.0 `TSNEEmbedding.transform` parameter names camelCased in brackets;
 * defaults are openTSNE's).
 */
export interface TsneTransformOptions {
  /** [`perplexity`] of each new point's affinities to its reference neighbours, > 0 and < n (reference rows). Default 5. */
  perplexity?: number;
  /**
   * [`k`] reference neighbours whose median position starts each new point, integer ≥ 1. Default 25. openTSNE queries
   * ⌊3·perplexity⌋ neighbours and slices that array with k, so k is capped at ⌊3·perplexity⌋ (15 by default) here too.
   */
  k?: number;
  /** [`initialization`] 'median' (default) of the neighbours' positions, or an m×2 Float32Array in the fit's frame. */
  initialization?: 'median' | Float32Array;
  /** [`learning_rate`] > 0. Default 0.1. */
  learningRate?: number;
  /** [`early_exaggeration_iter`] integer ≥ 0. Default 0. */
  earlyExaggerationIter?: number;
  /** [`early_exaggeration`] > 0. Default 4. */
  earlyExaggeration?: number;
  /** [`n_iter`] integer ≥ 0. Default 250. */
  nIter?: number;
  /** [`exaggeration`] > 0. Default 1.5. */
  exaggeration?: number;
  /** [`initial_momentum`] in [0, 1). Default 0.8. */
  initialMomentum?: number;
  /** [`final_momentum`] in [0, 1). Default 0.8. */
  finalMomentum?: number;
  /** [`max_grad_norm`] per-point gradient clip > 0, or null for none. Default 0.25. */
  maxGradNorm?: number | null;
  /** [`max_step_norm`] per-point update clip > 0, or null (default) for none. */
  maxStepNorm?: number | null;
  /**
   * Repulsion from the reference: 'fft' (potentials of the reference interpolated from a fixed grid, openTSNE's
   * `prepare_interpolation_grid`), 'exact' (O(m·n) per iteration), or 'auto' (default: whichever is cheaper).
   */
  negativeGradientMethod?: 'auto' | 'fft' | 'exact';
  /** Iterations between intermediate layouts sent to `onLayout` (integer ≥ 1). Default 5. */
  layoutEvery?: number;
  signal?: AbortSignal;
  /** Phases 'neighbors', 'affinities', 'init', 'optimize'. */
  onProgress?: ProgressCallback;
  /** The new points' live layout (m×2, fit's frame) every `layoutEvery` iterations and at the end (copy to keep). */
  onLayout?: LayoutCallback;
}

/** Validated transform settings (internal). */
export interface TsneTransformSettings {
  readonly perplexity: number;
  /** Reference neighbours queried per new point: min(n, ⌊3·perplexity⌋). */
  readonly kQuery: number;
  /** Neighbours of the median initialisation: min(k, kQuery). */
  readonly kInit: number;
  readonly initialization: 'median' | Float32Array;
  readonly learningRate: number;
  readonly earlyExaggerationIter: number;
  readonly earlyExaggeration: number;
  readonly nIter: number;
  readonly exaggeration: number;
  readonly initialMomentum: number;
  readonly finalMomentum: number;
  /** Infinity disables it. */
  readonly maxGradNorm: number;
  /** Infinity disables it. */
  readonly maxStepNorm: number;
  readonly negativeGradientMethod: 'auto' | 'fft' | 'exact';
  readonly layoutEvery: number;
  readonly signal: AbortSignal | undefined;
}

function positive(name: string, value: unknown, fallback: number): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) throw new ProjectionInputError(name, v, 'must be a finite number > 0');
  return v;
}

function momentum(name: string, value: unknown): number {
  const v = value === undefined ? 0.8 : value;
  if (typeof v !== 'number' || !(v >= 0 && v < 1)) throw new ProjectionInputError(name, v, 'must be a number in [0, 1)');
  return v;
}

function clip(name: string, value: unknown, fallback: number): number {
  if (value === null) return Infinity;
  const v = value === undefined ? fallback : value;
  if (v === Infinity) return Infinity;
  if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) throw new ProjectionInputError(name, v, 'must be a finite number > 0, or null for no clipping');
  return v;
}

/**
 * Validates the transform options for n reference rows and m new rows, before any work; applies openTSNE's
 * perplexity reduction (perplexity > ⌊3·perplexity⌋ capped at n → n/3).
 * @throws ProjectionInputError naming the option, its value and the rule (e.g. perplexity ≥ n, an initialization
 *   of the wrong length).
 */
export function resolveTsneTransformOptions(n: number, m: number, options: TsneTransformOptions): TsneTransformSettings {
  if (options === null || typeof options !== 'object') throw new ProjectionInputError('options', options, 'must be an object');
  let perplexity = positive('perplexity', options.perplexity, 5);
  if (perplexity >= n) {
    throw new ProjectionInputError('perplexity', perplexity, `must be < the number of reference rows n = ${n}`, 'perplexity-too-large');
  }
  const kQuery = Math.max(1, Math.min(n, Math.floor(3 * perplexity)));
  if (perplexity > kQuery) perplexity = kQuery / 3;
  const k = integerOption('k', options.k, 25, 1);
  const init = options.initialization ?? 'median';
  if (init instanceof Float32Array) {
    if (init.length !== 2 * m) throw new ProjectionInputError('initialization.length', init.length, `must equal 2·m = ${2 * m} (an m×2 layout)`);
    for (let t = 0; t < init.length; t++) if (!Number.isFinite(init[t]!)) throw new ProjectionInputError(`initialization[${t}]`, init[t], 'must be finite');
  } else if (init !== 'median') {
    throw new ProjectionInputError('initialization', init, "must be 'median' or an m×2 Float32Array");
  }
  const ngm = options.negativeGradientMethod ?? 'auto';
  if (ngm !== 'auto' && ngm !== 'fft' && ngm !== 'exact') throw new ProjectionInputError('negativeGradientMethod', ngm, "must be 'auto', 'fft' or 'exact'");
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new ProjectionInputError('onProgress', options.onProgress, 'must be a function');
  if (options.onLayout !== undefined && typeof options.onLayout !== 'function') throw new ProjectionInputError('onLayout', options.onLayout, 'must be a function');
  return {
    perplexity,
    kQuery,
    kInit: Math.min(k, kQuery),
    initialization: init,
    learningRate: positive('learningRate', options.learningRate, 0.1),
    earlyExaggerationIter: integerOption('earlyExaggerationIter', options.earlyExaggerationIter, 0, 0, 1e6),
    earlyExaggeration: positive('earlyExaggeration', options.earlyExaggeration, 4),
    nIter: integerOption('nIter', options.nIter, 250, 0, 1e6),
    exaggeration: positive('exaggeration', options.exaggeration, 1.5),
    initialMomentum: momentum('initialMomentum', options.initialMomentum),
    finalMomentum: momentum('finalMomentum', options.finalMomentum),
    maxGradNorm: clip('maxGradNorm', options.maxGradNorm, 0.25),
    maxStepNorm: clip('maxStepNorm', options.maxStepNorm, Infinity),
    negativeGradientMethod: ngm,
    layoutEvery: integerOption('layoutEvery', options.layoutEvery, 5, 1),
    signal: signalOption(options.signal),
  };
}
