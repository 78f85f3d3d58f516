import { describe, expect, test } from 'vitest';
import { pointColors } from '../src/color/point-colors.js';
import { categoricalColor } from '../src/color/categorical-color.js';
import { resolvePointData } from '../src/data/resolve-point-data.js';
import { allZero } from '../src/gl/all-zero.js';
import { drawOrder, inversePermutation, shuffledRows } from '../src/gl/draw-order.js';
import { spatialOrder } from '../src/gl/spatial-order.js';
import { clusterRank, clusterSummary, lazyClusterSummary } from '../src/legend/cluster-summary.js';

/** Seeded ids (xorshift32) in [lo, lo + span). */
function ids(n: number, lo: number, span: number, seed = 5): Int32Array {
  let s = seed;
  return Int32Array.from({ length: n }, () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return lo + ((s >>> 0) % span);
  });
}

describe('the per-point work before a first frame', () => {
  test('clusterSummary(n, cluster, ids) with dense ids equals the binary-search ranks, ids missing from ids rank -1', () => {
    const cluster = ids(5000, -3, 40);
    const list = Int32Array.from(new Set(cluster)).sort().filter((id) => id !== 7); // 7 left out on purpose
    const s = clusterSummary(5000, cluster, list);
    for (let i = 0; i < 5000; i++) expect(s.rank[i]).toBe(clusterRank(list, cluster[i]!));
    expect(Array.from(s.rank).filter((r) => r === -1).length).toBe(cluster.filter((id) => id === 7).length);
    list.forEach((id, k) => {
      expect(s.counts[k]).toBe(cluster.filter((c) => c === id).length);
      expect(cluster[s.first[k]!]).toBe(id);
      expect(cluster.indexOf(id)).toBe(s.first[k]);
    });
    const sparse = Int32Array.of(-2e9, 5, 2e9, 5); // span too wide for a table: the binary search
    expect(Array.from(clusterSummary(4, sparse, Int32Array.of(-2e9, 5, 2e9)).rank)).toEqual([0, 1, 2, 1]);
  });

  test('lazyClusterSummary(n, cluster, ids) computes nothing until read, then equals clusterSummary', () => {
    const cluster = ids(3000, 0, 300);
    const list = Int32Array.from(new Set(cluster)).sort();
    const eager = clusterSummary(3000, cluster, list);
    const lazy = lazyClusterSummary(3000, cluster, list);
    expect(Array.from(lazy.counts)).toEqual(Array.from(eager.counts));
    expect(Array.from(lazy.rank)).toEqual(Array.from(eager.rank));
    expect(Array.from(lazy.first)).toEqual(Array.from(eager.first));
    expect(lazy.rank).toBe(lazy.rank); // computed once
    expect(lazyClusterSummary(0, null, new Int32Array(0)).rank.length).toBe(0);
  });

  test('pointColors(n, cluster, null, categorical) writes each id\'s colour bytes and alpha 255 (dense and sparse ids, no ids)', () => {
    const check = (cluster: Int32Array | null, n: number) => {
      const { rgba } = pointColors(n, cluster, null, { kind: 'categorical' });
      for (let i = 0; i < n; i++) {
        const rgb = categoricalColor(cluster ? cluster[i]! : 0);
        expect([rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2], rgba[4 * i + 3]]).toEqual([(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, 255]);
      }
    };
    check(ids(500, 0, 300), 500);
    check(Int32Array.of(-2e9, 17, 2e9), 3);
    check(null, 7);
  });

  test('resolvePointData keeps float64 residuals exactly and names the first non-finite coordinate', () => {
    const x = Float64Array.of(0, 1e6 + 1e-3, 3e6 + 0.1), y = Float64Array.of(1 / 3, 0, -2);
    const r = resolvePointData({ x, y });
    expect(r.lo).not.toBeNull();
    for (let i = 0; i < 3; i++) {
      const dx = x[i]! - r.centerX, dy = y[i]! - r.centerY;
      expect(r.rel[2 * i]).toBe(Math.fround(dx));
      expect(r.lo![2 * i]).toBe(Math.fround(dx - Math.fround(dx)));
      expect(r.lo![2 * i + 1]).toBe(Math.fround(dy - Math.fround(dy)));
    }
    expect(resolvePointData({ positions: Float32Array.of(1, 2, 3, 4) }).lo).toBeNull();
    expect(resolvePointData({ x: [0, 0.5], y: [0, 0.25] }).lo).toBeNull(); // exact in float32: no residuals
    expect(() => resolvePointData({ positions: [0, 0, 1, NaN, 2, 2] })).toThrow('positions[3] (point 1) = NaN: coordinates must be finite');
    expect(() => resolvePointData({ x: [0, 1, 2], y: [0, -Infinity, NaN] })).toThrow('y[1] = -Infinity: coordinates must be finite');
  });

  test('allZero(bytes) is true only when every byte is 0, for aligned and unaligned views of any length', () => {
    const buf = new Uint8Array(64);
    for (const [offset, length] of [[0, 64], [1, 63], [3, 9], [2, 1], [0, 0]] as const) {
      const view = buf.subarray(offset, offset + length);
      expect(allZero(view)).toBe(true);
      for (let j = 0; j < length; j++) {
        view[j] = 2;
        expect(allZero(view)).toBe(false);
        view[j] = 0;
      }
    }
    buf[0] = 1;
    expect(allZero(buf.subarray(1))).toBe(true); // a set byte outside the view does not count
  });

  test('drawOrder and spatialOrder give rankOf as the inverse of order, computed on first read', () => {
    expect(Array.from(drawOrder(1000).order)).toEqual(Array.from(shuffledRows(1000)));
    const d = drawOrder(1000);
    for (let k = 0; k < 1000; k++) expect(d.rankOf[d.order[k]!]).toBe(k);
    expect(Array.from(inversePermutation(Uint32Array.of(2, 0, 1)))).toEqual([1, 2, 0]);
    const rel = Float32Array.from({ length: 4000 }, (_, i) => Math.sin(i * 12.9898) * 0.9);
    const s = spatialOrder(rel, 300);
    expect(s.rankOf).toBe(s.rankOf);
    for (let k = 0; k < 2000; k++) expect(s.rankOf[s.order[k]!]).toBe(k);
  });
});
