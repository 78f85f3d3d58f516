import { integerOption, seedOption } from '../options.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { columnMeans } from '../linalg/column-means.js';
import { crossProduct } from '../linalg/cross-product.js';
import { lanczosSvd } from '../linalg/lanczos-svd.js';
import { symmetricTopEigen } from '../linalg/symmetric-top-eigen.js';
import { ProjectionInputError } from '../errors.js';
import { createRng } from '../random/create-rng.js';
import { runJobSync, type Job, type JobDriverOptions } from '../runtime/job.js';
import type { Matrix, ProgressCallback, Rng } from '../types.js';
import { PcaModel, projectRows } from './pca-model.js';

/** Options of `pca` / `fitPca` (scikit-learn `PCA` names in brackets). */
export interface PcaOptions {
  /** Number of components k [`n_components`], an integer in [1, min(n, d)]. Default 2. */
  nComponents?: number;
  /** Seeds the Lanczos start vector (the result does not depend on it beyond rounding). Default 42. */
  seed?: number;
  /**
   * How the top components are found [`svd_solver`]; every route gives the same result to ~1e-8 relative.
   * - `'covariance'`: the float64 d×d scatter matrix (or n×n Gram when d > n) and Lanczos on it, O(nd²).
   * - `'lanczos'`: Lanczos on XcᵀXc applied matrix-free, one pass over X per step, O(j·nd) for j ≈ 20–60
   *   steps; falls back to `'covariance'` when it has not converged after 40 + 20k steps. Needs d ≤ n.
   * - `'auto'` (default): `'lanczos'` when k ≤ 10, d ≥ 256 and n ≥ 2d (measured crossover: at d = 128 the two
   *   routes cost the same; see bench/RESULTS.md), with at most max(2k + 20, d/8) steps before the fallback so
   *   a spectrum without gaps (e.g. i.i.d. noise) costs at most about twice the covariance route; else `'covariance'`.
   */
  solver?: PcaSolver;
  /** Checked between blocks of rows; an abort throws `AbortError`. */
  signal?: AbortSignal;
  /**
   * Reports phases `'covariance'` (rows done) and `'eigen'`, or `'lanczos'` (steps done of at most 40 + 20k),
   * then `'transform'` (rows done).
   */
  onProgress?: ProgressCallback;
}

/** PCA solver choice, see `PcaOptions.solver`. */
export type PcaSolver = 'auto' | 'covariance' | 'lanczos';

/** `'auto'` picks Lanczos from this many features d (measured crossover ≈ 128, bench/RESULTS.md). */
const LANCZOS_MIN_FEATURES = 256;
/** `'auto'` picks Lanczos only up to this many components. */
const LANCZOS_MAX_COMPONENTS = 10;

/** `pca()` output: the n×k float32 scores, row-major, and the fitted model. */
export interface PcaResult {
  readonly embedding: Float32Array;
  readonly model: PcaModel;
}

/**
 * Fits PCA to X (n×d) with scikit-learn's semantics (methods.md §2): center by the float64 column means, no
 * scaling or whitening, explained variance with n − 1, components signed so the largest-|value| loading is positive.
 *
 * Solvers (`options.solver`): for large tall data and few components (see `usesLanczos`), matrix-free Lanczos on
 * XcᵀXc, one fused pass over X per step (`lanczosSvd`, O(j·nd), j ≈ 20–60); otherwise, or when that does not
 * converge, the float64 scatter matrix XcᵀXc (d×d, O(nd²/2), blocked) and Lanczos for its top k eigenpairs
 * (O(d²) per step). When d > n it uses the n×n Gram matrix XcXcᵀ instead (O(n²d)) and maps its
 * eigenvectors back, V = Xcᵀu/√λ. Exact to rounding; no randomness in the result. Does not mutate X.
 * @throws ProjectionInputError for non-finite X, fewer than 2 rows, a bad `nComponents` or `solver`.
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
  const solver = options.solver ?? 'auto';
  if (solver !== 'auto' && solver !== 'covariance' && solver !== 'lanczos') {
    throw new ProjectionInputError('solver', solver, "must be 'auto', 'covariance' or 'lanczos'");
  }
  if (solver === 'lanczos' && m.cols > m.rows) {
    throw new ProjectionInputError('solver', solver, `needs d ≤ n (got n = ${m.rows}, d = ${m.cols}); use 'auto' or 'covariance'`);
  }
  return { X: m, job: fitPcaJob(m, k, seed, solver), driver: { signal: options.signal, onProgress: options.onProgress } };
}

/** Whether `solver` resolves to the matrix-free Lanczos route for an n×d input and k components. */
export function usesLanczos(n: number, d: number, k: number, solver: PcaSolver = 'auto'): boolean {
  if (solver === 'auto') return k <= LANCZOS_MAX_COMPONENTS && d >= LANCZOS_MIN_FEATURES && n >= 2 * d;
  return solver === 'lanczos' && d <= n;
}

