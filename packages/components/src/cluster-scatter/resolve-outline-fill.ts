import { NO_FILL, outlineFill } from '../gl/outline-fill.js';
import type { ClusterScatter } from './cluster-scatter.component.js';
import type { InputProblems } from './input-problems.js';

/**
 * Sets `el.outlineFillTriangles` from the current outlines (given or `'auto'`), points, colours and legend
 * filter when `outline-fill` is a valid opacity > 0, else to no triangles (nothing is triangulated for the
 * default look). Malformed outlines are already reported by the outline-segments step; here they give no fill.
 * O(outline vertices); each ring is triangulated once (see outlineFill).
 */
export function resolveOutlineFill(el: ClusterScatter, problems: InputProblems): void {
  const opacity = el.outlineFill;
  const setting = el.outlines;
  const outlines = setting === 'auto' ? el._autoOutlines : setting;
  if (!(opacity > 0 && opacity <= 1) || !Array.isArray(outlines) || el.points.n === 0 || el.outlineSegments.xy.length === 0) {
    el.outlineFillTriangles = NO_FILL;
    return;
  }
  const { centerX, centerY } = el.points;
  el.outlineFillTriangles = problems.check(
    'outline-fill-geometry',
    () => outlineFill(outlines, centerX, centerY, el.colors.clusterIds, el.summary.first, el.colors.rgba, el._hidden),
    NO_FILL,
  );
}
