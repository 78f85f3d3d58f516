import { ClusterScatterInputError } from '../errors.js';
import { categoricalColor } from './categorical-color.js';
import type { ColorScheme } from './color-scheme.js';
import { parseRgb, toHex } from './parse-rgb.js';
import { TOL_RAINBOW_MAX, tolRainbowDiscrete } from './tol-rainbow-discrete.js';

/** Per-point colours ready for the GPU plus a summary for labels/legends. */
export interface PointColors {
  /** n×4 RGBA bytes, row-major (alpha 255). */
  readonly rgba: Uint8Array;
  /** Distinct cluster ids, ascending (empty when no cluster array was given). */
  readonly clusterIds: Int32Array;
  /** Continuous schemes only: what the colours map, for a legend ramp (absent for categorical colours). */
  readonly ramp?: ColorRamp;
}

/** A continuous colour mapping: `min` → `stops[0]`, `max` → the last stop (evenly spaced `#rrggbb`). */
export interface ColorRamp {
  /** `'value'` (the `value` numbers) or `'cluster'` (cluster ids coloured as numbers). */
  readonly by: 'value' | 'cluster';
  readonly min: number;
  readonly max: number;
  /** d3 interpolator name. */
  readonly scheme: string;
  readonly stops: readonly string[];
}

const RAMP_STOPS = 9;

const LUT_SIZE = 256;

/**
 * Computes the colour of every point.
 *
 * `cluster`: n ids or null (all points get the colour of id 0); `value`: optional n numbers for
 * continuous schemes (otherwise the id is used). Continuous colours are quantised to a 256-entry
 * lookup table between the finite min and max. O(n + k log k) for k distinct ids; inputs are not
 * mutated. Continuous results carry a {@link ColorRamp} (min, max, colour stops) for legends.
 * @throws ClusterScatterInputError when `value` has the wrong length or a non-finite entry.
 */
export function pointColors(
  n: number,
  cluster: Int32Array | null,
  value: Float32Array | null,
  scheme: ColorScheme,
): PointColors {
  const rgba = new Uint8Array(n * 4);
  const clusterIds = distinctIds(cluster);
  const put = (i: number, rgb: number) => {
    rgba[4 * i] = (rgb >> 16) & 255;
    rgba[4 * i + 1] = (rgb >> 8) & 255;
    rgba[4 * i + 2] = rgb & 255;
    rgba[4 * i + 3] = 255;
  };
  if (scheme.kind === 'continuous') {
    const source = continuousSource(n, cluster, value);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = source(i);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const lut = new Int32Array(LUT_SIZE);
    for (let j = 0; j < LUT_SIZE; j++) {
      const rgb = parseRgb(scheme.interpolate(j / (LUT_SIZE - 1)));
      lut[j] = rgb < 0 ? 0x777777 : rgb;
    }
    const span = max - min;
    for (let i = 0; i < n; i++) {
      const t = span > 0 ? (source(i) - min) / span : 0.5;
      put(i, lut[Math.round(t * (LUT_SIZE - 1))]!);
    }
    const stops = Array.from({ length: RAMP_STOPS }, (_, j) => toHex(lut[Math.round((j / (RAMP_STOPS - 1)) * (LUT_SIZE - 1))]!));
    const ramp: ColorRamp = { by: value ? 'value' : 'cluster', min: n > 0 ? min : 0, max: n > 0 ? max : 0, scheme: scheme.name, stops };
    return { rgba, clusterIds, ramp };
  }
  const colorOf = new Map<number, number>();
  if (scheme.kind === 'tol-rainbow' && clusterIds.length >= 1 && clusterIds.length <= TOL_RAINBOW_MAX) {
    const colors = tolRainbowDiscrete(clusterIds.length);
    clusterIds.forEach((id, rank) => colorOf.set(id, parseRgb(colors[rank]!)));
  } else {
    for (const id of clusterIds) colorOf.set(id, categoricalColor(id));
  }
  if (!cluster) {
    new Uint32Array(rgba.buffer).fill(packRgba(categoricalColor(0)));
  } else {
    const lo = clusterIds.length > 0 ? clusterIds[0]! : 0;
    const span = clusterIds.length > 0 ? clusterIds[clusterIds.length - 1]! - lo + 1 : 0;
    if (span > 0 && span <= denseLimit(n)) {
      // Dense ids (the usual 0…K−1): a table lookup per point instead of a Map lookup.
      // One 32-bit store per point: the table holds the RGBA bytes packed in platform byte order.
      const table = new Uint32Array(span);
      for (const [id, rgb] of colorOf) table[id - lo] = packRgba(rgb);
      const words = new Uint32Array(rgba.buffer);
      for (let i = 0; i < n; i++) words[i] = table[cluster[i]! - lo]!;
    } else {
      for (let i = 0; i < n; i++) put(i, colorOf.get(cluster[i]!)!);
    }
  }
  return { rgba, clusterIds };
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** `0xrrggbb` as the 32-bit word whose bytes in memory are r, g, b, 255. */
function packRgba(rgb: number): number {
  const r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
  return (LITTLE_ENDIAN ? ((255 << 24) | (b << 16) | (g << 8) | r) : ((r << 24) | (g << 16) | (b << 8) | 255)) >>> 0;
}

/** Id ranges up to this size use dense tables (bytes ≈ 4× the point count at most). */
const denseLimit = (n: number) => Math.max(1 << 16, 4 * n);

/** Distinct ids ascending: O(n + span) with a presence table when the id range is dense, else a Set and a sort. */
function distinctIds(cluster: Int32Array | null): Int32Array {
  if (!cluster || cluster.length === 0) return new Int32Array(0);
  let min = cluster[0]!;
  let max = min;
  for (let i = 1; i < cluster.length; i++) {
    const v = cluster[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const span = max - min + 1;
  if (span > denseLimit(cluster.length)) return Int32Array.from(new Set(cluster)).sort();
  const seen = new Uint8Array(span);
  let count = 0;
  for (let i = 0; i < cluster.length; i++) {
    const k = cluster[i]! - min;
    if (seen[k] === 0) {
      seen[k] = 1;
      count++;
    }
  }
  const ids = new Int32Array(count);
  for (let k = 0, j = 0; k < span; k++) if (seen[k] === 1) ids[j++] = k + min;
  return ids;
}

function continuousSource(n: number, cluster: Int32Array | null, value: Float32Array | null): (i: number) => number {
  if (value) {
    if (value.length !== n) {
      throw new ClusterScatterInputError('value', value, `must have one entry per point (${n}), got ${value.length}`);
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(value[i]!)) {
        throw new ClusterScatterInputError(`value[${i}]`, value[i], 'must be finite');
      }
    }
    return (i) => value[i]!;
  }
  if (cluster) return (i) => cluster[i]!;
  return () => 0;
}
