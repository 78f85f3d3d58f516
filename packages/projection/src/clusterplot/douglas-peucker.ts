import { ringIsSimple } from './ring-geometry.js';

/**
 * Douglas–Peucker simplification of an explicitly closed ring (first vertex repeated at the end) with a validity
 * fallback, standing in for shapely's `simplify(tolerance, preserve_topology=True)` (clusterplot.md §2.9 step 4):
 * plain DP over vertices 0..m−1 (the closing segment is degenerate, so distances are to vertex 0), keeping vertex 0;
 * at least min(4, distinct) vertices are kept (adding the farthest dropped vertex while fewer); and if the result is not
 * a simple ring the tolerance is halved until it is (ultimately the input). Returns a new explicitly closed ring.
 * O(m log m) typical, O(m²) worst case, plus O(r²) per validity check of r kept vertices. Does not mutate `ring`.
 */
export function douglasPeucker(ring: Float64Array, tolerance: number): Float64Array {
  const m = ring.length >> 1;
  if (m <= 4 || tolerance <= 0) return ring.slice();
  for (let tol = tolerance; tol > tolerance * 1e-6; tol /= 2) {
    const keep = dpKeep(ring, m, tol);
    const out = gather(ring, keep);
    if (ringIsSimple(out.subarray(0, out.length - 2))) return out;
  }
  return ring.slice();
}

function dpKeep(ring: Float64Array, m: number, tol: number): Uint8Array {
  const keep = new Uint8Array(m);
  keep[0] = 1;
  keep[m - 1] = 1;
  const farthest = (i: number, j: number): [number, number] => {
    let best = -1;
    let bestD = -1;
    for (let p = i + 1; p < j; p++) {
      const dd = segmentDistance(ring, p, i, j);
      if (dd > bestD) {
        bestD = dd;
        best = p;
      }
    }
    return [best, bestD];
  };
  const stack: number[] = [0, m - 1];
  while (stack.length) {
    const j = stack.pop()!;
    const i = stack.pop()!;
    if (j - i < 2) continue;
    const [p, dd] = farthest(i, j);
    if (dd > tol) {
      keep[p] = 1;
      stack.push(i, p, p, j);
    }
  }
  // At least 4 distinct vertices (3 + the closing repeat is the GEOS minimum; a square keeps all 4).
  const want = Math.min(4, m - 1);
  for (let kept = countKept(keep) - 1; kept < want; kept++) {
    let best = -1;
    let bestD = -1;
    let prev = 0;
    for (let q = 1; q < m; q++) {
      if (!keep[q]) continue;
      const [p, dd] = farthest(prev, q);
      if (p >= 0 && dd > bestD) {
        bestD = dd;
        best = p;
      }
      prev = q;
    }
    if (best < 0) break;
    keep[best] = 1;
  }
  return keep;
}

function countKept(keep: Uint8Array): number {
  let c = 0;
  for (const v of keep) c += v;
  return c;
}

function gather(ring: Float64Array, keep: Uint8Array): Float64Array {
  const out = new Float64Array(2 * countKept(keep));
  let o = 0;
  for (let p = 0; p < keep.length; p++) {
    if (!keep[p]) continue;
    out[o++] = ring[2 * p]!;
    out[o++] = ring[2 * p + 1]!;
  }
  return out;
}

/** Distance from vertex p to segment (i, j); to vertex i when the segment is degenerate. */
function segmentDistance(r: Float64Array, p: number, i: number, j: number): number {
  const ax = r[2 * i]!, ay = r[2 * i + 1]!, bx = r[2 * j]!, by = r[2 * j + 1]!, px = r[2 * p]!, py = r[2 * p + 1]!;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
