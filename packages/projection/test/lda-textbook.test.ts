// Independent check of our scikit-learn-style LDA (svd solver: within-class whitening, then an SVD of the
// weighted class means) against the textbook Fisher formulation: the generalised eigenproblem Sb v = λ Sw v,
// solved here with ml-matrix (Cholesky of Sw, symmetric eigendecomposition of L⁻¹ Sb L⁻ᵀ). With Sw full rank
// the two are the same subspace, the same Fisher ratios, and (after scaling v to unit pooled within-class
// variance) the same layout up to per-axis sign. bench/RESULTS.md "LDA on the default dataset" runs the same
// comparison on 3,000 × 768 rows of the default dataset.
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix as MlMatrix, QrDecomposition, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, test } from 'vitest';
import { lda } from '../src/methods/lda.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import type { Matrix } from '../src/types.js';
import { relativeDiffUpToSign } from './lda-fixtures.js';

/**
 * Clusters that resemble the default dataset in miniature: unequal sizes (5–44 rows), class means on a few shared
 * directions with some far-out classes, class-specific anisotropic spread, features on different scales and a
 * global offset (so priors weighting, feature scaling and centring all matter). Full-rank Sw.
 */
function hardClusters(K: number, d: number, seed: number): { X: Matrix<Float32Array>; labels: Int32Array } {
  const rng = createRng(seed);
  const sizes = Array.from({ length: K }, () => 5 + Math.floor(rng() * 40));
  const n = sizes.reduce((s, v) => s + v, 0);
  const shared = Array.from({ length: 4 * d }, () => normal(rng));
  const scale = Array.from({ length: d }, (_, j) => 0.5 + (3 * j) / d);
  const data = new Float32Array(n * d);
  const labels = new Int32Array(n);
  let row = 0;
  for (let c = 0; c < K; c++) {
    const far = c % 7 === 0 ? 4 : 1;
    const coef = Array.from({ length: 4 }, () => far * 2 * normal(rng));
    const tangent = Array.from({ length: d }, () => normal(rng));
    for (let r = 0; r < sizes[c]!; r++, row++) {
      labels[row] = c;
      const t = 1.5 * normal(rng);
      for (let j = 0; j < d; j++) {
        let v = 10;
        for (let a = 0; a < 4; a++) v += coef[a]! * shared[a * d + j]!;
        data[row * d + j] = scale[j]! * (v + t * tangent[j]! * 0.3 + normal(rng));
      }
    }
  }
  return { X: { data, rows: n, cols: d }, labels };
}

/** Textbook Fisher LDA: eigenpairs of Sb v = λ Sw v (Sb = Σ n_k (μ_k − x̄)(μ_k − x̄)ᵀ), λ decreasing; v scaled to vᵀSw v = n − K. */
function textbookLda(X: Matrix<Float32Array>, labels: Int32Array, K: number) {
  const { data, rows: n, cols: d } = X;
  const counts = new Float64Array(K);
  const means = new Float64Array(K * d);
  const xbar = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    counts[labels[i]!]!++;
    for (let j = 0; j < d; j++) {
      means[labels[i]! * d + j]! += data[i * d + j]!;
      xbar[j]! += data[i * d + j]! / n;
    }
  }
  for (let c = 0; c < K; c++) for (let j = 0; j < d; j++) means[c * d + j]! /= counts[c]!;
  const Sw = new MlMatrix(d, d);
  const Sb = new MlMatrix(d, d);
  const add = (S: MlMatrix, u: Float64Array, w: number): void => {
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) S.set(a, b, S.get(a, b) + w * u[a]! * u[b]!);
  };
  const u = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) u[j] = data[i * d + j]! - means[labels[i]! * d + j]!;
    add(Sw, u, 1);
  }
  for (let c = 0; c < K; c++) {
    for (let j = 0; j < d; j++) u[j] = means[c * d + j]! - xbar[j]!;
    add(Sb, u, counts[c]!);
  }
  const chol = new CholeskyDecomposition(Sw);
  if (!chol.isPositiveDefinite()) throw new Error('test data must have a full-rank within-class scatter');
  // L⁻¹ by forward substitution on the identity (ml-matrix has no triangular solve).
  const L = chol.lowerTriangularMatrix;
  const inv = new MlMatrix(d, d);
  for (let col = 0; col < d; col++) {
    for (let r = 0; r < d; r++) {
      let s = r === col ? 1 : 0;
      for (let t = 0; t < r; t++) s -= L.get(r, t) * inv.get(t, col);
      inv.set(r, col, s / L.get(r, r));
    }
  }
  const C = inv.mmul(Sb).mmul(inv.transpose());
  const Csym = C.add(C.transpose()).mul(0.5);
  const eig = new EigenvalueDecomposition(Csym, { assumeSymmetric: true });
  const order = eig.realEigenvalues.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const lambdas = order.map(([v]) => v);
  const W = new MlMatrix(d, d);
  order.forEach(([, i], c) => {
    for (let j = 0; j < d; j++) W.set(j, c, eig.eigenvectorMatrix.get(j, i));
  });
  // v = L⁻ᵀ w has vᵀSw v = 1; scale to unit pooled within-class variance (n − K denominator).
  const V = inv.transpose().mmul(W).mul(Math.sqrt(n - K));
  return { lambdas, V, xbar, Sw, Sb };
}

