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
 * Ranks stay exact in float32 up to 16M clusters. O(n + span) for a dense id range (span ≤ max(65536, 4n)),
 * else O(n log k); inputs are not mutated.
 */
export function clusterSummary(n: number, cluster: Int32Array | null, ids: Int32Array): ClusterSummary {
  const rank = new Float32Array(n);
  const counts = new Uint32Array(ids.length);
  const first = new Uint32Array(ids.length);
  if (!cluster) return { rank, counts, first };
  const lo = ids.length > 0 ? ids[0]! : 0;
  const span = ids.length > 0 ? ids[ids.length - 1]! - lo + 1 : 0;
  if (span > 0 && span <= Math.max(1 << 16, 4 * n)) {
    // Dense ids (the usual 0…K−1): rank by table lookup, O(n + span); ids outside `ids` get −1.
    const rankOfId = new Int32Array(span).fill(-1);
    for (let k = 0; k < ids.length; k++) rankOfId[ids[k]! - lo] = k;
    for (let i = 0; i < n; i++) {
      const d = cluster[i]! - lo;
      const k = d >= 0 && d < span ? rankOfId[d]! : -1;
      rank[i] = k;
      if (k >= 0 && counts[k]!++ === 0) first[k] = i;
    }
    return { rank, counts, first };
  }
  for (let i = 0; i < n; i++) {
    const k = clusterRank(ids, cluster[i]!);
    rank[i] = k;
    if (k >= 0 && counts[k]!++ === 0) first[k] = i;
  }
  return { rank, counts, first };
}

/**
 * {@link clusterSummary} computed on the first read of any field (then kept): a new data set's first frame
 * does not wait for it (the legend, hover dimming, outlines and filters read it later). `cluster` is
 * kept by reference until then (replace, don't edit). O(1) now, O(n) at the first read.
 */
export function lazyClusterSummary(n: number, cluster: Int32Array | null, ids: Int32Array): ClusterSummary {
  let summary: ClusterSummary | null = null;
  const get = () => (summary ??= clusterSummary(n, cluster, ids));
  return {
    get rank() {
      return get().rank;
    },
    get counts() {
      return get().counts;
    },
    get first() {
      return get().first;
    },
  };
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
