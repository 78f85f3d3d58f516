import type { ScatterLayer } from '../gl/scatter-layer.js';
import type { ViewSize } from '../view/view-state.js';
import { outlineCssWidth } from './schedule-frame.js';

/**
 * Renders `layer` once at `scale` device pixels per CSS pixel (point sizes scaled alike, all points
 * drawn) and encodes it as PNG; the plot is restored through `restore` in the same task, so nothing
 * flickers. Default scale: devicePixelRatio. O(pixels + points).
 */
export function exportPNG(
  layer: ScatterLayer | null, size: ViewSize, pointSize: number, scale: number | undefined, restore: () => void, outlineWidth = 2,
): Promise<Blob> {
  if (!layer || layer.renderer.destroyed) return Promise.reject(new Error('toPNG(): <cluster-scatter> has not rendered yet (is it connected?)'));
  const s = scale ?? globalThis.devicePixelRatio ?? 1;
  if (typeof s !== 'number' || !(s > 0 && s <= 16)) {
    return Promise.reject(new RangeError(`toPNG(): scale must be a number in (0, 16], got ${String(scale)}`));
  }
  layer.renderer.resize(size.width, size.height, s);
  layer.setPointSize(Math.max(1, pointSize > 0 ? pointSize : 4) * s);
  layer.setStyle({ outlineWidth: outlineCssWidth(outlineWidth) * s });
  layer.setDrawCount(null);
  const png = layer.toPNG(); // draws now; toBlob snapshots the canvas synchronously
  restore();
  layer.renderer.renderNow(); // repaint the visible canvas at its own size now
  return png;
}
