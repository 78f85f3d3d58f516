import { describe, expect, test } from 'vitest';
import { fitPca, pca } from '../src/methods/pca.js';
import { PcaModel } from '../src/methods/pca-model.js';
import { AbortError, ProjectionInputError } from '../src/errors.js';
import { digits, gaussian, reference } from './fixtures.js';
import { crossProduct } from '../src/linalg/cross-product.js';
import { columnMeans } from '../src/linalg/column-means.js';
import { symmetricTopEigen } from '../src/linalg/symmetric-top-eigen.js';
import { createRng } from '../src/random/create-rng.js';
import { runJobSync } from '../src/runtime/job.js';

// Golden values: numpy 1.24 `np.linalg.svd` of the centered matrix, V-based sign rule (see methods.md §2).
const X53 = [[2, 0, 1], [1, 3, 2], [4, 1, 0], [0, 2, 5], [3, 3, 3]];
const V53 = [[-0.560555828547, 0.307607566505, 0.768865884346], [0.545700334697, 0.835566454708, 0.063559770908]];
const Y53 = [[-1.476332680925, -1.580291343564], [0.775911731484, 0.444267456771], [-3.058702655859, 0.28311600963], [3.335457646563, -0.74632001991], [0.423665958737, 1.599227897073]];

function expectClose(actual: ArrayLike<number>, expected: number[], digits = 6): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, digits));
}

