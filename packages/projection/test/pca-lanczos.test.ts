import { describe, expect, test } from 'vitest';
import { fitPca, pca, usesLanczos, type PcaSolver } from '../src/methods/pca.js';
import { lanczosSvd } from '../src/linalg/lanczos-svd.js';
import { columnMeans } from '../src/linalg/column-means.js';
import { AbortError, ProjectionInputError } from '../src/errors.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import { runJobSync } from '../src/runtime/job.js';
import type { Matrix } from '../src/types.js';
import { digits } from './fixtures.js';

/** n×d: five latent directions with scales 10, 6, 4, 3, 2.5 plus unit noise and an offset (seeded). */
function latent(n: number, d: number, seed = 7): Matrix<Float32Array> {
  const rng = createRng(seed);
  const scales = [10, 6, 4, 3, 2.5];
  const A = scales.map(() => Float64Array.from({ length: d }, () => normal(rng) / Math.sqrt(d)));
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const z = scales.map((s) => s * normal(rng));
    for (let j = 0; j < d; j++) {
      let v = 3 + 0.5 * normal(rng);
      for (let c = 0; c < scales.length; c++) v += z[c]! * A[c]![j]! * Math.sqrt(d);
      data[i * d + j] = v;
    }
  }
  return { data, rows: n, cols: d };
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function phasesOf(X: Matrix, solver: PcaSolver, nComponents = 2): Set<string> {
  const phases = new Set<string>();
  pca(X, { solver, nComponents, onProgress: (p) => phases.add(p.phase) });
  return phases;
}

