import type { ElementSize } from '../controllers/resize-controller.js';
import type { LabelAtlas } from '../text/label-atlas.js';
import { placeLabels, Slot, type Placement } from '../text/place-labels.js';
import type { DotList } from '../text/dot-sprites.js';
import type { SpriteList } from '../text/text-layer.js';
import type { ViewState } from '../view/view-state.js';

/** New texts rasterised per frame even when the budget is spent (so every frame makes progress). */
const MIN_RASTER = 16;

/** What one frame of `<token-cloud>` is laid out from (arrays are read, never mutated). */
export interface CloudFrameInput {
  /** n data positions (the current ones, or mid-morph ones). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly view: ViewState;
  readonly size: ElementSize;
  /** The glyph atlas for this font and pixel ratio: measures the texts and rasterises the placed ones. */
  readonly atlas: LabelAtlas;
  /** n text indices (the label's distinct display text in `atlas.texts`). */
  readonly text: Int32Array;
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
  /** Milliseconds this frame may spend rasterising texts new to the atlas (default: no limit); the rest wait as dots. */
  readonly rasterBudget?: number;
}

/** A laid-out frame: where each label went (CSS px) and the sprites to draw (device px). */
export interface CloudFrame {
  readonly placement: Placement;
  /** n anchor positions on screen, CSS px. */
  readonly screenX: Float64Array;
  readonly screenY: Float64Array;
  /** n label box sizes, CSS px (without halo); exact for placed labels, estimated for the others. */
  readonly width: Float32Array;
  readonly height: Float32Array;
  /** The placed labels' texts. */
  readonly sprites: SpriteList;
  /** Dots (drawn under the texts). */
  readonly dots: DotList;
  /** Placed labels whose text is not rasterised yet (drawn as dots this frame; a later frame draws them). */
  readonly pending: number;
  /** The labels laid out (those of `order` whose anchor is in or near the view), highest priority first. */
  readonly order: Uint32Array;
}

/**
 * Lays out one frame: screen anchors from the view; greedy placement without overlap (placeLabels) from
 * estimated widths (per-character advances), measuring exactly only labels whose estimated box is free; then
 * only the placed labels' texts are rasterised into the atlas (highest priority first, within `rasterBudget`;
 * a placed label the atlas has no room for becomes a dot). Sprites: a dot at the true coordinate of every
 * label drawn beside its anchor, not placed, or still waiting for its text; then the placed labels, lowest
 * priority first (so the most important is on top if halos touch). Boxes are snapped to whole device pixels
 * so glyphs map 1:1 to screen pixels. O(n) typed-array passes (screen positions, the in-view filter), then work
 * proportional to the labels near the view: estimates, placement, the new texts' rasterisation. Mutates only the atlas.
 */
