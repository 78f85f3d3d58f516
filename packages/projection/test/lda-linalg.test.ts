import { expect, test } from 'vitest';
import { symmetricEigen } from '../src/linalg/symmetric-eigen.js';
import { crossProduct } from '../src/linalg/cross-product.js';
import { runJobSync } from '../src/runtime/job.js';
import { createRng } from '../src/random/create-rng.js';

function randomSymmetric(m: number, rank: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const B = Float64Array.from({ length: m * rank }, () => rng() - 0.5);
  const A = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) for (let t = 0; t < rank; t++) A[i * m + j]! += B[i * rank + t]! * B[j * rank + t]!;
  return A;
}

test.each([
  [1, 1],
  [2, 2],
  [7, 7],
  [40, 40],
  [40, 12],
  [160, 10], // many numerically-zero eigenvalues: LDA with n < d (regression: QL never deflated between zeros)
])('symmetricEigen(m = %i, rank %i) returns decreasing eigenvalues with orthonormal rows and A·v = λ·v', (m, rank) => {
  const A = randomSymmetric(m, rank, m + rank);
  const { values, vectors } = symmetricEigen(A, m);
  for (let c = 1; c < m; c++) expect(values[c]!).toBeLessThanOrEqual(values[c - 1]!);
  for (let c = 0; c < m; c++) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += A[i * m + j]! * vectors[c * m + j]!;
      expect(Math.abs(s - values[c]! * vectors[c * m + i]!)).toBeLessThan(1e-12);
    }
    for (let c2 = 0; c2 < m; c2++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += vectors[c * m + j]! * vectors[c2 * m + j]!;
      expect(Math.abs(s - (c === c2 ? 1 : 0))).toBeLessThan(1e-12);
    }
  }
  for (let c = rank; c < m; c++) expect(Math.abs(values[c]!)).toBeLessThan(1e-12);
});

test('symmetricEigen of a diagonal matrix with repeated values returns them sorted, without mutating A', () => {
  const A = new Float64Array([2, 0, 0, 0, 5, 0, 0, 0, 2]);
  const { values } = symmetricEigen(A, 3);
  expect(Array.from(values)).toEqual([5, 2, 2]);
  expect(Array.from(A)).toEqual([2, 0, 0, 0, 5, 0, 0, 0, 2]);
});

test('crossProduct(A, {centers, index}) equals the within-group scatter Σ (a_i − c_{g(i)})(a_i − c_{g(i)})ᵀ', () => {
  const A = { data: new Float32Array([1, 2, 3, 5, 0, 1, 4, 4]), rows: 4, cols: 2 };
  const centers = new Float64Array([2, 3.5, 2, 2.5]);
  const index = new Int32Array([0, 0, 1, 1]);
  const S = runJobSync(crossProduct(A, { centers, index }));
  // group 0: (−1,−1.5),(1,1.5); group 1: (−2,−1.5),(2,1.5)
  expect(Array.from(S)).toEqual([10, 9, 9, 9]);
});
