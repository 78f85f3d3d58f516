import type { Csr } from '../graph/csr.js';
import { symmetricEigen } from '../linalg/symmetric-eigen.js';
import { tridiagonalEigen } from '../linalg/tridiagonal-eigen.js';
import type { Rng } from '../types.js';

/** At or below this many vertices the operator is formed densely and fully diagonalised. */
const DENSE_MAX = 48;

/**
 * The `count` eigenvectors of the normalised Laplacian L = I − D^-½WD^-½ of a connected graph with the smallest
 * eigenvalues after the trivial one (∝ √deg) — umap-learn `spectral_layout` (methods.md §1.3, §4.3). Works on
 * M = (I + D^-½WD^-½)/2, whose spectrum lies in [0, 1], with the trivial eigenvector deflated: dense symmetric
 * eigensolver up to 48 vertices, else Lanczos with full re-orthogonalisation (Golub & Van Loan §10.1), one run per
 * vector deflated against those found (so repeated eigenvalues give their whole eigenspace), each stopping
 * when its top Ritz residual is below 1e-6 or after `maxSteps` (default min(m − 1, 300, max(40, √(2·10⁸/m))), which
 * bounds the O(steps²·m) re-orthogonalisation: on a connected 20k-vertex kNN graph the wanted eigenvalues of M are
 * 1 − O(10⁻⁵) and only a few ×10⁻⁶ apart, so no step budget resolves them and 300 steps cost 11 CPU s, while 100
 * steps (2 s) or 60 (1 s) give the same final UMAP quality; the init only has to be smooth on the graph).
 * Returns count×m row-major unit vectors, or null when the graph is too small or the solver breaks down.
 * Cost O(steps·(nnz + steps·m)); memory O(steps·m) float64. Deterministic given `rng`. Does not mutate `graph`.
 */
export function laplacianEigenvectors(graph: Csr, count: number, rng: Rng, maxSteps?: number): Float64Array | null {
  const m = graph.rows;
  if (m < count + 2) return null;
  const invSqrtDeg = new Float64Array(m);
  const u0 = new Float64Array(m);
  let norm = 0;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let t = graph.indptr[i]!, end = graph.indptr[i + 1]!; t < end; t++) s += graph.values[t]!;
    if (!(s > 0)) return null;
    invSqrtDeg[i] = 1 / Math.sqrt(s);
    u0[i] = Math.sqrt(s);
    norm += s;
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < m; i++) u0[i] = u0[i]! / norm;
  const apply = (x: Float64Array, y: Float64Array): void => {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let t = graph.indptr[i]!, end = graph.indptr[i + 1]!; t < end; t++) {
        const j = graph.indices[t]!;
        s += graph.values[t]! * invSqrtDeg[j]! * x[j]!;
      }
      y[i] = 0.5 * (x[i]! + invSqrtDeg[i]! * s);
    }
  };
  const steps = maxSteps ?? Math.min(m - 1, 300, Math.max(40, Math.floor(Math.sqrt(2e8 / m))));
  const result = m <= DENSE_MAX ? dense(m, count, apply, u0) : lanczos(m, count, apply, u0, rng, steps);
  if (result) for (let t = 0; t < result.length; t++) if (!Number.isFinite(result[t]!)) return null;
  return result;
}

function dense(m: number, count: number, apply: (x: Float64Array, y: Float64Array) => void, u0: Float64Array): Float64Array | null {
  const M = new Float64Array(m * m);
  const e = new Float64Array(m);
  const col = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    e.fill(0);
    e[j] = 1;
    apply(e, col);
    for (let i = 0; i < m; i++) M[i * m + j] = col[i]!;
  }
  // Deflate: M − u0·u0ᵀ moves the trivial eigenvalue 1 to 0, below the wanted ones.
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) M[i * m + j] = M[i * m + j]! - u0[i]! * u0[j]!;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) M[i * m + j] = M[j * m + i] = 0.5 * (M[i * m + j]! + M[j * m + i]!);
  const eig = symmetricEigen(M, m);
  return eig.vectors.slice(0, count * m);
}

/**
 * The wanted eigenvectors one at a time: each is the top Ritz vector of a fresh Lanczos run deflated against u0
 * and the vectors already found, so a degenerate (repeated) eigenvalue yields its whole eigenspace.
 */
function lanczos(
  m: number,
  count: number,
  apply: (x: Float64Array, y: Float64Array) => void,
  u0: Float64Array,
  rng: Rng,
  maxSteps: number,
): Float64Array | null {
  const out = new Float64Array(count * m);
  const deflate = [u0];
  for (let c = 0; c < count; c++) {
    const v = topRitzVector(m, apply, deflate, rng, maxSteps);
    if (!v) return null;
    out.set(v, c * m);
    deflate.push(v);
  }
  return out;
}

function topRitzVector(
  m: number,
  apply: (x: Float64Array, y: Float64Array) => void,
  deflate: Float64Array[],
  rng: Rng,
  maxSteps: number,
): Float64Array | null {
  const V: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let v = new Float64Array(m);
  for (let i = 0; i < m; i++) v[i] = rng() - 0.5;
  if (!orthonormalise(v, deflate)) return null;
  const w = new Float64Array(m);
  let nextCheck = Math.min(maxSteps, 20);
  let ritz: { values: Float64Array; vectors: Float64Array } | null = null;
  for (let j = 0; j < maxSteps; j++) {
    V.push(v);
    apply(v, w);
    let a = 0;
    for (let i = 0; i < m; i++) a += w[i]! * v[i]!;
    alpha.push(a);
    // Full re-orthogonalisation against the deflated vectors and the basis; a second pass only when the first
    // removed most of w (Kahan–Parlett "twice is enough" criterion).
    let before = 0;
    for (let i = 0; i < m; i++) before += w[i]! * w[i]!;
    let bn = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (const q of deflate) project(w, q);
      for (const q of V) project(w, q);
      bn = 0;
      for (let i = 0; i < m; i++) bn += w[i]! * w[i]!;
      if (bn > 0.5 * before) break;
      before = bn;
    }
    bn = Math.sqrt(bn);
    const steps = j + 1;
    const last = steps === maxSteps || bn < 1e-10;
    if (steps >= nextCheck || last) {
      ritz = tridiagonalEigen(alpha, beta);
      if (last || Math.abs(bn * ritz.vectors[(steps - 1) * steps]!) < 1e-6) break;
      nextCheck = Math.min(maxSteps, Math.ceil(steps * 1.3));
    }
    beta.push(bn);
    v = new Float64Array(m);
    for (let i = 0; i < m; i++) v[i] = w[i]! / bn;
  }
  if (!ritz) return null;
  const steps = V.length;
  const o = new Float64Array(m);
  for (let s = 0; s < steps; s++) {
    const coef = ritz.vectors[s * steps]!;
    const q = V[s]!;
    for (let i = 0; i < m; i++) o[i] = o[i]! + coef * q[i]!;
  }
  return orthonormalise(o, deflate) ? o : null;
}

function project(w: Float64Array, q: Float64Array): void {
  let h = 0;
  for (let i = 0; i < w.length; i++) h += w[i]! * q[i]!;
  for (let i = 0; i < w.length; i++) w[i] = w[i]! - h * q[i]!;
}

function orthonormalise(v: Float64Array, against: Float64Array[]): boolean {
  for (const q of against) project(v, q);
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  if (!(s > 1e-24)) return false;
  const inv = 1 / Math.sqrt(s);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv;
  return true;
}
