import type { Csr } from '../graph/csr.js';

/** umap-learn's default epoch count: 500 for graphs of at most 10,000 rows, else 200 (methods.md §4.1). */
export function defaultEpochs(rows: number): number {
  return rows <= 10000 ? 500 : 200;
}

/**
 * Drops the edges whose weight is below max(w)/nEpochs (umap-learn `simplicial_set_embedding`; methods.md §4.2
 * step 6), with the default epoch count standing in when nEpochs ≤ 10. The pruned graph feeds both the spectral
 * init and the SGD. Keeps column order; O(nnz); copies, does not mutate `graph`.
 */
export function pruneGraph(graph: Csr, nEpochs: number): Csr {
  const epochs = nEpochs > 10 ? nEpochs : defaultEpochs(graph.rows);
  let max = 0;
  for (let t = 0; t < graph.values.length; t++) if (graph.values[t]! > max) max = graph.values[t]!;
  const cut = max / epochs;
  const n = graph.rows;
  const indptr = new Uint32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let t = graph.indptr[i]!, end = graph.indptr[i + 1]!; t < end; t++) if (graph.values[t]! >= cut) at++;
    indptr[i + 1] = at;
  }
  const indices = new Int32Array(at);
  const values = new Float32Array(at);
  at = 0;
  for (let i = 0; i < n; i++) {
    for (let t = graph.indptr[i]!, end = graph.indptr[i + 1]!; t < end; t++) {
      if (graph.values[t]! >= cut) {
        indices[at] = graph.indices[t]!;
        values[at++] = graph.values[t]!;
      }
    }
  }
  return { indptr, indices, values, rows: n, cols: graph.cols };
}
