import { describe, expect, test } from 'vitest';
import { findAbParams } from '../src/umap/find-ab-params.js';
import { smoothKnnDist } from '../src/umap/smooth-knn-dist.js';
import { fuzzyUnion, membershipStrengths } from '../src/umap/fuzzy-simplicial-set.js';
import { categoricalIntersection } from '../src/umap/categorical-intersection.js';
import { pruneGraph, defaultEpochs } from '../src/umap/prune-graph.js';
import { kernelTable, KERNEL_STEPS_PER_UNIT } from '../src/umap/kernel-table.js';
import { nearestNeighbors } from '../src/neighbors/nearest-neighbors.js';
import type { Csr } from '../src/graph/csr.js';
import type { Knn } from '../src/types.js';
import { digits } from './fixtures.js';

function entry(g: Csr, i: number, j: number): number {
  for (let t = g.indptr[i]!; t < g.indptr[i + 1]!; t++) if (g.indices[t] === j) return g.values[t]!;
  return 0;
}

describe('findAbParams(spread, minDist)', () => {
  // umap-learn 0.5.3 find_ab_params (methods.md §4.1).
  const table: [number, number, number][] = [
    [0.0, 1.933, 0.79], [0.01, 1.896, 0.801], [0.05, 1.75, 0.842], [0.1, 1.577, 0.895],
    [0.25, 1.121, 1.057], [0.5, 0.583, 1.334], [0.99, 0.119, 1.916],
  ];
  test.each(table)('findAbParams(1, %f) matches umap-learn to 3 decimals', (minDist, a, b) => {
    const r = findAbParams(1, minDist);
    expect(Math.abs(r.a - a)).toBeLessThan(1.5e-3);
    expect(Math.abs(r.b - b)).toBeLessThan(1.5e-3);
  });
  test('findAbParams(1, 0.1) gives a = 1.5769, b = 0.8951 (umap-learn defaults)', () => {
    const r = findAbParams(1, 0.1);
    expect(r.a).toBeCloseTo(1.5769, 3);
    expect(r.b).toBeCloseTo(0.8951, 3);
  });
});

describe('kernelTable(a, b)', () => {
  test('linear interpolation of the table stays within 2e-4 of 1/(1 + a·r^{2b})', () => {
    const { a, b } = findAbParams(1, 0.1);
    const t = kernelTable(a, b);
    let worst = 0;
    for (let r = 0.0013; r < 63; r += 0.0371) {
      const u = r * KERNEL_STEPS_PER_UNIT;
      const i = Math.floor(u);
      const q = t[i]! + (u - i) * (t[i + 1]! - t[i]!);
      worst = Math.max(worst, Math.abs(q - 1 / (1 + a * Math.pow(r, 2 * b))));
    }
    expect(worst).toBeLessThan(2e-4);
  });
});

describe('smoothKnnDist(distances, rows, cols, options)', () => {
  test('on digits every row calibrates to Σ exp(−max(0, d − ρ)/σ) = log2(15), ρ = the nearest non-zero distance', () => {
    const knn = nearestNeighbors(digits(), { k: 14 });
    const n = 1797;
    const { sigmas, rhos } = smoothKnnDist(knn.distances, n, 14, { nNeighbors: 15, localConnectivity: 1, implicitSelf: true });
    for (let i = 0; i < n; i++) {
      const row = knn.distances.subarray(i * 14, i * 14 + 14);
      expect(rhos[i]).toBe(row.find((d) => d > 0));
      let s = 0;
      for (const d of row) s += Math.exp(-Math.max(0, d - rhos[i]!) / sigmas[i]!);
      expect(Math.abs(s - Math.log2(15))).toBeLessThan(1e-4);
    }
  });
  test('transform layout (implicitSelf false, localConnectivity 0) skips the first column and sets ρ = 0', () => {
    const d = Float32Array.from([1, 2, 3, 4, 5]);
    const { sigmas, rhos } = smoothKnnDist(d, 1, 5, { nNeighbors: 5, localConnectivity: 0, implicitSelf: false });
    expect(rhos[0]).toBe(0);
    let s = 0;
    for (let j = 1; j < 5; j++) s += Math.exp(-d[j]! / sigmas[0]!);
    expect(Math.abs(s - Math.log2(5))).toBeLessThan(1e-4);
  });
  test('fractional localConnectivity interpolates ρ between the first and second non-zero distances', () => {
    const d = Float32Array.from([0, 1, 3, 4]);
    const { rhos } = smoothKnnDist(d, 1, 4, { nNeighbors: 5, localConnectivity: 1.5, implicitSelf: true });
    expect(rhos[0]).toBeCloseTo(2, 6);
  });
  test('all-zero rows (duplicates) get ρ = 0 and a finite σ ≥ 0', () => {
    const d = new Float32Array(8);
    const { sigmas, rhos } = smoothKnnDist(d, 2, 4, { nNeighbors: 5, localConnectivity: 1, implicitSelf: true });
    expect([...rhos]).toEqual([0, 0]);
    for (const s of sigmas) expect(Number.isFinite(s) && s >= 0).toBe(true);
  });
});

