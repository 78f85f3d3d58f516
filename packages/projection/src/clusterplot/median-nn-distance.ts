import { exactKnnQuery } from '../neighbors/exact-knn-blocked.js';
import { prepareRows } from '../neighbors/prepared-rows.js';
import type { Matrix, Rng } from '../types.js';

function median(a: Float64Array): number {
  return a.length === 0 ? 0 : a.length % 2 ? a[(a.length - 1) / 2]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;
}

/** Copies the given rows of X into a new float32 matrix (rows in the given order). */
function pickRows(X: Matrix, rows: ArrayLike<number>): Matrix {
  const d = X.cols;
  const out = new Float32Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) for (let j = 0; j < d; j++) out[r * d + j] = X.data[rows[r]! * d + j]!;
  return { data: out, rows: rows.length, cols: d };
}

/**
 * Appends to `out` the distance of each query row of X to its nearest other row of `pool` (exact, blocked kernel);
 * `poolIndex[p]` is the X row of pool row p (null: pool is X itself).
 */
function nearestOther(X: Matrix, pool: Matrix, poolIndex: ArrayLike<number> | null, queries: ArrayLike<number>, out: number[]): void {
  const train = prepareRows(pool, 'euclidean');
  const q = prepareRows(pickRows(X, queries), 'euclidean', 'X', train.mean);
  const k = Math.min(2, pool.rows);
  const knn = exactKnnQuery(train, q, k);
  for (let r = 0; r < queries.length; r++) {
    const p = knn.indices[k * r]!;
    const first = (poolIndex === null ? p : poolIndex[p]) === queries[r] ? 1 : 0;
    if (first < k) out.push(knn.distances[k * r + first]!);
  }
}

/**
 * The median Euclidean distance from a row to its nearest other row, estimated on `sample` rows drawn without
 * replacement by `rng` (all rows when n ≤ sample), each compared exactly with all n rows. With `labels` (dense cluster
 * indices, length n) the neighbour is the nearest other row of the same cluster instead (sampled rows alone in their
 * cluster are skipped). Duplicates count as distance 0; when the median is 0 the median of the positive distances is
 * returned instead (0 only if all rows coincide). Cost O(sample·n·d) (the blocked exact kernel; with labels at most
 * that, one cluster at a time); memory one float32 copy of X (of one cluster with labels). Does not mutate X or
 * labels. Requires n ≥ 2.
 */
export function medianNnDistance(X: Matrix, rng: Rng, sample = 256, labels?: Int32Array): number {
  const n = X.rows;
  const m = Math.min(sample, n);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  const rows = pool.slice(0, m);
  const found: number[] = [];
  if (labels === undefined) {
    nearestOther(X, X, null, rows, found);
  } else {
    const byCluster = new Map<number, number[]>();
    for (const r of rows) {
      const c = labels[r]!;
      const list = byCluster.get(c);
      if (list) list.push(r);
      else byCluster.set(c, [r]);
    }
    const members = new Map<number, number[]>();
    for (let i = 0; i < n; i++) if (byCluster.has(labels[i]!)) (members.get(labels[i]!) ?? members.set(labels[i]!, []).get(labels[i]!)!).push(i);
    for (const [c, queries] of byCluster) {
      const own = members.get(c)!;
      if (own.length < 2) continue;
      nearestOther(X, pickRows(X, own), own, queries, found);
    }
  }
  const dist = Float64Array.from(found).sort();
  const med = median(dist);
  return med > 0 ? med : median(dist.filter((v) => v > 0));
}
