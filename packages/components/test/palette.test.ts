import { describe, expect, test } from 'vitest';
import { categoricalColor } from '../src/color/categorical-color.js';
import { CATEGORICAL_PALETTE_SIZE, categoricalPaletteColor } from '../src/color/categorical-palette.js';
import { generateCategoricalPalette } from '../src/color/generate-categorical-palette.js';
import { oklabDistance, rgbToOklab } from '../src/color/rgb-to-oklab.js';
import { resolveColorScheme } from '../src/color/color-scheme.js';
import { parseRgb, toHex } from '../src/color/parse-rgb.js';
import { pointColors } from '../src/color/point-colors.js';
import { tolRainbowDiscrete } from '../src/color/tol-rainbow-discrete.js';

const rgbOf = (rgba: Uint8Array, i: number) => (rgba[4 * i]! << 16) | (rgba[4 * i + 1]! << 8) | rgba[4 * i + 2]!;

describe('tolRainbowDiscrete(n)', () => {
  test('tolRainbowDiscrete(n) returns n colours for every n in 1..23', () => {
    for (let n = 1; n <= 23; n++) expect(tolRainbowDiscrete(n)).toHaveLength(n);
  });

  test('tolRainbowDiscrete(n) matches Tol’s published lists for n = 1, 3 and 23', () => {
    expect(tolRainbowDiscrete(1)).toEqual(['#1965B0']);
    expect(tolRainbowDiscrete(3)).toEqual(['#1965B0', '#F7F056', '#DC050C']);
    expect(tolRainbowDiscrete(23)).toEqual([
      '#E8ECFB', '#D9CCE3', '#CAACCB', '#BA8DB4', '#AA6F9E', '#994F88', '#882E72', '#1965B0', '#437DBF', '#6195CF',
      '#7BAFDE', '#4EB265', '#90C987', '#CAE0AB', '#F7F056', '#F7CB45', '#F4A736', '#EE8026', '#E65518', '#DC050C',
      '#A5170E', '#72190E', '#42150A',
    ]);
  });

  test('tolRainbowDiscrete(n) throws a RangeError naming n outside 1..23', () => {
    expect(() => tolRainbowDiscrete(0)).toThrow(/n = 0.*\[1, 23\]/);
    expect(() => tolRainbowDiscrete(24)).toThrow(RangeError);
    expect(() => tolRainbowDiscrete(2.5)).toThrow(RangeError);
  });
});

describe('categoricalColor(id)', () => {
  const minPairwise = (colors: number[]) => {
    const lab = colors.map(rgbToOklab);
    let min = Infinity;
    for (let a = 0; a < lab.length; a++) {
      for (let b = a + 1; b < lab.length; b++) {
        const [p, q] = [lab[a]!, lab[b]!];
        min = Math.min(min, Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]));
      }
    }
    return min;
  };

  test('categoricalColor(id) keeps ids 0–299 at least ΔE 0.04 apart in OKLab (ids 0 and 144 no longer near-equal)', () => {
    expect(minPairwise(Array.from({ length: 300 }, (_, id) => categoricalColor(id)))).toBeGreaterThanOrEqual(0.04);
    expect(oklabDistance(categoricalColor(0), categoricalColor(144))).toBeGreaterThanOrEqual(0.04);
  });

  test('categoricalColor(id) keeps the first 12 ids far apart (ΔE ≥ 0.15)', () => {
    expect(minPairwise(Array.from({ length: 12 }, (_, id) => categoricalColor(id)))).toBeGreaterThanOrEqual(0.15);
  });

  test('categoricalColor(id) stays in the lightness band that reads on white and on #121212 (OKLab L 0.49–0.83)', () => {
    for (let id = -20; id < 700; id++) {
      const [L] = rgbToOklab(categoricalColor(id));
      expect(L, `id ${id}`).toBeGreaterThanOrEqual(0.42);
      expect(L, `id ${id}`).toBeLessThanOrEqual(0.9);
      if (id >= 0 && id < CATEGORICAL_PALETTE_SIZE) {
        expect(L).toBeGreaterThanOrEqual(0.49);
        expect(L).toBeLessThanOrEqual(0.83);
      }
    }
  });

  test('categoricalColor(id) is stable per id: pinned values, and the table equals generateCategoricalPalette’s output', () => {
    expect([0, 1, 2, 144, 299].map((id) => toHex(categoricalColor(id)))).toEqual(['#ec4536', '#1c3cff', '#2beb2b', '#6887ff', '#4ce1b2']);
    const generated = generateCategoricalPalette(CATEGORICAL_PALETTE_SIZE);
    expect(generated.map(toHex)).toEqual(Array.from({ length: CATEGORICAL_PALETTE_SIZE }, (_, k) => toHex(categoricalPaletteColor(k))));
  });

  test('categoricalColor(id) handles negative and large ids with valid 24-bit colours differing from the table entry they reuse', () => {
    for (const id of [-1, -2, -300, 255, 256, 320, 641, 1_000_000, 2_147_483_647, -2_147_483_648]) {
      const c = categoricalColor(id);
      expect(Number.isInteger(c) && c >= 0 && c <= 0xffffff).toBe(true);
    }
    expect(categoricalColor(-1)).not.toBe(categoricalColor(1));
    const size = CATEGORICAL_PALETTE_SIZE;
    expect(oklabDistance(categoricalColor(size + 5), categoricalColor(5))).toBeGreaterThanOrEqual(0.03);
    expect(oklabDistance(categoricalColor(-size + 5), categoricalColor(5))).toBeGreaterThanOrEqual(0.03);
  });
});

