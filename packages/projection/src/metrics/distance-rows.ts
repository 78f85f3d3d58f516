import type { Matrix } from '../types.js';

/**
 * Exact squared Euclidean distances, blocked: prepares X (n×d) once — centered by its float64 column means
 * (distances unchanged, cancellation in ‖x‖² + ‖y‖² − 2x·y reduced; methods.md §0) and kept as float32 with
 * float64 row norms — then `row(i, out)` fills `out` (length n) with d²(i, ·), float64 accumulation, clamped ≥ 0,
 * with `out[i] = 0`. O(nd) per row, O(n²d) for all; memory O(nd) for the centered copy. Does not mutate X.
 */
export class DistanceRows {
  readonly n: number;
  readonly d: number;
  readonly #centered: Float32Array;
  readonly #norms: Float64Array;

  constructor(X: Matrix) {
    const { data, rows: n, cols: d } = X;
    this.n = n;
    this.d = d;
    const mean = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += data[i * d + j]!;
    for (let j = 0; j < d; j++) mean[j]! /= n;
    const c = new Float32Array(n * d);
    const norms = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const v = Math.fround(data[i * d + j]! - mean[j]!);
        c[i * d + j] = v;
        s += v * v;
      }
      norms[i] = s;
    }
    this.#centered = c;
    this.#norms = norms;
  }

  /** Fills `out[j] = ‖x_i − x_j‖²` for all j. */
  row(i: number, out: Float64Array): Float64Array {
    const { n, d } = this;
    const c = this.#centered;
    const norms = this.#norms;
    const o = i * d;
    const ni = norms[i]!;
    for (let j = 0; j < n; j++) {
      const p = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) s += c[o + t]! * c[p + t]!;
      const v = ni + norms[j]! - 2 * s;
      out[j] = v > 0 ? v : 0;
    }
    out[i] = 0;
    return out;
  }
}