/** The fit as a job (yields progress between row blocks). X must be validated. */
export function* fitPcaJob(X: Matrix, k: number, seed: number, solver: PcaSolver = 'auto'): Job<PcaModel> {
  const { rows: n, cols: d } = X;
  const mean = columnMeans(X);
  const rng = createRng(seed);
  const top = (usesLanczos(n, d, k, solver) ? yield* lanczosRoute(X, mean, k, rng, solver === 'auto') : null) ?? (yield* covarianceRoute(X, mean, k, rng));
  const { values, components, trace } = top;
  applySignRule(components, k, d);
  const explainedVariance = new Float64Array(k);
  const explainedVarianceRatio = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    explainedVariance[c] = Math.max(values[c]!, 0) / (n - 1);
    explainedVarianceRatio[c] = trace > 0 ? Math.max(values[c]!, 0) / trace : 0;
  }
  return new PcaModel({ mean, components, explainedVariance, explainedVarianceRatio, nComponents: k, nFeatures: d, nSamples: n });
}

/** Top-k eigenvalues of XcᵀXc, their unit eigenvectors (k×d, unsigned) and the trace of XcᵀXc. */
interface TopComponents {
  readonly values: Float64Array;
  readonly components: Float64Array;
  readonly trace: number;
}

/** Matrix-free Lanczos (`lanczosSvd`); null when it did not converge (`bounded`: within max(2k + 20, d/8) steps). */
function* lanczosRoute(X: Matrix, mean: Float64Array, k: number, rng: Rng, bounded: boolean): Job<TopComponents | null> {
  const maxSteps = bounded ? Math.min(40 + 20 * k, Math.max(2 * k + 20, Math.floor(X.cols / 8))) : undefined;
  const svd = yield* lanczosSvd(X, mean, k, rng, maxSteps === undefined ? {} : { maxSteps });
  if (!svd) return null;
  return { values: svd.values, components: svd.vectors, trace: centeredSumOfSquares(X, mean) };
}

/** The float64 scatter matrix (d ≤ n) or Gram matrix (d > n) and Lanczos on it. */
function* covarianceRoute(X: Matrix, mean: Float64Array, k: number, rng: Rng): Job<TopComponents> {
  const { rows: n, cols: d } = X;
  let trace = 0;
  let top: TopComponents;
  if (d <= n) {
    const S = yield* crossProduct(X, mean, 'covariance');
    for (let j = 0; j < d; j++) trace += S[j * d + j]!;
    yield { phase: 'eigen', done: 0, total: 1 };
    const eig = symmetricTopEigen(S, d, k, rng);
    top = { values: eig.values, components: eig.vectors, trace };
  } else {
    const XcT = new Float64Array(d * n); // d×n: column i is centered row i
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) XcT[j * n + i] = X.data[i * d + j]! - mean[j]!;
    const G = yield* crossProduct({ data: XcT, rows: d, cols: n }, null, 'covariance');
    for (let i = 0; i < n; i++) trace += G[i * n + i]!;
    yield { phase: 'eigen', done: 0, total: 1 };
    const eig = symmetricTopEigen(G, n, k, rng);
    top = { values: eig.values, components: gramToComponents(XcT, n, d, eig.vectors, eig.values, k), trace };
  }
  yield { phase: 'eigen', done: 1, total: 1 };
  return top;
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

/** Σ_ij (x_ij − mean_j)², the trace of XcᵀXc, in float64. O(nd). */
function centeredSumOfSquares(X: Matrix, mean: Float64Array): number {
  const { data, rows: n, cols: d } = X;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0, o = i * d; j < d; j++) {
      const z = data[o + j]! - mean[j]!;
      s += z * z;
    }
    total += s;
  }
  return total;
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