describe('pca(X)', () => {
  test('pca(5×3, {nComponents: 2}) equals the SVD of the centered matrix (components, variance, ratio, scores)', () => {
    const { embedding, model } = pca(X53, { nComponents: 2 });
    expectClose(model.components, V53.flat(), 9);
    expectClose(model.explainedVariance, [5.860507423346, 1.472343104374], 9);
    expectClose(model.explainedVarianceRatio, [0.741836382702, 0.186372544857], 9);
    expectClose(model.mean, [2, 1.8, 2.2], 12);
    expectClose(embedding, Y53.flat(), 5);
  });

  test('pca(X) orders components by explained variance and gives orthonormal components', () => {
    const X = gaussian(300, 8, 5);
    const { model } = pca(X, { nComponents: 5 });
    const ev = Array.from(model.explainedVariance);
    expect(ev).toEqual([...ev].sort((a, b) => b - a));
    for (let a = 0; a < 5; a++) {
      for (let b = 0; b < 5; b++) {
        let dot = 0;
        for (let j = 0; j < 8; j++) dot += model.components[a * 8 + j]! * model.components[b * 8 + j]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
      }
    }
    const ratio = Array.from(model.explainedVarianceRatio).reduce((s, v) => s + v, 0);
    expect(ratio).toBeLessThanOrEqual(1 + 1e-12);
  });

  test('pca(X).model.transform(X) equals the embedding, and transform(new points) is (x − mean)·Vᵀ', () => {
    const X = gaussian(200, 6, 2);
    const { embedding, model } = pca(X);
    expect(Array.from(model.transform(X))).toEqual(Array.from(embedding));
    const x = [[1, 2, 3, 4, 5, 6]];
    const y = model.transform(x);
    for (let c = 0; c < 2; c++) {
      let s = 0;
      for (let j = 0; j < 6; j++) s += (x[0]![j]! - model.mean[j]!) * model.components[c * 6 + j]!;
      expect(y[c]).toBeCloseTo(s, 4);
    }
    expect(() => model.transform([[1, 2, 3]])).toThrow(/X.cols = 3: must equal the 6 features/);
  });

  test('pca(X) on wide data (d > n) matches the top eigenvectors of the d×d covariance', () => {
    const X = gaussian(12, 40, 9);
    const { model } = pca(X, { nComponents: 3 });
    const S = runJobSync(crossProduct(X, columnMeans(X)));
    const eig = symmetricTopEigen(S, 40, 3, createRng(1));
    for (let c = 0; c < 3; c++) {
      expect(model.explainedVariance[c]).toBeCloseTo(eig.values[c]! / 11, 8);
      let dot = 0;
      for (let j = 0; j < 40; j++) dot += model.components[c * 40 + j]! * eig.vectors[c * 40 + j]!;
      expect(Math.abs(dot)).toBeCloseTo(1, 8);
    }
  });

  test('pca(X) on wide data keeps the embedding equal to the scores of the data (d > n, nComponents = n)', () => {
    const X = gaussian(5, 9, 4);
    const { model, embedding } = pca(X, { nComponents: 5 });
    expect(Array.from(embedding).every(Number.isFinite)).toBe(true);
    expect(model.explainedVariance[4]).toBeCloseTo(0, 6); // 5 centered points span 4 dimensions
  });

  test('pca(X) with constant columns gives them zero loading and finite output', () => {
    const X = gaussian(50, 4, 3);
    for (let i = 0; i < 50; i++) X.data[i * 4 + 1] = 7;
    const { model, embedding } = pca(X, { nComponents: 3 });
    for (let c = 0; c < 2; c++) expect(Math.abs(model.components[c * 4 + 1]!)).toBeLessThan(1e-9);
    expect(Array.from(embedding).every(Number.isFinite)).toBe(true);
  });

  test('pca(X) does not mutate X', () => {
    const X = gaussian(40, 5, 8);
    const copy = X.data.slice();
    pca(X);
    expect(X.data).toEqual(copy);
  });

  test('pca(digits) equals scikit-learn 1.2.1 PCA(2) up to per-axis sign, |Δ| ≤ 1e-4·max|Y|', () => {
    const { embedding, model } = pca(digits());
    const ref = reference('pca');
    let scale = 0;
    for (const v of ref) scale = Math.max(scale, Math.abs(v));
    for (let c = 0; c < 2; c++) {
      const sign = Math.sign(embedding[c]!) === Math.sign(ref[c]!) ? 1 : -1;
      let worst = 0;
      for (let i = 0; i < 1797; i++) worst = Math.max(worst, Math.abs(embedding[i * 2 + c]! - sign * ref[i * 2 + c]!));
      expect(worst).toBeLessThanOrEqual(1e-4 * scale);
    }
    // sklearn's digits PCA explained_variance_ratio_ (well known values).
    expect(model.explainedVarianceRatio[0]).toBeCloseTo(0.14890594, 6);
    expect(model.explainedVarianceRatio[1]).toBeCloseTo(0.13618771, 6);
  });

  test('pca(X) rejects bad nComponents, a single row and NaN with ProjectionInputError', () => {
    expect(() => pca(gaussian(10, 3), { nComponents: 4 })).toThrow(/nComponents = 4: must be an integer in \[1, 3\]/);
    expect(() => pca(gaussian(10, 3), { nComponents: 1.5 })).toThrow(ProjectionInputError);
    expect(() => pca([[1, 2, 3]])).toThrow(/X.rows = 1/);
    expect(() => pca([[1, 2], [NaN, 1]])).toThrow(/row 1, column 0/);
  });

  test('fitPca(X, {onProgress, signal}) reports covariance/eigen phases and aborts with AbortError', () => {
    const X = gaussian(1000, 4);
    const phases = new Set<string>();
    const model = fitPca(X, { onProgress: (p) => phases.add(p.phase) });
    expect(model).toBeInstanceOf(PcaModel);
    expect([...phases]).toEqual(['covariance', 'eigen']);
    const controller = new AbortController();
    let reports = 0;
    expect(() => fitPca(X, { signal: controller.signal, onProgress: () => { if (++reports === 2) controller.abort(); } })).toThrow(AbortError);
    expect(reports).toBe(2);
  });

  test('PcaModel.fromState(model.toJSON()) transforms like the original', () => {
    const X = gaussian(30, 4);
    const model = fitPca(X);
    const copy = PcaModel.fromState(structuredClone(model.toJSON()));
    expect(Array.from(copy.transform(X))).toEqual(Array.from(model.transform(X)));
  });
});
