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
  el.fittedScale = fitView(el.points.halfWidth, el.points.halfHeight, size, pad).pixelsPerUnit;
  if (el.autoFit) el.view = { centerX: 0, centerY: 0, pixelsPerUnit: el.fittedScale };
  const layer = el.layer;
  if (!layer || layer.renderer.destroyed) return;
  layer.renderer.resize(size.width, size.height, size.devicePixelRatio);
  const v = el.view, p = el.points;
  layer.setView(viewUniforms(v, size));
  layer.setPointSize(Math.max(1, el.pointSize > 0 ? el.pointSize : 4) * size.devicePixelRatio);
  layer.setStyle({ outlineWidth: outlineCssWidth(el.outlineWidth) * size.devicePixelRatio });
  const inView = { centerX: v.centerX, centerY: v.centerY, halfWidth: size.width / 2 / v.pixelsPerUnit, halfHeight: size.height / 2 / v.pixelsPerUnit };
  layer.setDrawCount(lod.drawCount(p.n, inView, p));
  el.frame = layer.renderer.render().then(() => void el.emit('cluster-scatter-render', { pointCount: p.n, drawnCount: layer.drawnCount, frameKind: layer.lastFrameKind }), () => undefined);
}

/** The outline width in CSS px to draw: the attribute when valid (>= 0, finite), else the default 2. */
export const outlineCssWidth = (width: number): number => (width >= 0 && Number.isFinite(width) ? width : 2);
