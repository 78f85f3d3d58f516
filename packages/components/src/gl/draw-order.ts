/**
 * The fixed, seeded drawing order of a large point set, for level-of-detail drawing: drawing only the
 * first m points of a uniformly random permutation shows an unbiased m-point sample, so dense regions
 * stay dense and every cluster keeps its share (the "progressive" order of embedding-atlas and of
 * sample-based LOD in general). Seeded (mulberry32 + Fisher–Yates), so the same n gives the same order.
 */
export interface DrawOrder {
  /** `order[k]` = row drawn k-th (a permutation of 0…n-1). */
  readonly order: Uint32Array;
  /** `rankOf[row]` = position of `row` in {@link order}. */
  readonly rankOf: Uint32Array;
}

/** A seeded random permutation of n rows and its inverse (computed on first read). O(n) time and 4n bytes (+4n for the inverse). */
export function drawOrder(n: number, seed = 0x5eed): DrawOrder {
  const order = shuffledRows(n, seed);
  let rankOf: Uint32Array | null = null;
  return {
    order,
    get rankOf() {
      return (rankOf ??= inversePermutation(order));
    },
  };
}

/** The rows 0…n−1 in a seeded random order (mulberry32 + Fisher–Yates; the order of {@link drawOrder}). O(n). */
export function shuffledRows(n: number, seed = 0x5eed): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let a = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const j = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (i + 1));
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
  return order;
}

/** `inverse[order[k]] = k` for a permutation `order`. O(n). */
export function inversePermutation(order: Uint32Array): Uint32Array {
  const inverse = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++) inverse[order[k]!] = k;
  return inverse;
}

/**
 * `values` (n rows of `width` entries) gathered into drawing order: a new array of the same type,
 * or `values` itself when `order` is null. O(n·width); `values` is not mutated. Rows are moved as 32-bit
 * words (float32 entries, or 4 bytes of a Uint8Array row when aligned), so the copy is bit-exact and runs
 * in one monomorphic loop whatever the element type (a generic loop over both array types cost ~3× more).
 */
export function gatherRows<T extends Float32Array | Uint8Array>(values: T, order: Uint32Array | null, width: number): T {
  if (!order) return values;
  const out = new (values.constructor as new (length: number) => T)(values.length);
  const bytesPerRow = width * values.BYTES_PER_ELEMENT;
  if (bytesPerRow % 4 === 0 && values.byteOffset % 4 === 0) {
    const words = bytesPerRow / 4;
    gatherWords(new Uint32Array(values.buffer, values.byteOffset, values.length * values.BYTES_PER_ELEMENT / 4), new Uint32Array(out.buffer), order, words);
  } else {
    gatherBytes(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), new Uint8Array(out.buffer), order, bytesPerRow);
  }
  return out;
}

function gatherWords(src: Uint32Array, dst: Uint32Array, order: Uint32Array, width: number): void {
  const n = order.length;
  if (width === 1) for (let k = 0; k < n; k++) dst[k] = src[order[k]!]!;
  else if (width === 2) {
    for (let k = 0; k < n; k++) {
      const i = 2 * order[k]!;
      dst[2 * k] = src[i]!;
      dst[2 * k + 1] = src[i + 1]!;
    }
  } else for (let k = 0; k < n; k++) for (let c = 0, i = width * order[k]!; c < width; c++) dst[width * k + c] = src[i + c]!;
}

function gatherBytes(src: Uint8Array, dst: Uint8Array, order: Uint32Array, width: number): void {
  const n = order.length;
  if (width === 1) for (let k = 0; k < n; k++) dst[k] = src[order[k]!]!;
  else for (let k = 0; k < n; k++) for (let c = 0, i = width * order[k]!; c < width; c++) dst[width * k + c] = src[i + c]!;
}
