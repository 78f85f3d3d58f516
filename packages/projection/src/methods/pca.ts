import { integerOption, seedOption } from '../options.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { columnMeans } from '../linalg/column-means.js';
import { crossProduct } from '../linalg/cross-product.js';
import { symmetricTopEigen } from '../linalg/symmetric-top-eigen.js';
import { createRng } from '../random/create-rng.js';
import { runJobSync, type Job, type JobDriverOptions } from '../runtime/job.js';
import type { Matrix, ProgressCallback } from '../types.js';
import { PcaModel, projectRows } from './pca-model.js';

/** Options of `pca` / `fitPca` (scikit-learn `PCA` names in brackets). */
export interface PcaOptions {
  /** Number of components k [`n_components`], an integer in [1, min(n, d)]. Default 2. */
  nComponents?: number;
  /** Seeds the Lanczos start vector (the result does not depend on it beyond rounding). Default 42. */
  seed?: number;
  /** Checked between blocks of 256 rows; an abort throws `AbortError`. */
  signal?: AbortSignal;
  /** Reports phases `'covariance'` (rows done), `'eigen'` and `'transform'` (rows done). */
  onProgress?: ProgressCallback;
}

/** `pca()` output: the n×k float32 scores, row-major, and the fitted model. */
export interface PcaResult {
  readonly embedding: Float32Array;
  readonly model: PcaModel;
}

/**
 * Fits PCA to X (n×d) with scikit-learn's semantics (methods.md §2): center by the float64 column means, no
 * scaling or whitening, explained variance with n − 1, components signed so the largest-|value| loading is positive.
 *
 * Solver: the float64 scatter matrix XcᵀXc (d×d, O(nd²/2), blocked) and Lanczos for its top k eigenpairs
 * (O(d²) per step). When d > n it uses the n×n Gram matrix XcXcᵀ instead (O(n²d)) and maps its
 * eigenvectors back, V = Xcᵀu/√λ. Exact to rounding; no randomness in the result. Does not mutate X.
 * @throws ProjectionInputError for non-finite X, fewer than 2 rows or a bad `nComponents`.
 */
export function fitPca(X: MatrixInput, options: PcaOptions = {}): PcaModel {
  const { job, driver } = prepare(X, options);
  return runJobSync(job, driver);
}

/** Fits PCA (see `fitPca`) and returns the training scores with the model: `embedding = model.transform(X)`. */
export function pca(X: MatrixInput, options: PcaOptions = {}): PcaResult {
  const { X: m, job, driver } = prepare(X, options);
  return runJobSync(pcaJob(m, job), driver);
}

/** Validates PCA arguments eagerly and returns the fit job plus driver options. Internal (registry, `pca`). */
export function prepare(X: MatrixInput, options: PcaOptions): { X: Matrix; job: Job<PcaModel>; driver: JobDriverOptions } {
  const m = toMatrix(X, { name: 'X', minRows: 2 });
  const k = integerOption('nComponents', options.nComponents, 2, 1, Math.min(m.rows, m.cols));
  const seed = seedOption(options.seed);
  return { X: m, job: fitPcaJob(m, k, seed), driver: { signal: options.signal, onProgress: options.onProgress } };
}

/** The fit as a job (yields progress between row blocks). X must be validated. */
export function* fitPcaJob(X: Matrix, k: number, seed: number): Job<PcaModel> {
  const { rows: n, cols: d } = X;
  const mean = columnMeans(X);
  const rng = createRng(seed);
  let values: Float64Array;
  let components: Float64Array;
  let trace = 0;
  if (d <= n) {
    const S = yield* crossProduct(X, mean, 'covariance');
    for (let j = 0; j < d; j++) trace += S[j * d + j]!;
    yield { phase: 'eigen', done: 0, total: 1 };
    const eig = symmetricTopEigen(S, d, k, rng);
    values = eig.values;
    components = eig.vectors;
  } else {
    const XcT = new Float64Array(d * n); // d×n: column i is centered row i
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) XcT[j * n + i] = X.data[i * d + j]! - mean[j]!;
    const G = yield* crossProduct({ data: XcT, rows: d, cols: n }, null, 'covariance');
    for (let i = 0; i < n; i++) trace += G[i * n + i]!;
    yield { phase: 'eigen', done: 0, total: 1 };
    const eig = symmetricTopEigen(G, n, k, rng);
    values = eig.values;
    components = gramToComponents(XcT, n, d, eig.vectors, values, k);
  }
  applySignRule(components, k, d);
  yield { phase: 'eigen', done: 1, total: 1 };
  const explainedVariance = new Float64Array(k);
  const explainedVarianceRatio = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    explainedVariance[c] = Math.max(values[c]!, 0) / (n - 1);
    explainedVarianceRatio[c] = trace > 0 ? Math.max(values[c]!, 0) / trace : 0;
  }
  return new PcaModel({ mean, components, explainedVariance, explainedVarianceRatio, nComponents: k, nFeatures: d, nSamples: n });
}

/** Fit, then transform the training rows in blocks: the job behind `pca()` and `project({method: 'pca'})`. */
export function* pcaJob(X: Matrix, fit: Job<PcaModel>): Job<PcaResult> {
  const model = yield* fit;
  const embedding = new Float32Array(X.rows * model.nComponents);
  for (let from = 0; from < X.rows; from += 4096) {
    const to = Math.min(X.rows, from + 4096);
    projectRows(X.data, model, from, to, embedding);
    yield { phase: 'transform', done: to, total: X.rows };
  }
  return { embedding, model };
}

/** v_c = Xcᵀu_c/‖Xcᵀu_c‖; null directions (λ ≈ 0) are completed to an orthonormal set from the unit basis. */
function gramToComponents(XcT: Float64Array, n: number, d: number, U: Float64Array, values: Float64Array, k: number): Float64Array {
  const V = new Float64Array(k * d);
  const tol = 1e-10 * Math.max(values[0]!, 0);
  let basis = 0;
  for (let c = 0; c < k; c++) {
    const v = V.subarray(c * d, (c + 1) * d);
    if (values[c]! > tol && values[c]! > 0) {
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += XcT[j * n + i]! * U[c * n + i]!;
        v[j] = s;
      }
      if (normalise(v)) continue;
    }
    do {
      v.fill(0);
      v[basis++] = 1;
      for (let p = 0; p < c; p++) {
        const q = V.subarray(p * d, (p + 1) * d);
        let h = 0;
        for (let j = 0; j < d; j++) h += v[j]! * q[j]!;
        for (let j = 0; j < d; j++) v[j]! -= h * q[j]!;
      }
    } while (!normalise(v) && basis < d);
  }
  return V;
}

function normalise(v: Float64Array): boolean {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!;
  if (s < 1e-20) return false;
  const inv = 1 / Math.sqrt(s);
  for (let j = 0; j < v.length; j++) v[j]! *= inv;
  return true;
}

/** scikit-learn ≥ 1.5 V-based `svd_flip`: the largest-|value| entry of each component (first on ties) is positive. */
function applySignRule(V: Float64Array, k: number, d: number): void {
  for (let c = 0; c < k; c++) {
    let best = 0;
    for (let j = 1; j < d; j++) if (Math.abs(V[c * d + j]!) > Math.abs(V[c * d + best]!)) best = j;
    if (V[c * d + best]! < 0) for (let j = 0; j < d; j++) V[c * d + j] = -V[c * d + j]!;
  }
}
