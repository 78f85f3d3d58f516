import type { Matrix } from '@clamp-viz/projection';
import { buildGeometry } from './build-geometry.js';
import { buildVocabulary } from './build-vocabulary.js';
import { choosePreambles, MAX_PREAMBLES } from './choose-preambles.js';
import { FRAMES } from './preamble-frames.js';
import { frameTokenWeights, sampleGuesses } from './sample-guesses.js';
import { syntheticRng } from './synthetic-rng.js';

/** Options of `generateNotebookDataset`. */
export interface NotebookDatasetOptions {
  /** Number of preambles (sentence beginnings); rows = preambles × guessesPerPreamble. Default 250 (10,000 rows). */
  preambles?: number;
  /** Seed of every random choice. Default 1871 (the notebook's `random_state`). */
  seed?: number;
  /** Embedding dimension. Default 768 (pythia-160m). At least 8. */
  dims?: number;
  /** Next-token guesses per preamble, distinct. Default 40 (the notebook's k=40). */
  guessesPerPreamble?: number;
}

/** A dataset shaped like the notebook's join of embeddings and clusters, one row per (preamble, guess). */
export interface NotebookDataset {
  /** Per row (n), grouped: each preamble's guesses are consecutive, most likely first. */
  readonly preambles: string[];
  /** Per row (n): the guessed token, e.g. `' policy'` (leading space kept), `','` or `'ing'`. */
  readonly guesses: string[];
  /** Per row (n): the cluster id, as a GMM over the embeddings would give (non-contiguous ids). */
  readonly clusterIds: Int32Array;
  /** Per row (n): the cluster's responsibility for the row, in (0.5, 1]. */
  readonly probabilities: Float32Array;
  /** n × dims float32 embeddings, row-major. */
  readonly matrix: Matrix<Float32Array>;
}

export const NOTEBOOK_DATASET_DEFAULTS = Object.freeze({ preambles: 250, seed: 1871, dims: 768, guessesPerPreamble: 40 });

/** Isotropic noise per dimension, per-preamble offset per dimension (on top of its frame's shift), relative rogue-dim jitter. */
const NOISE = 0.22;
const PREAMBLE = 0.05;
const ROGUE_JITTER = 0.03;
/** Chance that a token lands in the neighbouring cluster of its family (context shifts it). */
const SHIFT = 0.12;

/**
 * Generates the default dataset of clamp-viz: a seeded stand-in for the notebook's pythia-160m layer-7
 * embeddings of each preamble's top-40 next-token guesses, clustered by a 300-component Bayesian GMM.
 *
 * About 300 clusters of very different sizes (token frequencies are Zipf-like) that overlap like touching
 * mixture components: their means follow curved family filaments on a low-dimensional manifold (see
 * `buildGeometry`), so the 15-NN graph is one connected component and about 70 % of a row's 15 nearest
 * neighbours share its cluster id (not ~97 % as for isolated blobs). Anisotropic clusters, 4 rogue
 * dimensions shared by all rows, a context shift shared by preambles of one frame plus a small
 * offset per preamble. The notebook's sentence "Students were outraged over the administration's new"
 * is always included. Deterministic for `seed` within one JavaScript engine.
 *
 * Cost: O(n·d) time, n·d·4 bytes for the matrix (10,000 × 768 in well under a second).
 * @throws RangeError naming the option, its value and the rule, for an out-of-range option.
 */
export function generateNotebookDataset(options: NotebookDatasetOptions = {}): NotebookDataset {
  const o = { ...NOTEBOOK_DATASET_DEFAULTS, ...dropUndefined(options) };
  checkInt('preambles', o.preambles, 1, MAX_PREAMBLES);
  checkInt('dims', o.dims, 8, 65_536);
  checkInt('seed', o.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const root = syntheticRng(o.seed);
  const vocab = buildVocabulary(root.fork(1));
  checkInt('guessesPerPreamble', o.guessesPerPreamble, 1, vocab.tokens.length);
  const geometry = buildGeometry(vocab, o.dims, FRAMES.length, root.fork(2));
  const chosen = choosePreambles(o.preambles, root.fork(3));
  const guessRng = root.fork(4);
  const noise = root.fork(5);

  const k = o.guessesPerPreamble;
  const d = o.dims;
  const n = o.preambles * k;
  const data = new Float32Array(n * d);
  const preambles = new Array<string>(n);
  const guesses = new Array<string>(n);
  const clusterIds = new Int32Array(n);
  const probabilities = new Float32Array(n);
  const frameWeights = new Map<number, Float64Array>();
  const offset = new Float64Array(d);
  const acc = new Float64Array(d);
  const { clusterMeans, tokenOffsets, axes, frameShifts, rogueDims, rogueValues } = geometry;
  const A = axes.length / (vocab.clusterCount * d);
  const z = new Float64Array(A);

  for (let p = 0; p < o.preambles; p++) {
    const frame = chosen.frames[p];
    let base = frameWeights.get(frame);
    if (!base) frameWeights.set(frame, (base = frameTokenWeights(FRAMES[frame], vocab)));
    const tokens = sampleGuesses(base, vocab, k, guessRng);
    for (let j = 0; j < d; j++) offset[j] = frameShifts[frame * d + j] + PREAMBLE * noise.normal();
    for (let g = 0; g < k; g++) {
      const row = p * k + g;
      const t = tokens[g];
      let c = vocab.cluster[t];
      const shifted = noise.uniform() < SHIFT;
      if (shifted) c = neighbourCluster(c, vocab.clusterFamily);
      preambles[row] = chosen.texts[p];
      guesses[row] = vocab.tokens[t];
      clusterIds[row] = vocab.clusterIds[c];
      probabilities[row] = shifted ? 0.5 + 0.4 * noise.uniform() : 1 - 0.45 * Math.pow(noise.uniform(), 4);
      for (let a = 0; a < A; a++) z[a] = noise.normal();
      const out = row * d;
      const cm = c * d;
      const to = t * d;
      const ax = c * A * d;
      for (let j = 0; j < d; j++) acc[j] = clusterMeans[cm + j] + tokenOffsets[to + j] + offset[j];
      noise.addTableNoise(acc, d, NOISE);
      for (let a = 0; a < A; a++) {
        const za = z[a];
        const base = ax + a * d;
        for (let j = 0; j < d; j++) acc[j] += za * axes[base + j];
      }
      data.set(acc, out);
      for (let r = 0; r < rogueDims.length; r++) {
        data[out + rogueDims[r]] = rogueValues[r] * (1 + ROGUE_JITTER * noise.normal());
      }
    }
  }
  return { preambles, guesses, clusterIds, probabilities, matrix: { data, rows: n, cols: d } };
}

/** The next cluster of the same family (or the previous one, or `c` itself for a one-cluster family). */
function neighbourCluster(c: number, clusterFamily: Int32Array): number {
  if (c + 1 < clusterFamily.length && clusterFamily[c + 1] === clusterFamily[c]) return c + 1;
  if (c > 0 && clusterFamily[c - 1] === clusterFamily[c]) return c - 1;
  return c;
}

function checkInt(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw new RangeError(`generateNotebookDataset: ${name} = ${shown}: must be an integer in [${min}, ${max}]`);
  }
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
