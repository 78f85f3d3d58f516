import type { ElementSize } from '../controllers/resize-controller.js';
import type { GlyphAtlas } from '../text/glyph-atlas.js';
import { placeLabels, Slot, type Placement } from '../text/place-labels.js';
import type { SpriteList } from '../text/text-layer.js';
import { dataToScreen, type ViewState } from '../view/view-state.js';

/** What one frame of `<token-cloud>` is laid out from (arrays are read, never mutated). */
export interface CloudFrameInput {
  /** n data positions (the current ones, or mid-morph ones). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly view: ViewState;
  readonly size: ElementSize;
  readonly atlas: GlyphAtlas;
  /** n atlas entries (the label's distinct display text). */
  readonly entry: Int32Array;
  /** n×4 label colours. */
  readonly rgba: Uint8Array;
  /** Labels to place, highest priority first (hidden clusters left out). */
  readonly order: Uint32Array;
  /** n flags: 1 = dimmed (outside the selection). */
  readonly dimmed: Uint8Array;
  /** Opacity of dimmed labels, 0–1. */
  readonly dimAlpha: number;
  /** Opacity of labels that could not be placed, drawn as dots (0–1). */
  readonly dotAlpha?: number;
}

/** A laid-out frame: where each label went (CSS px) and the sprites to draw (device px). */
export interface CloudFrame {
  readonly placement: Placement;
  /** n anchor positions on screen, CSS px. */
  readonly screenX: Float64Array;
  readonly screenY: Float64Array;
  /** n label box sizes, CSS px (without halo). */
  readonly width: Float32Array;
  readonly height: Float32Array;
  readonly sprites: SpriteList;
}

/**
 * Lays out one frame: screen anchors from the view, greedy placement without overlap (placeLabels), and
 * the sprites: a dot at the true coordinate of every label drawn beside its anchor or not placed at all,
 * then the placed labels, lowest priority first (so the most important is on top if halos touch). Boxes
 * are snapped to whole device pixels so glyphs map 1:1 to screen pixels. O(n) plus placement.
 */
export function layoutCloud(f: CloudFrameInput): CloudFrame {
  const n = f.x.length;
  const { atlas, size } = f;
  const dpr = atlas.devicePixelRatio;
  const pad = atlas.pad;
  const screenX = new Float64Array(n), screenY = new Float64Array(n);
  const width = new Float32Array(n), height = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    [screenX[i], screenY[i]] = dataToScreen(f.view, f.x[i]!, f.y[i]!, size);
    const e = f.entry[i]!;
    const w = atlas.rects[4 * e + 2]!;
    width[i] = w > 0 ? (w - 2 * pad) / dpr : 0; // 0 = did not fit the atlas: dot only
    height[i] = (atlas.rects[4 * e + 3]! - 2 * pad) / dpr;
  }
  const placement = placeLabels({
    x: screenX, y: screenY, width, height, viewWidth: size.width, viewHeight: size.height,
    order: f.order.filter((i) => width[i]! > 0),
  });
  const m = 2 * f.order.length;
  const quad = new Float32Array(2 * m), sprite = new Uint32Array(m), rgba = new Uint8Array(4 * m);
  let k = 0;
  const push = (i: number, e: number, x: number, y: number, alpha: number) => {
    quad[2 * k] = Math.round(x);
    quad[2 * k + 1] = Math.round(y);
    sprite[k] = e;
    rgba[4 * k] = f.rgba[4 * i]!;
    rgba[4 * k + 1] = f.rgba[4 * i + 1]!;
    rgba[4 * k + 2] = f.rgba[4 * i + 2]!;
    rgba[4 * k + 3] = Math.round(255 * alpha * (f.dimmed[i] ? f.dimAlpha : 1));
    k++;
  };
  const dot = atlas.dot;
  const dw = atlas.rects[4 * dot + 2]!, dh = atlas.rects[4 * dot + 3]!;
  const dotAlpha = f.dotAlpha ?? 0.7;
  for (const i of f.order) {
    const s = placement.slot[i]!;
    if (s === Slot.Centre) continue;
    const sx = screenX[i]! * dpr, sy = screenY[i]! * dpr;
    if (sx < -dw || sy < -dh || sx > size.width * dpr + dw || sy > size.height * dpr + dh) continue;
    push(i, dot, sx - dw / 2, sy - dh / 2, s === Slot.None ? dotAlpha : 1);
  }
  for (let r = f.order.length - 1; r >= 0; r--) {
    const i = f.order[r]!;
    if (placement.slot[i] === Slot.None) continue;
    push(i, f.entry[i]!, placement.left[i]! * dpr - pad, placement.top[i]! * dpr - pad, 1);
  }
  return { placement, screenX, screenY, width, height, sprites: { count: k, quad, sprite, rgba } };
}

/**
 * The label under screen point (px, py) CSS: the highest-priority placed label whose box contains it,
 * else the nearest anchor (placed or not) within `radius` CSS px, else -1. O(n).
 */
export function labelAt(frame: CloudFrame, order: Uint32Array, px: number, py: number, radius: number): number {
  const { placement, screenX, screenY, width, height } = frame;
  for (const i of order) {
    if (placement.slot[i] === Slot.None) continue;
    const x0 = placement.left[i]!, y0 = placement.top[i]!;
    if (px >= x0 && px <= x0 + width[i]! && py >= y0 && py <= y0 + height[i]!) return i;
  }
  let best = -1, bestD = radius * radius;
  for (const i of order) {
    const d = (screenX[i]! - px) ** 2 + (screenY[i]! - py) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
