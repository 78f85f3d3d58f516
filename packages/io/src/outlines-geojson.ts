import { DataError } from './data-error.js';

/** One cluster's outline: closed rings as interleaved `[x0, y0, x1, y1, …]` (last vertex joins the first, not repeated). */
export interface OutlineRings {
  readonly clusterId: number;
  readonly rings: readonly (Float32Array | Float64Array | readonly number[])[];
}

/**
 * Cluster outlines (e.g. ClusterPlot's blobs, `ProjectionResult.outlines`) as a GeoJSON FeatureCollection
 * (RFC 7946 geometry, planar projection coordinates rather than longitude/latitude): one Feature per cluster and
 * method, `properties: {cluster_id, method}`, geometry a `Polygon` (one ring) or `MultiPolygon` (one polygon per
 * ring; outlines have no holes), each ring closed by repeating its first vertex. Readable by d3-geo, deck.gl,
 * shapely/geopandas. O(total vertices); does not mutate its input.
 * @throws DataError naming the method, cluster and ring: 'ragged-row' for an odd coordinate count or fewer than 3
 * vertices, 'non-finite' for a NaN/±Infinity coordinate.
 */
export function outlinesGeoJson(sets: readonly { readonly method: string; readonly outlines: readonly OutlineRings[] }[]): string {
  const features = [];
  for (const { method, outlines } of sets) {
    for (const o of outlines) {
      const polygons = o.rings.map((ring, r) => [closedRing(ring, `${method} cluster ${o.clusterId} ring ${r}`)]);
      if (polygons.length === 0) continue;
      const geometry = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
      features.push({ type: 'Feature', properties: { cluster_id: o.clusterId, method }, geometry });
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function closedRing(ring: ArrayLike<number>, where: string): number[][] {
  if (ring.length % 2 !== 0 || ring.length < 6) {
    throw new DataError({ code: 'ragged-row', file: 'outlines', where, value: ring.length, rule: 'a ring needs an even number of coordinates, at least 6 (3 vertices)' });
  }
  const points: number[][] = [];
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i]!, y = ring[i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new DataError({ code: 'non-finite', file: 'outlines', where: `${where}, vertex ${i / 2}`, value: Number.isFinite(x) ? y : x, rule: 'outline coordinates must be finite' });
    }
    points.push([x, y]);
  }
  points.push([points[0]![0]!, points[0]![1]!]);
  return points;
}
