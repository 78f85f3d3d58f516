/** How a new set of indices combines with the current selection. */
export type SelectionMode = 'replace' | 'add' | 'remove';

/**
 * Combines two ascending, duplicate-free index lists: `replace` → `next`, `add` → union,
 * `remove` → `current` minus `next`. O(|current| + |next|); returns a new array, inputs untouched.
 */
export function combineSelection(current: Uint32Array, next: Uint32Array, mode: SelectionMode): Uint32Array {
  if (mode === 'replace') return next.slice();
  const out = new Uint32Array(mode === 'add' ? current.length + next.length : current.length);
  let a = 0, b = 0, k = 0;
  while (a < current.length || b < next.length) {
    const x = a < current.length ? current[a]! : Infinity;
    const y = b < next.length ? next[b]! : Infinity;
    if (x === y) {
      if (mode === 'add') out[k++] = x;
      a++;
      b++;
    } else if (x < y) {
      out[k++] = x;
      a++;
    } else {
      if (mode === 'add') out[k++] = y;
      b++;
    }
  }
  return out.slice(0, k);
}

/**
 * Validates and normalises user indices: integers in [0, n), sorted ascending, duplicates dropped.
 * Returns null with the offending position when one is out of range (the caller names the parameter).
 */
export function normalizeIndices(indices: ArrayLike<number>, n: number): { indices: Uint32Array } | { bad: number } {
  const out = new Uint32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= n) return { bad: i };
    out[i] = v;
  }
  out.sort();
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[k++] = out[i]!;
  return { indices: out.slice(0, k) };
}
