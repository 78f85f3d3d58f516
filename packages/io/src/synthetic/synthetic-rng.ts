/**
 * The seeded random source of the synthetic dataset generator.
 *
 * sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, as in PractRand) seeded through
 * splitmix32, plus Box–Muller normals. Kept local to the generator so the default dataset does not
 * change when @clamp-viz/projection's generator evolves. Output is bit-identical for a seed within
 * one JavaScript engine (`Math.log`/`Math.cos` may differ in the last bit between engines).
 */
export interface SyntheticRng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /**
   * Adds `scale ×` approximately standard normal noise to `out[0..count)` (mutates `out`), fast: draws
   * from a table of 65,536 normals built on first use, two per 32-bit output. For bulk noise, where
   * Box–Muller per value would dominate the generator's run time. O(count).
   */
  addTableNoise(out: Float64Array, count: number, scale: number): void;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** An independent generator derived from this one and `salt` (for a sub-stream per stage). */
  fork(salt: number): SyntheticRng;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const TABLE_SIZE = 1 << 16;

/** Creates a generator for `seed` (any finite number; its integer part and sign are used). O(1). */
export function syntheticRng(seed: number): SyntheticRng {
  const mix = splitmix32(Math.trunc(seed) ^ 0x5eed1871);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix() | 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  let spare = 0;
  let hasSpare = false;
  const uniform = (): number => next() / 4294967296;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u = uniform();
    while (u === 0) u = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    hasSpare = true;
    return r * Math.cos(theta);
  };
  let table: Float64Array | undefined;
  return {
    uniform,
    normal,
    addTableNoise(out, count, scale) {
      if (!table) {
        table = new Float64Array(TABLE_SIZE);
        for (let i = 0; i < TABLE_SIZE; i++) table[i] = normal();
      }
      const tab = table;
      let i = 0;
      for (; i + 1 < count; i += 2) {
        const r = next();
        out[i] += scale * tab[r & 0xffff];
        out[i + 1] += scale * tab[r >>> 16];
      }
      if (i < count) out[i] += scale * tab[next() & 0xffff];
    },
    int(n) {
      return Math.floor(uniform() * n);
    },
    fork(salt) {
      return syntheticRng((next() ^ Math.imul(salt | 0, 0x27d4eb2d)) | 0);
    },
  };
}
