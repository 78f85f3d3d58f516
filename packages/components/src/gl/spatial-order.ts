import { inversePermutation, shuffledRows } from './draw-order.js';

/**
 * The drawing order of a large point set that serves both level of detail and view culling: the seeded
 * random permutation of draw-order.ts is cut into chunks of geometrically growing size (the first
 * `firstChunk` rows, then ×`growth` each), and inside each chunk the rows are counting-sorted by the
 * cell of a `grid`×`grid` grid over the data box they fall in (stable, so a cell keeps the random
 * order). A prefix ending at a chunk end is still a uniform random sample (level of detail), and in
 * every chunk each grid row of cells is a contiguous range, so a frame draws only the ranges whose
 * cells meet the view (software WebGL pays per submitted point even when it is clipped). Overlapping
 * points blend in this order (chunk, then cell, then random), not in row order.
 */
export interface SpatialOrder {
  /** `order[k]` = row drawn k-th (a permutation of 0…n-1). */
  readonly order: Uint32Array;
  /** `rankOf[row]` = position of `row` in {@link order} (computed on first read: only the hover highlight needs it). */
  readonly rankOf: Uint32Array;
  readonly grid: number;
  /** Cumulative end of each chunk (the last is n). */
  readonly chunkEnds: Uint32Array;
  /** Per chunk c, `grid²+1` entries: start of cell i (row-major, y then x) at `c·(grid²+1) + i`; entry grid² = chunk end. */
  readonly cellStart: Uint32Array;
  /** Grid cell of the point drawn k-th (to check in-place position updates). */
  readonly cellByRank: Uint16Array;
  /** Data box of the positions the grid was made for (same units as the positions). */
  readonly minX: number;
  readonly minY: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
}

const cellIndex = (v: number, min: number, size: number, grid: number) => {
  const c = Math.floor((v - min) / size);
  return c >= 0 ? (c < grid ? c : grid - 1) : 0; // NaN and below → 0
};

/**
 * Builds the order for n×2 positions `rel` (not mutated). O(n) time, 14n bytes (+ the grid tables; +4n
 * for `rankOf` once read).
 * `grid` ≤ 256; `growth` > 1. With `shuffle` false the chunks are cut from row order instead of the
 * random permutation (no level of detail; with `firstChunk` ≥ n: one chunk, rows ascending in each
 * cell), for view culling alone.
 */
export function spatialOrder(rel: Float32Array, firstChunk: number, grid = 32, growth = 1.25, seed?: number, shuffle = true): SpatialOrder {
  const n = rel.length / 2;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = rel[2 * i]!, y = rel[2 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!(minX <= maxX)) minX = maxX = minY = maxY = 0;
  const cellWidth = Math.max((maxX - minX) / grid, 1e-30), cellHeight = Math.max((maxY - minY) / grid, 1e-30);
  const ends: number[] = [];
  for (let e = Math.max(1, Math.floor(firstChunk)); e < n; e = Math.ceil(e * growth)) ends.push(e);
  ends.push(n);
  const g2 = grid * grid;
  const random = shuffle ? shuffledRows(n, seed) : identity(n);
  const cellOfRow = new Uint16Array(n);
  for (let i = 0; i < n; i++) cellOfRow[i] = cellIndex(rel[2 * i + 1]!, minY, cellHeight, grid) * grid + cellIndex(rel[2 * i]!, minX, cellWidth, grid);
  const order = new Uint32Array(n), cellByRank = new Uint16Array(n), cellStart = new Uint32Array(ends.length * (g2 + 1));
  let start = 0;
  ends.forEach((end, c) => {
    const base = c * (g2 + 1);
    for (let k = start; k < end; k++) cellStart[base + cellOfRow[random[k]!]! + 1]!++;
    cellStart[base] = start;
    for (let i = 1; i <= g2; i++) cellStart[base + i]! += cellStart[base + i - 1]!;
    const next = cellStart.slice(base, base + g2);
    for (let k = start; k < end; k++) {
      const row = random[k]!, cell = cellOfRow[row]!;
      const at = next[cell]!++;
      order[at] = row;
      cellByRank[at] = cell;
    }
    start = end;
  });
  let rankOf: Uint32Array | null = null;
  return {
    order, grid, chunkEnds: Uint32Array.from(ends), cellStart, cellByRank, minX, minY, cellWidth, cellHeight,
    get rankOf() {
      return (rankOf ??= inversePermutation(order));
    },
  };
}

function identity(n: number): Uint32Array {
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/**
 * The chunk end nearest to m on a log scale (the prefix to draw for a level-of-detail count m; within a
 * factor √growth of m), or n when m ≥ n. O(chunks).
 */
export function prefixEnd(s: SpatialOrder, m: number): number {
  const ends = s.chunkEnds;
  for (let c = 0; c < ends.length; c++) {
    if (ends[c]! < m) continue;
    return c > 0 && ends[c - 1]! * ends[c]! > m * m ? ends[c - 1]! : ends[c]!;
  }
  return ends[ends.length - 1] ?? 0;
}

/**
 * True when every point of `rel` (n×2, row order) still lies in the cell it was sorted into, i.e. the
 * culling ranges stay valid after an in-place position update. O(n).
 */
export function cellsStillValid(s: SpatialOrder, rel: Float32Array): boolean {
  const { order, grid, cellByRank } = s;
  if (rel.length !== 2 * order.length) return false;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const cell = cellIndex(rel[2 * i + 1]!, s.minY, s.cellHeight, grid) * grid + cellIndex(rel[2 * i]!, s.minX, s.cellWidth, grid);
    if (cell !== cellByRank[k]) return false;
  }
  return true;
}

/**
 * `[first, count]` ranges of the first `end` drawn points (`end` a chunk end) whose cells meet the box
 * [x0, x1]×[y0, y1] (position units), merged where contiguous; one range per chunk and grid row at most.
 * A superset of the points inside the box. O(chunks · grid).
 */
export function visibleRanges(s: SpatialOrder, end: number, x0: number, x1: number, y0: number, y1: number): [number, number][] {
  const { grid } = s;
  const g2 = grid * grid;
  const cx0 = Math.floor((x0 - s.minX) / s.cellWidth), cx1 = Math.floor((x1 - s.minX) / s.cellWidth);
  const cy0 = Math.floor((y0 - s.minY) / s.cellHeight), cy1 = Math.floor((y1 - s.minY) / s.cellHeight);
  const ranges: [number, number][] = [];
  if (!(cx1 >= 0 && cy1 >= 0 && cx0 < grid && cy0 < grid)) return ranges; // also false for NaN
  const ax = Math.max(0, cx0), bx = Math.min(grid - 1, cx1), ay = Math.max(0, cy0), by = Math.min(grid - 1, cy1);
  for (let c = 0; c < s.chunkEnds.length && (c === 0 || s.chunkEnds[c - 1]! < end); c++) {
    const base = c * (g2 + 1);
    for (let y = ay; y <= by; y++) {
      const a = s.cellStart[base + y * grid + ax]!, b = s.cellStart[base + y * grid + bx + 1]!;
      if (b <= a) continue;
      const last = ranges[ranges.length - 1];
      if (last && last[0] + last[1] === a) last[1] += b - a;
      else ranges.push([a, b - a]);
    }
  }
  return ranges;
}
