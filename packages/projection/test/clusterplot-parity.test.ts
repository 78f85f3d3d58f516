import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { alphaShapeRings } from '../src/clusterplot/alpha-shape.js';
import { chaikin } from '../src/clusterplot/chaikin.js';
import { clusterBlobs } from '../src/clusterplot/cluster-blobs.js';
import { douglasPeucker } from '../src/clusterplot/douglas-peucker.js';
import { digitsLabels } from './fixtures.js';

// Blob parity with the reference ClusterPlot (clusterplot.md §10.4): our blob stage on the reference's own final layouts
// (`clusterplot.f32`, `clusterplot_thr18_all.f32`: 1797×2 float32, per-point rows) against the rings its `cluster_plot()`
// drew (`*_polygons.json`: {"<class>": [ring, …]}, each ring [[x, y], …] explicitly closed). Fixtures copied from the
// project's reference-digits set (fixtures/README.md).

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const layoutOf = (name: string): Float32Array => {
  const b = readFileSync(dir + name);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};
const polygonsOf = (name: string): Map<number, Float64Array[]> => {
  const json = JSON.parse(readFileSync(dir + name, 'utf8')) as Record<string, number[][][]>;
  return new Map(Object.entries(json).map(([c, rings]) => [Number(c), rings.map((r) => Float64Array.from(r.flat()))]));
};

/** The notebook's blob parameters (clusterplot.md §3). */
const NOTEBOOK = { alpha: 0.1, removeOutliersK: 2, douglasPeuckerTolerance: 0.3, smoothIter: 3, minPolygonArea: 0.01 };

