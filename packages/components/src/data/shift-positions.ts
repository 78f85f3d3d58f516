import type { ResolvedPoints } from './resolve-point-data.js';

/**
 * The previous positions expressed relative to the next data centre (n×2 float32, a new array), the
 * start of a morph from `prev` to `next`; null when the row counts differ or nothing changed. O(n).
 */
export function shiftPositions(prev: ResolvedPoints, next: ResolvedPoints): Float32Array | null {
  if (prev.n !== next.n || prev.n === 0 || prev.rel === next.rel) return null;
  const dx = prev.centerX - next.centerX, dy = prev.centerY - next.centerY;
  return prev.rel.map((v, i) => v + (i & 1 ? dy : dx));
}
