import type { Matrix } from '../types.js';

/**
 * Float64 means of the rows of X (n×d) in each of K groups: row i belongs to group `index[i]` ∈ [0, K).
 * Returns a K×d row-major Float64Array; a group with no rows gets zeros. O(nd); does not mutate X.
 */
export function groupMeans(X: Matrix, index: Int32Array, counts: Int32Array): Float64Array {
  const { data, rows: n, cols: d } = X;
  const K = counts.length;
  const means = new Float64Array(K * d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    const g = index[i]! * d;
    for (let j = 0; j < d; j++) means[g + j]! += data[o + j]!;
  }
  for (let k = 0; k < K; k++) {
    const c = counts[k]!;
    if (c > 0) for (let j = 0; j < d; j++) means[k * d + j]! /= c;
  }
  return means;
}