describe("pca(X, {solver: 'lanczos'}) (matrix-free)", () => {
  test.each([2, 5])("pca(latent 700×96, {nComponents: %i, solver: 'lanczos'}) equals the covariance route to 1e-6 on scores, same signs", (k) => {
    const X = latent(700, 96);
    const a = pca(X, { nComponents: k, solver: 'covariance' });
    const b = pca(X, { nComponents: k, solver: 'lanczos' });
    expect(maxAbsDiff(b.embedding, a.embedding)).toBeLessThanOrEqual(1e-6 * maxAbs(a.embedding));
    expect(maxAbsDiff(b.model.components, a.model.components)).toBeLessThan(1e-6);
    for (let c = 0; c < k; c++) {
      expect(b.model.explainedVariance[c]! / a.model.explainedVariance[c]!).toBeCloseTo(1, 9);
      expect(b.model.explainedVarianceRatio[c]! / a.model.explainedVarianceRatio[c]!).toBeCloseTo(1, 9);
    }
  });

  test("pca(digits, {solver: 'lanczos'}) equals the covariance route to 1e-6 and reports 'lanczos' progress instead of 'covariance'", () => {
    const X = digits();
    const a = pca(X, { solver: 'covariance' }).embedding;
    const b = pca(X, { solver: 'lanczos' }).embedding;
    expect(maxAbsDiff(b, a)).toBeLessThanOrEqual(1e-6 * maxAbs(a));
    const phases = phasesOf(X, 'lanczos');
    expect(phases.has('lanczos')).toBe(true);
    expect(phases.has('covariance')).toBe(false);
  });

  test("pca(X with a zero column, {nComponents: d, solver: 'lanczos'}) falls back to the covariance route and matches it", () => {
    const rng = createRng(3);
    const data = new Float32Array(60 * 3);
    for (let i = 0; i < 60; i++) {
      data[i * 3] = 2 * normal(rng);
      data[i * 3 + 1] = normal(rng); // column 2 stays 0: the third component has zero variance
    }
    const X = { data, rows: 60, cols: 3 };
    const phases = phasesOf(X, 'lanczos', 3);
    expect(phases.has('lanczos') && phases.has('covariance')).toBe(true);
    const a = pca(X, { solver: 'covariance', nComponents: 3 });
    const b = pca(X, { solver: 'lanczos', nComponents: 3 });
    expect(maxAbsDiff(b.embedding, a.embedding)).toBeLessThanOrEqual(1e-6 * maxAbs(a.embedding));
    expect(b.embedding.every(Number.isFinite)).toBe(true);
    // zero to rounding (the order of the re-orthogonalisation sums decides whether it lands on exactly 0)
    expect(b.model.explainedVariance[2]).toBeLessThanOrEqual(1e-12 * b.model.explainedVariance[0]!);
    expect(b.model.explainedVariance[2]).toBeGreaterThanOrEqual(0);
  });

  test('lanczosSvd(X, mean, 3) returns unit, orthogonal vectors with residual ‖XcᵀXc v − λv‖ ≤ 1e-9·λ', () => {
    const X = latent(400, 40, 11);
    const mean = columnMeans(X);
    const svd = runJobSync(lanczosSvd(X, mean, 3, createRng(1)));
    expect(svd).not.toBeNull();
    const { values, vectors } = svd!;
    const d = X.cols;
    for (let c = 0; c < 3; c++) {
      const v = vectors.subarray(c * d, (c + 1) * d);
      for (let e = 0; e <= c; e++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += v[j]! * vectors[e * d + j]!;
        expect(dot).toBeCloseTo(c === e ? 1 : 0, 10);
      }
      const Av = new Float64Array(d); // explicit XcᵀXc v
      for (let i = 0; i < X.rows; i++) {
        let y = 0;
        for (let j = 0; j < d; j++) y += (X.data[i * d + j]! - mean[j]!) * v[j]!;
        for (let j = 0; j < d; j++) Av[j]! += y * (X.data[i * d + j]! - mean[j]!);
      }
      let r = 0;
      for (let j = 0; j < d; j++) r = Math.max(r, Math.abs(Av[j]! - values[c]! * v[j]!));
      expect(r).toBeLessThanOrEqual(1e-9 * values[c]!);
    }
    expect(values[0]).toBeGreaterThan(values[1]!);
    expect(values[1]).toBeGreaterThan(values[2]!);
  });

  test("pca(X) with solver 'auto' uses Lanczos for tall data with d ≥ 256 and k ≤ 10, the covariance route otherwise", () => {
    expect(usesLanczos(100_000, 768, 2)).toBe(true);
    expect(usesLanczos(1536, 768, 10)).toBe(true);
    expect(usesLanczos(1535, 768, 2)).toBe(false);
    expect(usesLanczos(100_000, 768, 11)).toBe(false);
    expect(usesLanczos(100_000, 128, 2)).toBe(false);
    expect(usesLanczos(100, 768, 2, 'lanczos')).toBe(false);
    expect(usesLanczos(100_000, 768, 2, 'covariance')).toBe(false);
    const X = latent(520, 256, 5);
    expect(phasesOf(X, 'auto').has('lanczos')).toBe(true);
    const a = pca(X, { solver: 'covariance' }).embedding;
    expect(maxAbsDiff(pca(X).embedding, a)).toBeLessThanOrEqual(1e-6 * maxAbs(a));
  });

  test("fitPca(X, {solver: 'lanczos', signal}) aborted from onProgress throws AbortError and leaves X unchanged", () => {
    const X = latent(300, 30);
    const copy = X.data.slice();
    const controller = new AbortController();
    let reports = 0;
    const run = () =>
      fitPca(X, { solver: 'lanczos', signal: controller.signal, onProgress: () => { if (++reports === 3) controller.abort(); } });
    expect(run).toThrow(AbortError);
    expect(reports).toBe(3);
    expect(X.data).toEqual(copy);
  });

  test("pca(X, {solver}) rejects an unknown solver and 'lanczos' on wide data (d > n) with ProjectionInputError", () => {
    expect(() => pca(latent(50, 8), { solver: 'svd' as PcaSolver })).toThrow(ProjectionInputError);
    expect(() => pca(latent(50, 8), { solver: 'svd' as PcaSolver })).toThrow(/solver/);
    expect(() => pca(latent(10, 20), { solver: 'lanczos' })).toThrow(/needs d ≤ n/);
  });
});
