import { describe, expect, test } from 'vitest';
import { Fft2d, isFft2dSize, nextFft2dSize } from '../src/fft/fft-2d.js';
import { ProjectionInputError } from '../src/errors.js';
import { createRng } from '../src/random/create-rng.js';

function randomVector(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng() * 2 - 1);
}

/** The O(N⁴) 2-D DFT of an N×N grid with row stride S, sign −1 (forward) or +1. */
function naiveDft2d(re: Float64Array, im: Float64Array, N: number, S: number, sign: number): [Float64Array, Float64Array] {
  const outRe = new Float64Array(N * S);
  const outIm = new Float64Array(N * S);
  for (let u = 0; u < N; u++) {
    for (let v = 0; v < N; v++) {
      let sr = 0;
      let si = 0;
      for (let r = 0; r < N; r++) {
        for (let c = 0; c < N; c++) {
          const a = (sign * 2 * Math.PI * (u * r + v * c)) / N;
          const xr = re[r * S + c]!;
          const xi = im[r * S + c]!;
          sr += xr * Math.cos(a) - xi * Math.sin(a);
          si += xr * Math.sin(a) + xi * Math.cos(a);
        }
      }
      outRe[u * S + v] = sr;
      outIm[u * S + v] = si;
    }
  }
  return [outRe, outIm];
}

function maxAbsDiff(a: Float64Array, b: Float64Array, N: number, S: number): number {
  let m = 0;
  for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) m = Math.max(m, Math.abs(a[r * S + c]! - b[r * S + c]!));
  return m;
}

