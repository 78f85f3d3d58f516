import { AbortError } from '../errors.js';
import type { ProgressCallback, Rng } from '../types.js';
import { createKnnHeap, heapPushUnique, EMPTY, type KnnHeap } from './knn-heap.js';
import { squaredDistance, type PreparedRows } from './prepared-rows.js';
import type { RpTree } from './rp-forest.js';
import { GatheredBlock } from './gathered-block.js';

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
 * `rng`. About O(n^1.14) distance evaluations of O(d) each; each point's local join gathers its candidates'
 * rows into a cache-resident block first (`GatheredBlock`). Memory O(n·(k + 2·maxCandidates)).
 */
export function nnDescent(X: PreparedRows, forest: readonly RpTree[], rng: Rng, s: NnDescentSettings): KnnHeap {
  const n = X.rows;
  const k = s.k;
  const heap = createKnnHeap(n, k);
  const total = s.nIters + 1;
  let cap = 1;
  for (const tree of forest) for (let l = 0; l + 1 < tree.leafStart.length; l++) cap = Math.max(cap, tree.leafStart[l + 1]! - tree.leafStart[l]!);
  const block = new GatheredBlock(X.cols, cap);
  for (const tree of forest) {
    if (s.signal?.aborted) throw new AbortError('nearestNeighbors was aborted');
    initFromLeaves(X, tree, heap, block);
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
  const joinBlock = new GatheredBlock(X.cols, 2 * mc);
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
      const m = joinBlock.compute(X, cand, 0, nNew + nOld, nNew);
      const out = joinBlock.out;
      for (let a = 0; a < nNew; a++) {
        const p = cand[a]!;
        for (let b = a + 1; b < m; b++) {
          const q = cand[b]!;
          if (p === q) continue;
          const dd = out[a * m + b]!;
          if (dd <= heap.dist[p * k]! && heapPushUnique(heap, p, dd, q)) updates++;
          if (dd <= heap.dist[q * k]! && heapPushUnique(heap, q, dd, p)) updates++;
        }
      }
    }
    s.onProgress?.({ phase: 'neighbors', done: iter + 2, total });
    if (updates <= s.delta * k * n) break;
  }
  s.onProgress?.({ phase: 'neighbors', done: total, total });
  return heap;
}

/** Adds all pairs of leaf-mates (distances from a gathered, cache-resident copy of the leaf). */
function initFromLeaves(X: PreparedRows, tree: RpTree, heap: KnnHeap, block: GatheredBlock): void {
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
        if (d <= heap.dist[p * k]!) heapPushUnique(heap, p, d, q);
        if (d <= heap.dist[q * k]!) heapPushUnique(heap, q, d, p);
      }
    }
  }
}

/** Tops up heaps that still have empty slots with random other points. */
function fillRandom(X: PreparedRows, heap: KnnHeap, rng: Rng): void {
  const n = X.rows;
  const k = heap.k;
  for (let i = 0; i < n; i++) {
    let empty = 0;
    for (let t = i * k; t < i * k + k; t++) if (heap.index[t] === EMPTY) empty++;
    for (let tries = 0; empty > 0 && tries < 4 * k + 16; tries++) {
      const j = Math.floor(rng() * n);
      if (j === i) continue;
      if (heapPushUnique(heap, i, squaredDistance(X, i, X, j), j)) empty--;
    }
  }
}

/**
 * Keeps, per row r, the `mc` candidates of smallest random priority (a bounded max-heap on priority), without
 * duplicates. O(mc) per push.
 */
function pushCandidate(idx: Int32Array, pri: Float64Array, count: Int32Array, mc: number, r: number, j: number, p: number): void {
  const base = r * mc;
  const m = count[r]!;
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
  if (p >= pri[base]!) return;
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
