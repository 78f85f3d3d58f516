import { describe, expect, test } from 'vitest';
import { exactRepulsion } from '../src/tsne/exact-repulsion.js';
import { FftRepulsion } from '../src/tsne/fft-repulsion.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';

/** n points in a few Gaussian clusters of the given spread (a t-SNE-like layout). */
function layout(n: number, spread: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const centers = Array.from({ length: 8 }, () => [normal(rng) * spread, normal(rng) * spread] as const);
  const y = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const c = centers[i % 8]!;
    y[2 * i] = c[0] + normal(rng) * spread * 0.1;
    y[2 * i + 1] = c[1] + normal(rng) * spread * 0.1;
  }
  return y;
}

function relativeError(a: Float64Array, b: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let t = 0; t < a.length; t++) {
    num += (a[t]! - b[t]!) ** 2;
    den += b[t]! ** 2;
  }
  return Math.sqrt(num / den);
}

describe('t-SNE repulsion', () => {
  test('exactRepulsion on 3 points returns Z and the forces of the closed form', () => {
    const y = Float64Array.from([0, 0, 1, 0, 0, 2]);
    const out = new Float64Array(6);
    const z = exactRepulsion(y, 3, out);
    // pairs: (0,1) d²=1 q=1/2; (0,2) d²=4 q=1/5; (1,2) d²=5 q=1/6
    expect(z).toBeCloseTo(2 * (1 / 2 + 1 / 5 + 1 / 6), 12);
    expect(out[0]).toBeCloseTo((1 / 4) * -1 + (1 / 25) * 0, 12);
    expect(out[1]).toBeCloseTo((1 / 25) * -2, 12);
    expect(out[2]).toBeCloseTo((1 / 4) * 1 + (1 / 36) * 1, 12);
    expect(out[3]).toBeCloseTo((1 / 36) * -2, 12);
  });

  // Boxes up to 1 wide (FIt-SNE's ints_in_interval = 1) give 1e-2–3e-2 relative error on wide layouts (the quadratic
  // interpolation of q̃² at node spacing 1/3); small layouts (boxes ≤ 0.5) are accurate to about 1e-3.
  for (const [spread, tol] of [[0.05, 1e-3], [1, 1e-3], [5, 3e-2], [20, 3e-2]] as const) {
    test(`FftRepulsion.compute agrees with exactRepulsion to ${tol} relative (forces and Z) on 2,000 clustered points of spread ${spread}`, () => {
      const n = 2000;
      const y = layout(n, spread, 11);
      const exact = new Float64Array(2 * n);
      const zExact = exactRepulsion(y, n, exact);
      const approx = new Float64Array(2 * n);
      const zFft = new FftRepulsion().compute(y, n, approx);
      expect(Math.abs(zFft - zExact) / zExact).toBeLessThan(tol);
      expect(relativeError(approx, exact)).toBeLessThan(tol);
    });
  }

  test('FftRepulsion.compute agrees with exactRepulsion to 2e-3 (about 1e-3) on 1,500 uniform random points in a 10×10 square', () => {
    const n = 1500;
    const rng = createRng(5);
    const y = Float64Array.from({ length: 2 * n }, () => rng() * 10);
    const exact = new Float64Array(2 * n);
    const zExact = exactRepulsion(y, n, exact);
    const approx = new Float64Array(2 * n);
    const zFft = new FftRepulsion().compute(y, n, approx);
    expect(Math.abs(zFft - zExact) / zExact).toBeLessThan(2e-3);
    expect(relativeError(approx, exact)).toBeLessThan(2e-3);
  });

  test('FftRepulsion.compute on identical points gives zero forces and Z = n(n − 1)', () => {
    const n = 50;
    const y = new Float64Array(2 * n).fill(3);
    const out = new Float64Array(2 * n);
    const z = new FftRepulsion().compute(y, n, out);
    expect(Math.abs(z - n * (n - 1)) / (n * n)).toBeLessThan(1e-6);
    for (const v of out) expect(Math.abs(v)).toBeLessThan(1e-6);
  });
});
