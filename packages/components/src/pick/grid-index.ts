/**
 * A uniform-grid spatial index over 2-D points, for picking and lasso/rectangle selection.
 *
 * Built by a counting sort of the points into about `n / 4` square cells: O(n) time, 4·(n + cells)
 * bytes, no per-point objects. All arrays are plain typed arrays that own their buffers, so an index
 * built in a Worker can be transferred back. Positions are n×2 interleaved (row-major) and are
 * neither copied nor mutated; queries take the same positions the index was built from.
 * Idea after the bucket grids of classic point picking; flekschas/regl-scatterplot uses a k-d tree
 * (kdbush) instead, which is O(n log n) to build.
 */
export interface GridIndex {
  readonly n: number;
  readonly minX: number;
  readonly minY: number;
  /** Side of a square cell, in data units (> 0). */
  readonly cellSize: number;
  readonly cols: number;
  readonly rows: number;
  /** `cells + 1` offsets into `order`: cell c holds `order[start[c] .. start[c+1])`. */
  readonly start: Uint32Array;
  /** Point indices sorted by cell. */
  readonly order: Uint32Array;
}

/** Cells are capped so the index stays small for clustered data with outliers. */
const MAX_CELLS = 1 << 22;

/** Builds a {@link GridIndex} over n×2 interleaved `xy` (finite values). O(n). */
export function buildGridIndex(xy: Float32Array): GridIndex {
  const n = xy.length >> 1;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i]!, y = xy[2 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (n === 0) minX = minY = maxX = maxY = 0;
  const w = maxX - minX, h = maxY - minY;
  const cellsWanted = Math.min(MAX_CELLS, Math.max(1, Math.ceil(n / 4)));
  let cellSize = Math.sqrt((Math.max(w, 1e-30) * Math.max(h, 1e-30)) / cellsWanted);
  if (!(cellSize > 0) || !Number.isFinite(cellSize)) cellSize = 1;
  cellSize = Math.max(cellSize, Math.max(w, h) / 4096, 1e-30);
  const cols = Math.max(1, Math.min(4096, Math.floor(w / cellSize) + 1));
  const rows = Math.max(1, Math.min(4096, Math.floor(h / cellSize) + 1));
  const cellOf = new Uint32Array(n);
  const start = new Uint32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(cols - 1, Math.floor((xy[2 * i]! - minX) / cellSize));
    const cy = Math.min(rows - 1, Math.floor((xy[2 * i + 1]! - minY) / cellSize));
    const c = cy * cols + cx;
    cellOf[i] = c;
    start[c + 1]!++;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cols * rows);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[fill[cellOf[i]!]!++] = i;
  return { n, minX, minY, cellSize, cols, rows, start, order };
}

/** Calls `visit(i)` for every point whose cell overlaps the box; the caller tests exact bounds. */
function forEachCandidate(index: GridIndex, x0: number, y0: number, x1: number, y1: number, visit: (i: number) => void): void {
  const { minX, minY, cellSize, cols, rows, start, order } = index;
  const c0 = Math.max(0, Math.floor((x0 - minX) / cellSize));
  const c1 = Math.min(cols - 1, Math.floor((x1 - minX) / cellSize));
  const r0 = Math.max(0, Math.floor((y0 - minY) / cellSize));
  const r1 = Math.min(rows - 1, Math.floor((y1 - minY) / cellSize));
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const cell = r * cols + c;
      for (let k = start[cell]!, end = start[cell + 1]!; k < end; k++) visit(order[k]!);
    }
  }
}

/**
 * Float32 rounding residuals of indexed positions (n×2, `xy + lo` ≈ the float64 positions) and their
 * largest magnitude, so queries can measure in float64 while the index stays float32. A point may sit
 * in a neighbouring cell of its exact position, so queries widen their candidate box by `maxAbs`.
 */
export interface PositionResiduals {
  readonly lo: Float32Array;
  readonly maxAbs: number;
}

/** {@link PositionResiduals} of `lo` (n×2; not copied or mutated), or null for none. O(n). */
export function positionResiduals(lo: Float32Array | null | undefined): PositionResiduals | null {
  if (!lo) return null;
  let maxAbs = 0;
  for (let k = 0; k < lo.length; k++) maxAbs = Math.max(maxAbs, Math.abs(lo[k]!));
  return { lo, maxAbs };
}

