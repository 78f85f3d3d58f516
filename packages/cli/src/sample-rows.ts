import { createRng } from '@clamp-viz/projection';

/**
 * A seeded uniform subset of m of the row indices 0..n−1 (m ≥ n: all of them), in increasing order: a partial
 * Fisher–Yates shuffle driven by `createRng(seed)`, then a sort. O(n + m log m) time, O(n) memory.
 */
export function sampleRows(n: number, m: number, seed: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (m >= n) return all;
  const rng = createRng(seed);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, m).sort();
}
