import type { Matrix, Rng } from '../types.js';
import type { LocalSubclusters } from './birch-leader.js';
import { nearestCenter } from './nearest-center.js';
import { relabelToNearest } from './birch-leader.js';

/**
 * k-means of the rows `members` of X into at most `K` sub-clusters (clusterplot.md §2.2 `'kmeans'`; sklearn uses
 * k-means++ with n_init 10, here one seeded k-means++ start): k-means++ seeding by D² sampling from `rng` (stops early
 * when every remaining row coincides with a centre), then Lloyd iterations (at most `maxIter`, until no row changes
 * sub-cluster). Centres are the means of their members; empty sub-clusters are dropped. Float64 throughout.
 * Cost O(maxIter·m·K·d); memory O(K·d + m). Does not mutate X.
 */
export function kmeansSubclusters(X: Matrix, members: Int32Array, K: number, rng: Rng, maxIter = 100): LocalSubclusters {
  const d = X.cols;
  const data = X.data;
  const m = members.length;
  const k = Math.min(K, m);
  const centers = new Float64Array(k * d);
  const dist2 = new Float64Array(m).fill(Infinity);
  let S = 0;
  let pick = Math.min(m - 1, Math.floor(rng() * m));
  while (S < k) {
    const off = members[pick]! * d;
    for (let j = 0; j < d; j++) centers[S * d + j] = data[off + j]!;
    S++;
    let total = 0;
    for (let t = 0; t < m; t++) {
      const o = members[t]! * d;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const v = data[o + j]! - centers[(S - 1) * d + j]!;
        s += v * v;
      }
      if (s < dist2[t]!) dist2[t] = s;
      total += dist2[t]!;
    }
    if (S === k || total <= 0) break;
    let r = rng() * total;
    pick = m - 1;
    for (let t = 0; t < m; t++) {
      r -= dist2[t]!;
      if (r < 0 && dist2[t]! > 0) {
        pick = t;
        break;
      }
    }
    while (dist2[pick]! <= 0 && pick > 0) pick--;
  }
  const assign = new Int32Array(m).fill(-1);
  const sums = new Float64Array(S * d);
  const sizes = new Float64Array(S);
  for (let iter = 0; iter < maxIter; iter++) {
    let changed = 0;
    for (let t = 0; t < m; t++) {
      const c = nearestCenter(data, members[t]! * d, centers, S, d);
      if (c !== assign[t]) {
        assign[t] = c;
        changed++;
      }
    }
    if (changed === 0) break;
    sums.fill(0);
    sizes.fill(0);
    for (let t = 0; t < m; t++) {
      const c = assign[t]!;
      const o = members[t]! * d;
      for (let j = 0; j < d; j++) sums[c * d + j]! += data[o + j]!;
      sizes[c]!++;
    }
    for (let c = 0; c < S; c++) if (sizes[c]! > 0) for (let j = 0; j < d; j++) centers[c * d + j] = sums[c * d + j]! / sizes[c]!;
  }
  const local = relabelToNearest(X, members, centers.subarray(0, S * d), S);
  // Anchors are member means (not the last Lloyd centres, which can differ after the final reassignment).
  const means = new Float64Array(local.count * d);
  const n = new Float64Array(local.count);
  for (let t = 0; t < m; t++) {
    const c = local.assign[t]!;
    const o = members[t]! * d;
    for (let j = 0; j < d; j++) means[c * d + j]! += data[o + j]!;
    n[c]!++;
  }
  for (let c = 0; c < local.count; c++) for (let j = 0; j < d; j++) means[c * d + j]! /= n[c]!;
  return { centers: means, count: local.count, assign: local.assign };
}
