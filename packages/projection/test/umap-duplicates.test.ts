import { describe, expect, test } from 'vitest';
import { buildNeighborIndex } from '../src/neighbors/neighbor-index.js';
import { membershipStrengths } from '../src/umap/fuzzy-simplicial-set.js';
import { smoothKnnDist } from '../src/umap/smooth-knn-dist.js';
import { digits } from './fixtures.js';

/**
 * ClusterPlot's notebook call feeds UMAP [X; anchors] with one anchor per row, so every row has a twin at distance 0.
 * umap-learn keeps zero-distance neighbours in the kNN (only self is excluded, by index), sets ρ to the first non-zero
 * distance and sums every listed neighbour but self in the σ bisection (methods.md §4.2 steps 1–3).
 */
describe('UMAP local scales on exact duplicate rows', () => {
  // 1-D points 0, 0, 1, 3, 3, 3, 7 (rows 0–6): rows 0/1 are twins, rows 3/4/5 triplets.
  const X = { data: Float32Array.of(0, 0, 1, 3, 3, 3, 7), rows: 7, cols: 1 };
  const knn = buildNeighborIndex(X, { k: 4, method: 'exact' }).knn;
  const scales = smoothKnnDist(knn.distances, 7, 4, { nNeighbors: 5, localConnectivity: 1, implicitSelf: true });
  const target = Math.log2(5);

  test('buildNeighborIndex keeps twins at distance exactly 0 and excludes only self (by index)', () => {
    const row = (i: number) => Array.from(knn.distances.subarray(4 * i, 4 * i + 4));
    expect(row(0)).toEqual([0, 1, 3, 3]);
    expect(Array.from(knn.indices.subarray(0, 2))).toEqual([1, 2]);
    expect(row(3)).toEqual([0, 0, 2, 3]);
    expect(Array.from(knn.indices.subarray(12, 14)).sort()).toEqual([4, 5]);
    for (let i = 0; i < 7; i++) expect(Array.from(knn.indices.subarray(4 * i, 4 * i + 4))).not.toContain(i);
  });

  test('smoothKnnDist sets rho to the first non-zero distance and solves sigma by hand-computed values', () => {
    // Row 0: [0, 1, 3, 3], ρ = 1; 1 + 1 + 2·exp(−2/σ) = log₂5 → σ = −2 / ln((log₂5 − 2) / 2).
    expect(scales.rhos[0]).toBe(1);
    expect(scales.sigmas[0]).toBeCloseTo(-2 / Math.log((target - 2) / 2), 4);
    // Row 2 (x = 1): [1, 1, 2, 2], ρ = 1; 2 + 2·exp(−1/σ) = log₂5 → σ = −1 / ln((log₂5 − 2) / 2).
    expect(scales.rhos[2]).toBe(1);
    expect(scales.sigmas[2]).toBeCloseTo(-1 / Math.log((target - 2) / 2), 4);
    // Row 3 (x = 3): [0, 0, 2, 3], ρ = 2; the sum is ≥ 3 > log₂5 for every σ, so σ hits the floor 1e-3 × mean(0, 0, 0, 2, 3) (self included).
    expect(scales.rhos[3]).toBe(2);
    expect(scales.sigmas[3]).toBeCloseTo(1e-3 * (5 / 5), 9);
    // Row 6 (x = 7): [4, 4, 4, 6], ρ = 4; floor 1e-3 × 18 / 5.
    expect(scales.rhos[6]).toBe(4);
    expect(scales.sigmas[6]).toBeCloseTo(1e-3 * (18 / 5), 9);
  });

  test('membershipStrengths gives twins and the rho neighbour weight 1, farther rows exp(−(d − ρ)/σ)', () => {
    const A = membershipStrengths(knn, scales);
    const weight = (i: number, j: number) => {
      for (let p = A.indptr[i]!; p < A.indptr[i + 1]!; p++) if (A.indices[p] === j) return A.values[p]!;
      return 0;
    };
    expect(weight(0, 1)).toBe(1);
    expect(weight(0, 2)).toBe(1);
    expect(weight(0, 3) + weight(0, 4) + weight(0, 5)).toBeCloseTo(2 * ((target - 2) / 2), 4);
    expect(weight(3, 4)).toBe(1);
    expect(weight(3, 5)).toBe(1);
  });

  test('digits with every row appended again: each row lists its twin at 0 and rho equals the float64 distance to the nearest distinct row', () => {
    const base = digits();
    const n = 300;
    const d = base.cols;
    const data = new Float32Array(2 * n * d);
    data.set(base.data.subarray(0, n * d));
    data.set(base.data.subarray(0, n * d), n * d);
    const k = 14;
    const dup = buildNeighborIndex({ data, rows: 2 * n, cols: d }, { k, method: 'exact' }).knn;
    const s = smoothKnnDist(dup.distances, 2 * n, k, { nNeighbors: 15, localConnectivity: 1, implicitSelf: true });
    for (let i = 0; i < 2 * n; i++) {
      const a = i % n;
      const twin = i < n ? i + n : i - n;
      expect(dup.indices[i * k]).toBe(twin);
      expect(dup.distances[i * k]).toBe(0);
      let best = Infinity;
      for (let j = 0; j < n; j++) {
        let e = 0;
        for (let c = 0; c < d; c++) e += (base.data[a * d + c]! - base.data[j * d + c]!) ** 2;
        if (e > 0) best = Math.min(best, e);
      }
      expect(s.rhos[i]).toBeCloseTo(Math.sqrt(best), 3);
    }
  });
});
