/**
 * Topology-preserving Douglas–Peucker simplification of one explicitly closed ring (first vertex repeated at the end),
 * following shapely's `simplify(tolerance, preserve_topology=True)` = GEOS 3.11 `TopologyPreservingSimplifier`
 * (its `TaggedLineStringSimplifier`, clusterplot.md §2.9 step 4) for a lone ring:
 * - the section (i, j) is split recursively at its farthest vertex (distance to the clamped segment; ties to the first),
 *   left part first, starting from (0, m − 1) so vertex 0 is always kept (the closing segment is degenerate, so the
 *   first split is the vertex farthest from vertex 0);
 * - a section is flattened to the segment (i, j) only if every vertex is within `tolerance`, the result would keep
 *   ≥ 4 coordinates (GEOS's ring minimum, judged by recursion depth while the result is still short), and the
 *   candidate segment has no interior intersection with an already-output segment or with a still-unsimplified input
 *   segment outside the section (touching only at shared end points is allowed).
 * The interior-intersection rule is what keeps thin spikes 2 vertices wide (parity test: clusterplot-parity.test.ts).
 * Returns a new explicitly closed ring. O(m²) worst case for m vertices (each candidate is checked against all live
 * segments). Does not mutate `ring`.
 */
export function douglasPeucker(ring: Float64Array, tolerance: number): Float64Array {
  const n = ring.length >> 1;
  if (n <= 4 || tolerance <= 0) return ring.slice();
  const nSeg = n - 1;
  // Input segment s = (s, s+1): live until its section is flattened.
  const inputLive = new Uint8Array(nSeg).fill(1);
  const outFrom: number[] = [];
  const outTo: number[] = [];
  const MIN_SIZE = 4;
  const resultSize = (): number => (outFrom.length === 0 ? 0 : outFrom.length + 1);

  const badIntersection = (i: number, j: number): boolean => {
    for (let t = 0; t < outFrom.length; t++) if (interiorIntersection(ring, outFrom[t]!, outTo[t]!, i, j)) return true;
    for (let s = 0; s < nSeg; s++) {
      if (!inputLive[s] || (s >= i && s < j)) continue;
      if (interiorIntersection(ring, s, s + 1, i, j)) return true;
    }
    return false;
  };

  const simplifySection = (i: number, j: number, depth: number): void => {
    depth++;
    if (i + 1 === j) {
      outFrom.push(i);
      outTo.push(j);
      return;
    }
    let valid = true;
    if (resultSize() < MIN_SIZE && depth + 1 < MIN_SIZE) valid = false;
    let far = i + 1;
    let farD = -1;
    for (let p = i + 1; p < j; p++) {
      const d = segmentDistance(ring, p, i, j);
      if (d > farD) {
        farD = d;
        far = p;
      }
    }
    if (farD > tolerance) valid = false;
    if (valid && badIntersection(i, j)) valid = false;
    if (valid) {
      for (let s = i; s < j; s++) inputLive[s] = 0;
      outFrom.push(i);
      outTo.push(j);
      return;
    }
    simplifySection(i, far, depth);
    simplifySection(far, j, depth);
  };
  simplifySection(0, n - 1, 0);

  const out = new Float64Array(2 * (outFrom.length + 1));
  out[0] = ring[0]!;
  out[1] = ring[1]!;
  for (let t = 0; t < outTo.length; t++) {
    out[2 * t + 2] = ring[2 * outTo[t]!]!;
    out[2 * t + 3] = ring[2 * outTo[t]! + 1]!;
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

function orient(r: Float64Array, a: number, b: number, c: number): number {
  const v = (r[2 * b]! - r[2 * a]!) * (r[2 * c + 1]! - r[2 * a + 1]!) - (r[2 * b + 1]! - r[2 * a + 1]!) * (r[2 * c]! - r[2 * a]!);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function same(r: Float64Array, a: number, b: number): boolean {
  return r[2 * a] === r[2 * b] && r[2 * a + 1] === r[2 * b + 1];
}

function within(r: Float64Array, a: number, b: number, p: number): boolean {
  const x = r[2 * p]!, y = r[2 * p + 1]!;
  return Math.min(r[2 * a]!, r[2 * b]!) <= x && x <= Math.max(r[2 * a]!, r[2 * b]!) && Math.min(r[2 * a + 1]!, r[2 * b + 1]!) <= y && y <= Math.max(r[2 * a + 1]!, r[2 * b + 1]!);
}

/**
 * GEOS `LineIntersector::isInteriorIntersection` for segments (a, b) and (c, d) given as vertex indices of `r`: true when
 * they meet at a point that is not an end point of both (a proper crossing, or an end point of one inside the other).
 */
function interiorIntersection(r: Float64Array, a: number, b: number, c: number, d: number): boolean {
  const o1 = orient(r, a, b, c), o2 = orient(r, a, b, d), o3 = orient(r, c, d, a), o4 = orient(r, c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  const isEnd1 = (p: number): boolean => same(r, p, a) || same(r, p, b);
  const isEnd2 = (p: number): boolean => same(r, p, c) || same(r, p, d);
  // Touching points: an end point of one segment lying on the other.
  for (const [p, onFirst] of [[c, o1], [d, o2]] as const) if (onFirst === 0 && within(r, a, b, p) && !(isEnd1(p) && isEnd2(p))) return true;
  for (const [p, onSecond] of [[a, o3], [b, o4]] as const) if (onSecond === 0 && within(r, c, d, p) && !(isEnd1(p) && isEnd2(p))) return true;
  return false;
}
