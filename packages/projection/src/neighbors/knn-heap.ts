/**
 * Flat bounded max-heaps, one per row, for k-nearest-neighbour selection: row r owns slots
 * `[r·k, (r+1)·k)` of `dist` (float64 squared distances), `index` and `flag` (1 = new, for NN-descent).
 * Empty slots hold (+∞, `EMPTY`), so a heap is always full and its root is the current k-th best.
 * Order is lexicographic on (distance, index): ties go to the smaller index, which makes the kept set
 * independent of insertion order. Internal to the neighbour stage.
 */
export interface KnnHeap {
  readonly n: number;
  readonly k: number;
  readonly dist: Float64Array;
  readonly index: Int32Array;
  readonly flag: Uint8Array;
}

/** The index of an empty slot (larger than any row index, so it loses every tie). */
export const EMPTY = 0x7fffffff;

/** n heaps of k empty slots. O(nk). */
export function createKnnHeap(n: number, k: number): KnnHeap {
  return { n, k, dist: new Float64Array(n * k).fill(Infinity), index: new Int32Array(n * k).fill(EMPTY), flag: new Uint8Array(n * k) };
}

/** Pushes (d, j) into row r if it beats the root; returns whether it was kept. O(log k). Does not check duplicates. */
export function heapPush(h: KnnHeap, r: number, d: number, j: number, flag = 1): boolean {
  const base = r * h.k;
  const { dist, index } = h;
  const top = dist[base]!;
  if (d > top || (d === top && j >= index[base]!)) return false;
  siftDown(h, base, h.k, d, j, flag);
  return true;
}

/** Like `heapPush`, but rejects j when row r already holds it. O(k). */
export function heapPushUnique(h: KnnHeap, r: number, d: number, j: number, flag = 1): boolean {
  const base = r * h.k;
  const { dist, index } = h;
  const top = dist[base]!;
  if (d > top || (d === top && j >= index[base]!)) return false;
  for (let s = base, end = base + h.k; s < end; s++) if (index[s] === j) return false;
  siftDown(h, base, h.k, d, j, flag);
  return true;
}

/** Replaces the root of the heap at `base` (size m) by (d, j, flag) and restores the heap order. */
function siftDown(h: KnnHeap, base: number, m: number, d: number, j: number, flag: number): void {
  const { dist, index, flag: flags } = h;
  let p = 0;
  for (;;) {
    const l = 2 * p + 1;
    if (l >= m) break;
    let c = l;
    const r = l + 1;
    if (r < m) {
      const dl = dist[base + l]!;
      const dr = dist[base + r]!;
      if (dr > dl || (dr === dl && index[base + r]! > index[base + l]!)) c = r;
    }
    const dc = dist[base + c]!;
    if (dc < d || (dc === d && index[base + c]! < j)) break;
    dist[base + p] = dc;
    index[base + p] = index[base + c]!;
    flags[base + p] = flags[base + c]!;
    p = c;
  }
  dist[base + p] = d;
  index[base + p] = j;
  flags[base + p] = flag;
}

/** Heap-sorts every row ascending by (distance, index), in place. O(nk log k). */
export function sortKnnHeap(h: KnnHeap): void {
  const { n, k, dist, index, flag } = h;
  for (let r = 0; r < n; r++) {
    const base = r * k;
    for (let m = k - 1; m > 0; m--) {
      const d = dist[base + m]!;
      const j = index[base + m]!;
      const f = flag[base + m]!;
      dist[base + m] = dist[base]!;
      index[base + m] = index[base]!;
      flag[base + m] = flag[base]!;
      siftDown(h, base, m, d, j, f);
    }
  }
}
