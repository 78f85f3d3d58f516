import { describe, expect, test } from 'vitest';
import { fitLda, lda } from '../src/methods/lda.js';
import { LdaModel } from '../src/methods/lda-model.js';
import { project, projectSync } from '../src/project.js';
import { digits, digitsLabels } from './fixtures.js';
import { blobs, pooledWithinVariance, relativeDiffUpToSign, sklearnLayout } from './lda-fixtures.js';
import { createRng } from '../src/random/create-rng.js';
import { labelAccuracy } from '../src/metrics/label-accuracy.js';

describe('lda(X, labels)', () => {
  test('lda(digits, labels) equals scikit-learn 1.2.1 LinearDiscriminantAnalysis(n_components=2) up to per-axis sign (|Δ| ≤ 1e-4·max|Y|)', () => {
    const { embedding, model } = lda(digits(), digitsLabels());
    expect(relativeDiffUpToSign(embedding, sklearnLayout('lda'), 1797)).toBeLessThanOrEqual(1e-4);
    expect(model.nDiscriminant).toBe(2);
    expect(model.rankBetween).toBe(9);
    expect(model.notes).toEqual([]);
    expect(Array.from(model.classes)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(model.explainedVarianceRatio.length).toBe(9);
    expect(model.explainedVarianceRatio.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
  });

  test('lda(X, labels) gives axes with unit pooled within-class variance and sorted between-class shares', () => {
    const { X, labels } = blobs(300, 6, 4, 3);
    const { embedding, model } = lda(X, labels);
    for (let c = 0; c < 2; c++) expect(pooledWithinVariance(embedding, labels, 2, c)).toBeCloseTo(1, 6);
    const r = Array.from(model.explainedVarianceRatio);
    expect(r).toEqual([...r].sort((a, b) => b - a));
  });

  test('lda(X, labels) signs each axis so the class mean with the largest |projection| is positive', () => {
    const { X, labels } = blobs(200, 5, 5, 9);
    const { embedding } = lda(X, labels);
    for (let c = 0; c < 2; c++) {
      const means = [0, 0, 0, 0, 0];
      for (let i = 0; i < 200; i++) means[labels[i]!]! += embedding[2 * i + c]! / 40;
      const best = means.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
      expect(best).toBeGreaterThan(0);
    }
  });

  test('lda(X, arbitrary ids) equals lda(X, 0..K−1) when ids keep their order (np.unique_inverse remap)', () => {
    const { X, labels } = blobs(120, 4, 3, 2);
    const raw = Int32Array.from(labels, (l) => l * 1000 - 7);
    const a = lda(X, labels);
    const b = lda(X, Array.from(raw));
    expect(Array.from(b.embedding)).toEqual(Array.from(a.embedding));
    expect(Array.from(b.model.classes)).toEqual([-7, 993, 1993]);
  });

  test('lda with a constant column and a duplicated (collinear) column equals lda without them (singular within-class scatter)', () => {
    const { X, labels } = blobs(150, 4, 3, 4);
    const d2 = 6;
    const data = new Float32Array(150 * d2);
    for (let i = 0; i < 150; i++) {
      for (let j = 0; j < 4; j++) data[i * d2 + j] = X.data[i * 4 + j]!;
      data[i * d2 + 4] = 3.5;
      data[i * d2 + 5] = X.data[i * 4 + 1]!;
    }
    const base = lda(X, labels).embedding;
    const { embedding, model } = lda({ data, rows: 150, cols: d2 }, labels);
    expect(model.rankWithin).toBe(4);
    expect(relativeDiffUpToSign(embedding, base, 150)).toBeLessThan(1e-5);
  });

  test('lda with d > n − K and one-member classes stays finite and separates the class means', () => {
    const { X, labels } = blobs(30, 40, 3, 6, 10);
    const lab = Int32Array.from(labels);
    lab[29] = 7; // a one-member class
    const { embedding, model } = lda(X, lab);
    expect(model.rankWithin).toBeLessThanOrEqual(30 - 4);
    expect(embedding.every(Number.isFinite)).toBe(true);
    const m = new Float64Array(6);
    for (let i = 0; i < 29; i++) {
      m[2 * labels[i]!]! += embedding[2 * i]! / 10;
      m[2 * labels[i]! + 1]! += embedding[2 * i + 1]! / 10;
    }
    for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) expect(Math.hypot(m[2 * a]! - m[2 * b]!, m[2 * a + 1]! - m[2 * b + 1]!)).toBeGreaterThan(1);
  });

  test('lda with more classes than dimensions (d = 2, K = 5) returns both axes', () => {
    const { X, labels } = blobs(100, 2, 5, 8);
    const { model } = lda(X, labels);
    expect(model.nDiscriminant).toBe(2);
    expect(model.explainedVarianceRatio.length).toBe(2);
  });

  test('lda with K = 2 fills axis 2 with the top within-class direction, orthogonal in within-SD units, and says so', () => {
    const { X, labels } = blobs(200, 5, 2, 5);
    const { embedding, model } = lda(X, labels);
    expect(model.nDiscriminant).toBe(1);
    expect(model.notes[0]).toMatch(/only 1 discriminant axis/);
    expect(pooledWithinVariance(embedding, labels, 2, 1)).toBeCloseTo(1, 6);
    let cov = 0;
    for (let i = 0; i < 200; i++) cov += embedding[2 * i]! * embedding[2 * i + 1]!;
    expect(Math.abs(cov / 200)).toBeLessThan(0.3);
  });

  test('fitLda(X, labels).transform(X) equals lda(X, labels).embedding; the state survives a round trip', () => {
    const { X, labels } = blobs(90, 3, 3, 1);
    const model = fitLda(X, labels);
    expect(Array.from(model.transform(X))).toEqual(Array.from(lda(X, labels).embedding));
    const copy = LdaModel.fromState(structuredClone(model.toJSON()));
    expect(Array.from(copy.transform(X))).toEqual(Array.from(model.transform(X)));
    expect(() => model.transform([[1, 2]])).toThrow(/X.cols = 2: must equal the 3 features/);
  });

  test('lda rejects one cluster, n == K, wrong-length, non-integer or NaN input before any work', () => {
    const X = [[0, 1], [1, 0], [2, 2], [3, 1]];
    expect(() => lda(X, [5, 5, 5, 5])).toThrow(/clusters = "1 distinct id": LDA needs at least 2 distinct cluster ids/);
    expect(() => lda(X, [0, 1, 2, 3])).toThrow(/X.rows = 4: must be more than the number of distinct cluster ids \(4\)/);
    expect(() => lda(X, [0, 1, 1])).toThrow(/clusters.length = 3: must equal the number of rows of X \(4\)/);
    expect(() => lda(X, [0, 1, 1.5, 0])).toThrow(/clusters = 1.5: must be integer cluster ids in the Int32 range; row 2/);
    expect(() => lda([[0, 1], [1, NaN], [2, 2]], [0, 1, 1])).toThrow(/X = NaN: .*row 1, column 1/);
    expect(() => lda(X, [0, 1, 1, 0], { nComponents: 3 })).toThrow(/nComponents = 3: must be an integer in \[1, 2\]/);
  });
});

describe("project(X, {method: 'lda'})", () => {
  test("project(X, {method: 'lda', clusters}) twice gives bit-identical layouts and an LdaModel", async () => {
    const { X, labels } = blobs(150, 8, 4, 7);
    const a = await project(X, { method: 'lda', clusters: labels, seed: 1 });
    const b = await project(X, { method: 'lda', clusters: labels, seed: 1 });
    expect(a.method).toBe('lda');
    expect(a.model).toBeInstanceOf(LdaModel);
    expect(Array.from(a.embedding)).toEqual(Array.from(b.embedding));
  });

  test("projectSync(X, {method: 'lda'}) without clusters names the missing parameter", () => {
    expect(() => projectSync([[1, 2], [3, 4]], { method: 'lda' })).toThrow(/clusters = undefined: is required by method 'lda'/);
  });
});

test('lda(X, labels) with fewer rows than dimensions (120 × 400, 6 classes) converges and separates the classes', () => {
  const rng = createRng(7);
  const n = 120, d = 400, K = 6;
  const data = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % K;
    for (let j = 0; j < d; j++) data[i * d + j] = (j % K === labels[i] ? 3 : 0) + (rng() - 0.5);
  }
  const { embedding, model } = lda({ data, rows: n, cols: d }, labels);
  expect(embedding.every(Number.isFinite)).toBe(true);
  expect(model.rankWithin).toBeLessThan(d);
  expect(labelAccuracy(embedding, labels, { k: 5 })).toBeGreaterThan(0.9);
});
