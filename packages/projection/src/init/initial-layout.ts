import { normal } from '../random/normal.js';
import type { Rng } from '../types.js';

/**
 * umap-learn `noisy_scale_coords` (methods.md §4.2 step 8): scales an n×2 float64 layout so max|coordinate| = 10
 * and adds N(0, 1e-4²) noise per coordinate; returns float32. O(n). Does not mutate `coords`.
 */
export function noisyScale(coords: Float64Array, rng: Rng, maxCoord = 10, noise = 1e-4): Float32Array {
  let max = 0;
  for (let t = 0; t < coords.length; t++) max = Math.max(max, Math.abs(coords[t]!));
  const scale = max > 0 ? maxCoord / max : 0;
  const out = new Float32Array(coords.length);
  for (let t = 0; t < coords.length; t++) out[t] = coords[t]! * scale + normal(rng) * noise;
  return out;
}

/** umap-learn's `'random'` init: U[−10, 10] per coordinate, n×dims float32. O(n). */
export function randomLayout(n: number, rng: Rng, dims = 2): Float32Array {
  const out = new Float32Array(n * dims);
  for (let t = 0; t < out.length; t++) out[t] = 20 * rng() - 10;
  return out;
}

/**
 * Min–max rescales each column of an n×dims layout to [0, 10], in place (umap-learn `simplicial_set_embedding`,
 * every init path; methods.md §4.2 step 8). A constant column becomes 5. O(n). Mutates and returns `layout`.
 */
export function rescaleToBox(layout: Float32Array, dims = 2): Float32Array {
  const n = layout.length / dims;
  for (let k = 0; k < dims; k++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = layout[i * dims + k]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = hi - lo;
    for (let i = 0; i < n; i++) layout[i * dims + k] = range > 0 ? (10 * (layout[i * dims + k]! - lo)) / range : 5;
  }
  return layout;
}
