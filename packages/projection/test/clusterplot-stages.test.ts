import { describe, expect, test } from 'vitest';
import { alphaShapeRings } from '../src/clusterplot/alpha-shape.js';
import { anchorSet, autoAnchorCap, autoPerCluster } from '../src/clusterplot/anchor-set.js';
import { chaikin } from '../src/clusterplot/chaikin.js';
import { resolveClusterplotOptions } from '../src/clusterplot/clusterplot-options.js';
import { douglasPeucker } from '../src/clusterplot/douglas-peucker.js';
import { groupRows } from '../src/clusterplot/group-rows.js';
import { localOutlierFactor } from '../src/clusterplot/local-outlier-factor.js';
import { medianNnDistance } from '../src/clusterplot/median-nn-distance.js';
import { overlapDifference } from '../src/clusterplot/overlap-difference.js';
import { overlapMatrix, type SparseOverlap } from '../src/clusterplot/overlap-matrix.js';
import { ringIsSimple, signedArea } from '../src/clusterplot/ring-geometry.js';
import { clusterIndex } from '../src/methods/cluster-index.js';
import { createRng } from '../src/random/create-rng.js';
import { digits, digitsLabels, gaussian, inputError } from './fixtures.js';

describe('anchorSet (BIRCH leader clustering, clusterplot.md §10.1)', () => {
  const X = digits();
  const { index, ids } = clusterIndex(digitsLabels(), X.rows);
  const run = (anchors: object) => anchorSet(X, index, ids.length, resolveClusterplotOptions({ anchors: anchors as never, seed: 1871 }));

  test.each([
    [15, 480],
    [18, 256],
    [25, 40],
  ])('birch threshold %d on digits gives exactly %d anchors, as sklearn 1.2.1', (threshold, count) => {
    const s = run({ method: 'birch', threshold });
    expect(s.count).toBe(count);
    // every anchor has members, densities add up, sub-cluster ids are consistent with the anchor labels
    expect(Math.min(...s.density)).toBeGreaterThanOrEqual(1);
    expect(s.density.reduce((a, b) => a + b, 0)).toBe(X.rows);
    for (let i = 0; i < X.rows; i++) expect(s.anchorLabel[s.subcluster[i]!]).toBe(index[i]);
  });

  test('birch threshold 0.3 (the reference default) makes every digit its own anchor, equal to the row', () => {
    const s = run({ method: 'birch', threshold: 0.3 });
    expect(s.count).toBe(X.rows);
    const a = s.subcluster[5]!;
    for (let j = 0; j < X.cols; j++) expect(s.anchors[a * X.cols + j]).toBe(X.data[5 * X.cols + j]);
  });

  test('the default (scale-aware) threshold gives a few hundred anchors on digits', () => {
    const s = run({ method: 'birch' });
    expect(s.threshold).toBeGreaterThan(12);
    expect(s.threshold).toBeLessThan(20);
    expect(s.count).toBeGreaterThan(200);
    expect(s.count).toBeLessThan(600);
  });

  test('birch maxPerCluster caps sub-clusters per cluster by raising that cluster\'s threshold; the auto cap is max(64, ⌈3√m⌉)', () => {
    const G = gaussian(400, 16, 3);
    const one = new Int32Array(400);
    const uncapped = anchorSet(G, one, 1, resolveClusterplotOptions({ anchors: { method: 'birch', threshold: 1 } }));
    expect(uncapped.count).toBeGreaterThan(60);
    const capped = anchorSet(G, one, 1, resolveClusterplotOptions({ anchors: { method: 'birch', threshold: 1, maxPerCluster: 10 } }));
    expect(capped.count).toBeLessThanOrEqual(10);
    expect(capped.count).toBeGreaterThan(1);
    expect(Array.from(capped.raised)).toEqual([0]);
    expect(capped.density.reduce((a, b) => a + b, 0)).toBe(400);
    const auto = anchorSet(G, one, 1, resolveClusterplotOptions({ anchors: { method: 'birch', thresholdScale: 0.25 } }));
    expect(autoAnchorCap(400)).toBe(64);
    expect(autoAnchorCap(10_000)).toBe(300);
    expect(auto.count).toBeLessThanOrEqual(64);
    expect(Array.from(auto.raised)).toEqual([0]);
  });

  test("birch thresholdFrom 'same-cluster' uses the median same-cluster 1-NN distance (larger on digits, fewer anchors)", () => {
    const all = run({ method: 'birch' });
    const same = run({ method: 'birch', thresholdFrom: 'same-cluster' });
    expect(same.threshold).toBeGreaterThanOrEqual(all.threshold!);
    expect(same.count).toBeLessThanOrEqual(all.count);
    expect(same.density.reduce((a, b) => a + b, 0)).toBe(X.rows);
    expect(inputError(() => resolveClusterplotOptions({ anchors: { method: 'birch', thresholdFrom: 'cluster' as never } })).param).toBe('anchors.thresholdFrom');
  });

  test("kmeans perCluster 'auto' gives clamp(round(√m/2), 1, 16) anchors per cluster", () => {
    expect([1, 2, 9, 10, 100, 1024, 10_000].map(autoPerCluster)).toEqual([1, 1, 2, 2, 5, 16, 16]);
    const s = run({ method: 'kmeans', perCluster: 'auto' });
    const sizes = new Int32Array(ids.length);
    for (const c of index) sizes[c]!++;
    expect(s.count).toBe(Array.from(sizes, autoPerCluster).reduce((a, b) => a + b, 0));
    expect(s.threshold).toBeUndefined();
  });

  test("kmeans perCluster 4 gives 4 anchors per cluster, each the mean of its members", () => {
    const s = run({ method: 'kmeans', perCluster: 4 });
    expect(s.count).toBe(4 * ids.length);
    const a = 7;
    const mean = new Float64Array(X.cols);
    let m = 0;
    for (let i = 0; i < X.rows; i++) {
      if (s.subcluster[i] !== a) continue;
      m++;
      for (let j = 0; j < X.cols; j++) mean[j]! += X.data[i * X.cols + j]!;
    }
    expect(m).toBe(s.density[a]);
    for (let j = 0; j < X.cols; j++) expect(s.anchors[a * X.cols + j]).toBeCloseTo(mean[j]! / m, 9);
  });
});

