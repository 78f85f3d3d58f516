import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { clusterIndex } from '../methods/cluster-index.js';
import { runJobSync, type Job } from '../runtime/job.js';
import type { Matrix } from '../types.js';
import { resolveClusterplotOptions, type ClusterplotOptions } from './clusterplot-options.js';
import { fitClusterplotJob, type ClusterplotResult } from './fit-clusterplot-job.js';

/**
 * ClusterPlot (Malkai, Lu & Cohen-Or, arXiv:2103.02992; reference `ormalkai/ClusterPlot` `ClusterPlot.py`, see
 * clusterplot.md) with the seed notebook's call as defaults (`reduce_all_points=True`, k 16, 32 iterations, learning
 * rate 0.5 with magnitude steps, alpha 0.1, DP 0.3, 3 Chaikin rounds) and a scale-aware BIRCH threshold: X is n×d,
 * `clusters` one integer id per row (arbitrary ids, ≥ 2 distinct). Each cluster is split into sub-clusters whose
 * centres ("anchors") join the data; UMAP (min_dist 1) lays out points and anchors together; a greedy relaxation
 * moves whole sub-clusters so the 2-D kNN overlap between sub-clusters of different clusters approaches the high-D
 * one; each cluster gets smooth alpha-shape blobs. Returns per-point coordinates in input order (not the reference's
 * anchor array), anchors, sub-clusters, polygons and the loss trace. Runs on the calling thread; use
 * `project({method: 'clusterplot'})` or a Worker to stay responsive. Cost: anchors O(Σ m_c·S_c·d), kNN and UMAP of
 * n + A rows, 32 × O((n + A)·k) relaxation (sparse overlap, grid 2-D kNN), O(n log n) blobs. Deterministic for a
 * `seed`. Does not mutate X or `clusters`.
 * @throws ProjectionInputError for bad input (clusters of the wrong length or with < 2 ids, non-finite X, k ≥ n,
 *   threshold ≤ 0, perCluster < 1, …); AbortError when `signal` aborts (with the last n×2 layout).
 */
export function clusterplot(X: MatrixInput, clusters: ArrayLike<number>, options: ClusterplotOptions = {}): ClusterplotResult {
  const { job } = prepareClusterplot(X, clusters, options);
  return runJobSync(job, { signal: options.signal, onProgress: options.onProgress, onLayout: options.onLayout });
}

/** Validates eagerly and returns the fit job (internal: `clusterplot`, the registry method). */
export function prepareClusterplot(X: MatrixInput, clusters: ArrayLike<number>, options: ClusterplotOptions): { X: Matrix; job: Job<ClusterplotResult> } {
  const m = toMatrix(X, { name: 'X', minRows: 3 });
  const s = resolveClusterplotOptions(options);
  const n = m.rows;
  const ci = clusterIndex(clusters, n, 'clusters');
  if (ci.ids.length < 2) throw new ProjectionInputError('clusters', `${ci.ids.length} distinct id`, 'must contain at least 2 distinct cluster ids', 'too-few-clusters');
  if (s.k > n - 1) throw new ProjectionInputError('k', s.k, `must be <= n − 1 = ${n - 1} (rows of X)`);
  if (s.umapNeighbors > n - 1) throw new ProjectionInputError('umapNeighbors', s.umapNeighbors, `must be <= n − 1 = ${n - 1} (rows of X)`);
  return { X: m, job: fitClusterplotJob(m, ci.index, ci.ids, s) };
}
