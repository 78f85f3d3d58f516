import { expect, test } from 'vitest';
import { tridiagonalEigen } from '../src/linalg/tridiagonal-eigen.js';
import { symmetricTopEigen } from '../src/linalg/symmetric-top-eigen.js';
import { createRng } from '../src/random/create-rng.js';

test('tridiagonalEigen(diag, off) returns decreasing eigenpairs with A·v = λ·v', () => {
  const diag = [2, 2, 2, 2], off = [-1, -1, -1];
  const { values, vectors } = tridiagonalEigen(diag, off);
  // eigenvalues of the 1-D Laplacian: 2 − 2cos(kπ/5)
  const expected = [1, 2, 3, 4].map((k) => 2 - 2 * Math.cos((k * Math.PI) / 5)).sort((a, b) => b - a);
  expected.forEach((v, i) => expect(values[i]).toBeCloseTo(v, 12));
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      const av = diag[r]! * vectors[r * 4 + c]! + (r > 0 ? off[r - 1]! * vectors[(r - 1) * 4 + c]! : 0) + (r < 3 ? off[r]! * vectors[(r + 1) * 4 + c]! : 0);
      expect(av).toBeCloseTo(values[c]! * vectors[r * 4 + c]!, 12);
    }
  }
});

test('symmetricTopEigen(A, m, k) finds the top eigenpairs of a rank-deficient matrix', () => {
  // A = diag(5, 3, 0, 0, 0, 0) rotated by a fixed orthogonal-ish mix: use a permutation to stay exact.
  const m = 6;
  const A = new Float64Array(m * m);
  A[2 * m + 2] = 5;
  A[4 * m + 4] = 3;
  const { values, vectors } = symmetricTopEigen(A, m, 3, createRng(1));
  expect(values[0]).toBeCloseTo(5, 12);
  expect(values[1]).toBeCloseTo(3, 12);
  expect(values[2]).toBeCloseTo(0, 12);
  expect(Math.abs(vectors[2]!)).toBeCloseTo(1, 12);
  expect(Math.abs(vectors[m + 4]!)).toBeCloseTo(1, 12);
});
