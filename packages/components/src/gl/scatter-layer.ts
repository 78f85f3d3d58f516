import type { DefaultContext, DrawCommand } from 'regl';
import { createPointBuffers, type PointBuffers } from './point-buffers.js';
import { createPointsCommand, type PointsProps } from './points-command.js';
import { HIGHLIGHT_FRAG } from './highlight.frag.js';
import { createRenderer, type Renderer, type RendererOptions } from './create-renderer.js';
import { allZero } from './all-zero.js';
import { gatherRows } from './draw-order.js';
import { cellsStillValid, prefixEnd, spatialOrder, visibleRanges, type SpatialOrder } from './spatial-order.js';
import { createOutlinesCommand } from './outlines-command.js';
import { outlineQuads } from './outline-quads.js';
import { createOutlineFillLayer } from './outline-fill-command.js';
import type { OutlineFill } from './outline-fill.js';
import { createPointLayerCache, type FrameKind, type PointLayerCache } from './point-layer-cache.js';

import { canvasToPNG, readDrawingBuffer, type PixelImage } from './read-back.js';

export type { FrameKind } from './point-layer-cache.js';
export type { PixelImage } from './read-back.js';

/**
 * Everything GL a scatter plot needs: a renderer, the point buffers and the points command.
 * Knows nothing about lit or the DOM beyond its canvas. The points are drawn into a cached layer only when
 * something they depend on changed; other frames reuse it and redraw just the overlays (see
 * {@link ScatterLayer.lastFrameKind}). State setters do not draw; call
 * `renderer.render()` (scheduled) or {@link ScatterLayer.readPixels} (immediate).
 */
export interface ScatterLayer {
  readonly renderer: Renderer;
  /**
   * Replaces all points: n×2 positions relative to the data centre (with optional n×2 float32
   * residuals `lo`, see points.vert.ts) and n×4 colours. When n exceeds the level-of-detail budget
   * (see {@link setLodBudget}) the points are stored on the GPU in the seeded chunked random order of
   * spatial-order.ts: a prefix ending at a chunk end is an unbiased sample, and frames submit only the
   * grid cells that meet the view (not during a morph); overlaps then blend in that order rather than
   * in row order. With budget 0 and n ≥ {@link FULL_CULL_MIN} the points are stored sorted by grid cell
   * (row order within a cell) for the same culling; overlaps then blend in (cell, row) order.
   */
  setPoints(rel: Float32Array, rgba: Uint8Array, lo?: Float32Array | null): void;
  /** Updates positions in place (same n as the last {@link setPoints}). */
  setPositions(rel: Float32Array, lo?: Float32Array | null): void;
  setColors(rgba: Uint8Array): void;
  setView(uniforms: { offset: [number, number]; offsetLo?: [number, number]; scale: [number, number] }): void;
  /**
   * Point sets larger than `budget` get the chunked random grid order (and culling) at the next {@link setPoints};
   * 0 = no level of detail (sets of {@link FULL_CULL_MIN}+ points get the cell order for culling only).
   */
  setLodBudget(budget: number): void;
  /** Draws only a prefix of the draw order, the chunk end nearest to m points, in the following frames (null or ≥ n = all). */
  setDrawCount(m: number | null): void;
  /**
   * Outline segments drawn over the points as lines `outlineWidth` device pixels wide with round joins
   * (see {@link LayerStyle}): 2 vertices per segment, positions like {@link setPoints}, RGBA bytes per vertex.
   */
  setOutlines(xy: Float32Array, rgba: Uint8Array): void;
  /**
   * Filled outline interiors (triangles, see outline-fill.ts) drawn under the points at {@link LayerStyle}
   * `outlineFill` opacity, dimmed with the points out of focus or selection.
   */
  setOutlineFill(fill: OutlineFill): void;
  /** Points drawn by the last frame (the prefix size; points outside the view may not have been submitted). */
  readonly drawnCount: number;
  /** Points submitted to WebGL by the last frame (≤ drawnCount; fewer when culled to the view). */
  readonly submittedCount: number;
  /**
   * `'full'` when the last frame drew the points (into the plot's cached layer, see point-layer-cache.ts),
   * `'composite'` when it reused the cached layer and drew only the overlays (outlines, hover ring): frames
   * changing nothing but the highlight, ring colour or outlines. drawnCount/submittedCount describe the
   * last full frame.
   */
  readonly lastFrameKind: FrameKind;
  /** Frames so far that drew the points (a counter: composite frames leave it unchanged). */
  readonly pointFrames: number;
  /** Forgets the cached point layer so the next frame draws all points again (e.g. to time a full frame). */
  invalidate(): void;
  /** Point diameter in device pixels. */
  setPointSize(devicePixels: number): void;
  /** Clear colour, RGBA in [0, 1] (premultiplied by the caller if translucent). */
  setBackground(rgba: readonly [number, number, number, number]): void;
  /** Previous positions (n×2, same n) for a morph; `setMorph(0)` shows them, `setMorph(1)` the current. */
  setPrevPositions(rel: Float32Array): void;
  /**
   * n cluster ranks (float32, row order), or a function returning them, used by `focusRank`: kept by
   * reference (replace, don't edit) and read, gathered and uploaded by the first frame that focuses a cluster.
   */
  setRanks(rank: Float32Array | (() => Float32Array)): void;
  /** n state bytes (bit 1 selected, bit 2 hidden). */
  setStates(state: Uint8Array): void;
  /** Dimming, morph and highlight settings (only the given fields change). */
  setStyle(style: Partial<LayerStyle>): void;
  /** Called at the start of every frame (e.g. to read theme colours) before anything is drawn. */
  beforeFrame(callback: (() => void) | null): void;
  /** Draws now and reads the whole drawing buffer (no preserveDrawingBuffer needed). */
  readPixels(): PixelImage;
  /** Draws now and encodes the canvas as PNG. */
  toPNG(): Promise<Blob>;
  destroy(): void;
}

