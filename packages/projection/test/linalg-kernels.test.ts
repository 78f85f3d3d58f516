import { describe, expect, test } from 'vitest';
import { crossProduct } from '../src/linalg/cross-product.js';
import { projectCentered } from '../src/linalg/project-centered.js';
import { symmetricEigen } from '../src/linalg/symmetric-eigen.js';
import { symmetricTopEigen } from '../src/linalg/symmetric-top-eigen.js';
import { tridiagonalEigen } from '../src/linalg/tridiagonal-eigen.js';
import { tridiagonalEigenLast } from '../src/linalg/tridiagonal-eigen-last.js';
import { fitPca, pca } from '../src/methods/pca.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import { runJobSync } from '../src/runtime/job.js';
import type { Matrix } from '../src/types.js';

function randomArray(length: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length }, () => normal(rng));
}

/** A = Q·diag(λ)·Qᵀ (m×m) with a seeded random orthogonal Q (eigenvectors of a random symmetric matrix). */
function withSpectrum(lambda: ArrayLike<number>, seed: number): Float64Array {
  const m = lambda.length;
  const R = randomArray(m * m, seed);
  const G = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) G[i * m + j] = R[i * m + j]! + R[j * m + i]!;
  const Q = symmetricEigen(G, m).vectors; // rows orthonormal
  const A = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let c = 0; c < m; c++) s += Q[c * m + i]! * lambda[c]! * Q[c * m + j]!;
      A[i * m + j] = s;
    }
  }
  return A;
}

/** sin of the largest principal angle between the row spaces of orthonormal k×d bases: ‖A − (ABᵀ)B‖_F bounds it. */
function subspaceGap(A: Float64Array, B: Float64Array, k: number, d: number): number {
  let total = 0;
  for (let a = 0; a < k; a++) {
    const r = Float64Array.from(A.subarray(a * d, (a + 1) * d));
    for (let b = 0; b < k; b++) {
      let c = 0;
      for (let j = 0; j < d; j++) c += A[a * d + j]! * B[b * d + j]!;
      for (let j = 0; j < d; j++) r[j]! -= c * B[b * d + j]!;
    }
    for (let j = 0; j < d; j++) total += r[j]! * r[j]!;
  }
  return Math.sqrt(total);
}

describe('projectCentered (register-blocked PCA transform)', () => {
  test.each([
    [1, 1, 1],
    [7, 13, 5],
    [9, 6, 4],
    [5, 3, 3],
    [10, 8, 7],
    [13, 21, 9],
  ])('projectCentered(n = %i, d = %i, k = %i) equals the plain double loop bit for bit and writes only rows [from, to)', (n, d, k) => {
    const data = Float32Array.from(randomArray(n * d, n + d), (v) => 3 + v);
    const mean = randomArray(d, 2 * d + 1);
    const components = randomArray(k * d, k + 5);
    const from = n > 2 ? 1 : 0;
    const to = n > 3 ? n - 1 : n;
    const out = new Float32Array(n * k).fill(-7);
    projectCentered(data, mean, components, k, d, from, to, out);
    const centered = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      if (i < from || i >= to) {
        for (let c = 0; c < k; c++) expect(out[i * k + c]).toBe(-7);
        continue;
      }
      for (let j = 0; j < d; j++) centered[j] = data[i * d + j]! - mean[j]!;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += centered[j]! * components[c * d + j]!;
        expect(out[i * k + c]).toBe(Math.fround(s));
      }
    }
  });

  test('projectCentered does not mutate its inputs', () => {
    const data = Float32Array.from(randomArray(6 * 5, 3));
    const mean = randomArray(5, 4);
    const components = randomArray(3 * 5, 5);
    const copies = [data.slice(), mean.slice(), components.slice()];
    projectCentered(data, mean, components, 3, 5, 0, 6, new Float32Array(18));
    expect([data, mean, components]).toEqual(copies);
  });
});