function columns(M: MlMatrix, k: number): MlMatrix {
  return M.subMatrix(0, M.rows - 1, 0, k - 1);
}

function fromScalings(s: Float64Array, d: number, k: number): MlMatrix {
  const M = new MlMatrix(d, k);
  for (let j = 0; j < d; j++) for (let c = 0; c < k; c++) M.set(j, c, s[j * k + c]!);
  return M;
}

/** Cosines of the principal angles between the column spaces of A and B (d×k each). */
function principalCosines(A: MlMatrix, B: MlMatrix): number[] {
  const qa = columns(new QrDecomposition(A).orthogonalMatrix, A.columns);
  const qb = columns(new QrDecomposition(B).orthogonalMatrix, B.columns);
  return new SingularValueDecomposition(qa.transpose().mmul(qb)).diagonal;
}

/** vᵀAv / vᵀBv for column c of V. */
function rayleigh(V: MlMatrix, c: number, A: MlMatrix, B: MlMatrix): number {
  const v = V.getColumnVector(c);
  return v.transpose().mmul(A).mmul(v).get(0, 0) / v.transpose().mmul(B).mmul(v).get(0, 0);
}

describe('lda(X, labels) against the textbook generalised eigenproblem Sb v = λ Sw v (ml-matrix)', () => {
  const K = 40;
  const d = 32;
  const { X, labels } = hardClusters(K, d, 1871);
  const n = X.rows;
  const ref = textbookLda(X, labels, K);

  test('lda(X, labels, {nComponents: 3}) spans the textbook top-3 Fisher subspace (principal angles < 1e-5 rad)', () => {
    const { model } = lda(X, labels, { nComponents: 3 });
    for (const k of [1, 2, 3]) {
      const cos = principalCosines(columns(fromScalings(model.scalings, d, 3), k), columns(ref.V, k));
      for (const c of cos) expect(Math.acos(Math.min(1, c))).toBeLessThan(1e-5);
    }
  });

  test('lda(X, labels) axes have Fisher ratios vᵀSb v / vᵀSw v equal to the textbook λ1, λ2 and unit pooled within variance', () => {
    const { model } = lda(X, labels);
    const V = fromScalings(model.scalings, d, 2);
    for (let c = 0; c < 2; c++) {
      expect(rayleigh(V, c, ref.Sb, ref.Sw) / ref.lambdas[c]!).toBeCloseTo(1, 9);
      const v = V.getColumnVector(c);
      expect(v.transpose().mmul(ref.Sw).mmul(v).get(0, 0) / (n - K)).toBeCloseTo(1, 9);
    }
  });

  test('lda(X, labels).model.explainedVarianceRatio equals λ_i / Σλ of the textbook problem (min(K − 1, d) entries)', () => {
    const { model } = lda(X, labels);
    const m = Math.min(K - 1, d);
    const top = ref.lambdas.slice(0, m);
    const total = top.reduce((s, v) => s + v, 0);
    expect(model.explainedVarianceRatio.length).toBe(m);
    for (let c = 0; c < m; c++) expect(model.explainedVarianceRatio[c]!).toBeCloseTo(top[c]! / total, 9);
  });

  test('lda(X, labels).embedding equals (X − x̄)·V of the textbook solution up to per-axis sign (|Δ| ≤ 1e-5·max|Y|)', () => {
    const { embedding } = lda(X, labels);
    const Y = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < 2; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (X.data[i * d + j]! - ref.xbar[j]!) * ref.V.get(j, c);
        Y[i * 2 + c] = s;
      }
    }
    expect(relativeDiffUpToSign(embedding, Y, n)).toBeLessThanOrEqual(1e-5);
  });
});
