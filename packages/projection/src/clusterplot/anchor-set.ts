import { createRng } from '../random/create-rng.js';
import type { Job } from '../runtime/job.js';
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
  /** The BIRCH threshold used (undefined for k-means); clusters listed in `raised` used a larger one. */
  readonly threshold: number | undefined;
  /** Dense labels of the clusters whose BIRCH threshold was raised to respect the sub-cluster cap. */
  readonly raised: Int32Array;
}

/** The automatic cap on sub-clusters of a cluster of m rows: max(64, ⌈3√m⌉). */
export function autoAnchorCap(m: number): number {
  return Math.max(64, Math.ceil(3 * Math.sqrt(m)));
}

/** The k-means sub-cluster count of a cluster of m rows with `perCluster: 'auto'`: clamp(round(√m / 2), 1, 16). */
export function autoPerCluster(m: number): number {
  return Math.min(16, Math.max(1, Math.round(Math.sqrt(m) / 2)));
}

/** Factor by which a cluster's BIRCH threshold grows each time its leader pass exceeds the cap. */
const RAISE = 1.15;

/**
 * Splits each cluster (dense label, 0..C−1) into sub-clusters with the configured method, in ascending label order,
 * each cluster's rows taken in input order. The scale-aware BIRCH default sets threshold = thresholdScale × the median
 * nearest-neighbour distance (`medianNnDistance`, seed sub-stream; same-cluster neighbours with `thresholdFrom:
 * 'same-cluster'`); k-means `perCluster: 'auto'` uses `autoPerCluster(m_c)`. BIRCH sub-clusters per cluster are capped by
 * `anchors.maxPerCluster` ('auto' = `autoAnchorCap(m_c)`, the default with the scale-aware threshold; null = no cap,
 * the default with an explicit threshold, i.e. the reference): a leader pass that would open one more stops, and the
 * cluster is redone with its threshold × 1.15 until it fits. Cost: BIRCH O(Σ m_c·S_c·d) with S_c ≤ cap, i.e.
 * O(Σ m_c^1.5·d·passes) with the auto cap (uncapped: up to O(Σ m_c²·d)); k-means O(100·Σ m_c·K·d). Yields one
 * 'anchors' event per cluster (abort points). Does not mutate X or `labels`.
 */
export function* anchorSetJob(X: Matrix, labels: Int32Array, C: number, s: ClusterplotSettings): Job<AnchorSet> {
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
    const sameCluster = s.anchors.thresholdFrom === 'same-cluster' ? labels : undefined;
    threshold = s.anchors.threshold ?? s.anchors.thresholdScale * medianNnDistance(X, createRng((s.seed ^ 0x3c6ef372) >>> 0), 256, sameCluster);
    if (!(threshold > 0)) threshold = Number.MIN_VALUE;
  }
  const kmeansRng = createRng((s.seed ^ 0x7f4a7c15) >>> 0);
  const parts: LocalSubclusters[] = [];
  const raised: number[] = [];
  let A = 0;
  for (let c = 0; c < C; c++) {
    const members = order.subarray(start[c]!, start[c + 1]!);
    let part: LocalSubclusters | null;
    if (s.anchors.method === 'birch') {
      const max = s.anchors.maxPerCluster;
      const cap = max === null ? Infinity : max === 'auto' ? autoAnchorCap(members.length) : max;
      let t = threshold!;
      part = birchLeader(X, members, t, cap);
      if (part === null) raised.push(c);
      while (part === null) {
        t *= RAISE;
        part = birchLeader(X, members, t, cap);
      }
    } else {
      const K = s.anchors.perCluster === 'auto' ? autoPerCluster(members.length) : s.anchors.perCluster;
      part = kmeansSubclusters(X, members, K, kmeansRng);
    }
    parts.push(part);
    A += part.count;
    yield { phase: 'anchors', done: c + 1, total: C };
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
  return { anchors, count: A, anchorLabel, subcluster, density, threshold, raised: Int32Array.from(raised) };
}

/** `anchorSetJob` run to completion (no abort points). */
export function anchorSet(X: Matrix, labels: Int32Array, C: number, s: ClusterplotSettings): AnchorSet {
  const job = anchorSetJob(X, labels, C, s);
  let step = job.next();
  while (!step.done) step = job.next();
  return step.value;
}
