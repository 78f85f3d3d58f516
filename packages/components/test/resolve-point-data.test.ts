import { tableFromArrays } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { resolvePointData } from '../src/data/resolve-point-data.js';

describe('resolvePointData(source)', () => {
  test('resolvePointData centres x/y on the bounds midpoint in float64 before storing float32', () => {
    const x = Float64Array.of(1e6 + 0.25, 1e6 + 0.75);
    const r = resolvePointData({ x, y: Float64Array.of(-3, 5) });
    expect(r.n).toBe(2);
    expect(r.centerX).toBe(1e6 + 0.5);
    expect(Array.from(r.rel)).toEqual([-0.25, -4, 0.25, 4]);
    expect([r.halfWidth, r.halfHeight]).toEqual([0.25, 4]);
    expect(x[0]).toBe(1e6 + 0.25); // input untouched
  });

  test('resolvePointData prefers data over positions over x/y and reads BIGINT cluster columns', () => {
    const table = tableFromArrays({ x: Float32Array.of(0, 2), y: Float32Array.of(0, 2), cluster_id: BigInt64Array.of(-1n, 400n) });
    const r = resolvePointData({ data: table, positions: Float32Array.of(9, 9), x: Float32Array.of(7) });
    expect(Array.from(r.cluster!)).toEqual([-1, 400]);
    expect(Array.from(r.rel)).toEqual([-1, -1, 1, 1]);
    const p = resolvePointData({ positions: Float32Array.of(0, 0, 4, 2), x: Float32Array.of(7), y: Float32Array.of(7) });
    expect(p.n).toBe(2);
  });

  test('resolvePointData with nothing set gives 0 points', () => {
    expect(resolvePointData({}).n).toBe(0);
  });

  test('resolvePointData errors name the parameter, index and rule', () => {
    expect(() => resolvePointData({ x: Float32Array.of(1, 2), y: Float32Array.of(1) })).toThrow('y = Float32Array(1): must have the same length as x (2)');
    expect(() => resolvePointData({ x: Float32Array.of(1) })).toThrow('y = null: x and y must be set together');
    expect(() => resolvePointData({ positions: Float32Array.of(1, 2, 3) })).toThrow(/even length/);
    expect(() => resolvePointData({ x: Float32Array.of(0, Infinity), y: Float32Array.of(0, 0) })).toThrow('x[1] = Infinity: coordinates must be finite');
    expect(() => resolvePointData({ x: Float32Array.of(0, 1), y: Float32Array.of(0, 1), cluster: Float32Array.of(1, 1.5) })).toThrow('cluster[1] = 1.5: cluster ids must be 32-bit integers');
    expect(() => resolvePointData({ x: Float32Array.of(0), y: Float32Array.of(0), cluster: Int32Array.of(1, 2) })).toThrow(/one id per point \(1\), got 2/);
  });

  test('resolvePointData errors name a missing, null or non-numeric Arrow column', () => {
    const table = tableFromArrays({ x: Float32Array.of(0), y: Float32Array.of(0), name: ['a'] });
    expect(() => resolvePointData({ data: table })).toThrow(`cluster-column = "cluster_id": must name a column of data; its columns are: x, y, name`);
    expect(() => resolvePointData({ data: table, clusterColumn: 'name' })).toThrow(/data column "name" = .*: must be a numeric/);
    expect(resolvePointData({ data: table, clusterColumn: '' }).cluster).toBeNull();
    const withNull = tableFromArrays({ x: [0, null, 2] as (number | null)[], y: Float32Array.of(0, 1, 2) });
    expect(() => resolvePointData({ data: withNull, clusterColumn: '' })).toThrow('data column "x" row 1 = null: must not be null');
    expect(() => resolvePointData({ data: { rows: 3 } })).toThrow(/data = \[object Object\]: must be an Apache Arrow Table/);
  });
});
