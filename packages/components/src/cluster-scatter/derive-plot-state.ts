import { resolveColorScheme, type ColorScheme } from '../color/color-scheme.js';
import { pointColors } from '../color/point-colors.js';
import type { LodController } from '../controllers/lod-controller.js';
import { DEFAULT_INTERACTIVE_POINTS } from '../gl/level-of-detail.js';
import type { OutlineController } from '../controllers/outline-controller.js';
import { resolvePointData, type ResolvedPoints } from '../data/resolve-point-data.js';
import { shiftPositions } from '../data/shift-positions.js';
import { pointValues } from '../data/point-values.js';
import { lazyClusterSummary } from '../legend/cluster-summary.js';
import { NO_OUTLINES, resolveOutlines } from '../outline/resolve-outlines.js';
import { pointStates } from '../selection/point-states.js';
import type { ClusterScatter } from './cluster-scatter.component.js';
import { checkOutlineWidth, checkPointSize, resolveBackground, type InputProblems } from './input-problems.js';
import { checkDragMode, checkInteractivePoints, checkOutlineFill, checkOutlinesSetting, checkPointTexts, checkTheme, checkTransition, checkWebGL, textColumnWarnings } from './check-settings.js';
import { resolveOutlineFill } from './resolve-outline-fill.js';

/** Properties whose change means new colours (data keys aside). */
export const COLOR_KEYS = ['colorScheme', 'value', 'valueColumn'] as const;
/** Properties whose change means new points. */
export const DATA_KEYS = ['x', 'y', 'positions', 'cluster', 'data', 'xColumn', 'yColumn', 'clusterColumn'] as const;
export const EMPTY_POINTS: ResolvedPoints = { n: 0, rel: new Float32Array(0), lo: null, centerX: 0, centerY: 0, halfWidth: 0, halfHeight: 0, cluster: null };
const CATEGORICAL: ColorScheme = { kind: 'categorical' };
const WHITE = [1, 1, 1, 1] as const;
const NO_RANKS = new Float32Array(0); // pointStates reads ranks only when clusters are hidden

/**
 * `willUpdate` of `<cluster-scatter>`: recomputes only what the changed properties affect (points,
 * colours, cluster summary, per-point states, 'auto' outline hulls (started; see OutlineController),
 * outline segments, LOD budget, background), recording
 * bad input in `problems` (each falls back to a safe value) and firing `cluster-scatter-warning` for missing default text columns. O(n) when data changes, else less.
 */
export function derivePlotState(
  el: ClusterScatter, changed: ReadonlyMap<PropertyKey, unknown>, problems: InputProblems, lod: LodController, outlineJob: OutlineController,
): void {
  const has = (k: string) => changed.has(k);
  const p = problems;
  const dataChanged = DATA_KEYS.some(has);
  const colorChanged = COLOR_KEYS.some(has);
  if (dataChanged) {
    const prev = el.points;
    el.autoFit = true;
    el.points = p.check('data', () => resolvePointData(el), EMPTY_POINTS);
    el.morphFrom = el.transition > 0 && el.hasUpdated ? shiftPositions(prev, el.points) : null;
  }
  if (dataChanged || colorChanged) {
    const prevIds = el.colors.clusterIds;
    const { n, cluster } = el.points;
    const scheme = p.check('color-scheme', () => resolveColorScheme(el.colorScheme), CATEGORICAL);
    const values = p.check('value-column', () => pointValues(el), null);
    el.colors = p.check('value', () => pointColors(n, cluster, values, scheme), () => pointColors(n, cluster, null, CATEGORICAL));
    if (dataChanged) {
      el.summary = lazyClusterSummary(n, cluster, el.colors.clusterIds); // computed when first read (not by the first frame)
      // Legend filters are ranks: they stay when the cluster ids are the same (new positions, same clusters).
      if (el._hidden.size && !sameIds(prevIds, el.colors.clusterIds)) el._hidden = new Set();
      if (el._hovered >= n) el._hovered = -1;
    }
  }
  if (dataChanged || has('_selected') || has('_hidden')) el.states = pointStates(el.points.n, el._selected, el._hidden.size ? el.summary.rank : NO_RANKS, el._hidden);
  if (dataChanged || has('outlines')) {
    // 'auto': hulls now for small n, else from a Worker later (into _autoOutlines, which updates again).
    const { rel, centerX, centerY } = el.points;
    el._autoOutlines = el.outlines === 'auto' && el.points.cluster && el.points.n > 0
      ? outlineJob.start({ rel, rank: el.summary.rank, ids: el.colors.clusterIds, centerX, centerY })
      : (outlineJob.cancel(), null);
  }
  if (dataChanged || colorChanged || has('outlines') || has('_autoOutlines')) {
    el.outlineSegments = p.check('outlines', () => resolveOutlines(el.outlines, el._autoOutlines, el.points, el.colors, el.summary), NO_OUTLINES);
  }
  if (dataChanged || colorChanged || ['outlines', '_autoOutlines', '_hidden', 'outlineFill'].some(has)) resolveOutlineFill(el, p);
  if (has('interactivePoints')) lod.budget = p.check('interactive-points', () => checkInteractivePoints(el.interactivePoints), DEFAULT_INTERACTIVE_POINTS);
  if (has('dragMode')) p.check('drag-mode', () => checkDragMode(el.dragMode), undefined); // unknown → 'pan'
  if (has('webgl')) el.preferWebGL2 = p.check('webgl-setting', () => checkWebGL(el.webgl), true); // bad → 'auto'
  if (has('theme')) p.check('theme', () => checkTheme(el.theme), undefined); // unknown → light
  if (has('transition')) p.check('transition', () => checkTransition(el.transition), undefined); // bad → jump
  if (has('outlines')) p.check('outlines-setting', () => checkOutlinesSetting(el.outlines), undefined); // bad → none
  if (dataChanged || ['tokens', 'preambles', 'tokenColumn', 'preambleColumn'].some(has)) {
    p.check('texts', () => checkPointTexts(el, el.points.n), undefined);
    el.inputWarnings = textColumnWarnings(el); // default columns missing: no text, a warning (not an error)
    for (const warning of el.inputWarnings) el.emit('cluster-scatter-warning', { warning });
  }
  if (has('pointSize')) p.check('point-size', () => checkPointSize(el.pointSize), undefined);
  if (has('outlineWidth')) p.check('outline-width', () => checkOutlineWidth(el.outlineWidth), undefined);
  if (has('outlineFill')) p.check('outline-fill', () => checkOutlineFill(el.outlineFill), undefined); // bad → no fill
  if (has('background')) el.backgroundRgba = p.check('background', () => resolveBackground(el.background), WHITE);
  el._error = p.first;
}

function sameIds(a: Int32Array, b: Int32Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
