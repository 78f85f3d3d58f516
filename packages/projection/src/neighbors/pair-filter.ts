/**
 * A Bloom filter over unordered pairs of row indices {p, q}: NN-descent asks it before computing a distance so
 * that no pair is evaluated twice (a re-evaluated pair can never change a heap: roots only shrink and
 * `heapPushUnique` rejects members). On this project's 20k × 768 default dataset about 90 % of the
 * local-join pairs of the first iteration are repeats (a pair {p, q} is proposed by every common neighbour).
 * A false positive skips a pair that was never evaluated, which can only cost a little recall; with
 * ≈ 1,024 bits per row, 3 probe bits in one 32-bit word (one cache miss per call) and ≈ 60 distinct pairs per row
 * it is about 1 %. Deterministic (no randomness).
 * Memory: bits / 8 bytes, a power of two between 2^16 and 2^30 bits. O(1) per call. Internal to the neighbour stage.
 */
export class PairFilter {
  readonly #words: Uint32Array;
  readonly #mask: number;

  /** A filter sized for `rows` rows (`bitsPerRow` bits each, rounded up to a power of two, capped at 2^30). */
  constructor(rows: number, bitsPerRow = 1024) {
    const want = Math.max(1 << 16, Math.min(2 ** 30, rows * bitsPerRow));
    const bits = 2 ** Math.ceil(Math.log2(want));
    this.#words = new Uint32Array(bits / 32);
    this.#mask = bits / 32 - 1;
  }

  /** Whether {p, q} may have been added before (possibly a false positive); adds it when not. */
  testAndAdd(p: number, q: number): boolean {
    const a = p < q ? p : q;
    const b = p < q ? q : p;
    const h = fmix32(Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x7f4a7c15, 0x85ebca77));
    // Blocked: the three probe bits share one 32-bit word (one memory access); a second mix picks them.
    const g = fmix32(h ^ 0x5bd1e995);
    const m = (1 << (g & 31)) | (1 << ((g >>> 5) & 31)) | (1 << ((g >>> 10) & 31));
    const w = (h & this.#mask) >>> 0;
    const old = this.#words[w]!;
    if ((old & m) === m) return true;
    this.#words[w] = old | m;
    return false;
  }

  /** Marks {p, q} as evaluated. */
  add(p: number, q: number): void {
    this.testAndAdd(p, q);
  }
}

/** MurmurHash3's 32-bit finaliser. */
function fmix32(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
