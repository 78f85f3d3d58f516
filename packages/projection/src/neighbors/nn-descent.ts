import { AbortError } from '../errors.js';
import type { ProgressCallback, Rng } from '../types.js';
import { createKnnHeap, heapPushUnique, EMPTY, type KnnHeap } from './knn-heap.js';
import type { PreparedRows } from './prepared-rows.js';
import type { RpTree } from './rp-forest.js';
import { GatheredBlock } from './gathered-block.js';
import { PairFilter } from './pair-filter.js';
import { dot1, dots1x4 } from './dot-kernels.js';

/** Settings of `nnDescent` (methods.md §1.1; umap-learn `nearest_neighbors`, pynndescent `nn_descent`). */
export interface NnDescentSettings {
  readonly k: number;
  /** Iteration cap: max(5, round(log₂ n)). */
  readonly nIters: number;
  /** Candidates sampled per point and iteration (60). */
  readonly maxCandidates: number;
  /** Stop when an iteration makes ≤ delta·k·n heap updates (0.001). */
  readonly delta: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ProgressCallback | undefined;
}

/**
 * NN-descent (Dong, Moses & Li 2011, as pynndescent does it): seeds each point's heap with its leaf-mates in
 * every RP tree and then random points, and refines by local joins (new×new and new×old candidate pairs,
 * sampled to `maxCandidates` by random priority) until updates fall below delta·k·n or `nIters` pass.
 * Self is never inserted. Returns unsorted heaps of squared distances. Serial and deterministic for a given
 * `rng`. Leaf pairs are computed densely on a gathered, cache-resident copy of each leaf (`GatheredBlock`);
 * every evaluated pair is recorded in a `PairFilter`, and the local joins skip pairs already evaluated (in a
 * leaf, an earlier join or the same iteration via another common neighbour: ≈ 90 % of join pairs at 20k × 768),
 * computing the rest one row against four (`dots1x4`). Every squared distance is the same float64 dot-product
 * expansion as the exact search's, bit for bit. About O(n^1.14) distance evaluations of O(d) each.
 * Memory O(n·(k + 2·maxCandidates)) plus the filter's ≈ 128 bytes per row.
 */
export function nnDescent(X: PreparedRows, forest: readonly RpTree[], rng: Rng, s: NnDescentSettings): KnnHeap {
  const n = X.rows;
  const k = s.k;
  const heap = createKnnHeap(n, k);
  const total = s.nIters + 1;
  let cap = 1;
  for (const tree of forest) for (let l = 0; l + 1 < tree.leafStart.length; l++) cap = Math.max(cap, tree.leafStart[l + 1]! - tree.leafStart[l]!);
  const block = new GatheredBlock(X.cols, cap);
  const seen = new PairFilter(n);
  for (const tree of forest) {
    if (s.signal?.aborted) throw new AbortError('nearestNeighbors was aborted');
    initFromLeaves(X, tree, heap, block, seen);
  }
  fillRandom(X, heap, rng);
  s.onProgress?.({ phase: 'neighbors', done: 1, total });
  const mc = s.maxCandidates;
  const newIdx = new Int32Array(n * mc);
  const newPri = new Float64Array(n * mc);
  const oldIdx = new Int32Array(n * mc);
  const oldPri = new Float64Array(n * mc);
  const newCount = new Int32Array(n);
  const oldCount = new Int32Array(n);
  const cand = new Int32Array(2 * mc);
  const fresh = new Int32Array(2 * mc + 3);
  const dots = new Float64Array(4);
  for (let iter = 0; iter < s.nIters; iter++) {
    if (s.signal?.aborted) throw new AbortError('nearestNeighbors was aborted');
    newCount.fill(0);
    oldCount.fill(0);
    for (let i = 0; i < n; i++) {
      for (let t = i * k, end = t + k; t < end; t++) {
        const j = heap.index[t]!;
        if (j === EMPTY) continue;
        const p = rng();
        if (heap.flag[t]) {
          pushCandidate(newIdx, newPri, newCount, mc, i, j, p);
          pushCandidate(newIdx, newPri, newCount, mc, j, i, p);
        } else {
          pushCandidate(oldIdx, oldPri, oldCount, mc, i, j, p);
          pushCandidate(oldIdx, oldPri, oldCount, mc, j, i, p);
        }
      }
    }
    // Sampled new candidates become old in the heap.
    for (let i = 0; i < n; i++) {
      const c0 = i * mc;
      const c1 = c0 + newCount[i]!;
      for (let t = i * k, end = t + k; t < end; t++) {
        if (!heap.flag[t]) continue;
        const j = heap.index[t]!;
        for (let c = c0; c < c1; c++) {
          if (newIdx[c] === j) {
            heap.flag[t] = 0;
            break;
          }
        }
      }
    }
    let updates = 0;
    for (let i = 0; i < n; i++) {
      const nNew = newCount[i]!;
      if (nNew === 0) continue;
      const nOld = oldCount[i]!;
      cand.set(newIdx.subarray(i * mc, i * mc + nNew), 0);
      cand.set(oldIdx.subarray(i * mc, i * mc + nOld), nNew);
      const m = nNew + nOld;
      for (let a = 0; a < nNew; a++) {
        const p = cand[a]!;
        let cnt = 0;
        for (let b = a + 1; b < m; b++) {
          const q = cand[b]!;
          if (q !== p && !seen.testAndAdd(p, q)) fresh[cnt++] = q;
        }
        updates += joinRow(X, heap, p, fresh, cnt, dots);
      }
    }
    s.onProgress?.({ phase: 'neighbors', done: iter + 2, total });
    if (updates <= s.delta * k * n) break;
  }
  s.onProgress?.({ phase: 'neighbors', done: total, total });
  return heap;
}

