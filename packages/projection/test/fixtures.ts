import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
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
