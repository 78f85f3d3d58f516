import { oklchToRgb } from './oklch-to-rgb.js';

const GOLDEN = 0.6180339887498949;
const LIGHTNESS = [0.66, 0.5, 0.8] as const;
const CHROMA = [0.17, 0.14, 0.13] as const;

/**
 * Stable categorical colour of a cluster id, as packed `0xRRGGBB`.
 *
 * The colour depends on the id alone (never on which other ids exist), so a cluster keeps its
 * colour across filtered subsets and linked views. Hue steps by the golden ratio in OKLCH
 * (`hue = 360·frac(0.08 + id·φ⁻¹)`), which spreads any run of consecutive ids around the wheel, and
 * lightness/chroma cycle through three levels with `id mod 3`, so ids with close hues differ in
 * lightness. Any integer id works, negatives included. 300 consecutive ids give 300 distinct
 * 8-bit colours (checked in test/palette.test.ts). O(1), pure.
 */
export function categoricalColor(id: number): number {
  const f = 0.08 + id * GOLDEN;
  const hue = 360 * (f - Math.floor(f));
  const level = ((id % 3) + 3) % 3;
  return oklchToRgb(LIGHTNESS[level]!, CHROMA[level]!, hue);
}