/** Adds all pairs of leaf-mates (distances from a gathered, cache-resident copy of the leaf). */
function initFromLeaves(X: PreparedRows, tree: RpTree, heap: KnnHeap, block: GatheredBlock, seen: PairFilter): void {
  const { leafStart, leafPoints } = tree;
  const k = heap.k;
  const out = block.out;
  for (let l = 0; l + 1 < leafStart.length; l++) {
    const lo = leafStart[l]!;
    const m = block.compute(X, leafPoints, lo, leafStart[l + 1]!);
    for (let a = 0; a < m; a++) {
      const p = leafPoints[lo + a]!;
      for (let b = a + 1; b < m; b++) {
        const q = leafPoints[lo + b]!;
        const d = out[a * m + b]!;
        seen.add(p, q);
        if (d <= heap.dist[p * k]!) heapPushUnique(heap, p, d, q);
        if (d <= heap.dist[q * k]!) heapPushUnique(heap, q, d, p);
      }
    }
  }
}

/**
 * Distances from row p to rows `qs[0..cnt)` (four at a time, float64 dot products in index order, so a pair's
 * squared distance equals the leaf kernels' and the exact search's), each offered to both heaps. Returns the
 * number of heap updates.
 */
function joinRow(X: PreparedRows, heap: KnnHeap, p: number, qs: Int32Array, cnt: number, dots: Float64Array): number {
  const { data, norms, cols: d } = X;
  const k = heap.k;
  const dist = heap.dist;
  const np = norms[p]!;
  const a = p * d;
  let updates = 0;
  for (let c = 0; c < cnt; c += 4) {
    const q0 = qs[c]!;
    const q1 = c + 1 < cnt ? qs[c + 1]! : q0;
    const q2 = c + 2 < cnt ? qs[c + 2]! : q0;
    const q3 = c + 3 < cnt ? qs[c + 3]! : q0;
    dots1x4(data, a, data, q0 * d, q1 * d, q2 * d, q3 * d, d, dots);
    for (let r = 0; r < 4 && c + r < cnt; r++) {
      const q = qs[c + r]!;
      const v = np + norms[q]! - 2 * dots[r]!;
      const dd = v > 0 ? v : 0;
      if (dd <= dist[p * k]! && heapPushUnique(heap, p, dd, q)) updates++;
      if (dd <= dist[q * k]! && heapPushUnique(heap, q, dd, p)) updates++;
    }
  }
  return updates;
}

/** Tops up heaps that still have empty slots with random other points (same arithmetic as `joinRow`). */
function fillRandom(X: PreparedRows, heap: KnnHeap, rng: Rng): void {
  const n = X.rows;
  const k = heap.k;
  for (let i = 0; i < n; i++) {
    let empty = 0;
    for (let t = i * k; t < i * k + k; t++) if (heap.index[t] === EMPTY) empty++;
    for (let tries = 0; empty > 0 && tries < 4 * k + 16; tries++) {
      const j = Math.floor(rng() * n);
      if (j === i) continue;
      const v = X.norms[i]! + X.norms[j]! - 2 * dot1(X.data, i * X.cols, X.data, j * X.cols, X.cols);
      if (heapPushUnique(heap, i, v > 0 ? v : 0, j)) empty--;
    }
  }
}

/**
 * Keeps, per row r, the `mc` candidates of smallest random priority (a bounded max-heap on priority), without
 * duplicates. O(mc) per push (O(1) when the row is full and p does not beat its largest priority).
 */
function pushCandidate(idx: Int32Array, pri: Float64Array, count: Int32Array, mc: number, r: number, j: number, p: number): void {
  const base = r * mc;
  const m = count[r]!;
  if (m === mc && p >= pri[base]!) return;
  for (let c = base; c < base + m; c++) if (idx[c] === j) return;
  if (m < mc) {
    // Sift up into a heap of size m + 1.
    let c = m;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (pri[base + parent]! >= p) break;
      pri[base + c] = pri[base + parent]!;
      idx[base + c] = idx[base + parent]!;
      c = parent;
    }
    pri[base + c] = p;
    idx[base + c] = j;
    count[r] = m + 1;
    return;
  }
  let c = 0;
  for (;;) {
    const l = 2 * c + 1;
    if (l >= mc) break;
    const rr = l + 1;
    const g = rr < mc && pri[base + rr]! > pri[base + l]! ? rr : l;
    if (pri[base + g]! <= p) break;
    pri[base + c] = pri[base + g]!;
    idx[base + c] = idx[base + g]!;
    c = g;
  }
  pri[base + c] = p;
  idx[base + c] = j;
}
