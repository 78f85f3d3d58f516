import { oklchToRgb } from './oklch-to-rgb.js';

/** Settings of {@link generateCategoricalPalette}; the defaults made `CATEGORICAL_PALETTE`. */
export interface CategoricalPaletteOptions {
  /** OKLab lightness band: dark enough to read on white, light enough on a dark theme (default 0.5–0.82). */
  readonly minLightness?: number;
  readonly maxLightness?: number;
  /** Minimum OKLCH chroma, so no colour reads as grey (the dimmed/disabled look) (default 0.05). */
  readonly minChroma?: number;
  /** Candidate grid step in L, a and b (default 0.01). */
  readonly step?: number;
  /** OKLab colour the palette starts nearest to (default an orange red). */
  readonly start?: readonly [number, number, number];
}

/**
 * The max–min ("farthest point first", T. Gonzalez 1985) categorical palette in OKLab: from a grid of
 * in-gamut sRGB candidates inside the lightness band with at least the minimum chroma, take the one
 * nearest `start`, then repeatedly the candidate farthest (Euclidean OKLab ΔE) from every colour
 * taken so far, ties to the lower grid index. Every prefix is thus well spread (the first few ids are
 * the most distinct) and the minimum pairwise ΔE of the first 300 is ≈ 0.043. Deterministic.
 *
 * This is the script behind the precomputed `CATEGORICAL_PALETTE` (categorical-palette.ts); the
 * component never runs it (test/palette.test.ts checks the table equals its output). Cost:
 * O(count × candidates) ≈ 10M distance evaluations (~0.5 s) for 320 colours. Returns packed `0xRRGGBB`.
 */
export function generateCategoricalPalette(count: number, options: CategoricalPaletteOptions = {}): number[] {
  const { minLightness = 0.5, maxLightness = 0.82, minChroma = 0.05, step = 0.01, start = [0.63, 0.18, 0.1] } = options;
  const cand: number[] = [];
  const steps = Math.round((maxLightness - minLightness) / step);
  const ab = Math.round(0.32 / step);
  for (let i = 0; i <= steps; i++) {
    const L = minLightness + i * step;
    for (let j = -ab; j <= ab; j++) {
      for (let k = -ab; k <= ab; k++) {
        const a = j * step, b = k * step;
        if (Math.sqrt(a * a + b * b) >= minChroma && inGamut(L, a, b)) cand.push(L, a, b);
      }
    }
  }
  const m = cand.length / 3;
  const dist = new Float64Array(m).fill(Infinity);
  let pick = 0;
  let best = Infinity;
  for (let i = 0; i < m; i++) {
    const d = distance(cand, i, start[0], start[1], start[2]);
    if (d < best) [best, pick] = [d, i];
  }
  const out: number[] = [];
  for (let c = 0; c < count && c < m; c++) {
    const L = cand[3 * pick]!, a = cand[3 * pick + 1]!, b = cand[3 * pick + 2]!;
    out.push(oklchToRgb(L, Math.sqrt(a * a + b * b), (Math.atan2(b, a) * 180) / Math.PI));
    let far = -1;
    let next = 0;
    for (let i = 0; i < m; i++) {
      const d = distance(cand, i, L, a, b);
      if (d < dist[i]!) dist[i] = d;
      if (dist[i]! > far) [far, next] = [dist[i]!, i];
    }
    pick = next;
  }
  return out;
}

function distance(cand: number[], i: number, L: number, a: number, b: number): number {
  const dl = cand[3 * i]! - L, da = cand[3 * i + 1]! - a, db = cand[3 * i + 2]! - b;
  return Math.sqrt(dl * dl + da * da + db * db);
}

function inGamut(L: number, a: number, b: number): boolean {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
  const g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
  const bl = -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s;
  return r >= 0 && r <= 1 && g >= 0 && g <= 1 && bl >= 0 && bl <= 1;
}
