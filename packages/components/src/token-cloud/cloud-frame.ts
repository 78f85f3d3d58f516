import { parseCssColor } from '../color/parse-css-color.js';
import { buildGlyphAtlas } from '../text/glyph-atlas.js';
import { layoutCloud } from './layout-cloud.js';
import type { TokenCloud } from './token-cloud.component.js';

const DEFAULT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * The per-frame work of `<token-cloud>` (run by the renderer before it draws, so scheduled frames,
 * read-back and PNG export all see the same state): reads the theme from custom properties, rebuilds
 * the glyph atlas when the texts, font or pixel ratio changed, refits the view while it follows the data
 * (padding = half the widest label, so edge labels are not cut), lays the labels out and uploads the
 * sprites. One getComputedStyle; O(n) plus placement; the atlas only when its key changes.
 */
export function cloudFrame(el: TokenCloud): void {
  const layer = el.layer;
  if (!layer) return;
  const style = getComputedStyle(el);
  const read = (name: string) => style.getPropertyValue(name).trim();
  const bg = el.backgroundRgba ?? parseCssColor(read('--token-cloud-background') || '#ffffff') ?? [1, 1, 1, 1];
  layer.setBackground([bg[0] * bg[3], bg[1] * bg[3], bg[2] * bg[3], bg[3]]);
  layer.setHaloColor([bg[0], bg[1], bg[2], bg[3] > 0 ? 0.9 : 0]);
  const dim = parseFloat(read('--token-cloud-dim-opacity'));
  const size = el.frameSize();
  const cssSize = parseFloat(read('--token-cloud-font-size'));
  const fontSize = el.fontSize > 0 && el.fontSize <= 200 ? el.fontSize : cssSize > 0 ? cssSize : 12;
  const fontFamily = el.fontFamily || read('--token-cloud-font-family') || DEFAULT_FONT;
  const maxSize = Math.min(8192, layer.renderer.gl.getParameter(layer.renderer.gl.MAX_TEXTURE_SIZE) as number);
  const key = `${fontSize}|${fontFamily}|${size.devicePixelRatio}|${maxSize}`;
  if (!el.atlas || el.atlasKey !== key) {
    el.atlas = buildGlyphAtlas(el.texts, { fontSize, fontFamily, devicePixelRatio: size.devicePixelRatio, maxSize, halo: 2 });
    el.atlasKey = key;
    layer.setAtlas(el.atlas);
  }
  const atlas = el.atlas;
  if (el.autoFit) fit(el, size);
  const { x, y } = el.currentPositions();
  const frame = layoutCloud({
    x, y, view: el.view, size, atlas, entry: el.entry, rgba: el.colors.rgba, order: el.priorityOrder(),
    dimmed: el.dimmedFlags(), dimAlpha: Number.isFinite(dim) ? Math.min(1, Math.max(0, dim)) : 0.25,
  });
  el.lastFrame = frame;
  layer.setSprites(frame.sprites);
}

/** Fits the data into the plot (right of the legend's inset) with room for half the widest label on each side. */
function fit(el: TokenCloud, size: { width: number; height: number }): void {
  const atlas = el.atlas!;
  const d = el.tokenData;
  const dpr = atlas.devicePixelRatio;
  let maxW = 0;
  for (let e = 0; e < el.texts.length; e++) maxW = Math.max(maxW, atlas.rects[4 * e + 2]!);
  const lineH = atlas.rects[4 * atlas.dot + 3]! / dpr;
  const inset = el.legendInset(size.width);
  const w = size.width - inset;
  const padX = Math.min(maxW / dpr / 2 + 6, 0.35 * w);
  const padY = Math.min(lineH / 2 + 6, 0.35 * size.height);
  const sx = d.halfWidth > 0 ? (w - 2 * padX) / (2 * d.halfWidth) : Infinity;
  const sy = d.halfHeight > 0 ? (size.height - 2 * padY) / (2 * d.halfHeight) : Infinity;
  let s = Math.min(sx, sy);
  if (!(s > 0 && Number.isFinite(s))) s = 1;
  el.fittedScale = s;
  el.view = { centerX: d.centerX + inset / 2 / s, centerY: d.centerY, pixelsPerUnit: s };
}
