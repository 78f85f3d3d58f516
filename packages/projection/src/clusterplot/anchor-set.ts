import { createRng } from '../random/create-rng.js';
import type { Matrix } from '../types.js';
import { birchLeader, type LocalSubclusters } from './birch-leader.js';
import type { ClusterplotSettings } from './clusterplot-options.js';
import { kmeansSubclusters } from './kmeans-subclusters.js';
import { medianNnDistance } from './median-nn-distance.js';

/** The sub-clusters of every cluster (clusterplot.md §2.2–2.3), label-major then by sub-cluster index. */
export interface AnchorSet {
  /** A×d float64 high-D anchors (row-major). */
  readonly anchors: Float64Array;
  readonly count: number;
  /** A dense cluster indices (0..C−1), non-decreasing. */
  readonly anchorLabel: Int32Array;
  /** n anchor indices in [0, A): the sub-cluster of each input row. */
  readonly subcluster: Int32Array;
  /** A member counts (all ≥ 1). */
  readonly density: Int32Array;
  /** The BIRCH threshold used (undefined for k-means). */
  readonly threshold: number | undefined;
}

/**
 * Splits each cluster (dense label, 0..C−1) into sub-clusters with the configured method, in ascending label order,
 * each cluster's rows taken in input order. The scale-aware BIRCH default sets threshold = thresholdScale × the median
 * nearest-neighbour distance (`medianNnDistance`, seed sub-stream). Cost: BIRCH O(Σ m_c·S_c·d), k-means
 * O(100·Σ m_c·K·d). Does not mutate X or `labels`.
 */
export function anchorSet(X: Matrix, labels: Int32Array, C: number, s: ClusterplotSettings): AnchorSet {
  const n = X.rows;
  const d = X.cols;
  const start = new Int32Array(C + 1);
  for (let i = 0; i < n; i++) start[labels[i]! + 1]!++;
  for (let c = 0; c < C; c++) start[c + 1]! += start[c]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, C);
  for (let i = 0; i < n; i++) order[fill[labels[i]!]!++] = i;

  let threshold: number | undefined;
  if (s.anchors.method === 'birch') {
    threshold = s.anchors.threshold ?? s.anchors.thresholdScale * medianNnDistance(X, createRng((s.seed ^ 0x3c6ef372) >>> 0));
    if (!(threshold > 0)) threshold = Number.MIN_VALUE;
  }
  const kmeansRng = createRng((s.seed ^ 0x7f4a7c15) >>> 0);
  const parts: LocalSubclusters[] = [];
  let A = 0;
  for (let c = 0; c < C; c++) {
    const members = order.subarray(start[c]!, start[c + 1]!);
    const part = s.anchors.method === 'birch' ? birchLeader(X, members, threshold!) : kmeansSubclusters(X, members, s.anchors.perCluster, kmeansRng);
    parts.push(part);
    A += part.count;
  }
  const anchors = new Float64Array(A * d);
  const anchorLabel = new Int32Array(A);
  const subcluster = new Int32Array(n);
  const density = new Int32Array(A);
  let base = 0;
  for (let c = 0; c < C; c++) {
    const part = parts[c]!;
    anchors.set(part.centers, base * d);
    anchorLabel.fill(c, base, base + part.count);
    const members = order.subarray(start[c]!, start[c + 1]!);
    for (let t = 0; t < members.length; t++) {
      const a = base + part.assign[t]!;
      subcluster[members[t]!] = a;
      density[a]!++;
    }
    base += part.count;
  }
  return { anchors, count: A, anchorLabel, subcluster, density, threshold };
}
