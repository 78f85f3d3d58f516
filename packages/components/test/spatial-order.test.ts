import { describe, expect, test } from 'vitest';
import { drawOrder } from '../src/gl/draw-order.js';
import { cellsStillValid, prefixEnd, spatialOrder, visibleRanges } from '../src/gl/spatial-order.js';

/** n seeded points spread over [-1, 1]² (xorshift32). */
function scatter(n: number, seed = 9): Float32Array {
  let s = seed;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return Float32Array.from({ length: 2 * n }, () => 2 * rnd() - 1);
}

describe('spatialOrder (level of detail + view culling)', () => {
  test('spatialOrder(rel, 1000) is a permutation with its inverse whose chunks hold the same rows as the random draw order', () => {
    const rel = scatter(20_000);
    const s = spatialOrder(rel, 1000, 16, 1.5);
    expect(new Set(s.order).size).toBe(20_000);
    for (let k = 0; k < 20_000; k += 777) expect(s.rankOf[s.order[k]!]).toBe(k);
    expect(s.chunkEnds[0]).toBe(1000);
    expect(s.chunkEnds[1]).toBe(1500);
    expect(s.chunkEnds[s.chunkEnds.length - 1]).toBe(20_000);
    // Each prefix ending at a chunk end is the same set of rows as that prefix of the seeded random order.
    const random = drawOrder(20_000).order;
    for (const end of [s.chunkEnds[0]!, s.chunkEnds[3]!]) {
      expect(new Set(s.order.subarray(0, end))).toEqual(new Set(random.subarray(0, end)));
    }
    expect(Array.from(rel.subarray(0, 4))).toEqual(Array.from(scatter(2)));
    expect(prefixEnd(s, 1001)).toBe(1000); // nearest chunk end on a log scale (1000 · 1500 > 1001²)
    expect(prefixEnd(s, 1300)).toBe(1500);
    expect(prefixEnd(s, 1000)).toBe(1000);
    expect(prefixEnd(s, 10)).toBe(1000);
    expect(prefixEnd(s, 1e9)).toBe(20_000);
  });

  test('visibleRanges(order, end, box) covers every drawn point inside the box and little else', () => {
    const rel = scatter(20_000);
    const s = spatialOrder(rel, 1000, 16);
    const [x0, x1, y0, y1] = [-0.33, 0.07, 0.21, 0.58];
    for (const end of [s.chunkEnds[2]!, 20_000]) {
      const ranges = visibleRanges(s, end, x0, x1, y0, y1);
      const covered = new Uint8Array(20_000);
      let total = 0;
      for (const [first, count] of ranges) {
        expect(first + count).toBeLessThanOrEqual(end);
        covered.fill(1, first, first + count);
        total += count;
      }
      let inside = 0;
      for (let k = 0; k < end; k++) {
        const i = s.order[k]!, x = rel[2 * i]!, y = rel[2 * i + 1]!;
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
          inside++;
          expect(covered[k]).toBe(1);
        }
      }
      expect(total).toBeGreaterThanOrEqual(inside);
      expect(total).toBeLessThan(end * 0.1); // the box is ~3.7 % of the data box; whole cells add a margin
    }
    expect(visibleRanges(s, 20_000, 5, 6, 5, 6)).toEqual([]); // a view beside the data submits nothing
    expect(visibleRanges(s, 20_000, -9, 9, -9, 9)).toEqual([[0, 20_000]]); // everything merges into one range
  });

  test('cellsStillValid(order, rel) is true for the sorted positions and false once a point moves to another cell', () => {
    const rel = scatter(5000);
    const s = spatialOrder(rel, 500, 8);
    expect(cellsStillValid(s, rel)).toBe(true);
    const moved = rel.slice();
    moved[0] = rel[0]! > 0 ? -0.99 : 0.99; // point 0 to the far side: another cell column
    expect(cellsStillValid(s, moved)).toBe(false);
    expect(cellsStillValid(s, rel.subarray(2))).toBe(false);
  });

  test('spatialOrder(rel, n, grid, growth, seed, false) is one chunk sorted by cell with rows ascending inside each cell', () => {
    const rel = scatter(5000, 3);
    const s = spatialOrder(rel, 5000, 8, 1.25, undefined, false);
    expect(Array.from(s.chunkEnds)).toEqual([5000]);
    expect(new Set(s.order).size).toBe(5000);
    const outOfOrder: number[] = [];
    for (let k = 1; k < 5000; k++) {
      const cellUp = s.cellByRank[k]! > s.cellByRank[k - 1]!;
      const sameCellRowUp = s.cellByRank[k] === s.cellByRank[k - 1] && s.order[k]! > s.order[k - 1]!;
      if (!cellUp && !sameCellRowUp) outOfOrder.push(k);
    }
    expect(outOfOrder).toEqual([]);
    const ranges = visibleRanges(s, 5000, -0.2, 0.2, -0.2, 0.2);
    const drawn = new Set(ranges.flatMap(([a, c]) => Array.from(s.order.subarray(a, a + c))));
    const missed: number[] = [];
    for (let i = 0; i < 5000; i++) if (Math.abs(rel[2 * i]!) <= 0.2 && Math.abs(rel[2 * i + 1]!) <= 0.2 && !drawn.has(i)) missed.push(i);
    expect(missed).toEqual([]);
    expect(drawn.size).toBeLessThan(5000 / 4); // a 0.4-wide box of a 2-wide square: far fewer than all
  });
});
