import type { Knn } from '../types.js';
import type { RowGroups } from './group-rows.js';

/** A row-normalised A×A overlap matrix in CSR form: row a's entries are `col/val[rowPtr[a] .. rowPtr[a + 1])`, columns ascending. */
export interface SparseOverlap {
  readonly size: number;
  readonly rowPtr: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

/** Sub-cluster overlap R (A×A, sparse) and cluster overlap L (C×C dense, row-major) of one kNN graph. */
export interface Overlap {
  readonly R: SparseOverlap;
  readonly L: Float64Array;
}

/**
 * ClusterPlot's overlap matrices (clusterplot.md §2.4) from the kNN graph of all N rows (points and anchor rows):
 * every directed edge i→j of positive length (zero-length edges are dropped, as the reference's `.nonzero()` does)
 * adds 1 to R[sub(i), sub(j)] and to L[label(i), label(j)]; R's diagonal is dropped (self_relation off); then both are
 * row-normalised (an all-zero row stays empty). So R[a, b] is the share of sub-cluster a's outgoing edges, those back
 * into a excluded, that land in b. `groups` lists the rows of each sub-cluster (from `groupRows(rowAnchor, A)`).
 * Cost O(N·k + nnz·log) time, O(A + nnz) memory (never A²). Does not mutate its inputs.
 */
export function overlapMatrix(knn: Knn, rowAnchor: Int32Array, rowLabel: Int32Array, groups: RowGroups, A: number, C: number): Overlap {
  const k = knn.k;
  const scratch = new Float64Array(A);
  const touched = new Int32Array(A);
  const rowPtr = new Int32Array(A + 1);
  let col = new Int32Array(Math.max(16, A * 4));
  let val = new Float64Array(col.length);
  let nnz = 0;
  const L = new Float64Array(C * C);
  for (let a = 0; a < A; a++) {
    let nt = 0;
    let sum = 0;
    for (let p = groups.start[a]!; p < groups.start[a + 1]!; p++) {
      const i = groups.rows[p]!;
      const li = rowLabel[i]! * C;
      for (let t = i * k; t < (i + 1) * k; t++) {
        if (!(knn.distances[t]! > 0)) continue;
        const j = knn.indices[t]!;
        L[li + rowLabel[j]!]!++;
        const b = rowAnchor[j]!;
        if (b === a) continue;
        if (scratch[b] === 0) touched[nt++] = b;
        scratch[b]!++;
        sum++;
      }
    }
    const cols = touched.subarray(0, nt).sort();
    if (nnz + nt > col.length) {
      const size = Math.max(2 * col.length, nnz + nt);
      const c2 = new Int32Array(size);
      c2.set(col);
      col = c2;
      const v2 = new Float64Array(size);
      v2.set(val);
      val = v2;
    }
    for (let t = 0; t < nt; t++) {
      const b = cols[t]!;
      col[nnz] = b;
      val[nnz++] = scratch[b]! / sum;
      scratch[b] = 0;
    }
    rowPtr[a + 1] = nnz;
  }
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let e = 0; e < C; e++) s += L[c * C + e]!;
    if (s > 0) for (let e = 0; e < C; e++) L[c * C + e]! /= s;
  }
  return { R: { size: A, rowPtr, col: col.slice(0, nnz), val: val.slice(0, nnz) }, L };
}