export function layoutCloud(f: CloudFrameInput): CloudFrame {
  const n = f.x.length;
  const { atlas, size, view } = f;
  const dpr = atlas.devicePixelRatio;
  const pad = atlas.pad;
  const metrics = atlas.metrics;
  const screenX = new Float64Array(n), screenY = new Float64Array(n);
  const width = new Float32Array(n), height = new Float32Array(n);
  const lineH = (atlas.lineHeight - 2 * pad) / dpr;
  const cx = size.width / 2, cy = size.height / 2, s = view.pixelsPerUnit;
  for (let i = 0; i < n; i++) {
    screenX[i] = cx + (f.x[i]! - view.centerX) * s;
    screenY[i] = cy - (f.y[i]! - view.centerY) * s;
    height[i] = lineH;
  }
  // Only labels whose anchor is within reach of the view (the widest label, with slack for estimate errors,
  // plus the gap and a line) can be placed or drawn: the per-label work below is proportional to them.
  const reachX = 1.5 * (metrics.maxEstimate() + 2 * pad) / dpr + lineH + 8, reachY = 2 * lineH + 8;
  const inView = new Uint32Array(f.order.length);
  let m = 0;
  for (const i of f.order) {
    const sx = screenX[i]!, sy = screenY[i]!;
    if (sx > -reachX && sx < size.width + reachX && sy > -reachY && sy < size.height + reachY) inView[m++] = i;
  }
  const order = inView.subarray(0, m);
  for (const i of order) width[i] = metrics.estimate(f.text[i]!) / dpr;
  const placement = placeLabels({
    x: screenX, y: screenY, width, height, viewWidth: size.width, viewHeight: size.height, order,
    exactWidth: (i) => (width[i] = metrics.exact(f.text[i]!) / dpr),
  });
  // Rasterise the placed labels' texts (highest priority first) within the budget.
  atlas.beginFrame();
  const entry = new Int32Array(n).fill(-1);
  const budget = f.rasterBudget ?? Infinity;
  const t0 = performance.now();
  let fresh = 0, pending = 0, placed = placement.placed;
  for (const i of order) {
    if (placement.slot[i] === Slot.None) continue;
    const t = f.text[i]!;
    let e = atlas.entryOf(t);
    if (e < 0 && fresh >= MIN_RASTER && performance.now() - t0 > budget) {
      pending++;
      continue;
    }
    if (e < 0) fresh++;
    e = atlas.ensure(t);
    if (e < 0) {
      placement.slot[i] = Slot.None; // no room in the atlas: a dot
      placement.left[i] = placement.top[i] = NaN;
      placed--;
    }
    entry[i] = e;
  }
  const colour = (out: Uint8Array, k: number, i: number, alpha: number) => {
    out[4 * k] = f.rgba[4 * i]!;
    out[4 * k + 1] = f.rgba[4 * i + 1]!;
    out[4 * k + 2] = f.rgba[4 * i + 2]!;
    out[4 * k + 3] = Math.round(255 * alpha * (f.dimmed[i] ? f.dimAlpha : 1));
  };
  // Dots: every label drawn beside its anchor, not placed, or waiting for its text; in view only.
  const center = new Float32Array(2 * m), dotRgba = new Uint8Array(4 * m);
  const reach = atlas.dotRadius + atlas.haloWidth + 1;
  const dotAlpha = f.dotAlpha ?? 0.7;
  let d = 0;
  for (const i of order) {
    const s = placement.slot[i]!;
    if (s === Slot.Centre && entry[i]! >= 0) continue;
    const sx = screenX[i]! * dpr, sy = screenY[i]! * dpr;
    if (!(sx > -reach && sy > -reach && sx < size.width * dpr + reach && sy < size.height * dpr + reach)) continue;
    center[2 * d] = sx;
    center[2 * d + 1] = sy;
    colour(dotRgba, d++, i, s === Slot.None ? dotAlpha : 1);
  }
  // Texts: lowest priority first, so the most important is on top.
  const quad = new Float32Array(2 * placed), sprite = new Uint32Array(placed), rgba = new Uint8Array(4 * placed);
  let k = 0;
  for (let r = m - 1; r >= 0; r--) {
    const i = order[r]!;
    if (placement.slot[i] === Slot.None || entry[i]! < 0) continue;
    quad[2 * k] = Math.round(placement.left[i]! * dpr - pad);
    quad[2 * k + 1] = Math.round(placement.top[i]! * dpr - pad);
    sprite[k] = entry[i]!;
    colour(rgba, k++, i, 1);
  }
  return {
    placement: { ...placement, placed }, screenX, screenY, width, height, pending, order,
    sprites: { count: k, quad, sprite, rgba },
    dots: { count: d, center, rgba: dotRgba, radius: atlas.dotRadius, halo: atlas.haloWidth },
  };
}

/**
 * The label under screen point (px, py) CSS: the highest-priority placed label whose box contains it,
 * else the nearest anchor (placed or not) within `radius` CSS px, else -1. `order` defaults to the frame's
 * (the labels near the view, as drawn). O(|order|).
 */
export function labelAt(frame: CloudFrame, order: Uint32Array | null, px: number, py: number, radius: number): number {
  order ??= frame.order;
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
