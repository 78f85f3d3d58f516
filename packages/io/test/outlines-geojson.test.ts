import { describe, expect, test } from 'vitest';
import { DataError, outlinesGeoJson } from '@clamp-viz/io';

describe('outlinesGeoJson', () => {
  test('outlinesGeoJson writes one Feature per cluster and method: a closed Polygon for one ring, a MultiPolygon for several', () => {
    const square = Float32Array.of(0, 0, 1, 0, 1, 1, 0, 1);
    const json = JSON.parse(outlinesGeoJson([
      { method: 'clusterplot', outlines: [{ clusterId: 7, rings: [square] }, { clusterId: -2, rings: [square, [5, 5, 6, 5, 6, 6]] }] },
      { method: 'other', outlines: [{ clusterId: 7, rings: [] }] },
    ]));
    expect(json.type).toBe('FeatureCollection');
    expect(json.features).toHaveLength(2);
    expect(json.features[0]).toEqual({
      type: 'Feature', properties: { cluster_id: 7, method: 'clusterplot' },
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] },
    });
    expect(json.features[1].properties).toEqual({ cluster_id: -2, method: 'clusterplot' });
    expect(json.features[1].geometry.type).toBe('MultiPolygon');
    expect(json.features[1].geometry.coordinates[1]).toEqual([[[5, 5], [6, 5], [6, 6], [5, 5]]]);
  });

  test('outlinesGeoJson does not mutate the rings and gives an empty collection for no outlines', () => {
    const ring = Float64Array.of(0, 0, 2, 0, 1, 3);
    outlinesGeoJson([{ method: 'm', outlines: [{ clusterId: 1, rings: [ring] }] }]);
    expect(Array.from(ring)).toEqual([0, 0, 2, 0, 1, 3]);
    expect(JSON.parse(outlinesGeoJson([]))).toEqual({ type: 'FeatureCollection', features: [] });
  });

  test('outlinesGeoJson rejects short or odd rings and non-finite coordinates with a DataError naming method, cluster and ring', () => {
    const bad = (ring: number[]) => () => outlinesGeoJson([{ method: 'clusterplot', outlines: [{ clusterId: 4, rings: [[0, 0, 1, 0, 1, 1], ring] }] }]);
    expect(bad([0, 0, 1, 1])).toThrow(DataError);
    expect(bad([0, 0, 1, 1])).toThrow(/clusterplot cluster 4 ring 1.*at least 6/);
    expect(bad([0, 0, 1, 0, 1, 1, 2])).toThrow(/even number/);
    expect(bad([0, 0, 1, Number.NaN, 1, 1])).toThrow(/ring 1, vertex 1.*NaN.*finite/);
  });
});
