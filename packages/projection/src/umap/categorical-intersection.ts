import type { Csr } from '../graph/csr.js';
import { fuzzyUnion } from './fuzzy-simplicial-set.js';

/**
 * Supervised UMAP with a categorical target (umap-learn `discrete_metric_simplicial_set_intersection` followed by
 * `reset_local_connectivity`; methods.md §4.5). For every stored edge (i, j): ×e^{−1} when either label is −1
 * (unknown), ×e^{−farDist} when the labels differ; then each row is scaled to max 1 and fuzzy-unioned with its
 * transpose. farDist = 2.5/(1 − targetWeight), or 1e12 when targetWeight ≥ 1. Adds no edges. O(nnz). Copies.
 */
export function categoricalIntersection(graph: Csr, target: Int32Array, targetWeight: number): Csr {
  const farDist = targetWeight < 1 ? 2.5 * (1 / (1 - targetWeight)) : 1e12;
  const far = Math.exp(-farDist);
  const unknown = Math.exp(-1);
  const n = graph.rows;
  const indptr = new Uint32Array(n + 1);
  const indices = new Int32Array(graph.indices.length);
  const values = new Float32Array(graph.indices.length);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const start = at;
    const yi = target[i]!;
    let max = 0;
    for (let t = graph.indptr[i]!, end = graph.indptr[i + 1]!; t < end; t++) {
      const j = graph.indices[t]!;
      const yj = target[j]!;
      let w = graph.values[t]!;
      if (yi === -1 || yj === -1) w *= unknown;
      else if (yi !== yj) w *= far;
      if (!(w > 0)) continue;
      indices[at] = j;
      values[at] = w;
      if (w > max) max = w;
      at++;
    }
    if (max > 0) for (let t = start; t < at; t++) values[t] = values[t]! / max;
    indptr[i + 1] = at;
  }
  return fuzzyUnion({ indptr, indices: indices.slice(0, at), values: values.slice(0, at), rows: n, cols: n }, 1);
}
