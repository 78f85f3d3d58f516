import type { Vocabulary } from './build-vocabulary.js';
import type { PreambleFrame } from './preamble-frames.js';
import type { SyntheticRng } from './synthetic-rng.js';

/** Share of the next-token guesses that are topical for the frame, and of the always-present kinds. */
const MIX: Readonly<Record<string, number>> = { function: 0.08, punctuation: 0.05, subword: 0.02, adverbs: 0.03 };
const TOPICAL = 0.72;
/** Spread evenly over every family: the long tail of unrelated guesses. */
const BACKGROUND = 0.1;
/** Per-preamble log-normal jitter of each family's weight. */
const JITTER = 0.35;

/**
 * Per-token base weights for a frame: TOPICAL split over its topics, plus MIX and BACKGROUND,
 * times each token's within-family frequency. Length V. O(V).
 */
export function frameTokenWeights(frame: PreambleFrame, vocab: Vocabulary): Float64Array {
  const names = vocab.familyNames;
  const fam = new Float64Array(names.length).fill(BACKGROUND / names.length);
  let topicTotal = 0;
  for (const w of Object.values(frame.topics)) topicTotal += w;
  names.forEach((name, f) => {
    fam[f] += (TOPICAL * (frame.topics[name] ?? 0)) / topicTotal + (MIX[name] ?? 0);
  });
  const out = new Float64Array(vocab.tokens.length);
  for (let t = 0; t < out.length; t++) out[t] = fam[vocab.family[t]] * vocab.weight[t];
  return out;
}

/**
 * Draws `k` distinct tokens (k ≤ V) for one preamble from `base` (see `frameTokenWeights`), each
 * family's weight jittered per preamble; weighted sampling without replacement by Efraimidis–Spirakis
 * keys log(u)/w. Returns token indices, most likely first (like a model's top-k). O(V·k) worst case,
 * O(V + k²) typical. Does not mutate `base`.
 */
export function sampleGuesses(base: Float64Array, vocab: Vocabulary, k: number, rng: SyntheticRng): Int32Array {
  const jitter = new Float64Array(vocab.familyNames.length);
  for (let f = 0; f < jitter.length; f++) jitter[f] = Math.exp(JITTER * rng.normal());
  const topKeys = new Float64Array(k).fill(-Infinity);
  const topTokens = new Int32Array(k).fill(-1);
  for (let t = 0; t < base.length; t++) {
    let u = rng.uniform();
    while (u === 0) u = rng.uniform();
    const key = Math.log(u) / (base[t] * jitter[vocab.family[t]]);
    if (key <= topKeys[k - 1]) continue;
    let i = k - 1;
    while (i > 0 && topKeys[i - 1] < key) {
      topKeys[i] = topKeys[i - 1];
      topTokens[i] = topTokens[i - 1];
      i--;
    }
    topKeys[i] = key;
    topTokens[i] = t;
  }
  return topTokens;
}
