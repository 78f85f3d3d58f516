/**
 * The 2-D camera of a scatter plot: pure functions over an immutable {@link ViewState}.
 *
 * Coordinates: "data" means positions relative to the data centre (what is uploaded to the GPU);
 * "screen" means CSS pixels from the top-left of the plot, y down. Data y points up. The scale is
 * isotropic (one data unit is the same length in x and y), as embeddings need.
 */
export interface ViewState {
  /** Data point at the centre of the plot (relative to the data centre). */
  readonly centerX: number;
  readonly centerY: number;
  /** CSS pixels per data unit (> 0). */
  readonly pixelsPerUnit: number;
}

/** Size of the plot in CSS pixels. */
export interface ViewSize {
  readonly width: number;
  readonly height: number;
}

/** Smallest and largest zoom relative to the fitted view (keeps float32 maths meaningful). */
export const MIN_ZOOM = 1e-3;
export const MAX_ZOOM = 1e9;

/**
 * The view showing a box of `2·halfWidth × 2·halfHeight` around the data centre with `padding`
 * CSS pixels free on every side. A zero-size box (one point) gets 1 data unit per CSS pixel.
 */
export function fitView(halfWidth: number, halfHeight: number, size: ViewSize, padding: number): ViewState {
  const w = Math.max(1, size.width - 2 * padding);
  const h = Math.max(1, size.height - 2 * padding);
  const sx = halfWidth > 0 ? w / (2 * halfWidth) : Infinity;
  const sy = halfHeight > 0 ? h / (2 * halfHeight) : Infinity;
  const s = Math.min(sx, sy);
  return { centerX: 0, centerY: 0, pixelsPerUnit: Number.isFinite(s) ? s : 1 };
}

/** The view moved by a drag of (dx, dy) CSS pixels (content follows the pointer). */
export function panView(view: ViewState, dx: number, dy: number): ViewState {
  return {
    centerX: view.centerX - dx / view.pixelsPerUnit,
    centerY: view.centerY + dy / view.pixelsPerUnit,
    pixelsPerUnit: view.pixelsPerUnit,
  };
}

/**
 * The view zoomed by `factor` (> 1 zooms in) keeping the data under screen point (sx, sy) fixed.
 * `fitted` is the fitted scale the zoom is clamped against ({@link MIN_ZOOM}…{@link MAX_ZOOM}).
 */
export function zoomView(view: ViewState, factor: number, sx: number, sy: number, size: ViewSize, fitted: number): ViewState {
  const target = Math.min(fitted * MAX_ZOOM, Math.max(fitted * MIN_ZOOM, view.pixelsPerUnit * factor));
  const [dx, dy] = screenToData(view, sx, sy, size);
  // Keep (dx, dy) at (sx, sy): sx = w/2 + (dx - cx)·s  ⇒  cx = dx - (sx - w/2)/s.
  return {
    centerX: dx - (sx - size.width / 2) / target,
    centerY: dy + (sy - size.height / 2) / target,
    pixelsPerUnit: target,
  };
}

/** Screen position (CSS px, y down) of a data point. */
export function dataToScreen(view: ViewState, x: number, y: number, size: ViewSize): [number, number] {
  return [
    size.width / 2 + (x - view.centerX) * view.pixelsPerUnit,
    size.height / 2 - (y - view.centerY) * view.pixelsPerUnit,
  ];
}

/** Data position under a screen point (inverse of {@link dataToScreen}). */
export function screenToData(view: ViewState, sx: number, sy: number, size: ViewSize): [number, number] {
  return [
    view.centerX + (sx - size.width / 2) / view.pixelsPerUnit,
    view.centerY - (sy - size.height / 2) / view.pixelsPerUnit,
  ];
}

/**
 * Shader uniforms: clip = ((position − offset) + (positionLo − offsetLo)) · scale, with the view centre
 * split into its float32 value `offset` and the residual `offsetLo` (see points.vert.ts).
 */
export function viewUniforms(view: ViewState, size: ViewSize): { offset: [number, number]; offsetLo: [number, number]; scale: [number, number] } {
  const hx = Math.fround(view.centerX), hy = Math.fround(view.centerY);
  return {
    offset: [hx, hy],
    offsetLo: [view.centerX - hx, view.centerY - hy],
    scale: [(2 * view.pixelsPerUnit) / Math.max(1, size.width), (2 * view.pixelsPerUnit) / Math.max(1, size.height)],
  };
}
