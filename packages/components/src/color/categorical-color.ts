import { CATEGORICAL_PALETTE_SIZE, categoricalPaletteColor } from './categorical-palette.js';
import { oklchToRgb } from './oklch-to-rgb.js';
import { rgbToOklab } from './rgb-to-oklab.js';

/** OKLab lightness shift of each further pass through the table (ids ≥ size, or negative): −, +, −, +… */
const CYCLE_SHIFT = 0.07;

/**
 * Stable categorical colour of a cluster id, as packed `0xRRGGBB`.
 *
 * The colour depends on the id alone (never on which other ids exist), so a cluster keeps its
 * colour across filtered subsets and linked views. Ids 0–{@link CATEGORICAL_PALETTE_SIZE}−1 index a
 * precomputed max–min OKLab palette (categorical-palette.ts): lightness 0.50–0.82 (reads on light and
 * dark backgrounds), chroma ≥ 0.05, and ids 0–299 at least ΔE ≈ 0.04 apart (tested). Other ids (larger
 * or negative) reuse the table colour of `id mod size`, lightness shifted by ∓0.07 per pass, chroma
 * reduced if needed to stay in gamut. Any integer id works. O(1), pure.
 */
export function categoricalColor(id: number): number {
  const size = CATEGORICAL_PALETTE_SIZE;
  const k = ((id % size) + size) % size;
  const base = categoricalPaletteColor(k);
  const pass = Math.floor(id / size);
  if (pass === 0) return base;
  const [L, a, b] = rgbToOklab(base);
  const shift = (Math.abs(pass) % 2 === 1 ? -1 : 1) * CYCLE_SHIFT;
  return oklchToRgb(L + shift, Math.sqrt(a * a + b * b), (Math.atan2(b, a) * 180) / Math.PI);
}
