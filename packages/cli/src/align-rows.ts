import { DataError } from '@clamp-viz/io';

/** Rows of one side: a file name for messages, the row count, and the (preamble, guess) keys when known. */
export interface KeyedRows {
  readonly file: string;
  readonly rows: number;
  readonly preambles?: readonly string[];
  readonly guesses?: readonly string[];
}

/**
 * For each row of `target` (a projection file), the index of its row in `source` (the embeddings): by the
 * (preamble, guess) key when both sides have keys (the notebook's join; `target` may hold a subset, e.g. after
 * `--unmatched drop`), else by row order, which needs equal row counts. O(n) with a hash map.
 * @throws DataError for a target key missing from `source`, a key repeated on either side, or unequal counts.
 */
export function alignRows(target: KeyedRows, source: KeyedRows): Int32Array {
  const index = new Int32Array(target.rows);
  if (!(target.preambles && target.guesses && source.preambles && source.guesses)) {
    if (target.rows !== source.rows) {
      throw new DataError({
        code: 'row-count-mismatch',
        file: target.file,
        rule: `has ${target.rows} rows but ${source.file} has ${source.rows}; without (preamble, guess) keys on both sides rows are matched by order, so the counts must agree`,
      });
    }
    for (let i = 0; i < index.length; i++) index[i] = i;
    return index;
  }
  const rowOf = new Map<string, number>();
  for (let i = 0; i < source.rows; i++) {
    const key = keyOf(source.preambles[i]!, source.guesses[i]!);
    if (rowOf.has(key)) throw duplicate(source.file, i, source.preambles[i]!, source.guesses[i]!);
    rowOf.set(key, i);
  }
  const seen = new Uint8Array(source.rows);
  for (let i = 0; i < target.rows; i++) {
    const row = rowOf.get(keyOf(target.preambles[i]!, target.guesses[i]!));
    if (row === undefined) {
      throw new DataError({
        code: 'unmatched-rows',
        file: target.file,
        row: i + 1,
        value: `${target.preambles[i]} / ${target.guesses[i]}`,
        rule: `this (preamble, guess) is not in ${source.file}`,
      });
    }
    if (seen[row]) throw duplicate(target.file, i, target.preambles[i]!, target.guesses[i]!);
    seen[row] = 1;
    index[i] = row;
  }
  return index;
}

function keyOf(preamble: string, guess: string): string {
  return `${preamble.length}:${preamble}${guess}`;
}

function duplicate(file: string, row: number, preamble: string, guess: string): DataError {
  return new DataError({ code: 'duplicate-key', file, row: row + 1, value: `${preamble} / ${guess}`, rule: 'each (preamble, guess) may appear once' });
}
