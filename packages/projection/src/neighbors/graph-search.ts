import { AbortError } from '../errors.js';
import type { Csr } from '../graph/csr.js';
import type { Knn, ProgressCallback, Rng } from '../types.js';
import { heapToKnn } from './exact-knn-blocked.js';
import { createKnnHeap, heapPush, EMPTY } from './knn-heap.js';
import { squaredDistance, type PreparedRows } from './prepared-rows.js';
import { searchRpTree, type RpTree } from './rp-forest.js';

/** Settings of `graphSearch`. */
export interface GraphSearchSettings {
  readonly k: number;
  /** Search breadth (pynndescent `epsilon`, 0.1): expand candidates within (1 + ε)·(current k-th distance). */
  readonly epsilon: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ProgressCallback | undefined;
}

/**
 * Approximate k nearest training rows of each query row (pynndescent `NNDescent.query`): seeds with the query's
 * leaf in every RP tree (random training rows top up a short list), then best-first descent on `graph`
 * (the kNN graph with its reverse edges), expanding a candidate while its distance is within (1 + ε) of the
 * current k-th best. Nothing is excluded. Deterministic for a given `rng`. Memory O(n) scratch; time roughly
 * O(k·log n·d) per query.
 */
export function graphSearch(
  train: PreparedRows,
  forest: readonly RpTree[],
  graph: Csr,
  queries: PreparedRows,
  rng: Rng,
  s: GraphSearchSettings,
): Knn {
  const n = train.rows;
  const m = queries.rows;
  const k = s.k;
  const heap = createKnnHeap(m, k);
  const visited = new Uint32Array(n);
  const frontDist = new Float64Array(n);
  const frontIdx = new Int32Array(n);
  const scale = (1 + s.epsilon) * (1 + s.epsilon);
  for (let q = 0; q < m; q++) {
    if ((q & 255) === 0) {
      if (s.signal?.aborted) throw new AbortError('query was aborted');
      s.onProgress?.({ phase: 'neighbors', done: q, total: m });
    }
    const stamp = q + 1;
    let size = 0;
    const top = q * k;
    const visit = (j: number): void => {
      visited[j] = stamp;
      const d = squaredDistance(queries, q, train, j);
      if (heap.dist[top]! === Infinity || d < heap.dist[top]! * scale) {
        heapPush(heap, q, d, j, 0);
        size = frontierPush(frontDist, frontIdx, size, d, j);
      }
    };
    for (const tree of forest) {
      const leaf = searchRpTree(tree, queries, q);
      for (let t = tree.leafStart[leaf]!, end = tree.leafStart[leaf + 1]!; t < end; t++) {
        const j = tree.leafPoints[t]!;
        if (visited[j] !== stamp) visit(j);
      }
    }
    for (let tries = 0; heap.index[top + k - 1] === EMPTY && tries < 8 * k; tries++) {
      const j = Math.floor(rng() * n);
      if (visited[j] !== stamp) visit(j);
    }
    while (size > 0) {
      const dc = frontDist[0]!;
      const c = frontIdx[0]!;
      size = frontierPop(frontDist, frontIdx, size);
      if (dc > heap.dist[top]! * scale) break;
      for (let t = graph.indptr[c]!, end = graph.indptr[c + 1]!; t < end; t++) {
        const j = graph.indices[t]!;
        if (visited[j] !== stamp) visit(j);
      }
    }
  }
  s.onProgress?.({ phase: 'neighbors', done: m, total: m });
  return heapToKnn(heap, m, train.metric);
}

/** Min-heap push on (distance, index) arrays of current size `size`; returns the new size. */
function frontierPush(dist: Float64Array, idx: Int32Array, size: number, d: number, j: number): number {
  let c = size;
  while (c > 0) {
    const p = (c - 1) >> 1;
    if (dist[p]! <= d) break;
    dist[c] = dist[p]!;
    idx[c] = idx[p]!;
    c = p;
  }
  dist[c] = d;
  idx[c] = j;
  return size + 1;
}

/** Removes the minimum; returns the new size. */
function frontierPop(dist: Float64Array, idx: Int32Array, size: number): number {
  const last = size - 1;
  const d = dist[last]!;
  const j = idx[last]!;
  let c = 0;
  for (;;) {
    const l = 2 * c + 1;
    if (l >= last) break;
    const r = l + 1;
    const g = r < last && dist[r]! < dist[l]! ? r : l;
    if (dist[g]! >= d) break;
    dist[c] = dist[g]!;
    idx[c] = idx[g]!;
    c = g;
  }
  dist[c] = d;
  idx[c] = j;
  return last;
}
