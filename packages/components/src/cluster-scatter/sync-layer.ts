import type { LodController } from '../controllers/lod-controller.js';
import type { MorphController } from '../controllers/morph-controller.js';
import type { SelectionController } from '../controllers/selection-controller.js';
import { resolvePointData } from '../data/resolve-point-data.js';
import type { ScatterLayer } from '../gl/scatter-layer.js';
import type { ClusterScatter } from './cluster-scatter.component.js';
import { DATA_KEYS } from './derive-plot-state.js';

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
  const colorChanged = has('colorScheme') || has('value');
  if (created || dataChanged) {
    layer.setLodBudget(lod.budget);
    layer.setPoints(el.points.rel, el.colors.rgba, el.points.lo);
    layer.setRanks(el.summary.rank);
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
  layer.setStyle({ highlight: el._hovered, focusRank: el._focusRank, selectionActive: el._selected.length > 0 });
}

/**
 * `updatePositions(xy)`: same row count → new positions uploaded in place (colours, ids, selection
 * kept; a user view keeps showing the same data region), else `xy` becomes the new `positions`.
 * O(n); `xy` is not mutated.
 */
export function movePoints(el: ClusterScatter, xy: Float32Array | Float64Array, picking: SelectionController): void {
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
  picking.setPositions(next.rel, undefined, undefined, next.lo);
  el.refreshView();
}
