/** Bit flags of the per-point state byte uploaded to the GPU. */
export const SELECTED = 1;
export const HIDDEN = 2;

/**
 * The state byte of every point: {@link SELECTED} for rows in `selected` (ascending), {@link HIDDEN}
 * for points whose cluster rank is in `hiddenRanks` (legend filter). O(n + |selected|).
 */
export function pointStates(n: number, selected: Uint32Array, rank: Float32Array, hiddenRanks: ReadonlySet<number>): Uint8Array {
  const state = new Uint8Array(n);
  for (const i of selected) if (i < n) state[i] = SELECTED;
  if (hiddenRanks.size > 0) {
    for (let i = 0; i < n; i++) if (hiddenRanks.has(rank[i]!)) state[i]! |= HIDDEN;
  }
  return state;
}
