import { describe, expect, test } from 'vitest';
import { buildNeighborIndex } from '../src/neighbors/neighbor-index.js';
import { nearestNeighbors } from '../src/neighbors/nearest-neighbors.js';
import { knnQuery } from '../src/neighbors/knn-query.js';
import { exactKnn } from '../src/metrics/exact-knn.js';
import { DistanceRows } from '../src/metrics/distance-rows.js';
import { TopK } from '../src/metrics/top-k.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import type { Knn, Matrix } from '../src/types.js';
import { digits } from './fixtures.js';

/** n×d seeded Gaussian data with a large common offset on the first column. */
function gaussianRows(n: number, d: number, seed: number): Matrix<Float32Array> {
  const rng = createRng(seed);
  const data = new Float32Array(n * d);
  for (let i = 0; i < n * d; i++) data[i] = normal(rng) + (i % d === 0 ? 500 : 0);
  return { data, rows: n, cols: d };
}

/** 64×8 small integers: many exact distance ties and duplicate rows; every computation is exact in float64. */
function tiedRows(): Matrix<Float32Array> {
  const rng = createRng(7);
  const n = 64;
  const d = 8;
  const data = new Float32Array(n * d);
  for (let i = 0; i < n * d; i++) data[i] = Math.floor(rng() * 3);
  data.copyWithin(10 * d, 3 * d, 4 * d); // row 10 duplicates row 3
  data.copyWithin(40 * d, 3 * d, 4 * d); // and so does row 40
  return { data, rows: n, cols: d };
}

/** Naive reference: float64 Σ(x − y)² per pair, sort by (distance, index), skip `skipSelf` rows by index. */
function naiveKnn(train: Matrix, queries: Matrix, k: number, skipSelf: boolean, metric: 'euclidean' | 'cosine' = 'euclidean'): Knn {
  const d = train.cols;
  const indices = new Int32Array(queries.rows * k);
  const distances = new Float32Array(queries.rows * k);
  for (let i = 0; i < queries.rows; i++) {
    const cand: [number, number][] = [];
    for (let j = 0; j < train.rows; j++) {
      if (skipSelf && j === i) continue;
      let s = 0;
      let xx = 0;
      let yy = 0;
      for (let t = 0; t < d; t++) {
        const x = queries.data[i * d + t]!;
        const y = train.data[j * d + t]!;
        s += metric === 'cosine' ? x * y : (x - y) * (x - y);
        xx += x * x;
        yy += y * y;
      }
      cand.push([metric === 'cosine' ? 1 - s / Math.sqrt(xx * yy) : Math.sqrt(s), j]);
    }
    cand.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let t = 0; t < k; t++) {
      indices[i * k + t] = cand[t]![1];
      distances[i * k + t] = cand[t]![0];
    }
  }
  return { indices, distances, k };
}

/** The row-at-a-time exact kNN that `exactKnn` used before (DistanceRows + TopK): the bit-for-bit reference. */
function rowByRowKnn(X: Matrix, k: number): Knn {
  const rows = new DistanceRows(X);
  const buf = new Float64Array(X.rows);
  const top = new TopK(k);
  const indices = new Int32Array(X.rows * k);
  const distances = new Float32Array(X.rows * k);
  for (let i = 0; i < X.rows; i++) {
    rows.row(i, buf);
    top.reset();
    for (let j = 0; j < X.rows; j++) if (j !== i) top.push(buf[j]!, j);
    for (let t = 0; t < k; t++) {
      indices[i * k + t] = top.index[t]!;
      distances[i * k + t] = Math.sqrt(top.dist[t]!);
    }
  }
  return { indices, distances, k };
}

