import { describe, expect, test } from 'vitest';
import { positionResiduals, buildGridIndex, nearestPoint, pointsInPolygon, pointsInRect } from '../src/pick/grid-index.js';

/** Seeded LCG in [0, 1) (fixtures only). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

function randomPoints(n: number, seed: number): Float32Array {
  const r = lcg(seed);
  // two dense blobs and a few far outliers: the grid must stay correct on clustered data
  return Float32Array.from({ length: 2 * n }, (_, k) => (k % 7 === 0 ? (r() - 0.5) * 1000 : (r() - 0.5) * 2 + (k % 4 < 2 ? 5 : -5)));
}

function bruteNearest(xy: Float32Array, x: number, y: number, radius: number): number {
  let best = -1, bestD = radius * radius;
  for (let i = 0; i < xy.length / 2; i++) {
    const d = (xy[2 * i]! - x) ** 2 + (xy[2 * i + 1]! - y) ** 2;
    if (d < bestD || (d === bestD && i > best)) [best, bestD] = [i, d];
  }
  return best;
}

describe('grid index', () => {
  const xy = randomPoints(5000, 7);
  const index = buildGridIndex(xy);

  test('buildGridIndex(xy) puts every point in exactly one cell and does not mutate xy', () => {
    const copy = xy.slice();
    buildGridIndex(xy);
    expect(xy).toEqual(copy);
    expect(index.start[index.cols * index.rows]).toBe(5000);
    expect(Array.from(index.order).sort((a, b) => a - b)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  test('nearestPoint(index, xy, x, y, r) equals a brute-force search, including misses', () => {
    const r = lcg(3);
    for (let q = 0; q < 300; q++) {
      const x = (r() - 0.5) * 14, y = (r() - 0.5) * 14, radius = r() * 0.3;
      expect(nearestPoint(index, xy, x, y, radius)).toBe(bruteNearest(xy, x, y, radius));
    }
  });

  test('nearestPoint skips points the accept predicate rejects', () => {
    const i = nearestPoint(index, xy, xy[0]!, xy[1]!, 0.01);
    expect(i).toBe(0);
    expect(nearestPoint(index, xy, xy[0]!, xy[1]!, 0.01, (k) => k !== 0)).not.toBe(0);
  });

  test('pointsInRect and pointsInPolygon return the ascending indices a brute-force test finds', () => {
    const inRect = (i: number) => xy[2 * i]! >= 4 && xy[2 * i]! <= 5.5 && xy[2 * i + 1]! >= -6 && xy[2 * i + 1]! <= 6;
    const expected = Array.from({ length: 5000 }, (_, i) => i).filter(inRect);
    expect(expected.length).toBeGreaterThan(100);
    expect(Array.from(pointsInRect(index, xy, 5.5, 6, 4, -6))).toEqual(expected);
    // the same rectangle as a polygon, and a triangle (half of it, below the diagonal)
    expect(Array.from(pointsInPolygon(index, xy, [4, -6, 5.5, -6, 5.5, 6, 4, 6]))).toEqual(expected);
    const tri = Array.from(pointsInPolygon(index, xy, [4, -6, 5.5, -6, 5.5, 6]));
    const below = expected.filter((i) => (xy[2 * i + 1]! + 6) / 12 < (xy[2 * i]! - 4) / 1.5);
    expect(tri).toEqual(below);
    expect(pointsInPolygon(index, xy, [0, 0, 1, 1])).toHaveLength(0); // fewer than 3 vertices
  });

  test('buildGridIndex handles no points and identical points', () => {
    expect(nearestPoint(buildGridIndex(new Float32Array(0)), new Float32Array(0), 0, 0, 1)).toBe(-1);
    const same = new Float32Array(20).fill(3);
    const idx = buildGridIndex(same);
    expect(nearestPoint(idx, same, 3, 3, 0.5)).toBe(9); // ties go to the topmost (highest) index
    expect(pointsInRect(idx, same, 2, 2, 4, 4)).toHaveLength(10);
  });
});

test('nearestPoint / pointsInRect / pointsInPolygon with positionResiduals(lo) tell apart points that share a float32 position', () => {
  // Float64 positions 5000 ∓ 5e-5 both round to 5000 in float32; lo holds the residuals.
  const exact = [5000 - 5e-5, 0, 5000 + 5e-5, 0, 4990, 3];
  const xy = Float32Array.from(exact);
  const lo = Float32Array.from(exact, (v, k) => v - xy[k]!);
  expect(xy[0]).toBe(xy[2]); // rows 0 and 1 share a float32 position
  const index = buildGridIndex(xy);
  const res = positionResiduals(lo)!;
  expect(res.maxAbs).toBeGreaterThan(0);
  expect(nearestPoint(index, xy, 5000 - 4e-5, 0, 3e-5, undefined, res)).toBe(0);
  expect(nearestPoint(index, xy, 5000 + 4e-5, 0, 3e-5, undefined, res)).toBe(1);
  expect(nearestPoint(index, xy, 5000 - 4e-5, 0, 3e-5)).toBe(-1); // float32 alone: both 4e-5 away, outside the radius
  expect(Array.from(pointsInRect(index, xy, 5000, -1, 5001, 1, undefined, res))).toEqual([1]);
  expect(Array.from(pointsInPolygon(index, xy, [4999, -1, 5000, -1, 5000, 1, 4999, 1], undefined, res))).toEqual([0]);
  expect(positionResiduals(null)).toBeNull();
});
