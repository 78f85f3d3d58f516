import { ProjectionInputError } from '../errors.js';
import { integerOption, seedOption, signalOption } from '../options.js';
import type { LayoutCallback } from '../runtime/job.js';
import type { ProgressCallback } from '../types.js';

/**
 * How the sub-clusters ("anchors") of each cluster are found (clusterplot.md §2.2).
 * - `{method: 'birch', threshold}`: the reference's BIRCH with branching factor n, i.e. sequential leader clustering in
 *   row order; a row joins the nearest sub-cluster when the merged RMS radius stays ≤ `threshold` (data units). The
 *   reference default is 0.3, which makes every row its own anchor on real data (§2.2 trap): pass 0.3 for parity only.
 * - `{method: 'birch'}` without `threshold` (the default): scale-aware, threshold = `thresholdScale` (default 1) × the
 *   median nearest-neighbour distance of a seeded sample of 256 rows. On digits (median 1-NN ≈ 16) that gives ≈ 350
 *   anchors for 1,797 rows (the reference's 15 → 480 and 18 → 256 bracket it). `thresholdFrom: 'same-cluster'` takes the
 *   median distance of each sampled row to its nearest row of the same cluster instead (default `'all-rows'`).
 * - `maxPerCluster` (birch only): cap on sub-clusters per cluster; a cluster whose leader pass would exceed it is redone
 *   with its threshold × 1.15 until it fits, which bounds the cost at O(m_c·cap·d) per pass. Default: `max(64, ⌈3√m_c⌉)`
 *   with the scale-aware threshold, none (`null`) with an explicit `threshold` (exact reference behaviour).
 * - `{method: 'kmeans', perCluster}`: seeded k-means++ then Lloyd, `perCluster` sub-clusters per cluster (fewer when a
 *   cluster has fewer distinct rows); anchor = mean of its members. `perCluster: 'auto'`: `autoPerCluster(m_c)` =
 *   clamp(round(√m_c / 2), 1, 16) for a cluster of m_c rows.
 */
export type ClusterplotAnchors =
  | {
      readonly method: 'birch';
      readonly threshold?: number;
      readonly thresholdScale?: number;
      readonly thresholdFrom?: 'all-rows' | 'same-cluster';
      readonly maxPerCluster?: number | null;
    }
  | { readonly method: 'kmeans'; readonly perCluster: number | 'auto' };

/**
 * Options of `clusterplot` (reference `ClusterPlot` parameter names, camelCased, in brackets). Defaults are the seed
 * notebook's call (k 16, n_iter 32, learning_rate 0.5 with magnitude_step, alpha 0.1, remove_outliers_k 2,
 * douglas_peucker_tolerance 0.3, smooth_iter 3, reduce_all_points True) except the anchors (see `ClusterplotAnchors`).
 */
