import type { Rng } from '../types.js';
import type { PreparedRows } from './prepared-rows.js';

/**
 * One random-projection tree (pynndescent `rp_trees.py`, Euclidean splits): each internal node holds the
 * hyperplane bisecting two random points of the node, `normal·x + offset = 0`, restricted for wide rows to
 * a random window of `splitWidth(d)` consecutive coordinates (zeros elsewhere). Flat arrays:
 * `normals` (nodes×d), `offsets` (nodes), `children` (2 per node; ≥ 0 is a node, < 0 is leaf −c − 1),
 * and the points grouped by leaf, `leafPoints[leafStart[l] .. leafStart[l + 1])`.
 */
export interface RpTree {
  readonly normals: Float32Array;
  readonly offsets: Float64Array;
  readonly children: Int32Array;
  readonly leafStart: Int32Array;
  readonly leafPoints: Int32Array;
}

/** Below this |margin| a point's side is chosen at random (pynndescent's EPS). */
const EPS = 1e-8;

/**
 * Builds a tree on the prepared rows, splitting until nodes hold ≤ `leafSize` points. A split that puts every
 * point on one side is replaced by a random half split. O(n·w·depth) time for window width w = splitWidth(d), randomness only from `rng`.
 */
export function buildRpTree(X: PreparedRows, leafSize: number, rng: Rng): RpTree {
  const { rows: n, cols: d, data } = X;
  const points = new Int32Array(n);
  for (let i = 0; i < n; i++) points[i] = i;
  const scratch = new Int32Array(n);
  const side = new Uint8Array(n);
  const normals: Float32Array[] = [];
  const offsets: number[] = [];
  const children: number[] = [];
  const leafStart: number[] = [];
  // Explicit stack of [lo, hi, parent slot in `children` or −1].
  const stack: number[] = [0, n, -1];
  const normal = new Float64Array(d);
  const width = splitWidth(d);
  while (stack.length > 0) {
    const slot = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo <= leafSize) {
      const leaf = leafStart.length;
      leafStart.push(lo);
      if (slot >= 0) children[slot] = -leaf - 1;
      continue;
    }
    const size = hi - lo;
    const a = points[lo + Math.floor(rng() * size)]!;
    let b = points[lo + Math.floor(rng() * (size - 1))]!;
    if (b === a) b = points[hi - 1]!;
    let offset = 0;
    // Coordinates [w0, w1) and, wrapping around, [0, w2): `width` of them from a random start.
    const w0 = width < d ? Math.floor(rng() * d) : 0;
    const w1 = Math.min(d, w0 + width);
    const w2 = width - (w1 - w0);
    normal.fill(0);
    for (let t = w0; t < w1; t++) offset = hyperplaneCoord(data, a * d, b * d, t, normal, offset);
    for (let t = 0; t < w2; t++) offset = hyperplaneCoord(data, a * d, b * d, t, normal, offset);
    let left = 0;
    for (let p = lo; p < hi; p++) {
      const i = points[p]!;
      const m = offset + margin(normal, data, i * d, w0, w1) + (w2 > 0 ? margin(normal, data, i * d, 0, w2) : 0);
      const s = Math.abs(m) < EPS ? (rng() < 0.5 ? 1 : 0) : m > 0 ? 1 : 0;
      side[p] = s;
      left += s;
    }
    if (left === 0 || left === size) {
      left = 0;
      for (let p = lo; p < hi; p++) {
        side[p] = rng() < 0.5 ? 1 : 0;
        left += side[p]!;
      }
      if (left === 0 || left === size) {
        for (let p = lo; p < hi; p++) side[p] = p - lo < size >> 1 ? 1 : 0;
        left = size >> 1;
      }
    }
    let l = lo;
    let r = lo + left;
    for (let p = lo; p < hi; p++) scratch[side[p] ? l++ : r++] = points[p]!;
    points.set(scratch.subarray(lo, hi), lo);
    const node = offsets.length;
    normals.push(Float32Array.from(normal));
    offsets.push(offset);
    children.push(0, 0);
    if (slot >= 0) children[slot] = node;
    // Right first so the left subtree is finished first (leaves numbered left to right).
    stack.push(lo + left, hi, 2 * node + 1, lo, lo + left, 2 * node);
  }
  const flat = new Float32Array(normals.length * d);
  normals.forEach((v, i) => flat.set(v, i * d));
  leafStart.push(n);
  return {
    normals: flat,
    offsets: Float64Array.from(offsets),
    children: Int32Array.from(children),
    leafStart: Int32Array.from(leafStart),
    leafPoints: points,
  };
}

/** Sets normal[t] = a[t] − b[t] and returns offset − normal[t]·(a[t] + b[t])/2 (the bisecting hyperplane). */
function hyperplaneCoord(data: Float32Array, a: number, b: number, t: number, normal: Float64Array, offset: number): number {
  const xa = data[a + t]!;
  const xb = data[b + t]!;
  normal[t] = xa - xb;
  return offset - normal[t]! * (xa + xb) * 0.5;
}

/**
 * Hyperplanes of wide rows use a window of `splitWidth(d)` consecutive coordinates from a random start (wrapping
 * around): max(96, d/8), all of them below d = 768. A window reads 1/8 of each row's cache lines, and the tree
 * build is bound by memory traffic, not arithmetic (bench/RESULTS.md, kNN stage).
 */
function splitWidth(d: number): number {
  return Math.min(d, Math.max(96, Math.ceil(d / 8)));
}

/** normal · data[o + t0 .. o + t1), in four interleaved float64 partial sums (latency-bound otherwise). */
function margin(normal: Float64Array, data: Float32Array, o: number, t0: number, t1: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = t0;
  for (; t + 3 < t1; t += 4) {
    s0 += normal[t]! * data[o + t]!;
    s1 += normal[t + 1]! * data[o + t + 1]!;
    s2 += normal[t + 2]! * data[o + t + 2]!;
    s3 += normal[t + 3]! * data[o + t + 3]!;
  }
  for (; t < t1; t++) s0 += normal[t]! * data[o + t]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * The leaf a row of `Q` (prepared like the tree's rows) falls into: descends by the sign of the margin
 * (a zero margin goes right). Returns the leaf id. O(d·depth).
 */
export function searchRpTree(tree: RpTree, Q: PreparedRows, row: number): number {
  if (tree.offsets.length === 0) return 0;
  const d = Q.cols;
  const x = Q.data;
  const o = row * d;
  let node = 0;
  for (;;) {
    let m = tree.offsets[node]!;
    const w = node * d;
    for (let t = 0; t < d; t++) m += tree.normals[w + t]! * x[o + t]!;
    const child = tree.children[2 * node + (m > 0 ? 0 : 1)]!;
    if (child < 0) return -child - 1;
    node = child;
  }
}
