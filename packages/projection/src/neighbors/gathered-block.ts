import { dot1, dots4x1, dots4x2 } from './dot-kernels.js';
import type { PreparedRows } from './prepared-rows.js';

/**
 * All pairwise squared distances among a small set of prepared rows (an RP-tree leaf): gathers the rows into a
 * contiguous scratch buffer, then runs a 4-rows-by-1 dot kernel with float64 accumulation, so each distance
 * costs one streamed pass instead of two cache-missing row reads. Internal to NN-descent initialisation.
 * Memory: capacity·d floats of scratch plus a capacity² distance matrix, reused across calls.
 */
export class GatheredBlock {
  readonly #d: number;
  readonly #cap: number;
  readonly #rows: Float32Array;
  readonly #norms: Float64Array;
  readonly #dots = new Float64Array(8);
  /** Row-major m×m squared distances of the last `compute` (upper triangle filled, a < b). */
  readonly out: Float64Array;

  constructor(d: number, capacity: number) {
    this.#d = d;
    this.#cap = capacity;
    this.#rows = new Float32Array(capacity * d);
    this.#norms = new Float64Array(capacity);
    this.out = new Float64Array(capacity * capacity);
  }

  /**
   * Fills `out[a·m + b]` (a < b < m) with the squared distance of rows `ids[lo + a]` and `ids[lo + b]` of X;
   * returns m = hi − lo.
   */
  compute(X: PreparedRows, ids: Int32Array, lo: number, hi: number): number {
    const d = this.#d;
    const m = hi - lo;
    if (m > this.#cap) throw new RangeError(`leaf of ${m} rows exceeds capacity ${this.#cap}`);
    const x = this.#rows;
    const norms = this.#norms;
    for (let a = 0; a < m; a++) {
      const i = ids[lo + a]!;
      x.set(X.data.subarray(i * d, i * d + d), a * d);
      norms[a] = X.norms[i]!;
    }
    const out = this.out;
    const dots = this.#dots;
    const aEnd = m;
    let a = 0;
    for (; a + 3 < aEnd; a += 4) {
      let b = a + 4;
      for (; b + 1 < m; b += 2) {
        dots4x2(x, a * d, x, b * d, b * d + d, d, dots);
        for (let r = 0; r < 4; r++) {
          out[(a + r) * m + b] = clamp(norms[a + r]! + norms[b]! - 2 * dots[r]!);
          out[(a + r) * m + b + 1] = clamp(norms[a + r]! + norms[b + 1]! - 2 * dots[4 + r]!);
        }
      }
      if (b < m) {
        dots4x1(x, a * d, x, b * d, d, dots);
        for (let r = 0; r < 4; r++) out[(a + r) * m + b] = clamp(norms[a + r]! + norms[b]! - 2 * dots[r]!);
      }
      for (let p = a; p < a + 3; p++) for (let q = p + 1; q < a + 4; q++) out[p * m + q] = this.#single(p, q);
    }
    for (; a < aEnd; a++) for (let b = a + 1; b < m; b++) out[a * m + b] = this.#single(a, b);
    return m;
  }

  #single(a: number, b: number): number {
    const d = this.#d;
    return clamp(this.#norms[a]! + this.#norms[b]! - 2 * dot1(this.#rows, a * d, this.#rows, b * d, d));
  }
}

function clamp(v: number): number {
  return v > 0 ? v : 0;
}
