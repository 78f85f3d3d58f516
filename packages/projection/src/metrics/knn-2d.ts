import type { Knn } from '../types.js';
import { TopK } from './top-k.js';

/**
 * Exact k nearest neighbours in a 2-D layout Y (n×2 row-major), self excluded, ties to the smaller index,
 * using a uniform grid of about 2 points per cell searched in growing rings. About O(n·k) for spread-out
 * layouts (worse when many points share one spot); memory O(n). Does not mutate Y. `k` must be in [1, n − 1].
 */
export function knn2d(Y: Float32Array | Float64Array, n: number, k: number): Knn {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = Y[2 * i]!, y = Y[2 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const g = Math.max(1, Math.ceil(Math.sqrt(n / 2)));
  const cw = (maxX - minX) / g || 1;
  const ch = (maxY - minY) / g || 1;
  const cellOf = (v: number, lo: number, size: number) => Math.min(g - 1, Math.floor((v - lo) / size));
  const start = new Int32Array(g * g + 1); // counting sort of points into cells
  const cell = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    cell[i] = cellOf(Y[2 * i + 1]!, minY, ch) * g + cellOf(Y[2 * i]!, minX, cw);
    start[cell[i]! + 1]!++;
  }
  for (let c = 0; c < g * g; c++) start[c + 1]! += start[c]!;
  const members = new Int32Array(n);
  const fill = start.slice(0, g * g);
  for (let i = 0; i < n; i++) members[fill[cell[i]!]!++] = i;
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  const top = new TopK(k);
  const minCell = Math.min(cw, ch);
  for (let i = 0; i < n; i++) {
    const x = Y[2 * i]!, y = Y[2 * i + 1]!;
    const cx = cell[i]! % g, cy = Math.floor(cell[i]! / g);
    top.reset();
    for (let r = 0; r < g; r++) {
      const bound = (r - 1) * minCell;
      if (r > 0 && bound > 0 && top.worst() <= bound * bound) break;
      for (let gy = cy - r; gy <= cy + r; gy++) {
        if (gy < 0 || gy >= g) continue;
        const edge = gy === cy - r || gy === cy + r;
        for (let gx = cx - r; gx <= cx + r; gx += edge ? 1 : 2 * r) {
          if (gx < 0 || gx >= g) continue;
          const c = gy * g + gx;
          for (let p = start[c]!; p < start[c + 1]!; p++) {
            const j = members[p]!;
            if (j === i) continue;
            const dx = Y[2 * j]! - x, dy = Y[2 * j + 1]! - y;
            top.push(dx * dx + dy * dy, j);
          }
          if (r === 0) break;
        }
      }
    }
    for (let t = 0; t < k; t++) {
      indices[i * k + t] = top.index[t]!;
      distances[i * k + t] = Math.sqrt(top.dist[t]!);
    }
  }
  return { indices, distances, k };
}
