/** Rows grouped by a key in [0, K): group g holds `rows[start[g] .. start[g + 1])`, in increasing row order. */
export interface RowGroups {
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/** Counting sort of row indices by `key` (length N, values in [0, K)). O(N + K). Does not mutate `key`. */
export function groupRows(key: Int32Array, K: number): RowGroups {
  const start = new Int32Array(K + 1);
  for (let i = 0; i < key.length; i++) start[key[i]! + 1]!++;
  for (let g = 0; g < K; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, K);
  const rows = new Int32Array(key.length);
  for (let i = 0; i < key.length; i++) rows[fill[key[i]!]!++] = i;
  return { start, rows };
}
