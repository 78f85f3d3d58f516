import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import type { Matrix } from '../types.js';
import { clusterIndex } from './cluster-index.js';

/** Options of `withClusterIdColumn`. */
export interface ClusterIdColumnOptions {
  /** Multiplies the appended id, a finite number (methods.md §5 `idScale`). Default 1. */
  weight?: number;
  /**
   * What the column holds before `weight`:
   * - `'index'` (default): the notebook's `np.unique_inverse(cluster_id).inverse_indices`, 0..K−1 in ascending id order;
   * - `'raw'`: the cluster id itself (methods.md §5 as usually stated).
   */
  idMode?: 'index' | 'raw';
}

/**
 * The cluster-id trick's input (methods.md §5): X′ = [X | weight·id], n×(d+1) float32, row-major, a new array.
 * The extra column adds (weight·Δid)² to every squared distance, so it only matters where weight·|Δid| is
 * comparable to neighbour distances (about 20 on digits, where weight 1 barely changes anything); clusters
 * whose ids are numerically close are pulled together — an artefact of arbitrary id order. O(nd); does not mutate X.
 * To transform new points with a model fitted on X′, build their X′ the same way (same weight; `'raw'` ids, or
 * `'index'` only when the new points carry the same set of ids).
 * @throws ProjectionInputError for non-finite X, clusters of the wrong length or not integers, a bad weight or idMode.
 */
export function withClusterIdColumn(X: MatrixInput, clusters: ArrayLike<number>, options: ClusterIdColumnOptions = {}): Matrix<Float32Array> {
  const m = toMatrix(X, { name: 'X' });
  const weight = options.weight ?? 1;
  if (typeof weight !== 'number' || !Number.isFinite(weight)) throw new ProjectionInputError('clusterIdWeight', weight, 'must be a finite number');
  const mode = options.idMode ?? 'index';
  if (mode !== 'index' && mode !== 'raw') throw new ProjectionInputError('clusterIdMode', mode, "must be 'index' or 'raw'");
  const ci = clusterIndex(clusters, m.rows, 'clusters');
  const { rows: n, cols: d, data } = m;
  const out = new Float32Array(n * (d + 1));
  for (let i = 0; i < n; i++) {
    out.set(data.subarray(i * d, (i + 1) * d), i * (d + 1));
    const id = mode === 'index' ? ci.index[i]! : clusters[i]!;
    out[i * (d + 1) + d] = weight * id;
  }
  return { data: out, rows: n, cols: d + 1 };
}