describe('membershipStrengths + fuzzyUnion', () => {
  const knn: Knn = { k: 2, indices: Int32Array.from([1, 2, 0, 2, 1, 0]), distances: Float32Array.from([1, 2, 1, 3, 3, 2]) };
  const scales = { sigmas: Float64Array.from([1, 1, 1]), rhos: Float64Array.from([1, 1, 2]) };

  test('membershipStrengths gives 1 at ρ and exp(−(d − ρ)/σ) beyond, columns sorted', () => {
    const A = membershipStrengths(knn, scales);
    expect(entry(A, 0, 1)).toBe(1);
    expect(entry(A, 0, 2)).toBeCloseTo(Math.exp(-1), 6);
    expect(entry(A, 1, 2)).toBeCloseTo(Math.exp(-2), 6);
    expect(entry(A, 2, 0)).toBe(1);
    expect([...A.indices.subarray(A.indptr[2]!, A.indptr[3]!)]).toEqual([0, 1]);
  });
  test('fuzzyUnion(A, 1) is A + Aᵀ − A∘Aᵀ and symmetric; fuzzyUnion(A, 0) is A∘Aᵀ', () => {
    const A = membershipStrengths(knn, scales);
    const U = fuzzyUnion(A, 1);
    const I = fuzzyUnion(A, 0);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const a = entry(A, i, j);
        const b = entry(A, j, i);
        expect(entry(U, i, j)).toBeCloseTo(a + b - a * b, 6);
        expect(entry(U, i, j)).toBe(entry(U, j, i));
        expect(entry(I, i, j)).toBeCloseTo(a * b, 6);
      }
    }
  });
  test('the digits graph is symmetric with weights in (0, 1] and no self loops', () => {
    const k = nearestNeighbors(digits(), { k: 14 });
    const s = smoothKnnDist(k.distances, 1797, 14, { nNeighbors: 15, localConnectivity: 1, implicitSelf: true });
    const G = fuzzyUnion(membershipStrengths(k, s));
    let bad = 0;
    for (let i = 0; i < G.rows; i++) {
      for (let t = G.indptr[i]!; t < G.indptr[i + 1]!; t++) {
        const j = G.indices[t]!;
        if (j === i || !(G.values[t]! > 0 && G.values[t]! <= 1) || entry(G, j, i) !== G.values[t]) bad++;
      }
    }
    expect(G.indices.length).toBeGreaterThan(1797 * 14);
    expect(bad).toBe(0);
  });
});

describe('categoricalIntersection(graph, target, targetWeight)', () => {
  // A 4-cycle 0-1-2-3-0, all weights 0.5; labels 0,0,1,-1.
  const ring: Csr = {
    indptr: Uint32Array.from([0, 2, 4, 6, 8]),
    indices: Int32Array.from([1, 3, 0, 2, 1, 3, 0, 2]),
    values: new Float32Array(8).fill(0.5),
    rows: 4,
    cols: 4,
  };
  test('damps cross-label edges by e^-5 and unknown-label edges by e^-1, then max-normalises rows and unions', () => {
    const G = categoricalIntersection(ring, Int32Array.from([0, 0, 1, -1]), 0.5);
    // Row maxima before the union: row 0 → 0.5 (edge 0-1), so 0-1 becomes 1 on both sides.
    expect(entry(G, 0, 1)).toBeCloseTo(1, 6);
    // 1→2: e^-5·0.5 / 0.5 (row 1 max); 2→1: e^-5·0.5 / (e^-1·0.5) (row 2 max is the unknown edge 2-3).
    const a = Math.exp(-5);
    const b = Math.exp(-5) / Math.exp(-1);
    expect(entry(G, 1, 2)).toBeCloseTo(a + b - a * b, 6);
    // Row 3 has only unknown-label edges, so its max-scaling undoes their damping (methods.md §4.5): 0-3 is 1 again.
    expect(entry(G, 0, 3)).toBeCloseTo(1, 6);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(entry(G, i, j)).toBe(entry(G, j, i));
  });
  test('targetWeight 1 removes cross-label edges entirely (far distance 1e12)', () => {
    const G = categoricalIntersection(ring, Int32Array.from([0, 0, 1, 1]), 1);
    expect(entry(G, 1, 2)).toBe(0);
    expect(entry(G, 3, 0)).toBe(0);
    expect(entry(G, 2, 3)).toBeCloseTo(1, 6);
  });
});

describe('pruneGraph(graph, nEpochs)', () => {
  test('drops weights below max/nEpochs and keeps the rest in order', () => {
    const g: Csr = { indptr: Uint32Array.from([0, 3]), indices: Int32Array.from([0, 1, 2]), values: Float32Array.from([1, 0.01, 0.5]), rows: 1, cols: 3 };
    const p = pruneGraph(g, 50);
    expect([...p.indices]).toEqual([0, 2]);
    expect([...p.indptr]).toEqual([0, 2]);
  });
  test('defaultEpochs is 500 up to 10,000 rows and 200 above', () => {
    expect(defaultEpochs(10000)).toBe(500);
    expect(defaultEpochs(10001)).toBe(200);
  });
});
