import type { Vocabulary } from './build-vocabulary.js';
import type { SyntheticRng } from './synthetic-rng.js';

/**
 * The fixed geometry of the synthetic embedding space (d = `dims`), built to look like mid-layer LM token
 * embeddings clustered by a Gaussian mixture: one mostly connected manifold, not separate islands.
 *
 * - Cluster centres lie on curved filaments in an L-dimensional latent space (mapped to d dimensions by a
 *   random L×d basis, so they lie near a low-dimensional subspace). Each word family is one filament (with
 *   occasional side branches): its clusters follow each other at about STEP apart, the direction bending
 *   slowly. Every family but the first branches off a random cluster of an earlier family, so the whole
 *   space is one tree of filaments (families = larger regions) with no gaps. The filaments run mostly in
 *   TREE_DIMS latent directions, so filaments of different families also cross and touch elsewhere, while
 *   the spread within clusters (below) uses many more dimensions: means on a low-dimensional manifold,
 *   high-dimensional clusters around them.
 * - Each cluster spreads most along its filament's tangent (AXES[0], about half a step), so neighbouring
 *   clusters overlap like the touching components of a mixture model, plus one latent and one
 *   full-dimensional direction (anisotropic covariance) and a small cluster-private offset.
 * - Per token a small latent offset from its cluster centre (the same word stays together).
 * - Per preamble frame a latent context shift (all guesses after similar sentences move together).
 * - A handful of "rogue" dimensions whose values are 10–100× the rest for every token, as in LM residual streams.
 *
 * References: the notebook's data (pythia-160m layer 7, 300-component Bayesian GMM); "rogue dimensions"
 * (Timkey & van Schijndel 2021). Random walk and branch choices are drawn from `rng` only.
 */
export interface Geometry {
  readonly dims: number;
  /** clusterCount × d, row-major. */
  readonly clusterMeans: Float64Array;
  /** V × d, row-major. */
  readonly tokenOffsets: Float64Array;
  /** clusterCount × AXES.length × d, row-major: each cluster's dominant directions, pre-scaled. */
  readonly axes: Float64Array;
  /** frames × d, row-major: the context shift shared by the guesses of every preamble built on a frame. */
  readonly frameShifts: Float64Array;
  /** The rogue dimensions and their shared values. */
  readonly rogueDims: Int32Array;
  readonly rogueValues: Float64Array;
}

export const LATENT_DIMS = 48;
/** Distance between consecutive cluster centres along a filament (typical non-rogue values are about 1). */
const STEP = 7;
/** Relative jitter of each step length: STEP·(1 ± STEP_JITTER). */
const STEP_JITTER = 0.25;
/** How far a filament's direction turns per cluster (norm of the random kick added to the unit tangent). */
const BEND = 0.6;
/** Chance that a family's next cluster branches off an earlier cluster of the family instead of its last one. */
const BRANCH = 0.25;
/** Filament directions draw weight 1 from the first TREE_DIMS latent dimensions and OFF_TREE from the others. */
const TREE_DIMS = 3;
const OFF_TREE = 0.03;
/** Per-dimension standard deviation of each cluster's private full-dimensional offset. */
const CLUSTER_FULL = 0.05;
/** Norm of a token's latent offset from its cluster centre. */
const TOKEN = 2.5;
/** Norm of a frame's latent context shift. */
const FRAME = 2;
/** Standard deviations along each cluster's tangent, a random latent direction and a random full direction. */
export const AXES = [4.2, 2.5, 2.2];
/** Rogue dimension magnitudes (signs drawn per seed); typical other values are about 1. */
const ROGUE = [60, 40, 25, 18];
export const ROGUE_COUNT = ROGUE.length;

