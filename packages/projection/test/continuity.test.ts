import { expect, test } from 'vitest';
import { continuity } from '../src/metrics/continuity.js';
import { exactKnn } from '../src/metrics/exact-knn.js';
import { createRng } from '../src/random/create-rng.js';

/** Brute-force continuity from full rank tables (Venna & Kaski 2001), ties by index. */
function bruteContinuity(X: number[][], Y: number[][], k: number): number {
  const n = X.length;
  const dist = (P: number[][], i: number, j: number) => P[i]!.reduce((s, v, t) => s + (v - P[j]![t]!) ** 2, 0);
  const order = (P: number[][], i: number) =>
    [...Array(n).keys()].filter((j) => j !== i).sort((a, b) => dist(P, i, a) - dist(P, i, b) || a - b);
  let penalty = 0;
  for (let i = 0; i < n; i++) {
    const hi = order(X, i).slice(0, k);
    const lo = order(Y, i);
    for (const j of hi) {
      const r = lo.indexOf(j) + 1;
      if (r > k) penalty += r - k;
    }
  }
  return 1 - (2 / (n * k * (2 * n - 3 * k - 1))) * penalty;
}

function randomRows(n: number, d: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => Math.fround(rng() * 10)));
}

test('continuity(X, Y, {k}) equals the brute-force Venna–Kaski definition on random data', () => {
  const X = randomRows(40, 5, 1);
  const Y = randomRows(40, 2, 2);
  for (const k of [1, 5, 12]) expect(continuity(X, Y, { k })).toBeCloseTo(bruteContinuity(X, Y, k), 12);
});

test('continuity(X, X[:, :2]) of a 2-D dataset is 1, and a random layout scores lower', () => {
  const X2 = randomRows(50, 2, 3);
  expect(continuity(X2, X2, { k: 5 })).toBe(1);
  const X = X2.map((r) => [...r, 0]);
  expect(continuity(X, randomRows(50, 2, 4), { k: 5 })).toBeLessThan(0.8);
});

test('continuity with precomputed neighbors equals continuity without', () => {
  const X = randomRows(60, 4, 5);
  const Y = randomRows(60, 2, 6);
  expect(continuity(X, Y, { k: 7, neighbors: exactKnn(X, { k: 10 }) })).toBe(continuity(X, Y, { k: 7 }));
});

test('continuity rejects Y with the wrong row count and k ≥ n/2', () => {
  const X = randomRows(10, 3, 7);
  expect(() => continuity(X, randomRows(9, 2, 8))).toThrow(/Y.rows = 9: must equal X.rows = 10/);
  expect(() => continuity(X, randomRows(10, 2, 8), { k: 5 })).toThrow(/k = 5: must be an integer in \[1, 4\]/);
});
