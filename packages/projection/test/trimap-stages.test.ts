import { describe, expect, test } from 'vitest';
import { scaledNeighbors } from '../src/trimap/scaled-neighbors.js';
import { temperedWeights } from '../src/trimap/tempered-weights.js';
import { sampleKnnTriplets } from '../src/trimap/knn-triplets.js';
import { sampleRandomTriplets } from '../src/trimap/random-triplets.js';
import { trimapGradient } from '../src/trimap/trimap-gradient.js';
import { generateTriplets } from '../src/trimap/generate-triplets.js';
import { TrimapStepper } from '../src/trimap/trimap-stepper.js';
import { runJobSync } from '../src/runtime/job.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import type { Knn, Matrix } from '../src/types.js';
import { gaussian } from './fixtures.js';

/** A 1-D set of points on a line (n×1) and its exact self-excluded kNN lists. */
function line(xs: number[], k: number): { X: Matrix<Float32Array>; knn: Knn } {
  const n = xs.length;
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const others = xs.map((x, j) => ({ j, d: Math.abs(x - xs[i]!) })).filter((o) => o.j !== i).sort((a, b) => a.d - b.d || a.j - b.j);
    for (let c = 0; c < k; c++) {
      indices[i * k + c] = others[c]!.j;
      distances[i * k + c] = others[c]!.d;
    }
  }
  return { X: { data: Float32Array.from(xs), rows: n, cols: 1 }, knn: { indices, distances, k } };
}

describe('scaledNeighbors(knn, n, nInliers)', () => {
  test('σ is the mean distance of the 3rd–5th neighbours and inliers are ranked by −d²/(σ_iσ_j), not by distance', () => {
    // Point 0 at 0; a lone point in a sparse region (large σ, index 7) beats the nearer tight pack (small σ).
    const xs = [0, 1.0, 1.01, 1.02, 1.03, 1.04, 1.05, 1.5, 30, 60, 90];
    const { knn } = line(xs, 10);
    const nb = scaledNeighbors(knn, xs.length, 3);
    const d0 = [...knn.distances.subarray(0, 10)];
    expect(nb.sigma[0]).toBeCloseTo((d0[2]! + d0[3]! + d0[4]!) / 3, 6);
    expect(knn.indices[0]).toBe(1);
    expect(nb.inliers[0]).toBe(7);
    const p = (j: number): number => -((xs[j]! - xs[0]!) ** 2) / (nb.sigma[0]! * nb.sigma[j]!);
    const ranked = [...Array(10).keys()].map((c) => knn.indices[c]!).sort((a, b) => p(b) - p(a));
    expect(Array.from(nb.inliers.subarray(0, 3))).toEqual(ranked.slice(0, 3));
    expect(nb.similarity[0]).toBeCloseTo(p(ranked[0]!), 9);
  });
  test('exact twins are skipped for σ and a point with only twins takes the median σ, so nothing collapses to 1e-10', () => {
    const xs = [0, 0, 0, 0, 0, 0, 0, 5, 6, 7.5, 9, 11, 13];
    const { knn } = line(xs, 6);
    const nb = scaledNeighbors(knn, xs.length, 2);
    for (const s of nb.sigma) expect(s).toBeGreaterThan(0.5);
    // An all-identical set keeps the reference's 1e-10 floor (every P is 0).
    const same = line([2, 2, 2, 2, 2, 2], 5);
    const flat = scaledNeighbors(same.knn, 6, 2);
    expect(Array.from(flat.sigma)).toEqual(new Array(6).fill(1e-10));
    expect(flat.similarity.every((v) => v === 0)).toBe(true);
  });
});

describe('temperedWeights(raw, t)', () => {
  test('shifts by the minimum, maps NaN to 0, then applies ((1 + w)^{1−t} − 1)/(1 − t) with log at t = 1', () => {
    const raw = Float64Array.from([-2, 0, 6, NaN]);
    const half = Array.from(temperedWeights(raw, 0.5));
    expect(half[0]).toBe(0);
    expect(half[1]).toBeCloseTo(2 * (Math.sqrt(3) - 1), 6);
    expect(half[2]).toBeCloseTo(2 * (Math.sqrt(9) - 1), 6);
    expect(half[3]).toBeCloseTo(2 * (Math.sqrt(3) - 1), 6); // NaN → 0 → 0 − (−2) = 2
    expect(Array.from(temperedWeights(raw, 0))).toEqual([0, 2, 8, 2]);
    expect(temperedWeights(raw, 1)[2]).toBeCloseTo(Math.log(9), 6);
  });
});

