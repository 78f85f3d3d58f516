import { exactKnnQuery } from '../neighbors/exact-knn-blocked.js';
import { prepareRows } from '../neighbors/prepared-rows.js';
import type { Matrix, Rng } from '../types.js';

/**
 * The median Euclidean distance from a row to its nearest other row, estimated on `sample` rows drawn without
 * replacement by `rng` (all rows when n ≤ sample), each compared exactly with all n rows. Duplicates count as distance
 * 0; when the median is 0 the median of the positive distances is returned instead (0 only if all rows coincide).
 * Cost O(sample·n·d) (the blocked exact kernel); memory one float32 copy of X. Does not mutate X. Requires n ≥ 2.
 */
export function medianNnDistance(X: Matrix, rng: Rng, sample = 256): number {
  const n = X.rows;
  const d = X.cols;
  const m = Math.min(sample, n);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  const rows = pool.slice(0, m);
  const q = new Float32Array(m * d);
  for (let r = 0; r < m; r++) for (let j = 0; j < d; j++) q[r * d + j] = X.data[rows[r]! * d + j]!;
  const train = prepareRows(X, 'euclidean');
  const queries = prepareRows({ data: q, rows: m, cols: d }, 'euclidean', 'X', train.mean);
  const knn = exactKnnQuery(train, queries, 2);
  const dist = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const first = knn.indices[2 * r] === rows[r] ? 1 : 0;
    dist[r] = knn.distances[2 * r + first]!;
  }
  dist.sort();
  const median = (a: Float64Array): number => (a.length === 0 ? 0 : a.length % 2 ? a[(a.length - 1) / 2]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2);
  const med = median(dist);
  return med > 0 ? med : median(dist.filter((v) => v > 0));
}
