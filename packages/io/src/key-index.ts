import { DataError, describe } from './data-error.js';

/**
 * Index (preamble, guess) keys to their row, rejecting duplicates (the 1:1 rule of the
 * notebook's `join(..., validate="1:1")`). Two-level map, so no separator can collide.
 * O(n) expected time and memory.
 *
 * @throws DataError `duplicate-key` naming the key and both 1-based rows.
 */
export function keyIndex(preambles: readonly string[], guesses: readonly string[], file: string): KeyIndex {
  const index = new KeyIndex();
  for (let i = 0; i < preambles.length; i++) {
    const previous = index.set(preambles[i]!, guesses[i]!, i);
    if (previous !== undefined) {
      throw new DataError({
        code: 'duplicate-key',
        file,
        row: i + 1,
        rule:
          `key (preamble=${describe(preambles[i])}, guess=${describe(guesses[i])}) appears in rows ${previous + 1} and ${i + 1}; ` +
          'the join on (preamble, guess) must be 1:1',
      });
    }
  }
  return index;
}

export class KeyIndex {
  readonly #byPreamble = new Map<string, Map<string, number>>();

  /** Store `row` for the key; returns the row already stored for it, if any (keeping that one). */
  set(preamble: string, guess: string, row: number): number | undefined {
    let inner = this.#byPreamble.get(preamble);
    if (inner === undefined) this.#byPreamble.set(preamble, (inner = new Map()));
    const previous = inner.get(guess);
    if (previous === undefined) inner.set(guess, row);
    return previous;
  }

  get(preamble: string, guess: string): number | undefined {
    return this.#byPreamble.get(preamble)?.get(guess);
  }
}
