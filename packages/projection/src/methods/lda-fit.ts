import { ProjectionInputError } from '../errors.js';
import { crossProduct } from '../linalg/cross-product.js';
import { groupMeans } from '../linalg/group-means.js';
import { symmetricEigen } from '../linalg/symmetric-eigen.js';
import type { Job } from '../runtime/job.js';
import type { Matrix } from '../types.js';
import type { ClusterIndex } from './cluster-index.js';
import { LdaModel } from './lda-model.js';

/** scikit-learn's `tol` of the svd solver: absolute on the within step, relative on the between step. */
const TOL = 1e-4;

/**
 * The LDA fit as a job (methods.md §3, scikit-learn 1.2.1 `_solve_svd`, by the float64 Gram route):
 * 1. class means μ_k, priors π_k = n_k/n, x̄ = Σπ_kμ_k; within scatter Sw = Σ_k (X_k − μ_k)ᵀ(X_k − μ_k) (O(nd²/2));
 * 2. σ_j = √(Sw_jj/n) (1 where 0); G = Sw/(σσᵀ)/(n − K) = XwᵀXw; all eigenpairs of G (O(d³)); S = √λ;
 *    keep S > 1e-4 (rank_w) and scalings = V/σ/S (d×rank_w);
 * 3. M = √(n·π_k/(K − 1))·(μ_k − x̄)·scalings (K×rank_w) and its SVD via the smaller Gram matrix; keep
 *    S₂ > 1e-4·S₂₁ (rank_b); axes = scalings·V₂.
 * Our policy when fewer than k discriminant axes exist (K ≤ k, rank_b < k): the missing axes are the largest
 * within-class (scaled) principal directions orthogonal to the discriminant ones, in the same within-SD units;
 * if even those run out (rank_w < k), zero axes. Both are reported in `notes`.
 * X and `clusters` must be validated, K ≥ 2, n > K, k ≤ d.
 */
export function* fitLdaJob(X: Matrix, clusters: ClusterIndex, k: number): Job<LdaModel> {
  const { rows: n, cols: d } = X;
  const { index, counts, ids } = clusters;
  const K = counts.length;
  const means = groupMeans(X, index, counts);
  const priors = new Float64Array(K);
  const xbar = new Float64Array(d);
  for (let c = 0; c < K; c++) {
    priors[c] = counts[c]! / n;
    for (let j = 0; j < d; j++) xbar[j]! += priors[c]! * means[c * d + j]!;
  }
  const Sw = yield* crossProduct(X, { centers: means, index }, 'within-scatter');
  yield { phase: 'eigen', done: 0, total: 2 };
  const sigma = new Float64Array(d);
  for (let j = 0; j < d; j++) sigma[j] = Math.sqrt(Sw[j * d + j]! / n) || 1;
  const fac = 1 / (n - K);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) Sw[i * d + j] = (fac * Sw[i * d + j]!) / (sigma[i]! * sigma[j]!);
  const within = symmetricEigen(Sw, d);
  let rw = 0;
  while (rw < d && Math.sqrt(Math.max(within.values[rw]!, 0)) > TOL) rw++;
  if (rw === 0) throw new ProjectionInputError('X', `${n}×${d}`, 'has no within-class variance (every row equals its class mean); LDA is undefined');
  const scal = new Float64Array(d * rw); // d×rw
  for (let c = 0; c < rw; c++) {
    const s = Math.sqrt(within.values[c]!);
    for (let j = 0; j < d; j++) scal[j * rw + c] = within.vectors[c * d + j]! / sigma[j]! / s;
  }
  yield { phase: 'eigen', done: 1, total: 2 };
  // Between-class step: M (K×rw).
  const M = new Float64Array(K * rw);
  const diff = new Float64Array(d);
  for (let c = 0; c < K; c++) {
    const w = Math.sqrt((n * priors[c]!) / (K - 1));
    for (let j = 0; j < d; j++) diff[j] = means[c * d + j]! - xbar[j]!;
    for (let j = 0; j < d; j++) {
      const v = w * diff[j]!;
      if (v === 0) continue;
      for (let t = 0; t < rw; t++) M[c * rw + t]! += v * scal[j * rw + t]!;
    }
  }
  const { values: S2, vectors: V2 } = rightSingular(M, K, rw);
  let rb = 0;
  while (rb < S2.length && S2[rb]! > TOL * S2[0]!) rb++;
  const maxComponents = Math.min(K - 1, d);
  let total = 0;
  for (let c = 0; c < S2.length; c++) total += S2[c]! * S2[c]!;
  const ratio = new Float64Array(Math.min(maxComponents, S2.length));
  for (let c = 0; c < ratio.length; c++) ratio[c] = total > 0 ? (S2[c]! * S2[c]!) / total : 0;
  // Output directions Q (k unit columns in the whitened rw-space).
  const nDisc = Math.min(k, rb, maxComponents);
  const Q: Float64Array[] = [];
  for (let c = 0; c < nDisc; c++) Q.push(V2.slice(c * rw, (c + 1) * rw));
  const notes: string[] = [];
  for (let basis = 0; Q.length < k && basis < rw; basis++) {
    const q = new Float64Array(rw);
    q[basis] = 1;
    for (let pass = 0; pass < 2; pass++) {
      for (const p of Q) {
        let h = 0;
        for (let t = 0; t < rw; t++) h += q[t]! * p[t]!;
        for (let t = 0; t < rw; t++) q[t]! -= h * p[t]!;
      }
    }
    let norm = 0;
    for (let t = 0; t < rw; t++) norm += q[t]! * q[t]!;
    if (norm < 1e-6) continue;
    norm = Math.sqrt(norm);
    for (let t = 0; t < rw; t++) q[t]! /= norm;
    Q.push(q);
  }
  const filled = Q.length - nDisc;
  if (filled > 0) {
    notes.push(
      `only ${nDisc} discriminant axis(es) (K = ${K} classes, between-class rank ${rb}); axes ${nDisc + 1}..${nDisc + filled} are the largest ` +
        'within-class principal directions orthogonal to them, in pooled within-class SD units',
    );
  }
  if (Q.length < k) notes.push(`within-class rank ${rw} < ${k}: axes ${Q.length + 1}..${k} are zero`);
  const scalings = new Float64Array(d * k);
  Q.forEach((q, c) => {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let t = 0; t < rw; t++) s += scal[j * rw + t]! * q[t]!;
      scalings[j * k + c] = s;
    }
  });
  applySignRule(scalings, d, k, nDisc, means, xbar, K);
  yield { phase: 'eigen', done: 2, total: 2 };
  return new LdaModel({
    classes: ids,
    priors,
    means,
    xbar,
    scalings,
    explainedVarianceRatio: ratio,
    nComponents: k,
    nFeatures: d,
    nDiscriminant: nDisc,
    rankWithin: rw,
    rankBetween: rb,
    notes,
  });
}

