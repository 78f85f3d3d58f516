import type { LodController } from '../controllers/lod-controller.js';
import { fitView, viewUniforms } from '../view/view-state.js';
import type { ClusterScatter } from './cluster-scatter.component.js';

/**
 * Refits the view when it follows the data, pushes the camera uniforms, point size and level-of-detail
 * draw count to the layer (uniforms only: no buffer uploads, O(1)) and schedules one frame, which
 * fires `cluster-scatter-render` with the number of points it drew.
 */
export function scheduleFrame(el: ClusterScatter, lod: LodController): void {
  const size = el.resizer.size;
  const pad = el.pointSize / 2 + 0.05 * Math.min(size.width, size.height);
  // Fit the data into the part of the plot the legend leaves free, so no point starts hidden under it.
  // Measured only while the view follows the data (a layout read): pan/zoom frames reuse the last inset.
  const inset = el.autoFit ? (el.fitInset = legendInset(el, size.width)) : el.fitInset;
  el.fittedScale = fitView(el.points.halfWidth, el.points.halfHeight, { ...size, width: size.width - inset }, pad).pixelsPerUnit;
  if (el.autoFit) el.view = { centerX: inset / 2 / el.fittedScale, centerY: 0, pixelsPerUnit: el.fittedScale };
  const layer = el.layer;
  if (!layer || layer.renderer.destroyed) return;
  layer.renderer.resize(size.width, size.height, size.devicePixelRatio);
  const v = el.view, p = el.points;
  layer.setView(viewUniforms(v, size));
  layer.setPointSize(Math.max(1, el.pointSize > 0 ? el.pointSize : 4) * size.devicePixelRatio);
  layer.setStyle({ outlineWidth: outlineCssWidth(el.outlineWidth) * size.devicePixelRatio, outlineFill: outlineFillOpacity(el.outlineFill) });
  const inView = { centerX: v.centerX, centerY: v.centerY, halfWidth: size.width / 2 / v.pixelsPerUnit, halfHeight: size.height / 2 / v.pixelsPerUnit };
  layer.setDrawCount(lod.drawCount(p.n, inView, p));
  el.frame = layer.renderer.render().then(() => void el.emit('cluster-scatter-render', { pointCount: p.n, drawnCount: layer.drawnCount, frameKind: layer.lastFrameKind }), () => undefined);
}

/**
 * CSS px at the right of the plot covered by the legend panel (0 without a legend), at most half the
 * width so a wide legend on a narrow plot does not squeeze the data to nothing. One layout read.
 */
function legendInset(el: ClusterScatter, width: number): number {
  if (!el.legend) return 0;
  const legend = el.renderRoot.querySelector<HTMLElement>('[part="legend"]');
  if (!legend) return 0;
  const box = legend.getBoundingClientRect();
  if (box.width <= 0) return 0;
  const inset = el.getBoundingClientRect().right - box.left;
  return Math.min(Math.max(0, inset), width / 2);
}

/** The outline width in CSS px to draw: the attribute when valid (>= 0, finite), else the default 2. */
export const outlineCssWidth = (width: number): number => (width >= 0 && Number.isFinite(width) ? width : 2);

/** The outline fill opacity to draw: the attribute when valid (in [0, 1]), else 0 (no fill). */
export const outlineFillOpacity = (opacity: number): number => (opacity >= 0 && opacity <= 1 ? opacity : 0);
