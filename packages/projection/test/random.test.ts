import { describe, expect, test } from 'vitest';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';

describe('createRng(seed)', () => {
  test('createRng(seed) repeats the same sequence for the same seed and differs across seeds', () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const sa = Array.from({ length: 5 }, a), sb = Array.from({ length: 5 }, b), sc = Array.from({ length: 5 }, c);
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });
  test('createRng(seed)() draws uniformly in [0, 1)', () => {
    const rng = createRng(42);
    let sum = 0, min = 1, max = 0;
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const u = rng();
      sum += u; min = Math.min(min, u); max = Math.max(max, u);
      bins[Math.floor(u * 10)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

test('normal(rng) has mean 0 and variance 1', () => {
  const rng = createRng(3);
  let s = 0, s2 = 0;
  const n = 50_000;
  for (let i = 0; i < n; i++) { const z = normal(rng); s += z; s2 += z * z; }
  expect(Math.abs(s / n)).toBeLessThan(0.02);
  expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
});