/**
 * Without level of detail (budget 0), point sets from this size on are still stored cell-sorted (rows
 * ascending within a cell) so frames submit only the cells meeting the view; smaller sets keep row order.
 */
export const FULL_CULL_MIN = 20_000;

/** Per-frame look of a {@link ScatterLayer}; defaults: no morph, no focus, no selection, dim 0.15, 2-px outlines in their own colours. */
export interface LayerStyle {
  morph: number;
  focusRank: number;
  selectionActive: boolean;
  dimAlpha: number;
  /** Point drawn with a ring on top of all others, or -1. */
  highlight: number;
  /** Ring colour of the highlight, RGBA 0–1. */
  ringColor: [number, number, number, number];
  /** Outline width in device pixels (default 2). */
  outlineWidth: number;
  /** RGBA 0–1 for every outline when its alpha > 0; default transparent = each outline's own colour. */
  outlineColor: [number, number, number, number];
  /** Opacity of the outline fill under the points, in [0, 1] (default 0: none). */
  outlineFill: number;
}

/** Creates a {@link ScatterLayer} on `canvas`; see {@link createRenderer} for errors. */
export function createScatterLayer(canvas: HTMLCanvasElement, options?: RendererOptions): ScatterLayer {
  const renderer = createRenderer(canvas, options);
  try {
    return buildScatterLayer(renderer, canvas);
  } catch (error) {
    renderer.destroy(); // e.g. the shared context is lost: give its use back (no leaked user count)
    throw error;
  }
}

