import { normal } from '../random/normal.js';
import type { Rng } from '../types.js';

/** Scale of PaCMAP's random and user-given initial layouts (reference: 0.0001). */
const SMALL = 1e-4;

/** PaCMAP's `init='random'`: n×2 float32 draws of N(0, 1e-4²). O(n). */
export function randomPacmapInit(n: number, rng: Rng): Float32Array {
  const y = new Float32Array(2 * n);
  for (let t = 0; t < 2 * n; t++) y[t] = SMALL * normal(rng);
  return y;
}

/**
 * PaCMAP's user-given init: each column of `init` (n×2 row-major) standardised (scikit-learn `StandardScaler`:
 * mean 0, population std 1; a constant column is only centered), then × 1e-4. Returns a new n×2 float32 array;
 * does not mutate `init`. O(n).
 */
export function scaledPacmapInit(init: Float32Array): Float32Array {
  const n = init.length >> 1;
  const y = new Float32Array(2 * n);
  for (let c = 0; c < 2; c++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += init[2 * i + c]!;
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (init[2 * i + c]! - mean) ** 2;
    const sd = Math.sqrt(ss / n);
    const scale = sd > 0 ? SMALL / sd : SMALL;
    for (let i = 0; i < n; i++) y[2 * i + c] = (init[2 * i + c]! - mean) * scale;
  }
  return y;
}