describe('exact blocked kNN', () => {
  test('nearestNeighbors(tied integer rows, {method: exact}) equals the naive sort incl. ties (smaller index wins) and duplicates', () => {
    const X = tiedRows();
    for (const k of [1, 5, 17]) {
      const got = nearestNeighbors(X, { k, method: 'exact' });
      const want = naiveKnn(X, X, k, true);
      expect(Array.from(got.indices)).toEqual(Array.from(want.indices));
      expect(Array.from(got.distances)).toEqual(Array.from(want.distances));
    }
  });

  test('nearestNeighbors(rows with twins) never lists a row itself but lists its twins first at distance 0', () => {
    const X = tiedRows();
    const knn = nearestNeighbors(X, { k: 4, method: 'exact' });
    for (let i = 0; i < X.rows; i++) for (let t = 0; t < 4; t++) expect(knn.indices[i * 4 + t]).not.toBe(i);
    expect(Array.from(knn.indices.subarray(3 * 4, 3 * 4 + 2))).toEqual([10, 40]);
    expect(Array.from(knn.indices.subarray(40 * 4, 40 * 4 + 2))).toEqual([3, 10]);
    expect(knn.distances[3 * 4]).toBe(0);
  });

  test('nearestNeighbors(Gaussian 301×37 with a 500 offset, exact) matches float64 naive lists, and the row-by-row DistanceRows kernel bit for bit', () => {
    const X = gaussianRows(301, 37, 3);
    const got = nearestNeighbors(X, { k: 10, method: 'exact' });
    const want = naiveKnn(X, X, 10, true);
    expect(Array.from(got.indices)).toEqual(Array.from(want.indices));
    for (let t = 0; t < got.distances.length; t++) expect(got.distances[t]).toBeCloseTo(want.distances[t]!, 3);
    const old = rowByRowKnn(X, 10);
    expect(got.indices).toEqual(old.indices);
    expect(got.distances).toEqual(old.distances);
    expect(exactKnn(X, { k: 10 })).toEqual(got);
  });

  test('exactKnn(digits[0:900], {k: 15}) (integer data, many ties) equals the row-by-row kernel bit for bit', () => {
    const all = digits();
    const X = { data: all.data.subarray(0, 900 * 64), rows: 900, cols: 64 };
    const got = exactKnn(X, { k: 15 });
    const old = rowByRowKnn(X, 15);
    expect(got.indices).toEqual(old.indices);
    expect(got.distances).toEqual(old.distances);
  });

  test('nearestNeighbors returns rows sorted by ascending distance and does not mutate X', () => {
    const X = gaussianRows(150, 9, 4);
    const copy = X.data.slice();
    const knn = nearestNeighbors(X, { k: 12 });
    expect(X.data).toEqual(copy);
    for (let i = 0; i < 150; i++) for (let t = 1; t < 12; t++) expect(knn.distances[i * 12 + t]!).toBeGreaterThanOrEqual(knn.distances[i * 12 + t - 1]!);
  });

  test('knnQuery(train, queries, k) equals the naive search and lists a query equal to a train row at distance 0', () => {
    const train = gaussianRows(200, 11, 5);
    const fresh = gaussianRows(30, 11, 6);
    const data = new Float32Array(33 * 11);
    data.set(fresh.data);
    data.set(train.data.subarray(17 * 11, 20 * 11), 30 * 11); // queries 30..32 are train rows 17..19
    const queries = { data, rows: 33, cols: 11 };
    const got = knnQuery(train, queries, 7);
    const want = naiveKnn(train, queries, 7, false);
    expect(Array.from(got.indices)).toEqual(Array.from(want.indices));
    expect(got.indices[30 * 7]).toBe(17);
    expect(got.distances[30 * 7]).toBe(0);
  });

  test("buildNeighborIndex(n < 4096).method is 'exact' and its query() equals knnQuery", () => {
    const train = gaussianRows(120, 6, 8);
    const q = gaussianRows(10, 6, 9);
    const index = buildNeighborIndex(train, { k: 5 });
    expect(index.method).toBe('exact');
    expect(index.query(q, 8)).toEqual(knnQuery(train, q, 8));
  });

  test("nearestNeighbors(X, {metric: 'cosine'}) reports 1 − cos, matches the naive cosine lists and ignores row scale", () => {
    const X = gaussianRows(200, 16, 10);
    const got = nearestNeighbors(X, { k: 8, metric: 'cosine', method: 'exact' });
    const want = naiveKnn(X, X, 8, true, 'cosine');
    expect(Array.from(got.indices)).toEqual(Array.from(want.indices));
    for (let t = 0; t < got.distances.length; t++) expect(Math.abs(got.distances[t]! - want.distances[t]!)).toBeLessThan(1e-5);
    const scaled = X.data.slice();
    for (let t = 0; t < 16; t++) scaled[5 * 16 + t]! *= 1000;
    const again = nearestNeighbors({ data: scaled, rows: 200, cols: 16 }, { k: 8, metric: 'cosine', method: 'exact' });
    expect(Array.from(again.indices.subarray(5 * 8, 6 * 8))).toEqual(Array.from(got.indices.subarray(5 * 8, 6 * 8)));
  });
});
