import { ClusterScatterInputError } from '../errors.js';
import { clusterRank } from '../legend/cluster-summary.js';
import type { ClusterOutline } from './cluster-outline.js';

/** Line segments ready for the GPU: 2 vertices per segment. */
export interface OutlineSegments {
  /** Vertex positions relative to the data centre (float32), 2 per vertex. */
  readonly xy: Float32Array;
  /** Vertex colours, RGBA bytes. */
  readonly rgba: Uint8Array;
}

const GREY = [128, 128, 128] as const;

/** The outline shade of a colour channel: 60 % of it, so a line stays visible over its own cluster's points. */
export const outlineShade = (channel: number): number => Math.round(channel * 0.6);

/**
 * The rings of `outlines` as closed line loops, relative to (centerX, centerY), each vertex in a darker
 * shade ({@link outlineShade}) of the cluster's colour (that of its first point; grey for an id not in
 * the data), so the line reads over the cluster's own points.
 * O(total vertices). Inputs are not mutated.
 * @throws ClusterScatterInputError naming `outlines[i]` / `outlines[i].rings[j]` when a ring is not an even-length
 *   numeric array of finite values with at least 2 vertices.
 */
export function outlineSegments(
  outlines: readonly ClusterOutline[],
  centerX: number,
  centerY: number,
  ids: Int32Array,
  first: Uint32Array,
  pointRgba: Uint8Array,
): OutlineSegments {
  let total = 0;
  outlines.forEach((o, i) => {
    if (!o || !Array.isArray(o.rings) || !Number.isInteger(o.clusterId)) throw new ClusterScatterInputError(`outlines[${i}]`, o, 'must be {clusterId: integer, rings: Float32Array[]}');
    o.rings.forEach((r, j) => {
      if (!(r instanceof Float32Array || r instanceof Float64Array) || r.length % 2 !== 0 || r.length < 4 || !r.every(Number.isFinite)) {
        throw new ClusterScatterInputError(`outlines[${i}].rings[${j}]`, r, 'must be a Float32Array or Float64Array of at least 2 finite interleaved (x, y) pairs');
      }
      total += r.length / 2;
    });
  });
  const xy = new Float32Array(4 * total);
  const rgba = new Uint8Array(8 * total);
  let v = 0;
  for (const o of outlines) {
    const k = clusterRank(ids, o.clusterId);
    const p = k >= 0 ? first[k]! : -1;
    const rgb = (p >= 0 ? [pointRgba[4 * p]!, pointRgba[4 * p + 1]!, pointRgba[4 * p + 2]!] : GREY).map(outlineShade);
    for (const r of o.rings) {
      const m = r.length / 2;
      for (let s = 0; s < m; s++) {
        const t = (s + 1) % m;
        for (const q of [s, t]) {
          xy[2 * v] = r[2 * q]! - centerX;
          xy[2 * v + 1] = r[2 * q + 1]! - centerY;
          rgba.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], 4 * v);
          v++;
        }
      }
    }
  }
  return { xy, rgba };
}
