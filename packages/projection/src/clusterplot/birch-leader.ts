import type { Matrix } from '../types.js';
import { nearestCenter } from './nearest-center.js';

/** Sub-clusters of one cluster: S centres (S×d, float64, row-major) and each member's sub-cluster in [0, S). */
export interface LocalSubclusters {
  readonly centers: Float64Array;
  readonly count: number;
  /** One entry per member row, in the order of `members`. */
  readonly assign: Int32Array;
}

/**
 * scikit-learn `Birch(threshold, branching_factor = n, n_clusters = None).fit_predict` on the rows `members` of X
 * (clusterplot.md §2.2, §9.1). With a branching factor of n the CF tree never splits, so BIRCH is sequential leader
 * clustering: in row order, each row goes to the sub-cluster with the nearest centroid (ties to the older one) when the
 * merged RMS radius √(SS/N − ‖LS/N‖²) stays ≤ `threshold`, else it opens a new sub-cluster. The centres are the
 * centroids LS/N of the absorbed rows; then every member is relabelled to its nearest centre (sklearn's `predict`) and
 * centres left without members are dropped (order kept), so every sub-cluster has ≥ 1 row. Float64 throughout.
 * Cost O(m·S·d) for m members and S sub-clusters; memory O(S·d). With `maxSubclusters`, the pass stops and returns
 * null as soon as it would open sub-cluster maxSubclusters + 1 (cost then O(m·maxSubclusters·d)). Does not mutate X.
 */
export function birchLeader(X: Matrix, members: Int32Array, threshold: number, maxSubclusters = Infinity): LocalSubclusters | null {
  const d = X.cols;
  const data = X.data;
  const limit = threshold * threshold;
  let capacity = 16;
  let ls: Float64Array = new Float64Array(capacity * d);
  let centroid: Float64Array = new Float64Array(capacity * d);
  let ss: Float64Array = new Float64Array(capacity);
  let count: Float64Array = new Float64Array(capacity);
  let S = 0;
  for (let t = 0; t < members.length; t++) {
    const off = members[t]! * d;
    let norm = 0;
    for (let j = 0; j < d; j++) norm += data[off + j]! * data[off + j]!;
    const c = S === 0 ? -1 : nearestCenter(data, off, centroid, S, d);
    if (c >= 0) {
      const n1 = count[c]! + 1;
      let sq = 0;
      for (let j = 0; j < d; j++) {
        const m = (ls[c * d + j]! + data[off + j]!) / n1;
        sq += m * m;
      }
      if ((ss[c]! + norm) / n1 - sq <= limit) {
        for (let j = 0; j < d; j++) {
          ls[c * d + j]! += data[off + j]!;
          centroid[c * d + j] = ls[c * d + j]! / n1;
        }
        ss[c]! += norm;
        count[c] = n1;
        continue;
      }
    }
    if (S >= maxSubclusters) return null;
    if (S === capacity) {
      capacity *= 2;
      ls = grow(ls, capacity * d);
      centroid = grow(centroid, capacity * d);
      ss = grow(ss, capacity);
      count = grow(count, capacity);
    }
    for (let j = 0; j < d; j++) {
      ls[S * d + j] = data[off + j]!;
      centroid[S * d + j] = data[off + j]!;
    }
    ss[S] = norm;
    count[S] = 1;
    S++;
  }
  return relabelToNearest(X, members, centroid.subarray(0, S * d), S);
}

/** Assigns every member to its nearest centre (ties to the lower index), then drops empty centres and renumbers. */
export function relabelToNearest(X: Matrix, members: Int32Array, centers: Float64Array, S: number): LocalSubclusters {
  const d = X.cols;
  const assign = new Int32Array(members.length);
  const used = new Int32Array(S);
  for (let t = 0; t < members.length; t++) {
    const c = nearestCenter(X.data, members[t]! * d, centers, S, d);
    assign[t] = c;
    used[c]!++;
  }
  const newId = new Int32Array(S);
  let kept = 0;
  for (let c = 0; c < S; c++) newId[c] = used[c]! > 0 ? kept++ : -1;
  const out = new Float64Array(kept * d);
  for (let c = 0; c < S; c++) if (newId[c]! >= 0) out.set(centers.subarray(c * d, (c + 1) * d), newId[c]! * d);
  for (let t = 0; t < assign.length; t++) assign[t] = newId[assign[t]!]!;
  return { centers: out, count: kept, assign };
}

function grow(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
