import { alphaShapeRings } from './alpha-shape.js';
import { chaikin } from './chaikin.js';
import { douglasPeucker } from './douglas-peucker.js';
import { localOutlierFactor } from './local-outlier-factor.js';
import { signedArea } from './ring-geometry.js';

/**
 * The blob outline of one cluster: closed rings in layout coordinates, each interleaved `[x0, y0, x1, y1, …]` with
 * the last vertex joining the first (not repeated): the shape of `ClusterOutline` in @clamp-viz/components.
 */
export interface ClusterplotPolygon {
  /** The caller's cluster id. */
  readonly clusterId: number;
  readonly rings: Float32Array[];
}

/** Blob parameters (clusterplot.md §2.9). */
export interface BlobSettings {
  readonly alpha: number;
  readonly removeOutliersK: number;
  readonly douglasPeuckerTolerance: number;
  readonly smoothIter: number;
  readonly minPolygonArea: number;
}

/** Offset of the 4 satellites added around every contour row (absolute layout units, as the reference). */
const SATELLITE = 0.01;
/** scikit-learn LocalOutlierFactor `contamination='auto'`: LOF above this is an outlier. */
const LOF_OUTLIER = 1.5;

/**
 * One cluster's blobs from the 2-D rows `rows` of `layout` (N×2): each row plus 4 satellites at ±0.01 in x and in y;
 * LOF outlier removal with `removeOutliersK` neighbours (LOF > 1.5 dropped; 0 = off; k ≤ 4 is a no-op because of the
 * satellites, as in the reference); the alpha shape's outer rings (holes dropped); Douglas–Peucker; Chaikin
 * `smoothIter` rounds; rings with area < `minPolygonArea` dropped. Rings come out counter-clockwise (y up).
 * O(m log m) for m rows. Does not mutate `layout`.
 */
export function clusterBlobs(layout: Float32Array, rows: ArrayLike<number>, s: BlobSettings): Float32Array[] {
  const m = rows.length;
  let pts = new Float64Array(10 * m);
  const off = [0, 0, SATELLITE, 0, -SATELLITE, 0, 0, SATELLITE, 0, -SATELLITE];
  for (let r = 0; r < m; r++) {
    const x = layout[2 * rows[r]!]!, y = layout[2 * rows[r]! + 1]!;
    for (let q = 0; q < 5; q++) {
      pts[10 * r + 2 * q] = x + off[2 * q]!;
      pts[10 * r + 2 * q + 1] = y + off[2 * q + 1]!;
    }
  }
  if (s.removeOutliersK > 0 && pts.length > 2) {
    const lof = localOutlierFactor(pts, s.removeOutliersK);
    const keep: number[] = [];
    for (let i = 0; i < lof.length; i++) if (lof[i]! <= LOF_OUTLIER) keep.push(i);
    if (keep.length < lof.length) {
      const kept = new Float64Array(2 * keep.length);
      keep.forEach((i, t) => {
        kept[2 * t] = pts[2 * i]!;
        kept[2 * t + 1] = pts[2 * i + 1]!;
      });
      pts = kept;
    }
  }
  const out: Float32Array[] = [];
  for (const ring of alphaShapeRings(pts, s.alpha)) {
    const smooth = chaikin(douglasPeucker(ring, s.douglasPeuckerTolerance), s.smoothIter);
    if (Math.abs(signedArea(smooth)) < s.minPolygonArea) continue;
    out.push(Float32Array.from(smooth.subarray(0, smooth.length - 2)));
  }
  return out;
}
