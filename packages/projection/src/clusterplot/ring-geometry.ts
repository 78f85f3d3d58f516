/**
 * Small geometry of closed rings stored as interleaved x,y arrays. "Explicitly closed" rings repeat the first vertex
 * at the end (m coordinates, m − 1 distinct); "implicit" rings do not. Functions say which they take.
 */

/** Shoelace signed area of an implicit or explicitly closed ring (positive when counter-clockwise, y up). O(m). */
export function signedArea(ring: ArrayLike<number>): number {
  const m = ring.length >> 1;
  let s = 0;
  for (let i = 0, j = m - 1; i < m; j = i++) s += ring[2 * j]! * ring[2 * i + 1]! - ring[2 * i]! * ring[2 * j + 1]!;
  return s / 2;
}

/** True when (x, y) is strictly inside an implicit or closed ring (even–odd rule). O(m). */
export function pointInRing(ring: ArrayLike<number>, x: number, y: number): boolean {
  const m = ring.length >> 1;
  let inside = false;
  for (let i = 0, j = m - 1; i < m; j = i++) {
    const xi = ring[2 * i]!, yi = ring[2 * i + 1]!, xj = ring[2 * j]!, yj = ring[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** True when closed segments ab and cd share a point. */
export function segmentsIntersect(a: number[], b: number[], c: number[], d: number[]): boolean {
  const o1 = orient(a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!);
  const o2 = orient(a[0]!, a[1]!, b[0]!, b[1]!, d[0]!, d[1]!);
  const o3 = orient(c[0]!, c[1]!, d[0]!, d[1]!, a[0]!, a[1]!);
  const o4 = orient(c[0]!, c[1]!, d[0]!, d[1]!, b[0]!, b[1]!);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!)) return true;
  if (o2 === 0 && onSegment(a[0]!, a[1]!, b[0]!, b[1]!, d[0]!, d[1]!)) return true;
  if (o3 === 0 && onSegment(c[0]!, c[1]!, d[0]!, d[1]!, a[0]!, a[1]!)) return true;
  if (o4 === 0 && onSegment(c[0]!, c[1]!, d[0]!, d[1]!, b[0]!, b[1]!)) return true;
  return false;
}

/**
 * True when an implicit ring (m distinct vertices) is simple: no two non-adjacent edges touch, adjacent edges share
 * only their common vertex, and no vertex repeats. O(m²); meant for simplified rings.
 */
export function ringIsSimple(ring: ArrayLike<number>): boolean {
  const m = ring.length >> 1;
  if (m < 3) return false;
  const p = (i: number): number[] => [ring[2 * (i % m)]!, ring[2 * (i % m) + 1]!];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      if (ring[2 * i] === ring[2 * j] && ring[2 * i + 1] === ring[2 * j + 1]) return false;
      const adjacent = j === i + 1 || (i === 0 && j === m - 1);
      if (adjacent) continue;
      if (segmentsIntersect(p(i), p(i + 1), p(j), p(j + 1))) return false;
    }
  }
  // Adjacent edges folding back onto each other (a spike) also touch along a segment.
  for (let i = 0; i < m; i++) {
    const a = p(i), b = p(i + 1), c = p(i + 2);
    if (orient(a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!) === 0 && (b[0]! - a[0]!) * (c[0]! - b[0]!) + (b[1]! - a[1]!) * (c[1]! - b[1]!) < 0) return false;
  }
  return true;
}
