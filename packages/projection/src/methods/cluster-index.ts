import { ProjectionInputError } from '../errors.js';

/** Cluster ids mapped to dense indices (numpy `np.unique(ids, return_inverse=True)`). */
export interface ClusterIndex {
  /** The K distinct ids, ascending. */
  readonly ids: Int32Array;
  /** n entries in [0, K): row i belongs to `ids[index[i]]`. */
  readonly index: Int32Array;
  /** K row counts, in `ids` order (all ≥ 1). */
  readonly counts: Int32Array;
}

/**
 * Validates one integer cluster id per row and maps the ids, arbitrary 32-bit integers, to 0..K−1 in
 * ascending id order, as the notebook's `np.unique_inverse(cluster_id).inverse_indices` does.
 * O(n log K) (a sort of the distinct ids); does not mutate `labels`.
 * @throws ProjectionInputError naming `name` when `labels` is not array-like of length `n`, or an entry is not
 *   an integer in the Int32 range (the message gives the row and the value).
 */
export function clusterIndex(labels: ArrayLike<number>, n: number, name = 'clusters'): ClusterIndex {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw new ProjectionInputError(name, labels, 'must be an array of integer cluster ids (Int32Array or number[])');
  }
  if (labels.length !== n) throw new ProjectionInputError(`${name}.length`, labels.length, `must equal the number of rows of X (${n})`);
  const isInt = labels instanceof Int32Array;
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const v = labels[i]!;
    if (!isInt && (typeof v !== 'number' || !Number.isInteger(v) || v < -2147483648 || v > 2147483647)) {
      throw new ProjectionInputError(name, v, `must be integer cluster ids in the Int32 range; row ${i} is not`, 'non-integer');
    }
    seen.set(v, (seen.get(v) ?? 0) + 1);
  }
  const ids = Int32Array.from(seen.keys()).sort();
  const slot = new Map<number, number>();
  const counts = new Int32Array(ids.length);
  ids.forEach((id, k) => {
    slot.set(id, k);
    counts[k] = seen.get(id)!;
  });
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = slot.get(labels[i]!)!;
  return { ids, index, counts };
}
