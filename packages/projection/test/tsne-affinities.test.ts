import { describe, expect, test } from 'vitest';
import { calibratePerplexity } from '../src/tsne/perplexity-calibration.js';
import { symmetrizeAffinities } from '../src/tsne/symmetrize-affinities.js';
import { nearestNeighbors } from '../src/neighbors/nearest-neighbors.js';
import { gaussian } from './fixtures.js';

describe('t-SNE affinities', () => {
  const X = gaussian(600, 12, 3);
  const knn = nearestNeighbors(X, { k: 90, method: 'exact' });

  test('calibratePerplexity(perplexity 30) gives rows summing to 1 with entropy ln 30 ± 1e-6 (recomputed from the values)', () => {
    const c = calibratePerplexity(knn.distances, 600, 90, 30);
    let worst = 0;
    let worstSum = 0;
    for (let i = 0; i < 600; i++) {
      let h = 0;
      let s = 0;
      for (let t = 0; t < 90; t++) {
        const p = c.values[i * 90 + t]!;
        s += p;
        if (p > 0) h -= p * Math.log(p);
      }
      worst = Math.max(worst, Math.abs(h - Math.log(30)));
      worstSum = Math.max(worstSum, Math.abs(s - 1));
    }
    expect(worst).toBeLessThan(1e-6);
    expect(worstSum).toBeLessThan(1e-12);
  });

  test('calibratePerplexity gives a uniform row when all k distances are equal (duplicates) and a one-hot-like row far away', () => {
    const d = new Float32Array([0, 0, 0, 0, 1000, 1000.5, 1002, 1010]);
    const c = calibratePerplexity(d, 2, 4, 2);
    for (let t = 0; t < 4; t++) expect(c.values[t]).toBeCloseTo(0.25, 12);
    let s = 0;
    for (let t = 4; t < 8; t++) s += c.values[t]!;
    expect(s).toBeCloseTo(1, 12);
    expect(Number.isFinite(c.precisions[1]!)).toBe(true);
    expect(Math.abs(c.entropies[1]! - Math.log(2))).toBeLessThan(1e-6);
  });

  test('symmetrizeAffinities gives a symmetric P without diagonal, sorted rows and ΣP = 1', () => {
    const c = calibratePerplexity(knn.distances, 600, 90, 30);
    const P = symmetrizeAffinities(knn.indices, c.values, 600, 90);
    let total = 0;
    const map = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      for (let t = P.indptr[i]!; t < P.indptr[i + 1]!; t++) {
        const j = P.indices[t]!;
        expect(j).not.toBe(i);
        if (t > P.indptr[i]!) expect(j).toBeGreaterThan(P.indices[t - 1]!);
        map.set(i * 600 + j, P.values[t]!);
        total += P.values[t]!;
      }
    }
    expect(total).toBeCloseTo(1, 12);
    let asym = 0;
    for (const [key, v] of map) {
      const i = Math.floor(key / 600);
      const j = key % 600;
      asym = Math.max(asym, Math.abs(v - (map.get(j * 600 + i) ?? -1)));
    }
    expect(asym).toBe(0);
    // P_ij = (p_{j|i} + p_{i|j}) / (2n) for the conditional rows each summing to 1.
    const t0 = P.indptr[0]!;
    const j0 = P.indices[t0]!;
    const pj = (i: number, j: number): number => {
      for (let t = 0; t < 90; t++) if (knn.indices[i * 90 + t] === j) return c.values[i * 90 + t]!;
      return 0;
    };
    expect(P.values[t0]).toBeCloseTo((pj(0, j0) + pj(j0, 0)) / 1200, 14);
  });
});