describe('sampleKnnTriplets / sampleRandomTriplets', () => {
  const X = gaussian(120, 6, 3);
  const knn = line(Array.from({ length: 120 }, (_, i) => X.data[i * 6]!), 30).knn; // any valid lists will do
  const nb = scaledNeighbors(knn, 120, 5);
  test('each kNN triplet (i, j, k) takes j among i’s inliers and k outside i, the inliers ranked ≤ j and the other draws for (i, j)', () => {
    const nOutliers = 3;
    const T = 120 * 5 * nOutliers;
    const triplets = new Int32Array(3 * T);
    const w = new Float64Array(T);
    sampleKnnTriplets(X, nb, nOutliers, createRng(1), triplets, w, 0, 120);
    let violations = 0;
    for (let i = 0; i < 120; i++) {
      for (let r = 0; r < 5; r++) {
        const ks = new Set<number>();
        for (let o = 0; o < nOutliers; o++) {
          const t = (i * 5 + r) * nOutliers + o;
          const [a, j, k] = [triplets[3 * t]!, triplets[3 * t + 1]!, triplets[3 * t + 2]!];
          if (a !== i || j !== nb.inliers[i * 5 + r]) violations++;
          if (k === i || ks.has(k)) violations++;
          for (let q = 0; q <= r; q++) if (nb.inliers[i * 5 + q] === k) violations++;
          ks.add(k);
          let dik = 0;
          for (let c = 0; c < 6; c++) dik += (X.data[i * 6 + c]! - X.data[k * 6 + c]!) ** 2;
          const expected = nb.similarity[i * 5 + r]! + dik / (nb.sigma[i]! * nb.sigma[k]!);
          if (Math.abs(w[t]! - expected) > 1e-9 * Math.max(1, Math.abs(expected))) violations++;
        }
      }
    }
    expect(violations).toBe(0);
  });
  test('random triplets put the more similar point second and carry 0.1·(P_ij − P_ik) ≥ 0', () => {
    const T = 120 * 2;
    const triplets = new Int32Array(3 * T);
    const w = new Float64Array(T);
    sampleRandomTriplets(X, nb.sigma, 2, createRng(2), triplets, w, 0, 0, 120);
    let bad = 0;
    for (let t = 0; t < T; t++) {
      const [i, j, k] = [triplets[3 * t]!, triplets[3 * t + 1]!, triplets[3 * t + 2]!];
      if (i !== t >> 1 || j === i || k === i || k === j || !(w[t]! >= 0)) bad++;
      const p = (b: number): number => {
        let s = 0;
        for (let c = 0; c < 6; c++) s += (X.data[i * 6 + c]! - X.data[b * 6 + c]!) ** 2;
        return -s / (nb.sigma[i]! * nb.sigma[b]!);
      };
      if (Math.abs(w[t]! - 0.1 * (p(j) - p(k))) > 1e-9 * Math.max(1, w[t]!)) bad++;
    }
    expect(bad).toBe(0);
  });
});

describe('trimapGradient(Y, triplets, weights, grad)', () => {
  test('is half the finite-difference gradient of Σ w·D_ij/(D_ij + D_ik) (the reference drops the factor 2)', () => {
    const rng = createRng(5);
    const n = 8;
    const Y = new Float32Array(2 * n).map(() => normal(rng));
    const triplets = Int32Array.from([0, 1, 2, 3, 0, 4, 5, 6, 7, 2, 7, 1, 1, 3, 0]);
    const weights = Float32Array.from([0.5, 1.5, 2, 0.25, 1]);
    const grad = new Float64Array(2 * n);
    const { loss } = trimapGradient(Y, triplets, weights, grad);
    const lossAt = (y: Float64Array): number => {
      let s = 0;
      for (let t = 0; t < 5; t++) {
        const [i, j, k] = [triplets[3 * t]!, triplets[3 * t + 1]!, triplets[3 * t + 2]!];
        const dij = 1 + (y[2 * i]! - y[2 * j]!) ** 2 + (y[2 * i + 1]! - y[2 * j + 1]!) ** 2;
        const dik = 1 + (y[2 * i]! - y[2 * k]!) ** 2 + (y[2 * i + 1]! - y[2 * k + 1]!) ** 2;
        s += (weights[t]! * dij) / (dij + dik);
      }
      return s;
    };
    const y = Float64Array.from(Y);
    expect(loss).toBeCloseTo(lossAt(y), 5);
    const h = 1e-6;
    for (let q = 0; q < 2 * n; q++) {
      const up = y.slice();
      const down = y.slice();
      up[q]! += h;
      down[q]! -= h;
      expect(grad[q]!).toBeCloseTo((lossAt(up) - lossAt(down)) / (2 * h) / 2, 5);
    }
  });
});

describe('TrimapStepper(set, init, lr, nIters)', () => {
  test('lowers the mean triplet loss and the share of violated triplets from the PCA-like init, without touching init', () => {
    const X = gaussian(300, 8, 11);
    const set = runJobSync(generateTriplets(X, { nInliers: 10, nOutliers: 4, nRandom: 3, weightTemp: 0.5, knnMethod: 'exact', seed: 3, signal: undefined }));
    expect(set.weights.length).toBe(300 * 43);
    expect(set.nKnn).toBe(300 * 40);
    const init = new Float32Array(600).map((_, t) => 0.01 * X.data[Math.floor(t / 2) * 8 + (t % 2)]!);
    const before = init.slice();
    const stepper = new TrimapStepper(set, init, 0.1, 150);
    const first = stepper.step();
    const firstViolated = stepper.violated;
    let last = first;
    while (!stepper.done) last = stepper.step();
    expect(last.step).toBe(149);
    expect(last.loss!).toBeLessThan(0.7 * first.loss!);
    expect(stepper.violated).toBeLessThan(firstViolated);
    expect(init).toEqual(before);
  });
});
