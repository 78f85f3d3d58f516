import { ProjectionInputError } from '../errors.js';
import type { Knn } from '../types.js';

/**
 * A sparse rows×cols matrix in compressed sparse row form (scipy `csr_matrix` layout): the entries of row i
 * are `indices[indptr[i] .. indptr[i + 1])` (column ids) with `values` at the same positions.
 * `indptr` has rows + 1 entries, starts at 0 and never decreases. Columns within a row are sorted ascending
 * by the constructors here; explicit zeros are allowed.
 */
export interface Csr {
  readonly indptr: Uint32Array | Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
  readonly rows: number;
  readonly cols: number;
}

/**
 * The kNN graph as an n×n CSR matrix: row i holds i's k neighbours (columns sorted ascending) with their
 * distances as values. Copies; does not mutate `knn`. O(nk log k).
 * @throws ProjectionInputError when `knn` is malformed (length not n·k, or an index outside [0, n)).
 */
export function knnToCsr(knn: Knn): Csr {
  const { indices, distances, k } = knn;
  if (!Number.isInteger(k) || k < 1 || indices.length % k !== 0 || distances.length !== indices.length) {
    throw new ProjectionInputError('knn', indices.length, `indices and distances must both hold n·k values (k = ${k})`);
  }
  const n = indices.length / k;
  const indptr = new Uint32Array(n + 1);
  const outIdx = new Int32Array(n * k);
  const outVal = new Float32Array(n * k);
  const order = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const base = i * k;
    for (let t = 0; t < k; t++) {
      const j = indices[base + t]!;
      if (!(j >= 0 && j < n)) throw new ProjectionInputError(`knn.indices[${base + t}]`, j, `must be a row index in [0, ${n})`);
      order[t] = t;
    }
    order.sort((a, b) => indices[base + a]! - indices[base + b]!);
    for (let t = 0; t < k; t++) {
      outIdx[base + t] = indices[base + order[t]!]!;
      outVal[base + t] = distances[base + order[t]!]!;
    }
    indptr[i + 1] = base + k;
  }
  return { indptr, indices: outIdx, values: outVal, rows: n, cols: n };
}

/**
 * The transpose (cols×rows) of a CSR matrix, by counting sort: columns of each output row come out ascending
 * when the input rows are in order. O(rows + cols + nnz); copies, does not mutate `a`.
 */
export function transpose(a: Csr): Csr {
  const { rows, cols, indptr, indices, values } = a;
  const nnz = indptr[rows]!;
  const outPtr = new Uint32Array(cols + 1);
  for (let t = 0; t < nnz; t++) outPtr[indices[t]! + 1]!++;
  for (let c = 0; c < cols; c++) outPtr[c + 1]! += outPtr[c]!;
  const next = outPtr.slice(0, cols);
  const outIdx = new Int32Array(nnz);
  const outVal = new Float32Array(nnz);
  for (let r = 0; r < rows; r++) {
    for (let t = indptr[r]!, end = indptr[r + 1]!; t < end; t++) {
      const p = next[indices[t]!]!++;
      outIdx[p] = r;
      outVal[p] = values[t]!;
    }
  }
  return { indptr: outPtr, indices: outIdx, values: outVal, rows: cols, cols: rows };
}

/** Calls `fn(column, value)` for each stored entry of row `i`, in storage order. O(row length). */
export function forEachInRow(a: Csr, i: number, fn: (column: number, value: number) => void): void {
  for (let t = a.indptr[i]!, end = a.indptr[i + 1]!; t < end; t++) fn(a.indices[t]!, a.values[t]!);
}