/**
 * Singular values (decreasing, min(K, r) of them) and right singular vectors (rows, r-long) of M (K×r), via
 * the eigenpairs of the smaller Gram matrix (MᵀM, or MMᵀ with v = Mᵀu/s). Float64; accurate far below the
 * relative 1e-4 rank cut.
 */
function rightSingular(M: Float64Array, K: number, r: number): { values: Float64Array; vectors: Float64Array } {
  const p = Math.min(K, r);
  const values = new Float64Array(p);
  const vectors = new Float64Array(p * r);
  if (r <= K) {
    const G = new Float64Array(r * r);
    for (let c = 0; c < K; c++) {
      for (let a = 0; a < r; a++) {
        const ma = M[c * r + a]!;
        if (ma === 0) continue;
        for (let b = 0; b < r; b++) G[a * r + b]! += ma * M[c * r + b]!;
      }
    }
    const e = symmetricEigen(G, r);
    for (let c = 0; c < p; c++) values[c] = Math.sqrt(Math.max(e.values[c]!, 0));
    vectors.set(e.vectors.subarray(0, p * r));
    return { values, vectors };
  }
  const G = new Float64Array(K * K);
  for (let a = 0; a < K; a++) {
    for (let b = a; b < K; b++) {
      let s = 0;
      for (let t = 0; t < r; t++) s += M[a * r + t]! * M[b * r + t]!;
      G[a * K + b] = s;
      G[b * K + a] = s;
    }
  }
  const e = symmetricEigen(G, K);
  for (let c = 0; c < p; c++) {
    const s = Math.sqrt(Math.max(e.values[c]!, 0));
    values[c] = s;
    if (s === 0) continue;
    for (let a = 0; a < K; a++) {
      const u = e.vectors[c * K + a]! / s;
      if (u === 0) continue;
      for (let t = 0; t < r; t++) vectors[c * r + t]! += u * M[a * r + t]!;
    }
  }
  return { values, vectors };
}

/**
 * On each discriminant axis, make the class mean with the largest |projection| (first on ties) project
 * positively. Filled axes (c ≥ nDisc), on which class means barely differ, use the largest-|loading| entry instead.
 */
function applySignRule(scalings: Float64Array, d: number, k: number, nDisc: number, means: Float64Array, xbar: Float64Array, K: number): void {
  for (let c = 0; c < k; c++) {
    let best = 0;
    let bestAbs = -1;
    if (c >= nDisc) {
      for (let j = 0; j < d; j++) {
        const v = scalings[j * k + c]!;
        if (Math.abs(v) > bestAbs) {
          bestAbs = Math.abs(v);
          best = v;
        }
      }
    }
    for (let g = 0; c < nDisc && g < K; g++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (means[g * d + j]! - xbar[j]!) * scalings[j * k + c]!;
      if (Math.abs(s) > bestAbs) {
        bestAbs = Math.abs(s);
        best = s;
      }
    }
    if (best < 0) for (let j = 0; j < d; j++) scalings[j * k + c] = -scalings[j * k + c]!;
  }
}
