import { maxDrawSize } from '../cluster-scatter/export-png.js';
import { TokenCloudInputError } from './token-cloud-input-error.js';
import type { TokenCloud } from './token-cloud.component.js';

/**
 * `toPNG` of `<token-cloud>`: draws once at `scale` device px per CSS px (the glyph atlas re-rasterised at
 * that scale, so text stays sharp), encodes the canvas as PNG and restores the plot in the same task (no
 * flicker). Default scale: devicePixelRatio. Rejects when not rendered, or with TokenCloudInputError naming
 * `scale` when it is not in (0, 16] or exceeds what the GPU can draw.
 */
export function exportCloudPNG(el: TokenCloud, scale: number | undefined): Promise<Blob> {
  const layer = el.layer;
  if (!layer || layer.renderer.destroyed) return Promise.reject(new Error('toPNG(): <token-cloud> has not rendered yet (is it connected?)'));
  const s = scale ?? globalThis.devicePixelRatio ?? 1;
  if (typeof s !== 'number' || !(s > 0 && s <= 16)) return Promise.reject(new TokenCloudInputError('scale', scale, 'toPNG() scale must be a number in (0, 16]'));
  const size = el.resizer.size;
  const width = Math.round(size.width * s), height = Math.round(size.height * s);
  const max = maxDrawSize(layer.renderer.gl);
  if (width > max || height > max) return Promise.reject(new TokenCloudInputError('scale', s, `toPNG() at this scale needs ${width}×${height} pixels; this GPU draws at most ${max} per side`));
  el.exportScale = s;
  let png: Promise<Blob>;
  try {
    layer.renderer.resize(size.width, size.height, s);
    png = layer.toPNG(); // draws now; toBlob snapshots the canvas synchronously
  } finally {
    el.exportScale = null;
    layer.renderer.resize(size.width, size.height, size.devicePixelRatio);
    layer.renderer.renderNow();
  }
  return png;
}
