import { ClusterScatterInputError } from '../errors.js';
import type { ScatterLayer } from '../gl/scatter-layer.js';
import type { ViewSize } from '../view/view-state.js';
import { outlineCssWidth } from './schedule-frame.js';

/**
 * Renders `layer` once at `scale` device pixels per CSS pixel (point sizes scaled alike, all points
 * drawn) and encodes it as PNG; the plot is restored through `restore` in the same task, so nothing
 * flickers. Default scale: devicePixelRatio. O(pixels + points).
 * Rejects with ClusterScatterInputError naming `scale` when it is not in (0, 16] or the image would
 * exceed what the GPU can draw (a partly blank PNG otherwise).
 */
export function exportPNG(
  layer: ScatterLayer | null, size: ViewSize, pointSize: number, scale: number | undefined, restore: () => void, outlineWidth = 2,
): Promise<Blob> {
  if (!layer || layer.renderer.destroyed) return Promise.reject(new Error('toPNG(): <cluster-scatter> has not rendered yet (is it connected?)'));
  const s = scale ?? globalThis.devicePixelRatio ?? 1;
  if (typeof s !== 'number' || !(s > 0 && s <= 16)) {
    return Promise.reject(new ClusterScatterInputError('scale', scale, 'toPNG() scale must be a number in (0, 16]'));
  }
  const width = Math.max(1, Math.round(size.width * s));
  const height = Math.max(1, Math.round(size.height * s));
  const max = maxDrawSize(layer.renderer.gl);
  if (width > max || height > max) {
    return Promise.reject(new ClusterScatterInputError('scale', s, `toPNG() at this scale needs ${width}×${height} pixels; this GPU draws at most ${max} per side (MAX_VIEWPORT_DIMS / MAX_TEXTURE_SIZE / MAX_RENDERBUFFER_SIZE), so use scale <= ${Math.floor((max / Math.max(size.width, size.height)) * 1000) / 1000}`));
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

/** Largest drawing-buffer side the context can render and copy: min of viewport, texture and renderbuffer limits. */
export function maxDrawSize(gl: WebGLRenderingContext | WebGL2RenderingContext): number {
  const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array | null;
  const values = [dims?.[0], dims?.[1], gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number];
  const finite = values.filter((v): v is number => typeof v === 'number' && v > 0);
  return finite.length ? Math.min(...finite) : 4096;
}