describe('crossProduct (4×4-tiled scatter matrix)', () => {
  test.each([
    [1, 1],
    [5, 3],
    [257, 7],
    [300, 10],
  ])('crossProduct(n = %i, d = %i) equals the naive centred XᵀX to 1e-12 relative (n, d not multiples of the tiles)', (n, d) => {
    const data = Float32Array.from(randomArray(n * d, 11 + n), (v) => 2 + v);
    const X: Matrix = { data, rows: n, cols: d };
    const mean = randomArray(d, 12);
    const S = runJobSync(crossProduct(X, mean), {});
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += (data[i * d + a]! - mean[a]!) * (data[i * d + b]! - mean[b]!);
        expect(Math.abs(S[a * d + b]! - s)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(s)) * n);
      }
    }
  });
});

describe('tridiagonalEigenLast', () => {
  test.each([1, 2, 9, 40])('tridiagonalEigenLast(m = %i) gives the values and last eigenvector components of tridiagonalEigen', (m) => {
    const diag = randomArray(m, m);
    const off = randomArray(m, m + 100);
    const full = tridiagonalEigen(diag, off);
    const last = tridiagonalEigenLast(diag, off);
    for (let c = 0; c < m; c++) {
      expect(last.values[c]).toBeCloseTo(full.values[c]!, 12);
      expect(Math.abs(last.last[c]!)).toBeCloseTo(Math.abs(full.vectors[(m - 1) * m + c]!), 10);
    }
    expect(Array.from(diag)).toEqual(Array.from(randomArray(m, m)));
  });
});

describe('symmetricTopEigen for many components', () => {
  test('symmetricTopEigen(m = 120, k = 30) matches the dense symmetricEigen: values to 1e-10, subspace angle < 1e-6', () => {
    const m = 120;
    const k = 30;
    const lambda = Float64Array.from({ length: m }, (_, i) => 100 * Math.pow(0.93, i) + 0.01);
    const A = withSpectrum(lambda, 3);
    const top = symmetricTopEigen(A, m, k, createRng(9));
    const dense = symmetricEigen(A, m);
    for (let c = 0; c < k; c++) expect(Math.abs(top.values[c]! / dense.values[c]! - 1)).toBeLessThan(1e-10);
    expect(subspaceGap(top.vectors, dense.vectors.subarray(0, k * m), k, m)).toBeLessThan(1e-6);
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < m; j++) norm += top.vectors[c * m + j]! ** 2;
      expect(norm).toBeCloseTo(1, 10);
    }
  });
});

describe('PCA to many components (TriMap / PaCMAP preprocessing)', () => {
  test('fitPca(300 × 130, {nComponents: 100}) spans the dense eigensolver top-100 subspace (angle < 1e-6) with the same variances', () => {
    const n = 300;
    const d = 130;
    const k = 100;
    const rng = createRng(21);
    const scales = Float64Array.from({ length: d }, (_, j) => 5 * Math.pow(0.96, j));
    const data = new Float32Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) data[i * d + j] = 1 + scales[j]! * normal(rng);
    const X: Matrix<Float32Array> = { data, rows: n, cols: d };
    const model = fitPca(X, { nComponents: k });
    const mean = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += data[i * d + j]! / n;
    const S = new Float64Array(d * d);
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < d; a++) {
        const za = data[i * d + a]! - mean[a]!;
        for (let b = 0; b < d; b++) S[a * d + b]! += za * (data[i * d + b]! - mean[b]!);
      }
    }
    const dense = symmetricEigen(S, d);
    expect(subspaceGap(model.components, dense.vectors.subarray(0, k * d), k, d)).toBeLessThan(1e-6);
    for (let c = 0; c < k; c++) expect(Math.abs(model.explainedVariance[c]! / (dense.values[c]! / (n - 1)) - 1)).toBeLessThan(1e-9);
    const { embedding } = pca(X, { nComponents: k });
    expect(embedding).toEqual(model.transform(X));
  });
});