describe('medianNnDistance', () => {
  // rows at 0, 1, 2, … on a line with alternating labels: every nearest row is 1 away, every nearest same-label row 2
  const n = 40;
  const X = { data: Float32Array.from({ length: n }, (_, i) => i), rows: n, cols: 1 };
  const labels = Int32Array.from({ length: n }, (_, i) => i % 2);

  test('gives the median distance to the nearest other row, or to the nearest same-cluster row with labels', () => {
    expect(medianNnDistance(X, createRng(1), 16)).toBeCloseTo(1, 6);
    expect(medianNnDistance(X, createRng(1), 16, labels)).toBeCloseTo(2, 6);
    expect(Array.from(X.data.subarray(0, 3))).toEqual([0, 1, 2]);
  });

  test('skips sampled rows alone in their cluster and ignores zero distances unless all are zero', () => {
    const single = Int32Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
    expect(medianNnDistance(X, createRng(2), n, single)).toBeCloseTo(1, 6);
    const dup = { data: Float32Array.from([0, 0, 0, 5, 7]), rows: 5, cols: 1 };
    expect(medianNnDistance(dup, createRng(3), 5)).toBeCloseTo(2, 6);
  });
});

describe('overlapMatrix and overlapDifference', () => {
  // 4 rows, 2 anchors (rows 0,1 → anchor 0; rows 2,3 → anchor 1), k = 2; one zero-length edge 0→1.
  const knn = {
    k: 2,
    indices: Int32Array.from([1, 2, 0, 2, 3, 1, 2, 0]),
    distances: Float32Array.from([0, 1, 1, 2, 1, 2, 1, 3]),
  };
  const rowAnchor = Int32Array.from([0, 0, 1, 1]);
  const rowLabel = Int32Array.from([0, 0, 1, 1]);

  test('counts positive-length edges between sub-clusters, drops the diagonal and row-normalises', () => {
    const { R, L } = overlapMatrix(knn, rowAnchor, rowLabel, groupRows(rowAnchor, 2), 2, 2);
    // anchor 0's edges: 0→2, 1→0, 1→2 (0→1 has length 0); off-diagonal: two edges to anchor 1 → R[0,1] = 1
    expect(Array.from(R.rowPtr)).toEqual([0, 1, 2]);
    expect(Array.from(R.col)).toEqual([1, 0]);
    expect(Array.from(R.val)).toEqual([1, 1]);
    // label level keeps the diagonal: label 0 → [1/3, 2/3]; label 1 → 2→3, 2→1, 3→2, 3→0 → [2/4, 2/4]
    expect(Array.from(L)).toEqual([1 / 3, 2 / 3, 0.5, 0.5]);
  });

  test('overlapDifference masks same-label entries, returns max |ΔR| and breaks ties by the larger flat index', () => {
    const csr = (rows: number[][][]): SparseOverlap => {
      const rowPtr = [0];
      const col: number[] = [];
      const val: number[] = [];
      for (const r of rows) {
        for (const [c, v] of r) {
          col.push(c!);
          val.push(v!);
        }
        rowPtr.push(col.length);
      }
      return { size: rows.length, rowPtr: Int32Array.from(rowPtr), col: Int32Array.from(col), val: Float64Array.from(val) };
    };
    const hd = csr([[[1, 0.9], [2, 0.5]], [[0, 0.5]], [[0, 0.25]]]);
    const ld = csr([[[1, 0.1], [2, 0.25]], [[2, 0.25]], [[1, 0.5]]]);
    const rules = { anchorLabel: Int32Array.from([0, 0, 1]), density: Int32Array.from([1, 1, 1]), maskSparseSubcluster: 0, loss: 'linf' as const, top: 3 };
    const d = overlapDifference(hd, ld, rules);
    // (0,1) is same-label (masked). Cross-label diffs: (0,2) +0.25, (1,2) −0.25, (2,0) +0.25, (2,1) −0.5
    expect(d.loss).toBe(0.5);
    expect(Array.from(d.source)).toEqual([2, 2, 1]);
    expect(Array.from(d.target)).toEqual([1, 0, 2]);
    expect(Array.from(d.diff)).toEqual([-0.5, 0.25, -0.25]);
    const mse = overlapDifference(hd, ld, { ...rules, loss: 'mse' });
    expect(mse.loss).toBeCloseTo((3 * 0.0625 + 0.25) / 9, 15);
    expect(overlapDifference(hd, ld, { ...rules, maskSparseSubcluster: 2 }).source.length).toBe(0);
  });
});

