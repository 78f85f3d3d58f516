import type { Vocabulary } from './build-vocabulary.js';
import type { SyntheticRng } from './synthetic-rng.js';

/**
 * The fixed geometry of the synthetic embedding space (d = `dims`):
 * - family centres ~ N(0, FAMILY²) and cluster centres = family + N(0, CLUSTER²) in an L-dimensional latent
 *   space, mapped to d dimensions by a random L×d basis (so means lie near a low-dimensional subspace),
 *   plus a small full-dimensional part;
 * - per token a small latent offset from its cluster centre (the same word stays together);
 * - per cluster `AXES.length` random unit directions with decreasing scales (anisotropic covariance);
 * - a handful of "rogue" dimensions whose values are 10–100× the rest for every token, as in LM residual streams.
 */
export interface Geometry {
  readonly dims: number;
  /** clusterCount × d, row-major. */
  readonly clusterMeans: Float64Array;
  /** V × d, row-major. */
  readonly tokenOffsets: Float64Array;
  /** clusterCount × AXES.length × d, row-major: each cluster's dominant directions, pre-scaled. */
  readonly axes: Float64Array;
  /** The rogue dimensions and their shared values. */
  readonly rogueDims: Int32Array;
  readonly rogueValues: Float64Array;
}

export const LATENT_DIMS = 48;
const FAMILY = 3.5;
const CLUSTER = 1.6;
const TOKEN = 0.6;
const CLUSTER_FULL = 0.15;
/** Standard deviations along each cluster's dominant directions. */
export const AXES = [1.6, 1.0, 0.6];
/** Rogue dimension magnitudes (signs drawn per seed); typical other values are about 1. */
const ROGUE = [60, 40, 25, 18];
export const ROGUE_COUNT = ROGUE.length;

/** Builds the geometry for `vocab` in `dims` dimensions (dims ≥ ROGUE_COUNT + 1). O((C + V)·L·d). */
export function buildGeometry(vocab: Vocabulary, dims: number, rng: SyntheticRng): Geometry {
  const L = Math.min(LATENT_DIMS, dims);
  const basis = new Float64Array(L * dims);
  const s = 1 / Math.sqrt(dims);
  for (let i = 0; i < basis.length; i++) basis[i] = rng.normal() * s;
  const toFull = (latent: Float64Array, out: Float64Array, offset: number): void => {
    for (let l = 0; l < L; l++) {
      const v = latent[l];
      const row = l * dims;
      for (let j = 0; j < dims; j++) out[offset + j] += v * basis[row + j];
    }
  };

  const families = vocab.familyNames.length;
  const familyCentres = new Float64Array(families * L);
  for (let i = 0; i < familyCentres.length; i++) familyCentres[i] = FAMILY * rng.normal();

  const C = vocab.clusterCount;
  const clusterMeans = new Float64Array(C * dims);
  const latent = new Float64Array(L);
  for (let c = 0; c < C; c++) {
    const f = vocab.clusterFamily[c];
    for (let l = 0; l < L; l++) latent[l] = familyCentres[f * L + l] + CLUSTER * rng.normal();
    for (let j = 0; j < dims; j++) clusterMeans[c * dims + j] = CLUSTER_FULL * rng.normal();
    toFull(latent, clusterMeans, c * dims);
  }

  const V = vocab.tokens.length;
  const tokenOffsets = new Float64Array(V * dims);
  for (let t = 0; t < V; t++) {
    for (let l = 0; l < L; l++) latent[l] = TOKEN * rng.normal();
    toFull(latent, tokenOffsets, t * dims);
  }

  const A = AXES.length;
  const axes = new Float64Array(C * A * dims);
  for (let a = 0; a < C * A; a++) {
    let norm = 0;
    for (let j = 0; j < dims; j++) {
      const v = rng.normal();
      axes[a * dims + j] = v;
      norm += v * v;
    }
    const scale = AXES[a % A] / Math.sqrt(norm);
    for (let j = 0; j < dims; j++) axes[a * dims + j] *= scale;
  }

  const rogueDims = new Int32Array(ROGUE.length);
  const rogueValues = new Float64Array(ROGUE.length);
  const taken = new Set<number>();
  for (let r = 0; r < ROGUE.length; r++) {
    let j: number;
    do j = rng.int(dims);
    while (taken.has(j));
    taken.add(j);
    rogueDims[r] = j;
    rogueValues[r] = (rng.uniform() < 0.5 ? -1 : 1) * ROGUE[r];
  }
  return { dims, clusterMeans, tokenOffsets, axes, rogueDims, rogueValues };
}
