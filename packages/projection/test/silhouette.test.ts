import { expect, test } from 'vitest';
import { silhouette } from '../src/metrics/silhouette.js';
import { createRng } from '../src/random/create-rng.js';

/** Direct definition of the mean silhouette (Rousseeuw 1987, scikit-learn conventions). */
function bruteSilhouette(Y: number[][], labels: number[]): number {
  const n = Y.length;
  const dist = (i: number, j: number) => Math.hypot(Y[i]![0]! - Y[j]![0]!, Y[i]![1]! - Y[j]![1]!);
  const ids = [...new Set(labels)];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const mean = (c: number, self: boolean) => {
      const js = [...Array(n).keys()].filter((j) => labels[j] === c && (!self || j !== i));
      return js.reduce((s, j) => s + dist(i, j), 0) / js.length;
    };
    if (labels.filter((l) => l === labels[i]).length === 1) continue;
    const a = mean(labels[i]!, true);
    const b = Math.min(...ids.filter((c) => c !== labels[i]).map((c) => mean(c, false)));
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

test('silhouette(Y, labels) equals the direct definition, including one-member clusters (s = 0)', () => {
  const rng = createRng(4);
  const Y = Array.from({ length: 30 }, () => [rng() * 5, rng() * 5]);
  const labels = Array.from({ length: 30 }, (_, i) => (i < 29 ? i % 3 : 17));
  expect(silhouette(Y, labels)).toBeCloseTo(bruteSilhouette(Y, labels), 5);
});

test('silhouette of two far, tight clusters is close to 1, and of interleaved labels below 0.1', () => {
  const Y = [[0, 0], [0, 0.1], [0.1, 0], [100, 100], [100, 100.1], [100.1, 100]];
  expect(silhouette(Y, [1, 1, 1, 2, 2, 2])).toBeGreaterThan(0.99);
  expect(silhouette(Y, [1, 2, 1, 2, 1, 2])).toBeLessThan(0.1);
});

test('silhouette(Y, labels, {sampleSize, seed}) is deterministic per seed and near the full score', () => {
  const rng = createRng(9);
  const Y = Array.from({ length: 400 }, (_, i) => [(i % 4) * 3 + rng(), rng()]);
  const labels = Array.from({ length: 400 }, (_, i) => i % 4);
  const a = silhouette(Y, labels, { sampleSize: 200, seed: 1 });
  expect(silhouette(Y, labels, { sampleSize: 200, seed: 1 })).toBe(a);
  expect(Math.abs(a - silhouette(Y, labels))).toBeLessThan(0.05);
});

test('silhouette rejects one label, labels of the wrong length, and a bad sampleSize', () => {
  const Y = [[0, 0], [1, 1], [2, 2]];
  expect(() => silhouette(Y, [1, 1, 1])).toThrow(/labels = "1 distinct": must have between 2 and n − 1/);
  expect(() => silhouette(Y, [1, 2])).toThrow(/labels.length = 2: must equal the number of rows of X \(3\)/);
  expect(() => silhouette(Y, [1, 2, 2], { sampleSize: 1 })).toThrow(/sampleSize = 1/);
});