describe('pointColors(n, cluster, value, scheme)', () => {
  test('pointColors gives the same ids and colours through its dense-table path (ids 0…K−1) and its sparse path (ids far apart, negative)', () => {
    const scheme = resolveColorScheme('categorical');
    const dense = pointColors(5, Int32Array.of(2, 0, 2, 1, 299), null, scheme);
    expect(Array.from(dense.clusterIds)).toEqual([0, 1, 2, 299]);
    expect([0, 1, 2, 3, 4].map((i) => rgbOf(dense.rgba, i))).toEqual([2, 0, 2, 1, 299].map(categoricalColor));
    const ids = [2_000_000_000, -7, 2, -2_000_000_000, 2];
    const sparse = pointColors(5, Int32Array.from(ids), null, scheme);
    expect(Array.from(sparse.clusterIds)).toEqual([-2_000_000_000, -7, 2, 2_000_000_000]);
    expect([0, 1, 2, 3, 4].map((i) => rgbOf(sparse.rgba, i))).toEqual(ids.map(categoricalColor));
  });

  test('pointColors with the categorical scheme colours an id the same whatever other ids exist', () => {
    const scheme = resolveColorScheme('categorical');
    const a = pointColors(3, Int32Array.of(7, 1, 2), null, scheme);
    const b = pointColors(2, Int32Array.of(500, 7), null, scheme);
    expect(rgbOf(a.rgba, 0)).toBe(rgbOf(b.rgba, 1));
    expect(rgbOf(a.rgba, 0)).toBe(categoricalColor(7));
    expect(Array.from(b.clusterIds)).toEqual([7, 500]);
  });

  test('pointColors with tol-rainbow maps sorted distinct ids onto rainbow_discrete(k), as the notebook does', () => {
    const { rgba } = pointColors(4, Int32Array.of(10, -1, 10, 3), null, resolveColorScheme('tol-rainbow'));
    const tol = tolRainbowDiscrete(3).map(parseRgb); // ids -1, 3, 10
    expect([0, 1, 2, 3].map((i) => rgbOf(rgba, i))).toEqual([tol[2], tol[0], tol[2], tol[1]]);
  });

  test('pointColors with tol-rainbow falls back to categorical beyond 23 clusters', () => {
    const ids = Int32Array.from({ length: 30 }, (_, i) => i);
    const { rgba } = pointColors(30, ids, null, resolveColorScheme('tol-rainbow'));
    expect(rgbOf(rgba, 29)).toBe(categoricalColor(29));
  });

  test('pointColors with viridis maps the smallest value to viridis(0) and the largest to viridis(1)', () => {
    const scheme = resolveColorScheme('viridis');
    const { rgba } = pointColors(3, null, Float32Array.of(5, -2, 12), scheme);
    expect(toHex(rgbOf(rgba, 1))).toBe('#440154');
    expect(toHex(rgbOf(rgba, 2))).toBe('#fde725');
    expect(rgba[3]).toBe(255);
  });

  test('pointColors with a continuous scheme rejects a value array of the wrong length or with NaN', () => {
    const scheme = resolveColorScheme('magma');
    expect(() => pointColors(3, null, Float32Array.of(1, 2), scheme)).toThrow(/value = Float32Array\(2\).*one entry per point \(3\)/);
    expect(() => pointColors(2, null, Float32Array.of(1, NaN), scheme)).toThrow(/value\[1\] = NaN: must be finite/);
  });
});

describe('resolveColorScheme(name)', () => {
  test('resolveColorScheme accepts categorical, continuous and interpolator names in any case', () => {
    expect(resolveColorScheme('categorical').kind).toBe('categorical');
    expect(resolveColorScheme('continuous')).toMatchObject({ kind: 'continuous', name: 'Viridis' });
    expect(resolveColorScheme('rdylbu')).toMatchObject({ kind: 'continuous', name: 'RdYlBu' });
  });

  test('resolveColorScheme throws ClusterScatterInputError naming color-scheme for an unknown name', () => {
    expect(() => resolveColorScheme('rainbowz')).toThrow(expect.objectContaining({
      name: 'ClusterScatterInputError', param: 'color-scheme', value: 'rainbowz',
    }));
  });
});
