import concaveman from 'concaveman';
import type { ClusterOutline } from './cluster-outline.js';

/** Options of {@link autoOutlines}. */
export interface AutoOutlineOptions {
  /** Share of each cluster's points inside its density core (default 0.8). */
  core?: number;
  /** At most this many core points per cluster go into the hull (an even stride; default 4000). */
  maxPoints?: number;
  /** concaveman's concavity (default 2; higher = smoother). */
  concavity?: number;
}

const GRID = 16;

/**
 * One outline per cluster with at least 3 points: the concave hull (mapbox/concaveman) of the
 * cluster's densest part. Density core: the cluster's points binned on a 16×16 grid over its bounding
 * box; the fullest cells are kept until they hold `core` of its points. Input: n×2 positions `rel`
 * relative to (centerX, centerY), per-point cluster `rank` (0…k-1) and the k ascending `ids`.
 * Output rings are in data coordinates (offset added back). O(n + Σ h log h) for h hull points per
 * cluster; nothing is mutated.
 */
export function autoOutlines(
  rel: Float32Array,
  rank: Float32Array,
  ids: Int32Array,
  centerX: number,
  centerY: number,
  options: AutoOutlineOptions = {},
): ClusterOutline[] {
  const core = options.core ?? 0.8, maxPoints = options.maxPoints ?? 4000, concavity = options.concavity ?? 2;
  const k = ids.length, n = rank.length;
  // Counting sort of rows by cluster rank.
  const start = new Uint32Array(k + 1);
  for (let i = 0; i < n; i++) start[rank[i]! + 1]!++;
  for (let c = 0; c < k; c++) start[c + 1]! += start[c]!;
  const rows = new Uint32Array(n);
  const fill = start.slice(0, k);
  for (let i = 0; i < n; i++) rows[fill[rank[i]!]!++] = i;

  const out: ClusterOutline[] = [];
  const cells = new Uint32Array(GRID * GRID);
  const cellOf = new Uint16Array(n > 0 ? Math.max(...countsOf(start)) : 0);
  for (let c = 0; c < k; c++) {
    const a = start[c]!, b = start[c + 1]!, m = b - a;
    if (m < 3) continue;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let j = a; j < b; j++) {
      const x = rel[2 * rows[j]!]!, y = rel[2 * rows[j]! + 1]!;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const sx = GRID / Math.max(maxX - minX, 1e-30), sy = GRID / Math.max(maxY - minY, 1e-30);
    cells.fill(0);
    for (let j = a; j < b; j++) {
      const i = rows[j]!;
      const gx = Math.min(GRID - 1, Math.floor((rel[2 * i]! - minX) * sx));
      const gy = Math.min(GRID - 1, Math.floor((rel[2 * i + 1]! - minY) * sy));
      cells[(cellOf[j - a] = gy * GRID + gx)]!++;
    }
    const order = Array.from(cells.keys()).sort((p, q) => cells[q]! - cells[p]!);
    const keep = new Uint8Array(GRID * GRID);
    for (let t = 0, held = 0; t < order.length && held < core * m; t++) {
      keep[order[t]!] = 1;
      held += cells[order[t]!]!;
    }
    // Only kept cells on the core's rim can hold hull vertices (a cell whose 8 neighbours are all kept is
    // inside the hull at this grid's resolution), so interior cells are skipped: for a compact cluster
    // this cuts the hull input ~3× with the same rim points, instead of thinning the rim by a stride.
    const rim = new Uint8Array(GRID * GRID);
    for (let gy = 0; gy < GRID; gy++) {
      for (let gx = 0; gx < GRID; gx++) {
        if (!keep[gy * GRID + gx]) continue;
        let inner = true;
        for (let dy = -1; dy <= 1 && inner; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const x = gx + dx, y = gy + dy;
            if (x < 0 || y < 0 || x >= GRID || y >= GRID || !keep[y * GRID + x]) { inner = false; break; }
          }
        }
        rim[gy * GRID + gx] = inner ? 0 : 1;
      }
    }
    const pts: [number, number][] = [];
    let kept = 0;
    for (let j = 0; j < m; j++) if (rim[cellOf[j]!]) kept++;
    const stride = Math.max(1, kept / maxPoints);
    for (let j = 0, seen = 0, next = 0; j < m; j++) {
      if (!rim[cellOf[j]!]) continue;
      if (seen++ >= next) {
        next += stride;
        const i = rows[a + j]!;
        pts.push([rel[2 * i]!, rel[2 * i + 1]!]);
      }
    }
    if (pts.length < 3) continue;
    const hull = concaveman(pts, concavity);
    const last = hull.length > 1 && hull[0]![0] === hull.at(-1)![0] && hull[0]![1] === hull.at(-1)![1] ? hull.length - 1 : hull.length;
    if (last < 3) continue;
    const ring = new Float64Array(2 * last);
    for (let v = 0; v < last; v++) {
      ring[2 * v] = hull[v]![0] + centerX;
      ring[2 * v + 1] = hull[v]![1] + centerY;
    }
    out.push({ clusterId: ids[c]!, rings: [ring] });
  }
  return out;
}

function countsOf(start: Uint32Array): number[] {
  const c: number[] = [];
  for (let i = 0; i + 1 < start.length; i++) c.push(start[i + 1]! - start[i]!);
  return c.length ? c : [0];
}
