import { parseCssColor } from '../color/parse-css-color.js';
import { LabelAtlas } from '../text/label-atlas.js';
import type { TextLayer } from '../text/text-layer.js';
import { layoutCloud } from './layout-cloud.js';
import type { TokenCloud } from './token-cloud.component.js';

const NO_SPRITES = { count: 0, quad: new Float32Array(0), sprite: new Uint32Array(0), rgba: new Uint8Array(0) };
const NO_DOTS = { count: 0, center: new Float32Array(0), rgba: new Uint8Array(0), radius: 1, halo: 0 };
const samples = new WeakMap<readonly string[], string>();

/** The distinct characters of `texts` (at most 2000), for `document.fonts.load` to fetch the right unicode-range subsets. Cached per array. */
function fontSample(texts: readonly string[]): string {
  let s = samples.get(texts);
  if (s === undefined) {
    const chars = new Set<string>();
    for (const t of texts) {
      for (const c of t) chars.add(c);
      if (chars.size >= 2000) break;
    }
    s = Array.from(chars).join('');
    samples.set(texts, s);
  }
  return s;
}

const DEFAULT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Milliseconds a frame may spend rasterising new texts; the rest are drawn as dots and follow in the next frames. */
export const RASTER_BUDGET_MS = 12;

/** Atlases kept per element (the current one and, e.g., the one of a PNG export's scale). */
const KEEP_ATLASES = 2;

/**
 * The per-frame work of `<token-cloud>` (run by the renderer before it draws, so scheduled frames,
 * read-back and PNG export all see the same state): reads the theme from custom properties, picks the
 * label atlas of the font and pixel ratio (a kept one, or a new empty one), refits the view while it follows
 * the data (padding = half the widest label), lays the labels out (which rasterises only the placed labels'
 * texts not in the atlas yet, within {@link RASTER_BUDGET_MS} unless exporting), uploads the changed atlas bands
 * and the sprites. When texts are left for later it schedules another frame. Waits (draws no text) while a web
 * font it needs loads. One getComputedStyle; O(n) plus placement plus new texts.
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
    if (!el.raster.fontReady(`${fontSize}px ${fontFamily}`, fontSample(el.texts))) {
      // A web font is loading: draw no text rather than a fallback replaced a moment later (bounded wait).
      el.atlas = null;
      el.lastFrame = null;
      el.textPending = false;
      layer.setSprites(NO_SPRITES);
      layer.setDots(NO_DOTS);
      return;
    }
    const area = 2 * size.width * size.height * size.devicePixelRatio ** 2;
    const kept = el.atlases.find((a) => a.key === key && a.atlas.texts === el.texts)?.atlas;
    el.atlas = kept ?? new LabelAtlas(el.texts, { fontSize, fontFamily, devicePixelRatio: size.devicePixelRatio, maxSize, halo: 2, area });
    el.atlases = [{ key, atlas: el.atlas }, ...el.atlases.filter((a) => a.atlas !== el.atlas && a.atlas.texts === el.texts)].slice(0, KEEP_ATLASES);
    el.atlasKey = key;
    useAtlas(layer, el.atlas, kept !== undefined); // a new atlas is empty: nothing to upload yet
  }
  const atlas = el.atlas;
  if (el.autoFit) fit(el, size, atlas);
  const { x, y } = el.currentPositions();
  const version = atlas.version;
  const frame = layoutCloud({
    x, y, view: el.view, size, atlas, text: el.entry, rgba: el.colors.rgba, order: el.priorityOrder(),
    dimmed: el.dimmedFlags(), dimAlpha: Number.isFinite(dim) ? Math.min(1, Math.max(0, dim)) : 0.25,
    rasterBudget: el.exportScale ? Infinity : RASTER_BUDGET_MS,
  });
  if (atlas.version !== version) useAtlas(layer, atlas, true); // it grew: a new texture, uploaded whole
  else layer.updateAtlas(atlas.takePatches());
  el.lastFrame = frame;
  el.textPending = frame.pending > 0;
  layer.setSprites(frame.sprites);
  layer.setDots(frame.dots);
  if (el.textPending) setTimeout(() => el.refresh(false), 0); // the rest of the texts in the next frame
}

/** Gives the layer a texture of the atlas's size and uploads its changed bands (`whole`: all of it). */
function useAtlas(layer: TextLayer, atlas: LabelAtlas, whole: boolean): void {
  layer.resizeAtlas(atlas);
  if (whole) atlas.markAllDirty();
  layer.updateAtlas(atlas.takePatches());
}

/** Fits the data into the plot (right of the legend's inset) with room for half the widest label on each side. */
function fit(el: TokenCloud, size: { width: number; height: number }, atlas: LabelAtlas): void {
  const d = el.tokenData;
  const dpr = atlas.devicePixelRatio;
  const maxW = atlas.metrics.maxEstimate();
  const lineH = atlas.lineHeight / dpr;
  const inset = el.legendInset(size.width);
  const w = size.width - inset;
  const padX = Math.min((maxW + 2 * atlas.pad) / dpr / 2 + 6, 0.35 * w);
  const padY = Math.min(lineH / 2 + 6, 0.35 * size.height);
  const sx = d.halfWidth > 0 ? (w - 2 * padX) / (2 * d.halfWidth) : Infinity;
  const sy = d.halfHeight > 0 ? (size.height - 2 * padY) / (2 * d.halfHeight) : Infinity;
  let s = Math.min(sx, sy);
  if (!(s > 0 && Number.isFinite(s))) s = 1;
  el.fittedScale = s;
  el.view = { centerX: d.centerX + inset / 2 / s, centerY: d.centerY, pixelsPerUnit: s };
}
