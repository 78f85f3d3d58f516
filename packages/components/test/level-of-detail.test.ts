import { describe, expect, test } from 'vitest';
import { drawOrder, gatherRows } from '../src/gl/draw-order.js';
import { interactiveCount } from '../src/gl/level-of-detail.js';
import { autoOutlines } from '../src/outline/auto-outlines.js';
import { outlineSegments } from '../src/outline/outline-segments.js';

describe('level of detail', () => {
  test('drawOrder(n) is a seeded permutation with its inverse; every prefix is spread over all rows', () => {
    const { order, rankOf } = drawOrder(10_000);
    expect(Array.from(drawOrder(10_000).order)).toEqual(Array.from(order)); // same seed, same order
    expect(new Set(order).size).toBe(10_000);
    for (let k = 0; k < 10_000; k += 997) expect(rankOf[order[k]!]).toBe(k);
    const firstTenth = Array.from(order.subarray(0, 1000));
    // The first 10 % of the order has rows from each tenth of the table (not a contiguous block).
    for (let d = 0; d < 10; d++) expect(firstTenth.filter((i) => Math.floor(i / 1000) === d).length).toBeGreaterThan(60);
  });

  test('gatherRows(values, order, width) reorders rows without mutating the input', () => {
    const values = Float32Array.of(0, 1, 10, 11, 20, 21);
    expect(Array.from(gatherRows(values, Uint32Array.of(2, 0, 1), 2))).toEqual([20, 21, 0, 1, 10, 11]);
    expect(Array.from(values)).toEqual([0, 1, 10, 11, 20, 21]);
    expect(gatherRows(values, null, 2)).toBe(values);
  });

  test('gatherRows moves RGBA bytes, state bytes and float32 bit patterns (NaN payloads, −0) exactly, aligned or not', () => {
    const order = Uint32Array.of(2, 0, 1);
    const rgba = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    expect(Array.from(gatherRows(rgba, order, 4))).toEqual([9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8]);
    const unaligned = new Uint8Array(new ArrayBuffer(13), 1, 12);
    unaligned.set(rgba);
    expect(Array.from(gatherRows(unaligned, order, 4))).toEqual([9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(gatherRows(Uint8Array.of(7, 8, 9), order, 1))).toEqual([9, 7, 8]);
    const bits = Uint32Array.of(0x7fc00001, 0x80000000, 0x3f800000, 0x40000000, 0xffffffff, 0x00000001);
    const out = gatherRows(new Float32Array(bits.buffer), order, 2);
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(new Uint32Array(out.buffer))).toEqual([0xffffffff, 0x00000001, 0x7fc00001, 0x80000000, 0x3f800000, 0x40000000]);
  });

  test('interactiveCount(n, budget, view, data) scales the budget by the visible share of the data box', () => {
    const data = { halfWidth: 1, halfHeight: 1 };
    expect(interactiveCount(100_000, 1000, { centerX: 0, centerY: 0, halfWidth: 2, halfHeight: 2 }, data)).toBe(1000);
    expect(interactiveCount(100_000, 1000, { centerX: 0, centerY: 0, halfWidth: 0.5, halfHeight: 0.5 }, data)).toBe(4000);
    expect(interactiveCount(100_000, 1000, { centerX: 0, centerY: 0, halfWidth: 0.01, halfHeight: 0.01 }, data)).toBe(100_000);
    expect(interactiveCount(500, 1000, { centerX: 0, centerY: 0, halfWidth: 2, halfHeight: 2 }, data)).toBe(500);
    expect(interactiveCount(5000, 0, { centerX: 0, centerY: 0, halfWidth: 2, halfHeight: 2 }, data)).toBe(5000);
  });
});

describe('outlines', () => {
  test('autoOutlines keeps each cluster\'s dense core and leaves far outliers outside the ring', () => {
    // Cluster 5: a 20×20 grid in [0, 1]² plus one outlier at (10, 10); cluster 9: a grid around (3, 0).
    const xy: number[] = [];
    const rank: number[] = [];
    for (let i = 0; i < 400; i++) {
      xy.push((i % 20) / 19, Math.floor(i / 20) / 19, 3 + (i % 20) / 19, Math.floor(i / 20) / 19);
      rank.push(0, 1);
    }
    xy.push(10, 10);
    rank.push(0);
    const rel = Float32Array.from(xy, (v, i) => v - (i % 2 ? 100 : 50)); // relative to a centre of (50, 100)
    const out = autoOutlines(rel, Float32Array.from(rank), Int32Array.of(5, 9), 50, 100);
    expect(out.map((o) => o.clusterId)).toEqual([5, 9]);
    const ring = out[0]!.rings[0]!;
    let maxX = -Infinity;
    for (let v = 0; v < ring.length; v += 2) maxX = Math.max(maxX, ring[v]!);
    expect(maxX).toBeGreaterThan(0.7); // data coordinates (centre added back)
    expect(maxX).toBeLessThanOrEqual(1 + 1e-6); // the outlier at x = 10 is not in the core
  });

  test('outlineSegments closes each ring and names a malformed ring', () => {
    const seg = outlineSegments([{ clusterId: 1, rings: [Float32Array.of(0, 0, 2, 0, 2, 2)] }], 1, 1, Int32Array.of(1), Uint32Array.of(0), Uint8Array.of(9, 8, 7, 255));
    expect(Array.from(seg.xy)).toEqual([-1, -1, 1, -1, 1, -1, 1, 1, 1, 1, -1, -1]);
    expect(Array.from(seg.rgba.subarray(0, 4))).toEqual([5, 5, 4, 255]); // 60 % of the cluster colour
    expect(() => outlineSegments([{ clusterId: 1, rings: [Float32Array.of(0, 0, 1)] }], 0, 0, Int32Array.of(1), Uint32Array.of(0), new Uint8Array(4)))
      .toThrow(/outlines\[0\]\.rings\[0\]/);
  });
});