function buildScatterLayer(renderer: Renderer, canvas: HTMLCanvasElement): ScatterLayer {
  const { regl } = renderer;
  const buffers: PointBuffers = createPointBuffers(regl);
  const drawPoints: DrawCommand<DefaultContext, PointsProps> = createPointsCommand(regl, buffers);
  let background: [number, number, number, number] = [1, 1, 1, 1];
  const drawHighlight: DrawCommand<DefaultContext, PointsProps> = createPointsCommand(regl, buffers, HIGHLIGHT_FRAG);
  const props: PointsProps = {
    offset: [0, 0], offsetLo: [0, 0], scale: [1, 1], pointSize: 4, morph: 1, focusRank: -1, selectionActive: 0, dimAlpha: 0.15,
    first: 0, count: 0, ringColor: [0, 0, 0, 1],
  };
  let highlight = -1;
  let before: (() => void) | null = null;
  let lodBudget = 0;
  let order: SpatialOrder | null = null;
  let culling = false; // order's cells match the current positions
  let drawCount: number | null = null;
  let drawn = 0;
  let submitted = 0;
  const outlineXY = regl.buffer({ usage: 'dynamic', type: 'float', length: 0 });
  const outlineRGBA = regl.buffer({ usage: 'dynamic', type: 'uint8', length: 0 });
  const drawOutlines = createOutlinesCommand(regl, outlineXY, outlineRGBA);
  let outlineCount = 0;
  let outlineWidth = 2;
  let outlineColor: [number, number, number, number] = [0, 0, 0, 0];
  const fill = createOutlineFillLayer(regl);
  let fillOpacity = 0;
  const gather = <T extends Float32Array | Uint8Array>(values: T, width: number): T => gatherRows(values, order?.order ?? null, width);
  // Ranks are read only while a cluster is focused: kept in row order and uploaded (in draw order) by the
  // first frame that focuses one, so a new data set's first frame skips that gather and upload.
  let pendingRanks: Float32Array | (() => Float32Array) | null = null;

  const cache: PointLayerCache = createPointLayerCache(regl);
  let version = 0; // bumped by every upload the points pass reads
  let frameKind: FrameKind = 'full';
  let pointFrames = 0;
  /** The points pass (into the cache's framebuffer): all drawn points, or only the cells meeting the view. */
  const drawPointLayer = () => {
    const { offset, offsetLo, scale, focusRank, selectionActive, dimAlpha } = props;
    fill.draw({ offset, offsetLo, scale, opacity: fillOpacity, focusRank, selectionActive, dimAlpha });
    drawn = props.count;
    if (props.count > 0 && order && culling && props.morph >= 1) {
      // Submit only the cells meeting the view (plus a point radius): visible rel = offset ± (1 + r) / scale.
      const gl = renderer.gl;
      const rx = (1 + props.pointSize / Math.max(1, gl.drawingBufferWidth)) / Math.abs(props.scale[0]);
      const ry = (1 + props.pointSize / Math.max(1, gl.drawingBufferHeight)) / Math.abs(props.scale[1]);
      const cx = props.offset[0] + props.offsetLo[0], cy = props.offset[1] + props.offsetLo[1];
      const ranges = visibleRanges(order, props.count, cx - rx, cx + rx, cy - ry, cy + ry);
      submitted = ranges.reduce((sum, r) => sum + r[1], 0);
      if (ranges.length > 0) drawPoints(ranges.map(([first, count]) => ({ ...props, first, count })));
    } else {
      submitted = props.count;
      if (props.count > 0) drawPoints(props);
    }
  };

  renderer.onFrame(() => {
    before?.();
    props.first = 0;
    props.count = drawCount === null ? buffers.count : Math.min(buffers.count, order ? prefixEnd(order, drawCount) : drawCount);
    if (pendingRanks && props.focusRank >= 0) {
      buffers.setRanks(gather(typeof pendingRanks === 'function' ? pendingRanks() : pendingRanks, 1));
      pendingRanks = null;
    }
    const gl = renderer.gl;
    const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight;
    // Everything the points pass depends on; an equal key reuses the cached layer (hover/outline-only frames).
    const key = [version, w, h, props.count, ...props.offset, ...props.offsetLo, ...props.scale, props.pointSize, props.morph,
      props.focusRank, props.selectionActive, props.dimAlpha, ...background, fill.version, fill.count > 0 ? fillOpacity : 0];
    frameKind = cache.update(key, w, h, background, drawPointLayer);
    if (frameKind === 'full') pointFrames++;
    cache.composite();
    if (outlineCount > 0 && outlineWidth > 0) {
      drawOutlines({ offset: props.offset, offsetLo: props.offsetLo, scale: props.scale, width: outlineWidth, color: outlineColor, count: outlineCount });
    }
    if (highlight >= 0 && highlight < buffers.count) {
      const size = props.pointSize;
      drawHighlight({ ...props, first: order ? order.rankOf[highlight]! : highlight, count: 1, pointSize: Math.max(size * 1.8, size + 6), focusRank: -1, selectionActive: 0 });
    }
  });

  // Warm-up: regl links the points program at its first draw, and SwiftShader builds its pipeline then, so
  // draw one clipped point now (no data yet) rather than in the frame that first shows the data.
  // The point is drawn into the cache's framebuffer, the target of every real points pass: SwiftShader
  // builds a pipeline per render-target format, so warming the default framebuffer alone left ~100 ms of
  // pipeline building in the first real frame (cold 100k first frame).
  buffers.setPositions(Float32Array.of(0, 0));
  buffers.setColors(new Uint8Array(4));
  cache.update([Number.NaN], 1, 1, [0, 0, 0, 0], () => drawPoints({ ...props, offset: [4, 4], count: 1 }));
  cache.invalidate();
  buffers.setPositions(new Float32Array(0));
  cache.composite(); // likewise links the copy program (draws a 1×1 transparent texture; every frame overwrites it)

  return {
    renderer,
    get drawnCount() {
      return drawn;
    },
    get submittedCount() {
      return submitted;
    },
    get lastFrameKind() {
      return frameKind;
    },
    get pointFrames() {
      return pointFrames;
    },
    invalidate() {
      cache.invalidate();
    },
    setPoints(rel, rgba, lo = null) {
      const n = rel.length / 2;
      if (lodBudget > 0 && n > lodBudget) order = spatialOrder(rel, lodBudget);
      else order = lodBudget <= 0 && n >= FULL_CULL_MIN ? spatialOrder(rel, n, 32, 1.25, undefined, false) : null;
      culling = order !== null;
      version++;
      buffers.setPositions(gather(rel, 2), lo && gather(lo, 2));
      buffers.setColors(gather(rgba, 4));
    },
    setPositions(rel, lo = null) {
      culling = order !== null && cellsStillValid(order, rel);
      version++;
      buffers.setPositions(gather(rel, 2), lo && gather(lo, 2));
    },
    setColors(rgba) {
      version++;
      buffers.setColors(gather(rgba, 4));
    },
    setView(uniforms) {
      props.offset = uniforms.offset;
      props.offsetLo = uniforms.offsetLo ?? [0, 0];
      props.scale = uniforms.scale;
    },
    setOutlines(xy, rgba) {
      const quads = outlineQuads(xy, rgba);
      outlineXY({ usage: 'dynamic', type: 'float', data: quads.vertices });
      outlineRGBA({ usage: 'dynamic', type: 'uint8', data: quads.rgba });
      outlineCount = quads.count;
    },
    setOutlineFill(triangles) {
      fill.set(triangles);
    },
    setLodBudget(budget) {
      lodBudget = budget > 0 ? budget : 0;
    },
    setDrawCount(m) {
      drawCount = m;
    },
    setPointSize(devicePixels) {
      props.pointSize = devicePixels;
    },
    setPrevPositions(rel) {
      version++;
      buffers.setPrevPositions(gather(rel, 2));
    },
    setRanks(rank) {
      version++;
      pendingRanks = rank;
    },
    setStates(state) {
      version++;
      // All zero (no selection, nothing hidden: the usual new data set) needs no gather.
      buffers.setStates(order && !allZero(state) ? gather(state, 1) : state);
    },
    setStyle(style) {
      if (style.morph !== undefined) props.morph = style.morph;
      if (style.focusRank !== undefined) props.focusRank = style.focusRank;
      if (style.selectionActive !== undefined) props.selectionActive = style.selectionActive ? 1 : 0;
      if (style.dimAlpha !== undefined) props.dimAlpha = style.dimAlpha;
      if (style.ringColor !== undefined) props.ringColor = style.ringColor;
      if (style.highlight !== undefined) highlight = style.highlight;
      if (style.outlineWidth !== undefined) outlineWidth = Math.max(0, style.outlineWidth);
      if (style.outlineColor !== undefined) outlineColor = style.outlineColor;
      if (style.outlineFill !== undefined) fillOpacity = Math.min(1, Math.max(0, style.outlineFill));
    },
    beforeFrame(callback) {
      before = callback;
    },
    setBackground(rgba) {
      background = [rgba[0], rgba[1], rgba[2], rgba[3]];
    },
    readPixels() {
      renderer.renderNow();
      // gl.readPixels in the same task as the draw (regl.read insists on preserveDrawingBuffer).
      return readDrawingBuffer(renderer.gl);
    },
    toPNG() {
      cache.invalidate(); // an export draws the points afresh
      renderer.renderNow();
      return canvasToPNG(canvas);
    },
    destroy() {
      // A shared context outlives this layer: free its buffers (an own context frees all with regl).
      try {
        if (renderer.shared && !renderer.destroyed && !renderer.gl.isContextLost() && renderer.regl === regl) {
          buffers.destroy();
          cache.destroy();
          outlineXY.destroy();
          outlineRGBA.destroy();
          fill.destroy();
        }
      } catch {
        // the shared context was lost: its buffers are gone already
      }
      renderer.destroy();
    },
  };
}
