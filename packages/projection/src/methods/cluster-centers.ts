import { groupMeans } from '../linalg/group-means.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import type { Matrix } from '../types.js';
import { clusterIndex } from './cluster-index.js';

/** `clusterCenters()` output. */
export interface ClusterCenters {
  /** K×d float32 row-major: row c is the mean of the rows with id `ids[c]` (summed in float64). */
  readonly centers: Matrix<Float32Array>;
  /** The K distinct ids, ascending. */
  readonly ids: Int32Array;
  /** K row counts, in `ids` order. */
  readonly counts: Int32Array;
  /** n entries: the row of `centers` each input row belongs to. */
  readonly index: Int32Array;
}

/**
 * The mean of each cluster (methods.md §6 step 1; the notebook's `resp @ embeddings / resp.sum(1)`): one row per
 * distinct id, ascending; ids with no rows do not exist. O(nd); does not mutate X or clusters.
 * @throws ProjectionInputError for non-finite X or clusters of the wrong length or not integers.
 */
export function clusterCenters(X: MatrixInput, clusters: ArrayLike<number>): ClusterCenters {
  const m = toMatrix(X, { name: 'X' });
  const { ids, index, counts } = clusterIndex(clusters, m.rows, 'clusters');
  const means = groupMeans(m, index, counts);
  return { centers: { data: Float32Array.from(means), rows: ids.length, cols: m.cols }, ids, counts, index };
}