export interface ClusterplotOptions {
  /** Sub-clustering per cluster. Default `{method: 'birch'}` (scale-aware threshold). */
  anchors?: ClusterplotAnchors;
  /**
   * [`reduce_all_points`] only `true` (the notebook's mode: UMAP of points and anchors together, points keep their UMAP
   * positions). The reference default `false` (UMAP of the anchors only, points scattered at random in clipped Voronoi
   * cells, clusterplot.md §2.6) is not implemented and is rejected.
   */
  reduceAllPoints?: boolean;
  /** [`k`] neighbours of the overlap kNN graphs, in high-D and in 2-D; integer in [1, N − 1] (N = rows + anchors). Default 16. */
  k?: number;
  /** [`umap_n_neighbors`] integer ≥ 2. Default 15. */
  umapNeighbors?: number;
  /** [`umap_min_dist`] in [0, 1]. Default 1 (the reference's unusual choice: a ≈ 0.115, b ≈ 1.93). */
  umapMinDist?: number;
  /** [`n_iter`] relaxation iterations, integer ≥ 0. Default 32. */
  nIter?: number;
  /** [`batch_size`] greedy moves per iteration on the same (stale) 2-D overlap; integer ≥ 0 (0 = no moves). Default 1. */
  batchSize?: number;
  /** [`top_greedy`] worst pairs moved per greedy step; integer ≥ 1. Default 1. */
  topGreedy?: number;
  /** [`learning_rate`] step multiplier > 0, or `null` for none (then `magnitudeStep` must be true). Default 0.5. */
  learningRate?: number | null;
  /** [`magnitude_step`] step ∝ |ΔR| of the pair (else a unit step). Default true. */
  magnitudeStep?: boolean;
  /** [`loss`] `'linf'` (max |ΔR|, default) or `'mse'` (sum of squares / A²). */
  loss?: 'linf' | 'mse';
  /** [`stop_criteria`] stop when the loss falls below it; ≥ 0. Default 1e-5. */
  stopCriteria?: number;
  /** [`mask_sparse_subcluster`] ignore overlap rows of anchors with fewer rows than this; integer ≥ 0 (0 = off, default). */
  maskSparseSubcluster?: number;
  /** [`alpha`] alpha-shape parameter ≥ 0: keep Delaunay triangles with circumradius < 1/alpha (0 = convex hull). Default 0.1. */
  alpha?: number;
  /** [`remove_outliers_k`] LOF neighbour count for contour points, integer ≥ 1, or 0 = off. Default 2 (a no-op, as in the reference). */
  removeOutliersK?: number;
  /** [`douglas_peucker_tolerance`] ≥ 0, layout units. Default 0.3. */
  douglasPeuckerTolerance?: number;
  /** [`smooth_iter`] Chaikin rounds, integer in [0, 10]. Default 3. */
  smoothIter?: number;
  /** [`skip_polygons_with_area`] drop blobs smaller than this (layout units²), ≥ 0. Default 0.01. */
  minPolygonArea?: number;
  /** [`random_state`] seed of every random stage (threshold sample, k-means, UMAP). Default 42 (the notebook uses 1871). */
  seed?: number;
  signal?: AbortSignal;
  /** Phases `'anchors'`, `'neighbors'`, `'overlap'`, `'umap-neighbors'`, `'umap-graph'`, `'umap-init'`, `'umap-epochs'`, `'relaxation'`, `'blobs'`. */
  onProgress?: ProgressCallback;
  /** The live n×2 point layout during UMAP epochs and after every relaxation iteration (copy to keep). */
  onLayout?: LayoutCallback;
}

/** Validated settings (internal). */
export interface ClusterplotSettings {
  readonly anchors:
    | {
        readonly method: 'birch';
        readonly threshold: number | undefined;
        readonly thresholdScale: number;
        readonly thresholdFrom: 'all-rows' | 'same-cluster';
        readonly maxPerCluster: number | 'auto' | null;
      }
    | { readonly method: 'kmeans'; readonly perCluster: number | 'auto' };
  readonly k: number;
  readonly umapNeighbors: number;
  readonly umapMinDist: number;
  readonly nIter: number;
  readonly batchSize: number;
  readonly topGreedy: number;
  readonly learningRate: number | null;
  readonly magnitudeStep: boolean;
  readonly loss: 'linf' | 'mse';
  readonly stopCriteria: number;
  readonly maskSparseSubcluster: number;
  readonly alpha: number;
  readonly removeOutliersK: number;
  readonly douglasPeuckerTolerance: number;
  readonly smoothIter: number;
  readonly minPolygonArea: number;
  readonly seed: number;
  readonly signal: AbortSignal | undefined;
}

function numberOption(name: string, value: unknown, fallback: number, min: number, max: number, rule: string, open = false): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (open && v === min)) throw new ProjectionInputError(name, v, rule);
  return v;
}

function resolveAnchors(value: unknown): ClusterplotSettings['anchors'] {
  if (value === undefined) return { method: 'birch', threshold: undefined, thresholdScale: 1, thresholdFrom: 'all-rows', maxPerCluster: 'auto' };
  if (value === null || typeof value !== 'object') throw new ProjectionInputError('anchors', value, "must be {method: 'birch', threshold?} or {method: 'kmeans', perCluster}");
  const a = value as Record<string, unknown>;
  if (a.method === 'birch') {
    const threshold = a.threshold === undefined ? undefined : numberOption('anchors.threshold', a.threshold, 0, 0, Infinity, 'must be a finite number > 0 (an RMS radius in data units)', true);
    const thresholdScale = numberOption('anchors.thresholdScale', a.thresholdScale, 1, 0, Infinity, 'must be a finite number > 0', true);
    const maxPerCluster =
      a.maxPerCluster === undefined ? (threshold === undefined ? 'auto' : null) : a.maxPerCluster === null ? null : integerOption('anchors.maxPerCluster', a.maxPerCluster, 1, 1, 1 << 30);
    const thresholdFrom = a.thresholdFrom ?? 'all-rows';
    if (thresholdFrom !== 'all-rows' && thresholdFrom !== 'same-cluster') {
      throw new ProjectionInputError('anchors.thresholdFrom', thresholdFrom, "must be 'all-rows' or 'same-cluster'");
    }
    return { method: 'birch', threshold, thresholdScale, thresholdFrom, maxPerCluster };
  }
  if (a.method === 'kmeans') {
    if (a.perCluster === undefined) throw new ProjectionInputError('anchors.perCluster', undefined, "is required by method 'kmeans' (sub-clusters per cluster, an integer >= 1, or 'auto')");
    if (a.perCluster === 'auto') return { method: 'kmeans', perCluster: 'auto' };
    return { method: 'kmeans', perCluster: integerOption('anchors.perCluster', a.perCluster, 1, 1, 1 << 20) };
  }
  throw new ProjectionInputError('anchors.method', a.method, "must be 'birch' or 'kmeans'");
}

