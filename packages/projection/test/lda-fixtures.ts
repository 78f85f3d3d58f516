import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import type { Matrix } from '../src/types.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/digits/', import.meta.url));

/** A 1797×2 scikit-learn reference layout of digits (test/fixtures/digits/README.md). */
export function sklearnLayout(name: 'lda' | 'centers_pca'): Float32Array {
  const b = readFileSync(dir + `${name}.f32`);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** max over rows of |s_c·a − b| per axis c, with s_c the sign that best aligns the axis, relative to max|b|. */
export function relativeDiffUpToSign(a: ArrayLike<number>, b: ArrayLike<number>, n: number, k = 2): number {
  let worst = 0;
  for (let c = 0; c < k; c++) {
    let dot = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      dot += a[i * k + c]! * b[i * k + c]!;
      scale = Math.max(scale, Math.abs(b[i * k + c]!));
    }
    const s = dot < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(s * a[i * k + c]! - b[i * k + c]!) / scale);
  }
  return worst;
}

/** K Gaussian blobs in d dimensions (n/K rows each, labels 0..K−1), seeded; blob c is centered at `spread`·(random unit-ish vector). */
export function blobs(n: number, d: number, K: number, seed = 1, spread = 6): { X: Matrix<Float32Array>; labels: Int32Array } {
  const rng = createRng(seed);
  const centers = Float64Array.from({ length: K * d }, () => spread * normal(rng));
  const data = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % K;
    labels[i] = c;
    for (let j = 0; j < d; j++) data[i * d + j] = centers[c * d + j]! + normal(rng) * (1 + j / d);
  }
  return { X: { data, rows: n, cols: d }, labels };
}

/** Pooled within-class variance (n − K denominator) of column c of an n×k layout. */
export function pooledWithinVariance(Y: Float32Array, labels: Int32Array, k: number, c: number): number {
  const sums = new Map<number, { s: number; n: number }>();
  for (let i = 0; i < labels.length; i++) {
    const e = sums.get(labels[i]!) ?? { s: 0, n: 0 };
    e.s += Y[i * k + c]!;
    e.n++;
    sums.set(labels[i]!, e);
  }
  let ss = 0;
  for (let i = 0; i < labels.length; i++) {
    const e = sums.get(labels[i]!)!;
    ss += (Y[i * k + c]! - e.s / e.n) ** 2;
  }
  return ss / (labels.length - sums.size);
}
