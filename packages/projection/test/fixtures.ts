import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import { ProjectionInputError } from '../src/errors.js';
import type { Matrix } from '../src/types.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/digits/', import.meta.url));

function f32(name: string): Float32Array {
  const b = readFileSync(dir + name);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** digits: 1797×64 float32 (test/fixtures/digits/README.md). */
export function digits(): Matrix<Float32Array> {
  return { data: f32('digits.f32'), rows: 1797, cols: 64 };
}
export function digitsLabels(): Int32Array {
  return Int32Array.from(readFileSync(dir + 'labels.txt', 'utf8').trim().split('\n').map(Number));
}
/** A reference 1797×2 layout of digits (pca.f32, umap.f32). */
export function reference(name: 'pca' | 'umap'): Float32Array {
  return f32(`${name}.f32`);
}

/** n×d seeded Gaussian data with decreasing column scales (a well-separated spectrum). */
export function gaussian(n: number, d: number, seed = 1): Matrix<Float32Array> {
  const rng = createRng(seed);
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) data[i * d + j] = normal(rng) * (d - j) + j;
  return { data, rows: n, cols: d };
}

/** k seeded Gaussian blobs in d dimensions, m points each (rows grouped by blob), centres N(0, 10²) per coordinate; labels = blob index. */
export function blobs(k: number, m: number, d: number, seed = 7): { X: Matrix<Float32Array>; labels: Int32Array } {
  const rng = createRng(seed);
  const centers = Array.from({ length: k }, () => Array.from({ length: d }, () => normal(rng) * 10));
  const data = new Float32Array(k * m * d);
  const labels = new Int32Array(k * m);
  for (let r = 0; r < k * m; r++) {
    labels[r] = Math.floor(r / m);
    for (let j = 0; j < d; j++) data[r * d + j] = centers[labels[r]!]![j]! + normal(rng);
  }
  return { X: { data, rows: k * m, cols: d }, labels };
}

/** How many entries of `y` are not finite. */
export function nonFinite(y: Float32Array): number {
  let bad = 0;
  for (const v of y) if (!Number.isFinite(v)) bad++;
  return bad;
}

/** The ProjectionInputError `run` throws (fails the test when it throws nothing or something else). */
export function inputError(run: () => unknown): ProjectionInputError {
  try {
    run();
  } catch (e) {
    if (!(e instanceof ProjectionInputError)) throw new Error(`expected a ProjectionInputError, got ${String(e)}`);
    return e;
  }
  throw new Error('expected a ProjectionInputError');
}
