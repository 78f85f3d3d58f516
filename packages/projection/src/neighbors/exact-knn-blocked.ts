import { AbortError } from '../errors.js';
import type { Knn, ProgressCallback } from '../types.js';
import { createKnnHeap, heapPush, sortKnnHeap, type KnnHeap } from './knn-heap.js';
import { dot1, dots4x1, dots4x2 } from './dot-kernels.js';
import { finishDistance, type PreparedRows } from './prepared-rows.js';

/** Run controls of the exact kernels. */
export interface ExactKnnControls {
  /** Checked between query blocks; an abort throws `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Called after each query block with phase `'neighbors'`, done/total in query rows. */
  onProgress?: ProgressCallback | undefined;
}

/** Query rows per outer block (progress and abort granularity; a multiple of 4). */
const QUERY_BLOCK = 256;

/**
 * Exact k nearest neighbours of every prepared row among the others, self excluded by index (a duplicate
 * twin at distance 0 is kept), ties to the smaller index. Computes each pair once (symmetric blocking) with
 * float64 dot products accumulated in index order, so distances are bit-identical to `exactKnn`'s.
 * Tiles 4 query rows × one streamed reference row, over reference blocks of ~128 KB. O(n²d/2) time,
 * O(nk) extra memory. Rows of the result are sorted by ascending distance. Requires 1 ≤ k ≤ n − 1.
 */
export function exactKnnSelf(X: PreparedRows, k: number, controls: ExactKnnControls = {}): Knn {
  const heap = createKnnHeap(X.rows, k);
  runBlocks(X, X, heap, true, controls);
  return heapToKnn(heap, X.rows, X.metric);
}

/**
 * Exact k nearest training rows of every query row (both prepared with the training mean); nothing is excluded,
 * so a query equal to a training row lists it at distance 0. Same arithmetic and tie rule as `exactKnnSelf`.
 * O(m·n·d) time for m queries. Requires 1 ≤ k ≤ n.
 */
export function exactKnnQuery(train: PreparedRows, queries: PreparedRows, k: number, controls: ExactKnnControls = {}): Knn {
  const heap = createKnnHeap(queries.rows, k);
  runBlocks(queries, train, heap, false, controls);
  return heapToKnn(heap, queries.rows, train.metric);
}

/** Sorts the heaps and converts squared distances to reported ones. */
export function heapToKnn(heap: KnnHeap, rows: number, metric: PreparedRows['metric']): Knn {
  sortKnnHeap(heap);
  const k = heap.k;
  const distances = new Float32Array(rows * k);
  for (let t = 0; t < rows * k; t++) distances[t] = finishDistance(heap.dist[t]!, metric);
  return { indices: heap.index.slice(0, rows * k), distances, k };
}

function runBlocks(Q: PreparedRows, R: PreparedRows, heap: KnnHeap, symmetric: boolean, controls: ExactKnnControls): void {
  const m = Q.rows;
  const n = R.rows;
  const d = Q.cols;
  const refBlock = Math.max(8, Math.floor(32768 / d));
  for (let q0 = 0; q0 < m; q0 += QUERY_BLOCK) {
    if (controls.signal?.aborted) throw new AbortError('nearestNeighbors was aborted');
    const q1 = Math.min(m, q0 + QUERY_BLOCK);
    // Symmetric: pairs (i, j) with j > i only; blocks left of the diagonal were done by earlier query blocks.
    for (let r0 = symmetric ? q0 : 0; r0 < n; r0 += refBlock) {
      const r1 = Math.min(n, r0 + refBlock);
      tile(Q, R, heap, q0, q1, r0, r1, symmetric);
    }
    controls.onProgress?.({ phase: 'neighbors', done: q1, total: m });
  }
}

/** All pairs of query rows [q0, q1) × reference rows [r0, r1): 4 query rows × 2 streamed reference rows per pass. */
function tile(Q: PreparedRows, R: PreparedRows, heap: KnnHeap, q0: number, q1: number, r0: number, r1: number, symmetric: boolean): void {
  const x = Q.data;
  const y = R.data;
  const d = Q.cols;
  const qn = Q.norms;
  const rn = R.norms;
  const out = new Float64Array(8);
  let i = q0;
  for (; i + 3 < q1; i += 4) {
    const a = i * d;
    let j = symmetric ? Math.max(r0, i + 4) : r0;
    for (; j + 1 < r1; j += 2) {
      dots4x2(x, a, y, j * d, j * d + d, d, out);
      const nj = rn[j]!;
      const nk = rn[j + 1]!;
      for (let r = 0; r < 4; r++) {
        offer(heap, i + r, j, qn[i + r]! + nj - 2 * out[r]!, symmetric);
        offer(heap, i + r, j + 1, qn[i + r]! + nk - 2 * out[4 + r]!, symmetric);
      }
    }
    if (j < r1) {
      dots4x1(x, a, y, j * d, d, out);
      for (let r = 0; r < 4; r++) offer(heap, i + r, j, qn[i + r]! + rn[j]! - 2 * out[r]!, symmetric);
    }
    // Symmetric: the pairs inside the quad, skipped above (row < j ≤ i + 3).
    if (symmetric) {
      for (let p = i; p < i + 3; p++) {
        for (let jj = p + 1; jj <= i + 3; jj++) if (jj >= r0 && jj < r1) offer(heap, p, jj, qn[p]! + rn[jj]! - 2 * dot1(x, p * d, y, jj * d, d), true);
      }
    }
  }
  for (; i < q1; i++) {
    for (let j = symmetric ? Math.max(r0, i + 1) : r0; j < r1; j++) offer(heap, i, j, qn[i]! + rn[j]! - 2 * dot1(x, i * d, y, j * d, d), symmetric);
  }
}

/** Offers a pair to row i's heap and, in symmetric mode, to row j's (callers never pass i = j there). */
function offer(heap: KnnHeap, i: number, j: number, v: number, symmetric: boolean): void {
  const e = v > 0 ? v : 0;
  heapPush(heap, i, e, j);
  if (symmetric) heapPush(heap, j, e, i);
}
