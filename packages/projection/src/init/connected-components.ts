import type { Csr } from '../graph/csr.js';

/** Connected components of a graph: `labels[i]` ∈ [0, count), numbered in order of their smallest vertex. */
export interface Components {
  readonly count: number;
  readonly labels: Int32Array;
}

/**
 * Connected components of the undirected graph stored in a square CSR matrix (each stored entry (i, j) joins
 * i and j; a symmetric pattern is not required). Union–find with path halving, O(nnz·α(n)). Does not mutate.
 */
export function connectedComponents(graph: Csr): Components {
  const n = graph.rows;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let i = 0; i < n; i++) {
    for (let t = graph.indptr[i]!, end = graph.indptr[i + 1]!; t < end; t++) {
      const a = find(i);
      const b = find(graph.indices[t]!);
      if (a !== b) {
        if (a < b) parent[b] = a;
        else parent[a] = b;
      }
    }
  }
  const labels = new Int32Array(n).fill(-1);
  const rootLabel = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (rootLabel[r] === -1) rootLabel[r] = count++;
    labels[i] = rootLabel[r]!;
  }
  return { count, labels };
}

/** The subgraph induced by `members` (ascending vertex ids), re-indexed 0..members.length−1. O(nnz of the rows). */
export function inducedSubgraph(graph: Csr, members: Int32Array): Csr {
  const local = new Map<number, number>();
  members.forEach((v, i) => local.set(v, i));
  const m = members.length;
  const indptr = new Uint32Array(m + 1);
  const idx: number[] = [];
  const val: number[] = [];
  for (let r = 0; r < m; r++) {
    const i = members[r]!;
    for (let t = graph.indptr[i]!, end = graph.indptr[i + 1]!; t < end; t++) {
      const c = local.get(graph.indices[t]!);
      if (c === undefined) continue;
      idx.push(c);
      val.push(graph.values[t]!);
    }
    indptr[r + 1] = idx.length;
  }
  return { indptr, indices: Int32Array.from(idx), values: Float32Array.from(val), rows: m, cols: m };
}
