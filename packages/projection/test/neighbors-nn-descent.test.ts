import { describe, expect, test } from 'vitest';
import { buildNeighborIndex } from '../src/neighbors/neighbor-index.js';
import { nearestNeighbors } from '../src/neighbors/nearest-neighbors.js';
import { knnQuery } from '../src/neighbors/knn-query.js';
import { resolveNeighborOptions } from '../src/neighbors/neighbor-options.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import type { Knn, Matrix } from '../src/types.js';

/** Seeded Gaussian mixture: `clusters` centres (spread 4), unit noise, plus 3 huge 'rogue' dimensions shared by all rows. */
function mixture(n: number, d: number, clusters: number, seed: number): Matrix<Float32Array> {
  const rng = createRng(seed);
  const centres = new Float64Array(clusters * d);
  for (let t = 0; t < centres.length; t++) centres[t] = 4 * normal(rng);
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rng() * clusters);
    for (let j = 0; j < d; j++) data[i * d + j] = centres[c * d + j]! + normal(rng) + (j < 3 ? 300 : 0);
  }
  return { data, rows: n, cols: d };
}

function recall(approx: Knn, exact: Knn): number {
  const k = exact.k;
  const n = exact.indices.length / k;
  let hit = 0;
  for (let i = 0; i < n; i++) {
    const s = new Set(exact.indices.subarray(i * k, i * k + k));
    for (let t = 0; t < k; t++) if (s.has(approx.indices[i * approx.k + t]!)) hit++;
  }
  return hit / (n * k);
}

describe('NN-descent', () => {
  const X = mixture(4000, 64, 40, 11);
  const exact = nearestNeighbors(X, { k: 15, method: 'exact' });

  test("resolveNeighborOptions(4,096 × 2, {k: 2}) picks 'nn-descent' (umap-learn's n ≥ 4096 rule) and 4,095 rows pick 'exact'", () => {
    const rng = createRng(2);
    const data = Float32Array.from({ length: 4096 * 2 }, () => rng());
    expect(resolveNeighborOptions({ data, rows: 4096, cols: 2 }, { k: 2 }).method).toBe('nn-descent');
    expect(resolveNeighborOptions({ data: data.subarray(0, 4095 * 2), rows: 4095, cols: 2 }, { k: 2 }).method).toBe('exact');
    expect(resolveNeighborOptions({ data, rows: 4096, cols: 2 }, { k: 2, method: 'exact' }).method).toBe('exact');
  });

  test("nearestNeighbors(4,000 × 64 mixture, {k: 15, method: 'nn-descent'}) has recall@15 ≥ 0.95, sorted rows, no self", () => {
    const knn = nearestNeighbors(X, { k: 15, method: 'nn-descent', seed: 3 });
    expect(recall(knn, exact)).toBeGreaterThanOrEqual(0.95);
    for (let i = 0; i < X.rows; i++) {
      const row = knn.indices.subarray(i * 15, i * 15 + 15);
      expect(row.includes(i)).toBe(false);
      expect(new Set(row).size).toBe(15);
      for (let t = 1; t < 15; t++) expect(knn.distances[i * 15 + t]!).toBeGreaterThanOrEqual(knn.distances[i * 15 + t - 1]!);
    }
  });

  test('index.query(held-out rows) reaches recall@10 ≥ 0.9 against knnQuery, and finds a training row itself at distance 0', () => {
    const train: Matrix = { data: X.data.subarray(0, 3600 * 64), rows: 3600, cols: 64 };
    const queries: Matrix = { data: X.data.subarray(3500 * 64), rows: 500, cols: 64 }; // rows 0..99 are training rows 3500..3599
    const index = buildNeighborIndex(train, { k: 15, method: 'nn-descent', seed: 5 });
    const got = index.query(queries, 10);
    expect(recall(got, knnQuery(train, queries, 10))).toBeGreaterThanOrEqual(0.9);
    expect(got.indices[0]).toBe(3500);
    expect(got.distances[0]).toBe(0);
  });

  test('nearestNeighbors(X, {method: nn-descent, seed}) is bit-for-bit reproducible for a seed', () => {
    const small: Matrix = { data: X.data.subarray(0, 1500 * 64), rows: 1500, cols: 64 };
    const a = nearestNeighbors(small, { k: 10, method: 'nn-descent', seed: 9, nTrees: 2 });
    const b = nearestNeighbors(small, { k: 10, method: 'nn-descent', seed: 9, nTrees: 2 });
    expect(a.indices).toEqual(b.indices);
    expect(a.distances).toEqual(b.distances);
  });

  test("nearestNeighbors(rows with twins, {method: 'nn-descent'}) lists twins at distance 0 and never the row itself", () => {
    const d = 64;
    const data = X.data.slice(0, 800 * d);
    data.copyWithin(700 * d, 5 * d, 6 * d); // row 700 = row 5
    const knn = nearestNeighbors({ data, rows: 800, cols: d }, { k: 5, method: 'nn-descent', nTrees: 3 });
    expect(knn.indices[5 * 5]).toBe(700);
    expect(knn.indices[700 * 5]).toBe(5);
    expect(knn.distances[5 * 5]).toBe(0);
    for (let i = 0; i < 800; i++) expect(knn.indices.subarray(i * 5, i * 5 + 5).includes(i)).toBe(false);
  });

  test("nearestNeighbors(X, {metric: 'cosine', method: 'nn-descent'}) reaches recall@10 ≥ 0.95 against exact cosine", () => {
    const small: Matrix = { data: X.data.subarray(0, 2000 * 64), rows: 2000, cols: 64 };
    const approx = nearestNeighbors(small, { k: 10, metric: 'cosine', method: 'nn-descent' });
    const ex = nearestNeighbors(small, { k: 10, metric: 'cosine', method: 'exact' });
    expect(recall(approx, ex)).toBeGreaterThanOrEqual(0.95);
    for (const v of approx.distances) expect(v >= 0 && v <= 2).toBe(true);
  });
});

describe('NN-descent on wide rows (windowed RP splits, de-duplicated local joins)', () => {
  // d = 200 > 96: RP hyperplanes use a 96-coordinate window, as at d = 768.
  const W = mixture(2500, 200, 25, 21);
  const exact = nearestNeighbors(W, { k: 15, method: 'exact' });

  test("nearestNeighbors(2,500 × 200 mixture, {k: 15, method: 'nn-descent'}) has recall@15 ≥ 0.95 and is reproducible", () => {
    const a = nearestNeighbors(W, { k: 15, method: 'nn-descent', seed: 4 });
    expect(recall(a, exact)).toBeGreaterThanOrEqual(0.95);
    const b = nearestNeighbors(W, { k: 15, method: 'nn-descent', seed: 4 });
    expect(b.indices).toEqual(a.indices);
    expect(b.distances).toEqual(a.distances);
  });

  test('nearestNeighbors(wide rows, nn-descent) reports the same float32 distance as the exact search for every shared pair', () => {
    const a = nearestNeighbors(W, { k: 15, method: 'nn-descent', seed: 4, nTrees: 2 });
    let shared = 0;
    for (let i = 0; i < W.rows; i++) {
      for (let t = 0; t < 15; t++) {
        const u = exact.indices.subarray(i * 15, i * 15 + 15).indexOf(a.indices[i * 15 + t]!);
        if (u < 0) continue;
        shared++;
        expect(a.distances[i * 15 + t]).toBe(exact.distances[i * 15 + u]);
      }
    }
    expect(shared).toBeGreaterThan(0.9 * W.rows * 15);
  });
});
