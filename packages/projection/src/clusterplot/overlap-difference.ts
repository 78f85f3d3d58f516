import type { SparseOverlap } from './overlap-matrix.js';

/** The loss and the worst pairs of one comparison of high-D and 2-D overlap. */
export interface OverlapDifference {
  readonly loss: number;
  /** The chosen pairs, worst first: source anchor, target anchor, and R_HD − R_2D (sign gives the direction). */
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly diff: Float64Array;
}

/** Which entries count and how the loss is taken (clusterplot.md §2.7 steps 2–3). */
export interface DifferenceRules {
  /** Dense cluster index of every anchor: same-cluster entries are masked (mask_relation_in_same_label). */
  readonly anchorLabel: Int32Array;
  /** Rows of anchors with density < `maskSparseSubcluster` are masked (0 = off). */
  readonly density: Int32Array;
  readonly maskSparseSubcluster: number;
  readonly loss: 'linf' | 'mse';
  /** How many worst pairs to return (top_greedy). */
  readonly top: number;
}

/**
 * Compares R_HD with R_2D over the union of their stored entries, after masking same-cluster entries and sparse rows:
 * loss = max |ΔR| (`'linf'`) or Σ ΔR² / A² (`'mse'`, the reference divides by all A² entries), and the `top` pairs with the
 * largest |ΔR|. Tie-break (the reference's order is unspecified): larger |ΔR| first, then the larger flat index s·A + t,
 * which is what a stable ascending sort, reversed, gives. Entries equal in both matrices (ΔR = 0) are never picked.
 * Cost O(nnz_HD + nnz_2D + nnz·top) time, O(top) memory. Does not mutate its inputs.
 */
export function overlapDifference(hd: SparseOverlap, ld: SparseOverlap, rules: DifferenceRules): OverlapDifference {
  const A = hd.size;
  const T = rules.top;
  const bestAbs = new Float64Array(T).fill(-1);
  const bestFlat = new Float64Array(T).fill(-1);
  const bestDiff = new Float64Array(T);
  let found = 0;
  let max = 0;
  let sq = 0;
  const consider = (s: number, t: number, diff: number): void => {
    if (rules.anchorLabel[s] === rules.anchorLabel[t] || diff === 0) return;
    const a = Math.abs(diff);
    if (a > max) max = a;
    sq += diff * diff;
    const flat = s * A + t;
    if (found === T && (a < bestAbs[T - 1]! || (a === bestAbs[T - 1]! && flat < bestFlat[T - 1]!))) return;
    let p = found < T ? found++ : T - 1;
    while (p > 0 && (bestAbs[p - 1]! < a || (bestAbs[p - 1]! === a && bestFlat[p - 1]! < flat))) {
      bestAbs[p] = bestAbs[p - 1]!;
      bestFlat[p] = bestFlat[p - 1]!;
      bestDiff[p] = bestDiff[p - 1]!;
      p--;
    }
    bestAbs[p] = a;
    bestFlat[p] = flat;
    bestDiff[p] = diff;
  };
  for (let s = 0; s < A; s++) {
    if (rules.maskSparseSubcluster > 0 && rules.density[s]! < rules.maskSparseSubcluster) continue;
    let p = hd.rowPtr[s]!;
    let q = ld.rowPtr[s]!;
    const pe = hd.rowPtr[s + 1]!;
    const qe = ld.rowPtr[s + 1]!;
    while (p < pe || q < qe) {
      const cp = p < pe ? hd.col[p]! : A;
      const cq = q < qe ? ld.col[q]! : A;
      if (cp === cq) consider(s, cp, hd.val[p++]! - ld.val[q++]!);
      else if (cp < cq) consider(s, cp, hd.val[p++]!);
      else consider(s, cq, -ld.val[q++]!);
    }
  }
  const source = new Int32Array(found);
  const target = new Int32Array(found);
  for (let i = 0; i < found; i++) {
    source[i] = Math.floor(bestFlat[i]! / A);
    target[i] = bestFlat[i]! - source[i]! * A;
  }
  return { loss: rules.loss === 'linf' ? max : sq / (A * A), source, target, diff: bestDiff.slice(0, found) };
}
