import type { SyntheticRng } from './synthetic-rng.js';
import { WORD_FAMILIES } from './word-families.js';

/** The token table of the synthetic dataset, with each token's family, frequency weight and home cluster. */
export interface Vocabulary {
  /** Token strings (`' policy'`, `','`, `'ing'`), unique. Length V. */
  readonly tokens: readonly string[];
  /** Family index of each token (into `familyNames`). Length V. */
  readonly family: Int32Array;
  /** Relative frequency of each token within its family (Zipf-like, sums to 1 per family). Length V. */
  readonly weight: Float64Array;
  /** Home cluster index (0..clusterCount-1) of each token. Length V. */
  readonly cluster: Int32Array;
  /** Family index of each cluster. Length clusterCount. */
  readonly clusterFamily: Int32Array;
  /** The cluster id written to the TSV for each cluster index: distinct, not contiguous (some ids unused). */
  readonly clusterIds: Int32Array;
  readonly familyNames: readonly string[];
  readonly clusterCount: number;
}

/** Zipf exponent of token frequencies within a family. */
const ZIPF = 0.8;
/** Probabilities of 1, 2, 3 and 4 tokens per cluster: about 2.1 tokens per cluster, ~300 clusters. */
const CHUNK_SIZES = [0.3, 0.7, 0.9, 1];
/** Cluster ids are drawn from [0, ceil(clusterCount · ID_SPREAD)), like a Bayesian GMM that left components empty. */
const ID_SPREAD = 1.2;

/**
 * Builds the vocabulary from `WORD_FAMILIES`: tokens get a leading space (except literal families), a
 * word listed twice keeps its first family, each family is cut into runs of 1–4 consecutive words
 * that form one cluster, and clusters get shuffled, non-contiguous integer ids. O(V). Deterministic for `rng`.
 */
export function buildVocabulary(rng: SyntheticRng): Vocabulary {
  const tokens: string[] = [];
  const family: number[] = [];
  const weight: number[] = [];
  const cluster: number[] = [];
  const clusterFamily: number[] = [];
  const seen = new Set<string>();
  WORD_FAMILIES.forEach((fam, f) => {
    const words = fam.words.split(' ').filter((w) => w.length > 0);
    const members: string[] = [];
    for (const w of words) {
      const token = fam.literal ? w : ' ' + w;
      if (seen.has(token)) continue;
      seen.add(token);
      members.push(token);
    }
    let total = 0;
    for (let r = 0; r < members.length; r++) total += 1 / Math.pow(r + 1, ZIPF);
    let left = 0;
    for (let r = 0; r < members.length; r++) {
      if (left === 0) {
        const u = rng.uniform();
        left = CHUNK_SIZES.findIndex((p) => u < p) + 1;
        clusterFamily.push(f);
      }
      tokens.push(members[r]);
      family.push(f);
      weight.push(1 / Math.pow(r + 1, ZIPF) / total);
      cluster.push(clusterFamily.length - 1);
      left--;
    }
  });
  const clusterCount = clusterFamily.length;
  return {
    tokens,
    family: Int32Array.from(family),
    weight: Float64Array.from(weight),
    cluster: Int32Array.from(cluster),
    clusterFamily: Int32Array.from(clusterFamily),
    clusterIds: sparseIds(clusterCount, Math.ceil(clusterCount * ID_SPREAD), rng),
    familyNames: WORD_FAMILIES.map((f) => f.name),
    clusterCount,
  };
}

/** `count` distinct integers from [0, range), in random order (partial Fisher–Yates). O(range). */
function sparseIds(count: number, range: number, rng: SyntheticRng): Int32Array {
  const pool = new Int32Array(range);
  for (let i = 0; i < range; i++) pool[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(range - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, count);
}