/**
 * Validates every option before any work (row-count dependent checks of `k` happen once the anchors are known).
 * @throws ProjectionInputError naming the option, its value and the rule.
 */
export function resolveClusterplotOptions(options: ClusterplotOptions): ClusterplotSettings {
  if (options === null || typeof options !== 'object') throw new ProjectionInputError('options', options, 'must be an object');
  const lr = options.learningRate === undefined ? 0.5 : options.learningRate;
  const learningRate = lr === null ? null : numberOption('learningRate', lr, 0.5, 0, Infinity, 'must be a finite number > 0, or null', true);
  const magnitudeStep = options.magnitudeStep ?? true;
  if (typeof magnitudeStep !== 'boolean') throw new ProjectionInputError('magnitudeStep', magnitudeStep, 'must be a boolean');
  if (!magnitudeStep && learningRate === null) {
    throw new ProjectionInputError('learningRate', null, 'must be set when magnitudeStep is false (the step would be a full anchor-to-anchor jump)');
  }
  if (options.reduceAllPoints !== undefined && options.reduceAllPoints !== true) {
    throw new ProjectionInputError('reduceAllPoints', options.reduceAllPoints, 'must be true: the anchors-only mode (false) is not implemented', 'unsupported');
  }
  const loss = options.loss ?? 'linf';
  if (loss !== 'linf' && loss !== 'mse') throw new ProjectionInputError('loss', loss, "must be 'linf' or 'mse'");
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new ProjectionInputError('onProgress', options.onProgress, 'must be a function');
  if (options.onLayout !== undefined && typeof options.onLayout !== 'function') throw new ProjectionInputError('onLayout', options.onLayout, 'must be a function');
  return {
    anchors: resolveAnchors(options.anchors),
    k: integerOption('k', options.k, 16, 1),
    umapNeighbors: integerOption('umapNeighbors', options.umapNeighbors, 15, 2),
    umapMinDist: numberOption('umapMinDist', options.umapMinDist, 1, 0, 1, 'must be a number in [0, 1] (UMAP spread is 1)'),
    nIter: integerOption('nIter', options.nIter, 32, 0, 1e6),
    batchSize: integerOption('batchSize', options.batchSize, 1, 0, 1e6),
    topGreedy: integerOption('topGreedy', options.topGreedy, 1, 1, 1e6),
    learningRate,
    magnitudeStep,
    loss,
    stopCriteria: numberOption('stopCriteria', options.stopCriteria, 1e-5, 0, Infinity, 'must be a finite number >= 0'),
    maskSparseSubcluster: integerOption('maskSparseSubcluster', options.maskSparseSubcluster, 0, 0),
    alpha: numberOption('alpha', options.alpha, 0.1, 0, Infinity, 'must be a finite number >= 0 (0 = convex hull)'),
    removeOutliersK: integerOption('removeOutliersK', options.removeOutliersK, 2, 0, 1000),
    douglasPeuckerTolerance: numberOption('douglasPeuckerTolerance', options.douglasPeuckerTolerance, 0.3, 0, Infinity, 'must be a finite number >= 0'),
    smoothIter: integerOption('smoothIter', options.smoothIter, 3, 0, 10),
    minPolygonArea: numberOption('minPolygonArea', options.minPolygonArea, 0.01, 0, Infinity, 'must be a finite number >= 0'),
    seed: seedOption(options.seed),
    signal: signalOption(options.signal),
  };
}
