import Delaunator from 'delaunator';
import { signedArea } from './ring-geometry.js';

/**
 * Outer rings of the alpha shape of 2-D points (clusterplot.md §2.9 step 3, the `alphashape` package): Delaunay
 * triangulation (delaunator), keep the triangles whose circumradius is < 1/alpha, union them, and return the exterior
 * ring of every connected piece (holes dropped), counter-clockwise (y up), explicitly closed (first vertex repeated).
 * alpha = 0 or fewer than 4 points gives the convex hull. The union is traced from boundary half-edges (used by exactly
 * one kept triangle); where pieces touch at one vertex the tracing keeps to the sector it came from, so each ring is
 * simple. Points: m×2 interleaved (duplicates are ignored). O(m log m). Does not mutate `points`.
 */
export function alphaShapeRings(points: Float64Array, alpha: number): Float64Array[] {
  const m = points.length >> 1;
  if (m < 3) return [];
  const del = new Delaunator(points);
  const tri = del.triangles;
  const nt = tri.length / 3;
  if (nt === 0) return [];
  if (alpha <= 0 || m < 4) return [hullRing(points, del.hull)];
  const limit = 1 / alpha;
  const keep = new Uint8Array(nt);
  let sign = 0;
  for (let t = 0; t < nt; t++) {
    const a = tri[3 * t]!, b = tri[3 * t + 1]!, c = tri[3 * t + 2]!;
    const ax = points[2 * a]!, ay = points[2 * a + 1]!, bx = points[2 * b]!, by = points[2 * b + 1]!, cx = points[2 * c]!, cy = points[2 * c + 1]!;
    const area2 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    if (area2 === 0) continue;
    if (sign === 0) sign = area2 > 0 ? 1 : -1;
    const r = (Math.hypot(bx - ax, by - ay) * Math.hypot(cx - bx, cy - by) * Math.hypot(ax - cx, ay - cy)) / (2 * Math.abs(area2));
    if (r < limit) keep[t] = 1;
  }
  // Boundary half-edges, directed with the kept interior on their left (y up).
  const from: number[] = [];
  const to: number[] = [];
  for (let e = 0; e < tri.length; e++) {
    if (!keep[Math.floor(e / 3)]) continue;
    const opp = del.halfedges[e]!;
    if (opp >= 0 && keep[Math.floor(opp / 3)]) continue;
    const u = tri[e]!, v = tri[e % 3 === 2 ? e - 2 : e + 1]!;
    if (sign > 0) {
      from.push(u);
      to.push(v);
    } else {
      from.push(v);
      to.push(u);
    }
  }
  return traceRings(points, from, to).filter((r) => signedArea(r) > 0);
}

function hullRing(points: Float64Array, hull: Uint32Array): Float64Array {
  const h = hull.length;
  const ring = new Float64Array(2 * (h + 1));
  for (let i = 0; i <= h; i++) {
    const p = hull[i % h]!;
    ring[2 * i] = points[2 * p]!;
    ring[2 * i + 1] = points[2 * p + 1]!;
  }
  return signedArea(ring) < 0 ? reverseRing(ring) : ring;
}

function reverseRing(ring: Float64Array): Float64Array {
  const m = ring.length >> 1;
  const out = new Float64Array(ring.length);
  for (let i = 0; i < m; i++) {
    out[2 * i] = ring[2 * (m - 1 - i)]!;
    out[2 * i + 1] = ring[2 * (m - 1 - i) + 1]!;
  }
  return out;
}

/** Chains directed boundary edges into closed rings; at a vertex with several unused exits, takes the exit with the
 * smallest clockwise turn from the way back, which stays inside the sector the walk came through. */
function traceRings(points: Float64Array, from: number[], to: number[]): Float64Array[] {
  const E = from.length;
  const out = new Map<number, number[]>();
  for (let e = 0; e < E; e++) {
    const list = out.get(from[e]!);
    if (list) list.push(e);
    else out.set(from[e]!, [e]);
  }
  const used = new Uint8Array(E);
  const rings: Float64Array[] = [];
  for (let e0 = 0; e0 < E; e0++) {
    if (used[e0]) continue;
    const start = from[e0]!;
    const verts: number[] = [start];
    let e = e0;
    for (let guard = 0; guard <= E; guard++) {
      used[e] = 1;
      const u = from[e]!, v = to[e]!;
      if (v === start) break;
      verts.push(v);
      const exits = (out.get(v) ?? []).filter((x) => !used[x]);
      if (exits.length === 0) break;
      let best = exits[0]!;
      if (exits.length > 1) {
        const back = Math.atan2(points[2 * u + 1]! - points[2 * v + 1]!, points[2 * u]! - points[2 * v]!);
        let bestTurn = Infinity;
        for (const x of exits) {
          const w = to[x]!;
          const dir = Math.atan2(points[2 * w + 1]! - points[2 * v + 1]!, points[2 * w]! - points[2 * v]!);
          let turn = back - dir;
          while (turn <= 0) turn += 2 * Math.PI;
          while (turn > 2 * Math.PI) turn -= 2 * Math.PI;
          if (turn < bestTurn) {
            bestTurn = turn;
            best = x;
          }
        }
      }
      e = best;
    }
    if (verts.length < 3) continue;
    const ring = new Float64Array(2 * (verts.length + 1));
    for (let i = 0; i <= verts.length; i++) {
      const p = verts[i % verts.length]!;
      ring[2 * i] = points[2 * p]!;
      ring[2 * i + 1] = points[2 * p + 1]!;
    }
    rings.push(ring);
  }
  return rings;
}
