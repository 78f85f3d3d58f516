/** Per-point cluster ranks and per-cluster counts. */
export interface ClusterSummary {
  /** n ranks: position of each point's id in the ascending ids (as float32 for the GPU; 0 without ids). */
  readonly rank: Float32Array;
  /** `counts[k]`: points with id `ids[k]`. */
  readonly counts: Uint32Array;
  /** `first[k]`: the first point with id `ids[k]` (to read the cluster's colour). */
  readonly first: Uint32Array;
}

/**
 * Ranks and counts of `cluster` against its distinct ascending `ids` (`PointColors.clusterIds`).
 * Ranks stay exact in float32 up to 16M clusters. O(n log k); inputs are not mutated.
 */
export function clusterSummary(n: number, cluster: Int32Array | null, ids: Int32Array): ClusterSummary {
  const rank = new Float32Array(n);
  const counts = new Uint32Array(ids.length);
  const first = new Uint32Array(ids.length);
  if (!cluster) return { rank, counts, first };
  for (let i = 0; i < n; i++) {
    const k = clusterRank(ids, cluster[i]!);
    rank[i] = k;
    if (k >= 0 && counts[k]!++ === 0) first[k] = i;
  }
  return { rank, counts, first };
}

/** Position of `id` in the ascending `ids`, or -1. O(log k). */
export function clusterRank(ids: Int32Array, id: number): number {
  let lo = 0, hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
