import { describe, expect, test } from 'vitest';
import { trustworthiness } from '../src/metrics/trustworthiness.js';
import { knnRecall } from '../src/metrics/knn-recall.js';
import { labelAccuracy } from '../src/metrics/label-accuracy.js';
import { exactKnn } from '../src/metrics/exact-knn.js';
import { knn2d } from '../src/metrics/knn-2d.js';
import { createRng } from '../src/random/create-rng.js';
import { digits, digitsLabels, gaussian, reference } from './fixtures.js';

// Reference values: test/fixtures/digits/README.md (from /work/shared/data/reference-digits/README.md):
// scikit-learn 1.2.1 `trustworthiness(X, Y, n_neighbors=15)`, knn_recall15 and label_acc15 of the sklearn PCA(2)
// and umap-learn 0.5.3 layouts of digits.
describe('metrics on digits', () => {
  const X = digits();
  test('trustworthiness(digits, sklearn PCA, {k: 15}) = 0.8288 and knnRecall = 0.1512, labelAccuracy = 0.5661', () => {
    const Y = reference('pca');
    expect(Math.abs(trustworthiness(X, Y, { k: 15 }) - 0.8288)).toBeLessThan(1e-3);
    expect(Math.abs(knnRecall(X, Y, { k: 15 }) - 0.1512)).toBeLessThan(1e-3);
    expect(Math.abs(labelAccuracy(Y, digitsLabels(), { k: 15 }) - 0.5661)).toBeLessThan(1e-3);
  });
  test('trustworthiness(digits, umap, {neighbors}) = 0.9875 with precomputed neighbours; knnRecall 0.530, labelAccuracy 0.971', () => {
    const Y = reference('umap');
    const neighbors = exactKnn(X, { k: 30 });
    expect(Math.abs(trustworthiness(X, Y, { neighbors }) - 0.9875)).toBeLessThan(1e-3);
    expect(Math.abs(knnRecall(X, Y, { neighbors }) - 0.53)).toBeLessThan(1e-3);
    expect(Math.abs(labelAccuracy(Y, digitsLabels()) - 0.971)).toBeLessThan(1e-3);
  });
});

describe('knn kernels', () => {
  test('knn2d(Y, n, k) equals brute force on random points, self excluded', () => {
    const rng = createRng(11);
    const n = 400, k = 7;
    const Y = new Float32Array(n * 2).map(() => rng() * (rng() < 0.5 ? 1 : 100));
    const got = knn2d(Y, n, k);
    for (let i = 0; i < n; i++) {
      const order = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i)
        .map((j) => [(Y[2 * j]! - Y[2 * i]!) ** 2 + (Y[2 * j + 1]! - Y[2 * i + 1]!) ** 2, j] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, k).map((p) => p[1]);
      expect(Array.from(got.indices.subarray(i * k, (i + 1) * k))).toEqual(order);
    }
  });
  test('exactKnn(X, {k}) excludes self and sorts by distance', () => {
    const X = gaussian(60, 5);
    const { indices, distances, k } = exactKnn(X, { k: 4 });
    for (let i = 0; i < 60; i++) {
      for (let t = 0; t < k; t++) {
        expect(indices[i * k + t]).not.toBe(i);
        if (t > 0) expect(distances[i * k + t]).toBeGreaterThanOrEqual(distances[i * k + t - 1]!);
      }
    }
  });
  test('trustworthiness(X, X[:, :2]) of an exactly 2-D dataset is 1', () => {
    const rng = createRng(2);
    const Y = new Float32Array(200).map(() => rng());
    expect(trustworthiness({ data: Y, rows: 100, cols: 2 }, Y, { k: 5 })).toBeCloseTo(1, 12);
  });
  test('metrics reject a layout of the wrong size and labels of the wrong length', () => {
    const X = gaussian(10, 3);
    expect(() => trustworthiness(X, new Float32Array(18))).toThrow(/Y.rows = 9: must equal X.rows = 10/);
    expect(() => labelAccuracy(new Float32Array(20), [1, 2])).toThrow(/labels.length = 2/);
    expect(() => knnRecall(X, new Float32Array(20), { k: 10 })).toThrow(/k = 10/);
  });
});
