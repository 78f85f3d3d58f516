import { symmetricEigen } from '../linalg/symmetric-eigen.js';
import type { Matrix, Rng } from '../types.js';

/**
 * Meta-positions of c graph components (umap-learn `component_layout`, methods.md §4.3 step 3), c×2 row-major:
 * - c ≤ 4: the corners e₁, e₂, −e₁, −e₂ in that order;
 * - c > 4: a normalised-Laplacian eigenmap of the component centroids (float64 means of X's rows) with affinity
 *   exp(−(δ/median δ)²) — dividing by the median centroid distance is our guard against the reference's underflow
 *   when raw distances are in the tens — as scikit-learn `SpectralEmbedding(affinity='precomputed')` (eigenvectors
 *   2–3 divided by √deg), scaled so max |coordinate| = 1. Falls back to U[−1, 1]² if that eigenmap degenerates.
 * Cost O(n·d + c²·d + c³). Deterministic given `rng`.
 */
export function componentPositions(X: Matrix, labels: Int32Array, c: number, rng: Rng): Float64Array {
  const out = new Float64Array(c * 2);
  if (c <= 4) {
    const corners = [1, 0, 0, 1, -1, 0, 0, -1];
    for (let t = 0; t < 2 * c; t++) out[t] = corners[t]!;
    return out;
  }
  const { rows: n, cols: d, data } = X;
  const centroids = new Float64Array(c * d);
  const counts = new Float64Array(c);
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    counts[l]!++;
    for (let j = 0; j < d; j++) centroids[l * d + j] = centroids[l * d + j]! + data[i * d + j]!;
  }
  for (let l = 0; l < c; l++) for (let j = 0; j < d; j++) centroids[l * d + j] = centroids[l * d + j]! / counts[l]!;
  const dist = new Float64Array(c * c);
  const offDiagonal: number[] = [];
  for (let a = 0; a < c; a++) {
    for (let b = a + 1; b < c; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = centroids[a * d + j]! - centroids[b * d + j]!;
        s += t * t;
      }
      dist[a * c + b] = dist[b * c + a] = Math.sqrt(s);
      offDiagonal.push(Math.sqrt(s));
    }
  }
  offDiagonal.sort((p, q) => p - q);
  const median = offDiagonal[Math.floor(offDiagonal.length / 2)]! || 1;
  const W = new Float64Array(c * c);
  const deg = new Float64Array(c);
  for (let a = 0; a < c; a++) {
    for (let b = 0; b < c; b++) {
      const w = a === b ? 1 : Math.exp(-((dist[a * c + b]! / median) ** 2));
      W[a * c + b] = w;
      deg[a] = deg[a]! + w;
    }
  }
  // Largest eigenvectors of D^-½WD^-½ = smallest of the normalised Laplacian.
  for (let a = 0; a < c; a++) for (let b = 0; b < c; b++) W[a * c + b] = W[a * c + b]! / Math.sqrt(deg[a]! * deg[b]!);
  const eig = symmetricEigen(W, c);
  let max = 0;
  for (let a = 0; a < c; a++) {
    for (let k = 0; k < 2; k++) {
      const v = eig.vectors[(k + 1) * c + a]! / Math.sqrt(deg[a]!);
      out[2 * a + k] = v;
      max = Math.max(max, Math.abs(v));
    }
  }
  if (!(max > 0) || !Number.isFinite(max)) {
    for (let t = 0; t < 2 * c; t++) out[t] = 2 * rng() - 1;
    return out;
  }
  for (let t = 0; t < 2 * c; t++) out[t] = out[t]! / max;
  return out;
}
