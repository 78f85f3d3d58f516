import { DETERMINERS, FRAMES, NOTEBOOK_SENTENCE, PREFIXES, SUBJECTS } from './preamble-frames.js';
import type { SyntheticRng } from './synthetic-rng.js';

/** Distinct preambles the frames can produce: frames × subjects × prefixes × determiners. */
export const MAX_PREAMBLES = FRAMES.length * SUBJECTS.length * PREFIXES.length * DETERMINERS.length;

/** Chosen sentence beginnings and the frame each one uses. */
export interface ChosenPreambles {
  /** Length n, distinct. */
  readonly texts: string[];
  /** Index into `FRAMES` of each preamble. Length n. */
  readonly frames: Int32Array;
}

/**
 * Picks `n` distinct preambles (1 ≤ n ≤ MAX_PREAMBLES; the caller validates) in random order.
 * The notebook's sentence (combination 0) is always one of them, at a random position.
 * Rejection sampling over the combination index: O(n) expected for n ≪ MAX_PREAMBLES.
 */
export function choosePreambles(n: number, rng: SyntheticRng): ChosenPreambles {
  const texts: string[] = new Array<string>(n);
  const frames = new Int32Array(n);
  const used = new Set<number>([0]);
  const notebookAt = rng.int(n);
  for (let i = 0; i < n; i++) {
    let combo = 0;
    if (i !== notebookAt) {
      do combo = rng.int(MAX_PREAMBLES);
      while (used.has(combo));
      used.add(combo);
    }
    const frame = combo % FRAMES.length;
    let rest = (combo - frame) / FRAMES.length;
    const subject = rest % SUBJECTS.length;
    rest = (rest - subject) / SUBJECTS.length;
    const prefix = rest % PREFIXES.length;
    const determiner = (rest - prefix) / PREFIXES.length;
    texts[i] = sentence(PREFIXES[prefix], DETERMINERS[determiner], SUBJECTS[subject], FRAMES[frame].text);
    frames[i] = frame;
  }
  if (texts[notebookAt] !== NOTEBOOK_SENTENCE) throw new Error('clamp-viz internal error: the notebook sentence must be combination 0');
  return { texts, frames };
}

function sentence(prefix: string, determiner: string, subject: string, frame: string): string {
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  const det = prefix && determiner ? lower(determiner) : determiner;
  const subj = prefix || determiner ? lower(subject) : subject;
  return `${prefix}${det}${subj} ${frame}`;
}
