import earcut from 'earcut';
import { clusterRank } from '../legend/cluster-summary.js';
import type { ClusterOutline } from '../outline/cluster-outline.js';

/** Filled outline rings ready for the GPU (see outline-fill-command.ts): a triangle list, 3 vertices per triangle. */
export interface OutlineFill {
  /** Vertex positions relative to the data centre (float32), 2 per vertex. */
  readonly xy: Float32Array;
  /** Vertex colours, RGBA bytes (the cluster's point colour, opaque; the draw applies the fill opacity). */
  readonly rgba: Uint8Array;
  /** Per vertex: the cluster's rank (index in the sorted cluster ids), −1 for an id not in the data. */
  readonly rank: Float32Array;
  /** Number of vertices (3 × triangles). */
  readonly count: number;
}

export const NO_FILL: OutlineFill = { xy: new Float32Array(0), rgba: new Uint8Array(0), rank: new Float32Array(0), count: 0 };

const GREY = [128, 128, 128] as const;

/**
 * Triangles of each ring (earcut vertex indices), computed once per ring array: rings are kept by identity, so
 * re-centring, recolouring or hiding clusters reuses them. Replace a ring array rather than editing it in place.
 */
const triangulated = new WeakMap<Float32Array | Float64Array, Uint32Array>();

/**
 * earcut's triangulation of one closed ring (interleaved x, y; last vertex joins the first), cached by identity.
 * O(m log m) for m vertices the first time, O(1) after. Self-intersecting rings are triangulated as well as earcut
 * can (it never throws); rings with fewer than 3 vertices give no triangles.
 */
export function ringTriangles(ring: Float32Array | Float64Array): Uint32Array {
  let tri = triangulated.get(ring);
  if (!tri) {
    tri = ring.length >= 6 ? Uint32Array.from(earcut(ring)) : new Uint32Array(0);
    triangulated.set(ring, tri);
  }
  return tri;
}

/**
 * The filled interiors of `outlines` (already validated, see outlineSegments) as GPU triangles relative to
 * (centerX, centerY), each in its cluster's point colour (that of the cluster's first point, `first[rank]`; grey
 * for an id not in the data), so points and blob share one colour per class (clusterplot.md §9). Clusters whose
 * rank is in `hidden` (legend filter) are left out. O(total vertices) plus a one-time earcut per new ring.
 * Inputs are not mutated.
 */
export function outlineFill(
  outlines: readonly ClusterOutline[],
  centerX: number,
  centerY: number,
  ids: Int32Array,
  first: Uint32Array,
  pointRgba: Uint8Array,
  hidden: ReadonlySet<number>,
): OutlineFill {
  const parts: { ring: Float32Array | Float64Array; tri: Uint32Array; rank: number; rgb: readonly number[] }[] = [];
  let count = 0;
  for (const o of outlines) {
    const k = clusterRank(ids, o.clusterId);
    if (k >= 0 && hidden.has(k)) continue;
    const p = k >= 0 ? first[k]! : -1;
    const rgb = p >= 0 ? [pointRgba[4 * p]!, pointRgba[4 * p + 1]!, pointRgba[4 * p + 2]!] : GREY;
    for (const ring of o.rings) {
      const tri = ringTriangles(ring);
      if (tri.length === 0) continue;
      parts.push({ ring, tri, rank: k, rgb });
      count += tri.length;
    }
  }
  if (count === 0) return NO_FILL;
  const xy = new Float32Array(2 * count);
  const rgba = new Uint8Array(4 * count);
  const rank = new Float32Array(count);
  let v = 0;
  for (const { ring, tri, rank: k, rgb } of parts) {
    for (let t = 0; t < tri.length; t++, v++) {
      const q = tri[t]!;
      xy[2 * v] = ring[2 * q]! - centerX;
      xy[2 * v + 1] = ring[2 * q + 1]! - centerY;
      rgba[4 * v] = rgb[0]!;
      rgba[4 * v + 1] = rgb[1]!;
      rgba[4 * v + 2] = rgb[2]!;
      rgba[4 * v + 3] = 255;
      rank[v] = k;
    }
  }
  return { xy, rgba, rank, count };
}