/** Builds the geometry for `vocab` and `frames` preamble frames in `dims` dimensions (dims ≥ ROGUE_COUNT + 1). O((C + V + F)·L·d). */
export function buildGeometry(vocab: Vocabulary, dims: number, frames: number, rng: SyntheticRng): Geometry {
  const L = Math.min(LATENT_DIMS, dims);
  const basis = new Float64Array(L * dims);
  const s = 1 / Math.sqrt(dims);
  for (let i = 0; i < basis.length; i++) basis[i] = rng.normal() * s;
  const toFull = (latent: Float64Array, from: number, scale: number, out: Float64Array, offset: number): void => {
    for (let l = 0; l < L; l++) {
      const v = scale * latent[from + l];
      const row = l * dims;
      for (let j = 0; j < dims; j++) out[offset + j] += v * basis[row + j];
    }
  };
  const unit = (out: Float64Array, offset: number, length: number): void => {
    let norm = 0;
    for (let j = 0; j < length; j++) norm += (out[offset + j] = rng.normal()) ** 2;
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < length; j++) out[offset + j] *= inv;
  };

  const C = vocab.clusterCount;
  const { centres, tangents } = filamentTree(vocab.clusterFamily, L, rng);
  const clusterMeans = new Float64Array(C * dims);
  for (let c = 0; c < C; c++) {
    for (let j = 0; j < dims; j++) clusterMeans[c * dims + j] = CLUSTER_FULL * rng.normal();
    toFull(centres, c * L, 1, clusterMeans, c * dims);
  }

  const latent = new Float64Array(L);
  const V = vocab.tokens.length;
  const tokenOffsets = new Float64Array(V * dims);
  for (let t = 0; t < V; t++) {
    unit(latent, 0, L);
    toFull(latent, 0, TOKEN, tokenOffsets, t * dims);
  }
  const frameShifts = new Float64Array(frames * dims);
  for (let f = 0; f < frames; f++) {
    unit(latent, 0, L);
    toFull(latent, 0, FRAME, frameShifts, f * dims);
  }

  const A = AXES.length;
  const axes = new Float64Array(C * A * dims);
  for (let c = 0; c < C; c++) {
    const at = c * A * dims;
    toFull(tangents, c * L, 1, axes, at);
    unit(latent, 0, L);
    toFull(latent, 0, 1, axes, at + dims);
    unit(axes, at + 2 * dims, dims);
    for (let a = 0; a < A; a++) {
      let norm = 0;
      for (let j = 0; j < dims; j++) norm += axes[at + a * dims + j] ** 2;
      const scale = AXES[a] / Math.sqrt(norm);
      for (let j = 0; j < dims; j++) axes[at + a * dims + j] *= scale;
    }
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
  return { dims, clusterMeans, tokenOffsets, axes, frameShifts, rogueDims, rogueValues };
}

/**
 * Latent centres and unit tangents (C × L each) of the clusters: a tree of bending filaments, one per family
 * (clusters of a family are consecutive in `clusterFamily`). Every cluster is one step from its parent. O(C·L).
 */
function filamentTree(
  clusterFamily: Int32Array,
  L: number,
  rng: SyntheticRng,
): { centres: Float64Array; tangents: Float64Array } {
  const C = clusterFamily.length;
  const centres = new Float64Array(C * L);
  const tangents = new Float64Array(C * L);
  const kick = new Float64Array(L);
  const treeDirection = (out: Float64Array, offset: number): void => {
    let norm = 0;
    for (let l = 0; l < L; l++) norm += (out[offset + l] = rng.normal() * (l < TREE_DIMS ? 1 : OFF_TREE)) ** 2;
    const inv = 1 / Math.sqrt(norm);
    for (let l = 0; l < L; l++) out[offset + l] *= inv;
  };
  let familyStart = 0;
  for (let c = 0; c < C; c++) {
    const newFamily = c === 0 || clusterFamily[c] !== clusterFamily[c - 1];
    let parent: number;
    if (newFamily) {
      familyStart = c;
      parent = c === 0 ? -1 : rng.int(c);
      treeDirection(tangents, c * L);
    } else {
      parent = c - 1 > familyStart && rng.uniform() < BRANCH ? familyStart + rng.int(c - familyStart) : c - 1;
      treeDirection(kick, 0);
      let norm = 0;
      for (let l = 0; l < L; l++) norm += (tangents[c * L + l] = tangents[parent * L + l] + BEND * kick[l]) ** 2;
      const inv = 1 / Math.sqrt(norm);
      for (let l = 0; l < L; l++) tangents[c * L + l] *= inv;
    }
    if (parent < 0) continue;
    const step = STEP * (1 + STEP_JITTER * (2 * rng.uniform() - 1));
    for (let l = 0; l < L; l++) centres[c * L + l] = centres[parent * L + l] + step * tangents[c * L + l];
  }
  return { centres, tangents };
}