/**
 * The point nearest to (x, y) within `radius` (data units) for which `accept(i)` holds (default
 * all), or -1. Ties go to the higher index (drawn on top). With `residuals`, distances use
 * `xy + lo` in float64 (hover stays exact when zoomed in far past float32 spacing).
 * O(points in the radius box).
 */
export function nearestPoint(
  index: GridIndex,
  xy: Float32Array,
  x: number,
  y: number,
  radius: number,
  accept: (i: number) => boolean = () => true,
  residuals: PositionResiduals | null = null,
): number {
  let best = -1;
  let bestD = radius * radius;
  const lo = residuals?.lo, pad = radius + (residuals?.maxAbs ?? 0);
  forEachCandidate(index, x - pad, y - pad, x + pad, y + pad, (i) => {
    const dx = (lo ? xy[2 * i]! + lo[2 * i]! : xy[2 * i]!) - x, dy = (lo ? xy[2 * i + 1]! + lo[2 * i + 1]! : xy[2 * i + 1]!) - y;
    const d = dx * dx + dy * dy;
    if ((d < bestD || (d === bestD && i > best)) && accept(i)) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/**
 * Indices (ascending) of accepted points inside the box [x0, x1] × [y0, y1] (any corner order); with
 * `residuals`, tested at `xy + lo` in float64 (see {@link nearestPoint}).
 */
export function pointsInRect(
  index: GridIndex,
  xy: Float32Array,
  x0: number, y0: number, x1: number, y1: number,
  accept: (i: number) => boolean = () => true,
  residuals: PositionResiduals | null = null,
): Uint32Array {
  const lx = Math.min(x0, x1), hx = Math.max(x0, x1), ly = Math.min(y0, y1), hy = Math.max(y0, y1);
  const out: number[] = [];
  const lo = residuals?.lo, pad = residuals?.maxAbs ?? 0;
  forEachCandidate(index, lx - pad, ly - pad, hx + pad, hy + pad, (i) => {
    const px = lo ? xy[2 * i]! + lo[2 * i]! : xy[2 * i]!, py = lo ? xy[2 * i + 1]! + lo[2 * i + 1]! : xy[2 * i + 1]!;
    if (px >= lx && px <= hx && py >= ly && py <= hy && accept(i)) out.push(i);
  });
  return Uint32Array.from(out).sort();
}

/**
 * Indices (ascending) of accepted points inside the closed polygon `polygon` (n×2 interleaved
 * vertices, even-odd rule, so self-intersecting lassos behave like SVG's `evenodd`); with
 * `residuals`, tested at `xy + lo` in float64 (see {@link nearestPoint}). O(candidates · v).
 */
export function pointsInPolygon(
  index: GridIndex,
  xy: Float32Array,
  polygon: ArrayLike<number>,
  accept: (i: number) => boolean = () => true,
  residuals: PositionResiduals | null = null,
): Uint32Array {
  const v = polygon.length >> 1;
  if (v < 3) return new Uint32Array(0);
  let lx = Infinity, ly = Infinity, hx = -Infinity, hy = -Infinity;
  for (let k = 0; k < v; k++) {
    const px = polygon[2 * k]!, py = polygon[2 * k + 1]!;
    lx = Math.min(lx, px); hx = Math.max(hx, px); ly = Math.min(ly, py); hy = Math.max(hy, py);
  }
  const out: number[] = [];
  const lo = residuals?.lo, pad = residuals?.maxAbs ?? 0;
  forEachCandidate(index, lx - pad, ly - pad, hx + pad, hy + pad, (i) => {
    const px = lo ? xy[2 * i]! + lo[2 * i]! : xy[2 * i]!, py = lo ? xy[2 * i + 1]! + lo[2 * i + 1]! : xy[2 * i + 1]!;
    if (px < lx || px > hx || py < ly || py > hy) return;
    let inside = false;
    for (let a = 0, b = v - 1; a < v; b = a++) {
      const ax = polygon[2 * a]!, ay = polygon[2 * a + 1]!, bx = polygon[2 * b]!, by = polygon[2 * b + 1]!;
      if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
    }
    if (inside && accept(i)) out.push(i);
  });
  return Uint32Array.from(out).sort();
}