describe('Fft2d', () => {
  for (const [N, S] of [[2, 2], [3, 5], [4, 4], [5, 5], [8, 11], [10, 13], [12, 12], [16, 16], [20, 20], [24, 30], [32, 32], [40, 40]] as const) {
    test(`new Fft2d(${N}, ${S}).forward matches the O(N⁴) 2-D DFT and inverse returns N²·x, to 1e-9`, () => {
      const re = randomVector(N * S, N);
      const im = randomVector(N * S, N + 100);
      const [er, ei] = naiveDft2d(re, im, N, S, -1);
      const fft = new Fft2d(N, S);
      const r2 = re.slice();
      const i2 = im.slice();
      fft.forward(r2, i2);
      expect(maxAbsDiff(r2, er, N, S)).toBeLessThan(1e-9);
      expect(maxAbsDiff(i2, ei, N, S)).toBeLessThan(1e-9);
      fft.inverse(r2, i2);
      for (let t = 0; t < r2.length; t++) {
        r2[t]! /= N * N;
        i2[t]! /= N * N;
      }
      expect(maxAbsDiff(r2, re, N, S)).toBeLessThan(1e-12);
      expect(maxAbsDiff(i2, im, N, S)).toBeLessThan(1e-12);
    });
  }

  for (const [N, m] of [[16, 6], [32, 10], [32, 20], [12, 5], [24, 9], [48, 20], [2, 1], [3, 2], [40, 19], [40, 25], [80, 30]] as const) {
  test(`new Fft2d(${N}): forward(x, ${m}) × kernel spectrum, then inverse(·, ${m}), equals the direct circular convolution on [0, ${m})²`, () => {
    const rng = createRng(3);
    const signal = new Float64Array(N * N);
    for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) signal[r * N + c] = rng();
    const kernel = new Float64Array(N * N);
    for (let t = 0; t < N * N; t++) kernel[t] = rng();
    const direct = new Float64Array(N * N);
    for (let r = 0; r < N; r++) {
      for (let c = 0; c < N; c++) {
        let s = 0;
        for (let r2 = 0; r2 < m; r2++) for (let c2 = 0; c2 < m; c2++) s += kernel[((r - r2 + N) % N) * N + ((c - c2 + N) % N)]! * signal[r2 * N + c2]!;
        direct[r * N + c] = s;
      }
    }
    const fft = new Fft2d(N);
    const sRe = signal.slice();
    const sIm = new Float64Array(N * N);
    const kRe = kernel.slice();
    const kIm = new Float64Array(N * N);
    fft.forward(sRe, sIm, m);
    fft.forward(kRe, kIm);
    for (let t = 0; t < N * N; t++) {
      const re = sRe[t]! * kRe[t]! - sIm[t]! * kIm[t]!;
      const im = sRe[t]! * kIm[t]! + sIm[t]! * kRe[t]!;
      sRe[t] = re / (N * N);
      sIm[t] = im / (N * N);
    }
    fft.inverse(sRe, sIm, m);
    let err = 0;
    for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) err = Math.max(err, Math.abs(sRe[r * N + c]! - direct[r * N + c]!), Math.abs(sIm[r * N + c]!));
    expect(err).toBeLessThan(1e-10);
  });
  }

  for (const [N, S, m] of [[16, 16, 6], [24, 30, 12], [40, 44, 19], [64, 72, 32]] as const) {
    test(`new Fft2d(${N}, ${S}).convolve(x, K, ${m}, ${m}) with an even kernel's real spectrum equals the direct circular convolution on [0, ${m})²`, () => {
      const rng = createRng(N + m);
      const signalRe = new Float64Array(N * S);
      const signalIm = new Float64Array(N * S);
      for (let r = 0; r < m; r++) {
        for (let c = 0; c < m; c++) {
          signalRe[r * S + c] = rng() * 2 - 1;
          signalIm[r * S + c] = rng() * 2 - 1;
        }
      }
      const kernelAt = (r: number, c: number): number => {
        const dr = Math.min(r, N - r);
        const dc = Math.min(c, N - c);
        return 1 / (1 + 0.3 * (dr * dr + dc * dc)) ** 2;
      };
      const fft = new Fft2d(N, S);
      const kRe = new Float64Array(N * S);
      const kIm = new Float64Array(N * S);
      for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) kRe[r * S + c] = kernelAt(r, c);
      fft.forward(kRe, kIm);
      for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) kRe[r * S + c]! /= N * N;
      const re = signalRe.slice();
      const im = signalIm.slice();
      // Garbage outside [0, m)² must not be read.
      for (let r = 0; r < N; r++) for (let c = 0; c < S; c++) if (r >= m || c >= m) re[r * S + c] = im[r * S + c] = 1e6;
      fft.convolve(re, im, kRe, m, m);
      let err = 0;
      for (let r = 0; r < m; r++) {
        for (let c = 0; c < m; c++) {
          let sr = 0;
          let si = 0;
          for (let r2 = 0; r2 < m; r2++) {
            for (let c2 = 0; c2 < m; c2++) {
              const k = kernelAt((r - r2 + N) % N, (c - c2 + N) % N);
              sr += k * signalRe[r2 * S + c2]!;
              si += k * signalIm[r2 * S + c2]!;
            }
          }
          err = Math.max(err, Math.abs(re[r * S + c]! - sr), Math.abs(im[r * S + c]! - si));
        }
      }
      expect(err).toBeLessThan(1e-10);
    });
  }

  test('new Fft2d rejects sizes other than 2^a, 3·2^a or 5·2^a, and a row stride below the size, with ProjectionInputError', () => {
    expect(() => new Fft2d(14)).toThrow(ProjectionInputError);
    expect(() => new Fft2d(15)).toThrow(ProjectionInputError);
    expect(() => new Fft2d(1)).toThrow(/2\^a, 3·2\^a or 5·2\^a/);
    expect(() => new Fft2d(8, 7)).toThrow(/rowStride/);
  });

  test('nextFft2dSize picks the smallest 2^a, 3·2^a or 5·2^a at or above the request; isFft2dSize agrees', () => {
    expect([299, 300, 385, 600, 1000, 2, 5, 7].map(nextFft2dSize)).toEqual([320, 320, 512, 640, 1024, 2, 5, 8]);
    expect([2, 3, 5, 6, 10, 320, 384, 640, 768].every(isFft2dSize)).toBe(true);
    expect([1, 7, 14, 15, 960, 1000].some(isFft2dSize)).toBe(false);
  });
});