/** Sorted x positions where the horizontal line y crosses the edges of `rings` (even–odd fill between pairs). */
function crossings(rings: ArrayLike<number>[], y: number): number[] {
  const xs: number[] = [];
  for (const r of rings) {
    const m = r.length >> 1;
    for (let i = 0, j = m - 1; i < m; j = i++) {
      const xi = r[2 * i]!, yi = r[2 * i + 1]!, xj = r[2 * j]!, yj = r[2 * j + 1]!;
      if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
  }
  return xs.sort((a, b) => a - b);
}

/** Length of x covered by both (`and`) or either (`or`) even–odd interval lists. */
function overlapLength(a: number[], b: number[]): { and: number; or: number } {
  const events = [...a.map((x) => [x, 0] as const), ...b.map((x) => [x, 1] as const)].sort((p, q) => p[0] - q[0]);
  const inside = [false, false];
  let and = 0, or = 0, last = 0;
  for (const [x, which] of events) {
    if (inside[0] && inside[1]) and += x - last;
    if (inside[0] || inside[1]) or += x - last;
    inside[which] = !inside[which];
    last = x;
  }
  return { and, or };
}

/** Intersection over union of two even–odd filled ring sets, by 4,000 exact horizontal scanlines. Test-side helper. */
function iou(a: ArrayLike<number>[], b: ArrayLike<number>[]): number {
  let lo = Infinity, hi = -Infinity;
  for (const r of [...a, ...b]) for (let i = 1; i < r.length; i += 2) (lo = Math.min(lo, r[i]!)), (hi = Math.max(hi, r[i]!));
  const lines = 4000;
  let and = 0, or = 0;
  for (let s = 0; s < lines; s++) {
    const y = lo + ((s + 0.5) / lines) * (hi - lo);
    const o = overlapLength(crossings(a, y), crossings(b, y));
    and += o.and;
    or += o.or;
  }
  return or > 0 ? and / or : 1;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Directed vertex-to-boundary distance max_{v ∈ a} min_{edge ∈ b} d(v, edge) (rings closed implicitly). */
function directed(a: ArrayLike<number>[], b: ArrayLike<number>[]): number {
  let worst = 0;
  for (const ra of a) {
    for (let i = 0; i < ra.length; i += 2) {
      let best = Infinity;
      for (const rb of b) {
        const m = rb.length >> 1;
        for (let p = 0, q = m - 1; p < m; q = p++) best = Math.min(best, segmentDistance(ra[i]!, ra[i + 1]!, rb[2 * q]!, rb[2 * q + 1]!, rb[2 * p]!, rb[2 * p + 1]!));
      }
      worst = Math.max(worst, best);
    }
  }
  return worst;
}

/** Symmetric Hausdorff distance between the boundaries (vertex-sampled; the Chaikin rings are dense). */
const hausdorff = (a: ArrayLike<number>[], b: ArrayLike<number>[]): number => Math.max(directed(a, b), directed(b, a));

/** Distinct vertices of a ring, explicitly closed or not. */
const vertexCount = (r: ArrayLike<number>): number => {
  const m = r.length >> 1;
  return m > 1 && r[0] === r[2 * m - 2] && r[1] === r[2 * m - 1] ? m - 1 : m;
};

describe('test-side geometry helpers', () => {
  const square = (x: number, y: number, s: number) => Float64Array.from([x, y, x + s, y, x + s, y + s, x, y + s]);
  test('iou of two unit squares offset by half a side is 1/3; hausdorff is the offset', () => {
    expect(iou([square(0, 0, 1)], [square(0.5, 0, 1)])).toBeCloseTo(1 / 3, 6);
    expect(hausdorff([square(0, 0, 1)], [square(0.5, 0, 1)])).toBeCloseTo(0.5, 12);
    expect(iou([square(0, 0, 1)], [square(0, 0, 1)])).toBeCloseTo(1, 12);
  });
});

const labels = digitsLabels();
const classRows = (c: number): number[] => [...labels.keys()].filter((i) => labels[i] === c);

/** Undoes `rounds` Chaikin rounds of an explicitly closed ring: P = (3·(¾P + ¼Q) − (¼P + ¾Q)) / 2. */
function unChaikin(ring: Float64Array, rounds: number): Float64Array {
  let cur = ring.subarray(0, ring.length - 2);
  for (let r = 0; r < rounds; r++) {
    const out = new Float64Array(cur.length / 2);
    for (let i = 0; i < out.length; i += 2) {
      out[i] = (3 * cur[2 * i]! - cur[2 * i + 2]!) / 2;
      out[i + 1] = (3 * cur[2 * i + 1]! - cur[2 * i + 3]!) / 2;
    }
    cur = out;
  }
  return cur;
}

/** The 5 contour points (row + 4 satellites at ±0.01) of every (x, y), as clusterBlobs builds them. */
function contour(xy: number[]): Float64Array {
  const out = new Float64Array(5 * xy.length);
  const off = [0, 0, 0.01, 0, -0.01, 0, 0, 0.01, 0, -0.01];
  for (let r = 0; r < xy.length / 2; r++) for (let q = 0; q < 10; q++) out[10 * r + q] = xy[2 * r + (q & 1)]! + off[q]!;
  return out;
}

describe.each([
  ['notebook call (threshold 0.3)', 'clusterplot.f32', 'clusterplot_polygons.json'],
  ['threshold 18, all points', 'clusterplot_thr18_all.f32', 'clusterplot_thr18_all_polygons.json'],
])('blob parity on the reference layout, %s (clusterplot.md §10.4)', (name, layoutFile, polygonFile) => {
  const layout = layoutOf(layoutFile);
  const reference = polygonsOf(polygonFile);
  const classes = [...reference.keys()].sort((a, b) => a - b);
  const notebook = name.startsWith('notebook');

  // The reference drew each blob from the class's points AND its anchors' 2-D positions (reduce_all_points=True), and the
  // fixtures hold only the points. Undoing its 3 Chaikin rounds gives its Douglas–Peucker vertices exactly: each is a
  // point or satellite of ours, or an anchor (≥ 0.01 from every point), and its ring starts wherever GEOS's union put
  // it (no rule we can reproduce), which decides DP's kept vertices. So the stage test feeds those anchors in and starts
  // the ring (clockwise, as GEOS) at the reference's first vertex; then alpha shape + DP + Chaikin match nearly exactly.
  test('alphaShapeRings + douglasPeucker + chaikin, given the reference start vertex and boundary anchors, match per class', () => {
    const results = classes.map((c) => {
      const theirs = reference.get(c)!;
      expect(theirs.length).toBe(1);
      const dp = unChaikin(theirs[0]!, 3);
      const xy = classRows(c).flatMap((i) => [layout[2 * i]!, layout[2 * i + 1]!]);
      const nPoints = xy.length;
      for (let v = 0; v < dp.length; v += 2) {
        let near = Infinity;
        for (let p = 0; p < nPoints; p += 2) near = Math.min(near, Math.max(Math.abs(xy[p]! - dp[v]!), Math.abs(xy[p + 1]! - dp[v + 1]!)));
        if (near > 0.0101) xy.push(dp[v]!, dp[v + 1]!);
      }
      const rings = alphaShapeRings(contour(xy), NOTEBOOK.alpha);
      expect(rings.length).toBe(1);
      const ring = rings[0]!;
      const m = ring.length / 2 - 1;
      let s0 = 0;
      for (let i = 0; i < m; i++) if (Math.hypot(ring[2 * i]! - dp[0]!, ring[2 * i + 1]! - dp[1]!) < Math.hypot(ring[2 * s0]! - dp[0]!, ring[2 * s0 + 1]! - dp[1]!)) s0 = i;
      const cw = new Float64Array(2 * (m + 1));
      for (let i = 0; i <= m; i++) cw.set(ring.subarray(2 * ((s0 - i + m) % m), 2 * ((s0 - i + m) % m) + 2), 2 * i);
      const smooth = chaikin(douglasPeucker(cw, NOTEBOOK.douglasPeuckerTolerance), NOTEBOOK.smoothIter);
      const ours = [smooth.subarray(0, smooth.length - 2)];
      return { c, iou: iou(ours, theirs), h: hausdorff(ours, theirs), dv: vertexCount(ours[0]!) - vertexCount(theirs[0]!) };
    });
    const spec = results.filter((r) => r.iou >= 0.98 && r.h <= 0.3 && Math.abs(r.dv) <= 8);
    if (notebook) {
      // One anchor per point, sitting ~0.01–0.3 from it: anchors that shape the alpha ring without being DP vertices are
      // unknown, and tip one class (9: IoU 0.96, Hausdorff 0.47) over; the other 9 are within 0.01 or the spec.
      expect(spec.length).toBeGreaterThanOrEqual(9);
      for (const r of results) expect(r.iou).toBeGreaterThan(0.95);
    } else {
      // 256 anchors, few on the boundary: every class matches to the satellite offset, with equal vertex counts.
      for (const r of results) {
        expect(r.iou).toBeGreaterThan(0.995);
        expect(r.h).toBeLessThan(0.02);
        expect(r.dv).toBe(0);
      }
    }
  });

  // End to end from the points alone: our ring starts at the first boundary edge found (counter-clockwise), so DP keeps
  // other vertices than GEOS did, and anchors are missing (clusterplot.md §8: polygons depend on arbitrary ring starts).
  test.each(classes)('clusterBlobs(points of class %d) gives the same polygon count, IoU > 0.9 and vertex counts ±16', (c) => {
    const ours = clusterBlobs(layout, Int32Array.from(classRows(c)), NOTEBOOK);
    const theirs = reference.get(c)!;
    expect(ours.length).toBe(theirs.length);
    expect(iou(ours, theirs)).toBeGreaterThan(notebook ? 0.9 : 0.94);
    for (let p = 0; p < ours.length; p++) expect(Math.abs(vertexCount(ours[p]!) - vertexCount(theirs[p]!))).toBeLessThanOrEqual(16);
  });
});
