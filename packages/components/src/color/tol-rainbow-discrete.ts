/**
 * Paul Tol's discrete rainbow colour scheme ("rainbow_discrete"), for 1 to 23 categories.
 *
 * Source: P. Tol, "Colour Schemes", SRON technical note SRON/EPS/TN/09-002 (issue 3.2, 2021),
 * figure "discrete rainbow", and its companion `tol_colors.py` (`rainbow_discrete(lut)`), which is
 * what the clamp notebook calls as `tol_colors.rainbow_discrete(n_clusters)`. The scheme is 29 base
 * colours; for n categories Tol lists which n of them to use, in order. Indices below are 0-based.
 */
const TOL_RAINBOW_BASE: readonly string[] = [
  '#E8ECFB', '#D9CCE3', '#D1BBD7', '#CAACCB', '#BA8DB4', '#AE76A3', '#AA6F9E', '#994F88', '#882E72', '#1965B0',
  '#437DBF', '#5289C7', '#6195CF', '#7BAFDE', '#4EB265', '#90C987', '#CAE0AB', '#F7F056', '#F7CB45', '#F6C141',
  '#F4A736', '#F1932D', '#EE8026', '#E8601C', '#E65518', '#DC050C', '#A5170E', '#72190E', '#42150A',
];

const TOL_RAINBOW_INDICES: readonly (readonly number[])[] = [
  [9],
  [9, 25],
  [9, 17, 25],
  [9, 14, 17, 25],
  [9, 13, 14, 17, 25],
  [9, 13, 14, 16, 17, 25],
  [8, 9, 13, 14, 16, 17, 25],
  [8, 9, 13, 14, 16, 17, 22, 25],
  [8, 9, 13, 14, 16, 17, 22, 25, 27],
  [8, 9, 13, 14, 16, 17, 20, 23, 25, 27],
  [8, 9, 11, 13, 14, 16, 17, 20, 23, 25, 27],
  [2, 5, 8, 9, 11, 13, 14, 16, 17, 20, 23, 25],
  [2, 5, 8, 9, 11, 13, 14, 15, 16, 17, 20, 23, 25],
  [2, 5, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25],
  [2, 5, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25, 27],
  [2, 4, 6, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25, 27],
  [2, 4, 6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25, 27],
  [2, 4, 6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25, 26, 27],
  [1, 3, 4, 6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25, 26, 27],
  [1, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 19, 21, 23, 25, 26, 27],
  [1, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 25, 26, 27],
  [1, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 25, 26, 27, 28],
  [0, 1, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 25, 26, 27, 28],
];

/** Largest n for which Tol defines a discrete rainbow. */
export const TOL_RAINBOW_MAX = 23;

/**
 * The n colours of Tol's discrete rainbow as `#RRGGBB` strings, in scheme order.
 * @throws RangeError when n is not an integer in [1, 23].
 */
export function tolRainbowDiscrete(n: number): string[] {
  if (!Number.isInteger(n) || n < 1 || n > TOL_RAINBOW_MAX) {
    throw new RangeError(`tolRainbowDiscrete(n): n = ${n}: must be an integer in [1, ${TOL_RAINBOW_MAX}]`);
  }
  return TOL_RAINBOW_INDICES[n - 1]!.map((i) => TOL_RAINBOW_BASE[i]!);
}
