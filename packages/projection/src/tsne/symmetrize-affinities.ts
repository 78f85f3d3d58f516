/**
 * The joint affinity matrix P of t-SNE: n×n sparse, symmetric, float64, CSR (row i's columns ascending in
 * `indices[indptr[i] .. indptr[i + 1])`), no diagonal, ΣP = 1.
 */
export interface JointAffinities {
  readonly indptr: Uint32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  readonly n: number;
}

/**
 * openTSNE's `joint_probabilities_nn` with `symmetrize=True` (methods.md §7.2 step 4): P = (C + Cᵀ)/2 over the
 * union of the kNN pattern, then divided by its total so ΣP = 1. `indices`/`conditional` are n×k row-major
 * (self excluded). O(nk log k) (row sorts) + O(nk) merge. Does not mutate its inputs.
 */
export function symmetrizeAffinities(indices: Int32Array, conditional: Float64Array, n: number, k: number): JointAffinities {
  // C as CSR with sorted columns.
  const cPtr = new Uint32Array(n + 1);
  const cIdx = new Int32Array(n * k);
  const cVal = new Float64Array(n * k);
  const order = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const base = i * k;
    for (let t = 0; t < k; t++) order[t] = t;
    order.sort((a, b) => indices[base + a]! - indices[base + b]!);
    for (let t = 0; t < k; t++) {
      cIdx[base + t] = indices[base + order[t]!]!;
      cVal[base + t] = conditional[base + order[t]!]!;
    }
    cPtr[i + 1] = base + k;
  }
  // Cᵀ by counting sort (rows come out with ascending columns).
  const tPtr = new Uint32Array(n + 1);
  for (let t = 0; t < n * k; t++) tPtr[cIdx[t]! + 1]!++;
  for (let i = 0; i < n; i++) tPtr[i + 1]! += tPtr[i]!;
  const next = tPtr.slice(0, n);
  const tIdx = new Int32Array(n * k);
  const tVal = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let t = cPtr[i]!; t < cPtr[i + 1]!; t++) {
      const p = next[cIdx[t]!]!++;
      tIdx[p] = i;
      tVal[p] = cVal[t]!;
    }
  }
  // Merge row by row: union of both patterns, values summed.
  const indptr = new Uint32Array(n + 1);
  const outIdx = new Int32Array(2 * n * k);
  const outVal = new Float64Array(2 * n * k);
  let nnz = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let a = cPtr[i]!;
    const aEnd = cPtr[i + 1]!;
    let b = tPtr[i]!;
    const bEnd = tPtr[i + 1]!;
    while (a < aEnd || b < bEnd) {
      const ca = a < aEnd ? cIdx[a]! : n;
      const cb = b < bEnd ? tIdx[b]! : n;
      let v = 0;
      let col: number;
      if (ca <= cb) {
        col = ca;
        v += cVal[a++]!;
        if (cb === ca) v += tVal[b++]!;
      } else {
        col = cb;
        v += tVal[b++]!;
      }
      if (col === i) continue; // self never appears in a kNN list; guard anyway
      outIdx[nnz] = col;
      outVal[nnz] = v;
      total += v;
      nnz++;
    }
    indptr[i + 1] = nnz;
  }
  const values = outVal.slice(0, nnz);
  if (total > 0) for (let t = 0; t < nnz; t++) values[t]! /= total;
  return { indptr, indices: outIdx.slice(0, nnz), values, n };
}
