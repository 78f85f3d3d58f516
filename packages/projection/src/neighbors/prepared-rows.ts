import { ProjectionInputError } from '../errors.js';
import type { Matrix } from '../types.js';

/** Distance used by the neighbour stage. `'cosine'` reports 1 − cos(x, y). */
export type NeighborMetric = 'euclidean' | 'cosine';

/**
 * Rows made ready for the ‖x‖² − 2x·y + ‖y‖² expansion (methods.md §0): a float32 copy, centered by the
 * training rows' float64 column means (distances unchanged, cancellation reduced), and each row's float64
 * squared norm. For `'cosine'` each row is first divided by its float64 Euclidean norm, so squared
 * Euclidean distance e between prepared rows gives the cosine distance e / 2.
 * Internal to the neighbour stage; O(n·d) time, n·d·4 + n·8 bytes.
 */
export interface PreparedRows {
  readonly data: Float32Array;
  readonly norms: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly metric: NeighborMetric;
  /** The float64 column means that were subtracted (those of the training rows). */
  readonly mean: Float64Array;
}

/**
 * Copies and prepares X (n×d). With `mean` given (queries against a training set) subtracts that mean,
 * else X's own column means. Does not mutate X.
 * @throws ProjectionInputError (`name`, row) for an all-zero row under the cosine metric.
 */
export function prepareRows(X: Matrix, metric: NeighborMetric, name = 'X', mean?: Float64Array): PreparedRows {
  const { data: src, rows: n, cols: d } = X;
  const scale = new Float64Array(n).fill(1);
  if (metric === 'cosine') {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = i * d, end = t + d; t < end; t++) s += src[t]! * src[t]!;
      if (!(s > 0)) {
        throw new ProjectionInputError(name, `row ${i}`, `the cosine metric needs non-zero rows; row ${i} is all zeros`, 'zero-row');
      }
      scale[i] = 1 / Math.sqrt(s);
    }
  }
  let mu = mean;
  if (!mu) {
    mu = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const si = scale[i]!;
      for (let j = 0, o = i * d; j < d; j++) mu[j]! += src[o + j]! * si;
    }
    for (let j = 0; j < d; j++) mu[j]! /= n;
  }
  const data = new Float32Array(n * d);
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const si = scale[i]!;
    let s = 0;
    for (let j = 0, o = i * d; j < d; j++) {
      const v = Math.fround(src[o + j]! * si - mu[j]!);
      data[o + j] = v;
      s += v * v;
    }
    norms[i] = s;
  }
  return { data, norms, rows: n, cols: d, metric, mean: mu };
}

/** Turns a squared distance between prepared rows into the reported distance (√e, or e/2 for cosine). */
export function finishDistance(squared: number, metric: NeighborMetric): number {
  if (metric === 'cosine') return squared >= 4 ? 2 : squared / 2;
  return Math.sqrt(squared);
}

/**
 * Squared distance between row i of `a` and row j of `b` (prepared with the same mean): float64 accumulation of
 * the dot product in four partial sums, clamped ≥ 0. O(d).
 */
export function squaredDistance(a: PreparedRows, i: number, b: PreparedRows, j: number): number {
  const x = a.data;
  const y = b.data;
  const d = a.cols;
  let p = i * d;
  let q = j * d;
  const end = p + d - 3;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (; p < end; p += 4, q += 4) {
    s0 += x[p]! * y[q]!;
    s1 += x[p + 1]! * y[q + 1]!;
    s2 += x[p + 2]! * y[q + 2]!;
    s3 += x[p + 3]! * y[q + 3]!;
  }
  for (const stop = i * d + d; p < stop; p++, q++) s0 += x[p]! * y[q]!;
  const v = a.norms[i]! + b.norms[j]! - 2 * (s0 + s1 + s2 + s3);
  return v > 0 ? v : 0;
}
