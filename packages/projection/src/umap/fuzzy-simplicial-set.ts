import { transpose, type Csr } from '../graph/csr.js';
import type { Knn } from '../types.js';
import type { SmoothKnnDist } from './smooth-knn-dist.js';

/**
 * The directed membership strengths of UMAP's fuzzy graph (umap-learn `compute_membership_strengths`,
 * methods.md §4.2 step 3) as an n×n CSR matrix with sorted columns: for neighbour j of i (self excluded),
 * w = 1 when d − ρ_i ≤ 0 or σ_i = 0, else exp(−(d − ρ_i)/σ_i); zeros are dropped. O(nk log k).
 */
export function membershipStrengths(knn: Knn, scales: SmoothKnnDist): Csr {
  const { indices, distances, k } = knn;
  const n = indices.length / k;
  const { sigmas, rhos } = scales;
  const indptr = new Uint32Array(n + 1);
  const outIdx = new Int32Array(n * k);
  const outVal = new Float32Array(n * k);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const start = at;
    const rho = rhos[i]!;
    const sigma = sigmas[i]!;
    for (let t = 0; t < k; t++) {
      const j = indices[i * k + t]!;
      if (j === i || j < 0) continue;
      const d = distances[i * k + t]! - rho;
      const w = d <= 0 || sigma === 0 ? 1 : Math.exp(-(d / sigma));
      if (!(w > 0)) continue;
      // Insertion by column keeps the row sorted (k is small).
      let p = at++;
      while (p > start && outIdx[p - 1]! > j) {
        outIdx[p] = outIdx[p - 1]!;
        outVal[p] = outVal[p - 1]!;
        p--;
      }
      outIdx[p] = j;
      outVal[p] = w;
    }
    indptr[i + 1] = at;
  }
  return { indptr, indices: outIdx.slice(0, at), values: outVal.slice(0, at), rows: n, cols: n };
}

/**
 * Symmetrises a square CSR graph A with sorted columns by the fuzzy set operations of umap-learn
 * `fuzzy_simplicial_set` (methods.md §4.2 step 4): mix·(A + Aᵀ − A∘Aᵀ) + (1 − mix)·(A∘Aᵀ), zeros dropped.
 * mix = 1 is the fuzzy union, 0 the intersection. The result is symmetric with sorted columns. O(nnz). Copies.
 */
export function fuzzyUnion(A: Csr, mix = 1): Csr {
  const T = transpose(A);
  const n = A.rows;
  const cap = A.indices.length + T.indices.length;
  const indptr = new Uint32Array(n + 1);
  const indices = new Int32Array(cap);
  const values = new Float32Array(cap);
  let at = 0;
  for (let i = 0; i < n; i++) {
    let p = A.indptr[i]!;
    const pe = A.indptr[i + 1]!;
    let q = T.indptr[i]!;
    const qe = T.indptr[i + 1]!;
    while (p < pe || q < qe) {
      const ca = p < pe ? A.indices[p]! : Infinity;
      const cb = q < qe ? T.indices[q]! : Infinity;
      let a = 0;
      let b = 0;
      let col: number;
      if (ca === cb) {
        col = ca;
        a = A.values[p++]!;
        b = T.values[q++]!;
      } else if (ca < cb) {
        col = ca;
        a = A.values[p++]!;
      } else {
        col = cb as number;
        b = T.values[q++]!;
      }
      const prod = a * b;
      const w = mix * (a + b - prod) + (1 - mix) * prod;
      if (w > 0) {
        indices[at] = col;
        values[at] = w;
        at++;
      }
    }
    indptr[i + 1] = at;
  }
  return { indptr, indices: indices.slice(0, at), values: values.slice(0, at), rows: n, cols: n };
}
