/** Samples per unit of distance in `kernelTable`. */
export const KERNEL_STEPS_PER_UNIT = 128;
/** Distances at or beyond this are evaluated exactly rather than from the table. */
export const KERNEL_TABLE_RANGE = 64;

const cache = new Map<string, Float64Array>();

/**
 * q(r) = 1 / (1 + a·r^{2b}) tabulated at r = i/128 for i = 0 … 64·128 (r is a 2-D distance, not squared), for
 * linear interpolation in UMAP's repulsive SGD step: q is smooth in r (2b > 1 for every minDist ≤ spread fit) and the
 * interpolation error is at most 1.5e-4 absolute (minDist 0; 6e-5 for the default 0.1; under 5e-5 beyond r = 0.05), far under the SGD noise, while it saves a pow per negative sample.
 * 8,193 float64 (64 KB), cached per (a, b).
 */
export function kernelTable(a: number, b: number): Float64Array {
  const key = `${a}:${b}`;
  let table = cache.get(key);
  if (!table) {
    const size = KERNEL_TABLE_RANGE * KERNEL_STEPS_PER_UNIT + 2;
    table = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const r = i / KERNEL_STEPS_PER_UNIT;
      table[i] = 1 / (1 + a * Math.pow(r, 2 * b));
    }
    cache.set(key, table);
  }
  return table;
}
