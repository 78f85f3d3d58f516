import type { LodController } from '../controllers/lod-controller.js';
import type { MorphController } from '../controllers/morph-controller.js';
import type { SelectionController } from '../controllers/selection-controller.js';
import { resolvePointData } from '../data/resolve-point-data.js';
import type { ScatterLayer } from '../gl/scatter-layer.js';
import { NO_OUTLINES, resolveOutlines } from '../outline/resolve-outlines.js';
import type { ClusterScatter } from './cluster-scatter.component.js';
import { COLOR_KEYS, DATA_KEYS } from './derive-plot-state.js';
import type { InputProblems } from './input-problems.js';
import { resolveOutlineFill } from './resolve-outline-fill.js';

/**
 * `updated` of `<cluster-scatter>`: uploads to the GL layer what changed (everything when the layer
 * was just `created`), starts a morph when new coordinates came with a start, rebuilds the picking
 * index for new positions and sets the per-frame style. Does not draw.
 */
export function syncLayer(
  el: ClusterScatter, layer: ScatterLayer, changed: ReadonlyMap<PropertyKey, unknown>, created: boolean,
  picking: SelectionController, morph: MorphController, lod: LodController,
): void {
  const has = (k: string) => changed.has(k);
  const dataChanged = DATA_KEYS.some(has);
  const colorChanged = COLOR_KEYS.some(has);
  if (created || dataChanged) {
    layer.setLodBudget(lod.budget);
    layer.setPoints(el.points.rel, el.colors.rgba, el.points.lo);
    const summary = el.summary;
    layer.setRanks(() => summary.rank); // read (and computed) when a frame first focuses a cluster
    // Index after the next frame is drawn (rAF, then a task): the picture never waits for the index.
    picking.setPositions(el.points.rel, undefined, new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))), el.points.lo);
    const from = el.morphFrom;
    el.morphFrom = null;
    if (from && !created) {
      layer.setPrevPositions(from);
      morph.start(el.transition, (t) => {
        el.layer?.setStyle({ morph: t });
        if (el.layer && !el.layer.renderer.destroyed) el.frame = el.layer.renderer.render().catch(() => undefined);
      });
    }
  } else if (colorChanged) layer.setColors(el.colors.rgba);
  if (created || dataChanged || has('_selected') || has('_hidden')) layer.setStates(el.states);
  if (created || dataChanged || colorChanged || has('outlines') || has('_autoOutlines')) layer.setOutlines(el.outlineSegments.xy, el.outlineSegments.rgba);
  if (created || dataChanged || colorChanged || ['outlines', '_autoOutlines', '_hidden', 'outlineFill'].some(has)) layer.setOutlineFill(el.outlineFillTriangles);
  // Legend hover wins; else with hover-dim the hovered point's cluster (same cluster → same key: composite only).
  const budget = el.interactivePoints;
  const dimOnHover = el.hoverDim === 'auto' ? !(budget > 0) || el.pointCount <= budget : el.hoverDim;
  const hoverRank = dimOnHover && el._hovered >= 0 && el.colors.clusterIds.length > 1 ? el.summary.rank[el._hovered] ?? -1 : -1;
  layer.setStyle({ highlight: el._hovered, focusRank: el._focusRank >= 0 ? el._focusRank : hoverRank, selectionActive: el._selected.length > 0 });
}

/**
 * `updatePositions(xy)`: same row count → new positions uploaded in place (colours, ids, selection
 * kept; a user view keeps showing the same data region), else `xy` becomes the new `positions`.
 * Outlines follow: given rings are re-placed about the new data centre at once; `'auto'` hulls are
 * re-placed likewise and recomputed for the new positions (coalesced, see OutlineController.refresh).
 * The picking index is rebuilt coalesced too (see SelectionController.movePositions: hover may use
 * slightly stale positions while a live layout streams). O(n); `xy` is not mutated.
 */
export function movePoints(el: ClusterScatter, xy: Float32Array | Float64Array, picking: SelectionController, problems: InputProblems): void {
  const sameCount = xy.length === 2 * el.points.n;
  const next = resolvePointData({ positions: xy, cluster: sameCount ? el.points.cluster : null });
  if (!sameCount) {
    el.positions = xy;
    return;
  }
  if (!el.autoFit) {
    const v = el.view;
    el.view = { ...v, centerX: v.centerX + el.points.centerX - next.centerX, centerY: v.centerY + el.points.centerY - next.centerY };
  }
  el.points = next;
  el.layer?.setPositions(next.rel, next.lo);
  picking.movePositions(next.rel, next.lo);
  if (el.outlines) {
    el.outlineSegments = problems.check('outlines', () => resolveOutlines(el.outlines, el._autoOutlines, el.points, el.colors, el.summary), NO_OUTLINES);
    el.layer?.setOutlines(el.outlineSegments.xy, el.outlineSegments.rgba);
    resolveOutlineFill(el, problems);
    el.layer?.setOutlineFill(el.outlineFillTriangles);
  }
  if (el.outlines === 'auto' && next.cluster) {
    el.outlineJob.refresh(() => {
      const p = el.points;
      return el.outlines === 'auto' && p.cluster && p.n > 0
        ? { rel: p.rel, rank: el.summary.rank, ids: el.colors.clusterIds, centerX: p.centerX, centerY: p.centerY }
        : null;
    });
  }
  el.refreshView();
}
