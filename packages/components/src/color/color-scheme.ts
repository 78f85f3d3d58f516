import * as chromatic from 'd3-scale-chromatic';
import { ClusterScatterInputError } from '../errors.js';

/** How points are coloured; built from the `color-scheme` attribute by {@link resolveColorScheme}. */
export type ColorScheme =
  | { readonly kind: 'categorical' }
  | { readonly kind: 'tol-rainbow' }
  | { readonly kind: 'continuous'; readonly name: string; readonly interpolate: (t: number) => string };

let interpolators: Map<string, [string, (t: number) => string]> | undefined;

/** Lower-cased interpolator name → [d3 name, function]; built lazily (no work at import time). */
function interpolatorTable(): Map<string, [string, (t: number) => string]> {
  if (!interpolators) {
    interpolators = new Map();
    for (const [key, fn] of Object.entries(chromatic)) {
      if (key.startsWith('interpolate') && typeof fn === 'function') {
        const name = key.slice('interpolate'.length);
        interpolators.set(name.toLowerCase(), [name, fn as (t: number) => string]);
      }
    }
  }
  return interpolators;
}

/** Names accepted for continuous colouring (d3-scale-chromatic interpolators, e.g. `viridis`, `RdYlBu`). */
export function continuousSchemeNames(): string[] {
  return [...interpolatorTable().values()].map(([name]) => name);
}

/**
 * Resolves a `color-scheme` value.
 * - `'categorical'` (default): {@link categoricalColor}, stable per cluster id.
 * - `'tol-rainbow'`: the notebook's `tol_colors.rainbow_discrete(k)` over the k distinct ids in
 *   ascending order (k ≤ 23; more ids fall back to categorical). Colours depend on the id set.
 * - `'continuous'` (= viridis) or any d3-scale-chromatic interpolator name, case-insensitive
 *   (`'viridis'`, `'magma'`, `'turbo'`, `'RdYlBu'`…): maps `value` (or the cluster id) min→max.
 * @throws ClusterScatterInputError naming `color-scheme` for any other value.
 */
export function resolveColorScheme(name: string): ColorScheme {
  const key = name.trim().toLowerCase();
  if (key === '' || key === 'categorical') return { kind: 'categorical' };
  if (key === 'tol-rainbow') return { kind: 'tol-rainbow' };
  const found = interpolatorTable().get(key === 'continuous' ? 'viridis' : key);
  if (!found) {
    throw new ClusterScatterInputError(
      'color-scheme',
      name,
      `must be 'categorical', 'tol-rainbow', 'continuous' or a d3-scale-chromatic interpolator name (e.g. 'viridis', 'magma', 'turbo')`,
    );
  }
  return { kind: 'continuous', name: found[0], interpolate: found[1] };
}
