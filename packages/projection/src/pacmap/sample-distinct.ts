import type { Rng } from '../types.js';

/**
 * Draws `count` distinct integers uniformly from [0, n) into `out[at .. at + count)`, rejecting `self`, the
 * values already drawn and `reject[rejectFrom .. rejectTo)` (PaCMAP 0.9.1 `sample_FP`, by rejection). The caller
 * guarantees that at least `count` values remain allowed. Expected O(count·(count + rejected)) with few
 * rejections when count ≪ n. Deterministic given `rng`; writes only the `out` range.
 */
export function sampleDistinct(
  rng: Rng,
  n: number,
  count: number,
  self: number,
  reject: Int32Array,
  rejectFrom: number,
  rejectTo: number,
  out: Int32Array,
  at: number,
): void {
  for (let t = 0; t < count; t++) {
    let j: number;
    for (;;) {
      j = Math.floor(rng() * n);
      if (j === self || contains(out, at, at + t, j) || contains(reject, rejectFrom, rejectTo, j)) continue;
      break;
    }
    out[at + t] = j;
  }
}

function contains(a: Int32Array, from: number, to: number, value: number): boolean {
  for (let t = from; t < to; t++) if (a[t] === value) return true;
  return false;
}