describe('blob geometry', () => {
  test('chaikin turns a closed square of 5 coordinates into exactly 9, 17 after two rounds', () => {
    const sq = Float64Array.from([0, 0, 4, 0, 4, 4, 0, 4, 0, 0]);
    const one = chaikin(sq, 1);
    expect(Array.from(one)).toEqual([1, 0, 3, 0, 4, 1, 4, 3, 3, 4, 1, 4, 0, 3, 0, 1, 1, 0]);
    expect(chaikin(sq, 2).length / 2).toBe(17);
    expect(Array.from(sq)).toEqual([0, 0, 4, 0, 4, 4, 0, 4, 0, 0]);
  });

  test('localOutlierFactor on a unit square plus a far point: LOF 1 inside, (√162 + √181)/2 for the far point', () => {
    const lof = localOutlierFactor(Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1, 10, 10]), 2);
    for (let i = 0; i < 4; i++) expect(lof[i]).toBeCloseTo(1, 6);
    expect(lof[4]).toBeCloseTo((Math.sqrt(162) + Math.sqrt(181)) / 2, 6);
  });

  test('douglasPeucker drops collinear midpoints of a closed square, keeps vertex 0 and never goes below 4 vertices', () => {
    const ring = Float64Array.from([0, 0, 1, 0, 2, 0, 2, 1, 2, 2, 1, 2, 0, 2, 0, 1, 0, 0]);
    const out = douglasPeucker(ring, 0.3);
    expect(Array.from(out)).toEqual([0, 0, 2, 0, 2, 2, 0, 2, 0, 0]);
    expect(douglasPeucker(ring, 100).length / 2 - 1).toBe(4);
  });

  test('alphaShapeRings: two far-apart grids give two simple counter-clockwise rings; alpha 0 gives one convex hull', () => {
    const pts: number[] = [];
    for (const ox of [0, 50]) for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) pts.push(ox + x, y + 0.01 * x * y);
    const p = Float64Array.from(pts);
    const rings = alphaShapeRings(p, 0.5);
    expect(rings.length).toBe(2);
    for (const r of rings) {
      expect(signedArea(r)).toBeGreaterThan(15);
      expect(ringIsSimple(r.subarray(0, r.length - 2))).toBe(true);
    }
    const hull = alphaShapeRings(p, 0);
    expect(hull.length).toBe(1);
    expect(signedArea(hull[0]!)).toBeGreaterThan(200);
  });
});
