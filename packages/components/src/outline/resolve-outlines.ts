import type { PointColors } from '../color/point-colors.js';
import type { ResolvedPoints } from '../data/resolve-point-data.js';
import type { ClusterSummary } from '../legend/cluster-summary.js';
import type { ClusterOutline } from './cluster-outline.js';
import { outlineSegments, type OutlineSegments } from './outline-segments.js';

/** What the `outlines` property accepts: given polygons, `'auto'` (computed hulls) or none. */
export type OutlinesSetting = readonly ClusterOutline[] | 'auto' | null | undefined | '';

export const NO_OUTLINES: OutlineSegments = { xy: new Float32Array(0), rgba: new Uint8Array(0) };

/**
 * The GPU line segments of an `outlines` setting for the current points and colours: given rings as
 * they are, `'auto'` as the computed hulls `auto` (from autoOutlines; null while they are computed).
 * O(vertices).
 * @throws ClusterScatterInputError for a malformed outline (see outlineSegments).
 */
export function resolveOutlines(
  setting: OutlinesSetting, auto: readonly ClusterOutline[] | null, points: ResolvedPoints, colors: PointColors, summary: ClusterSummary,
): OutlineSegments {
  if (!setting || points.n === 0) return NO_OUTLINES;
  const outlines = setting === 'auto' ? auto ?? [] : setting;
  if (!Array.isArray(outlines)) return NO_OUTLINES;
  return outlineSegments(outlines, points.centerX, points.centerY, colors.clusterIds, summary.first, colors.rgba);
}
