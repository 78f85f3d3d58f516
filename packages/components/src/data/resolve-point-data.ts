import { ClusterScatterInputError } from '../errors.js';
import { isArrowTableLike } from './arrow-table-like.js';
import { readArrowColumn } from './read-arrow-column.js';

type Numbers = ArrayLike<number>;

/** Everything a scatter can take as data; see `ClusterScatter` for precedence. */
export interface PointSource {
  x?: Numbers | null | undefined;
  y?: Numbers | null | undefined;
  /** Interleaved n×2 `[x0, y0, x1, y1, …]`, as projections return. */
  positions?: Numbers | null | undefined;
  cluster?: Numbers | null | undefined;
  /** An Apache Arrow Table; when set it wins over the arrays. */
  data?: unknown;
  xColumn?: string;
  yColumn?: string;
  /** `''` means "no cluster column". */
  clusterColumn?: string;
}

/** Validated points, positioned relative to the data centre for float32 precision on the GPU. */
export interface ResolvedPoints {
  readonly n: number;
  /** n×2 interleaved, `x - centerX`, `y - centerY` (computed in float64, stored as float32). */
  readonly rel: Float32Array;
  /**
   * n×2 float32 residuals `(x - centerX) - rel` (the part float32 rounding lost), or null when the input
   * is already float32 (then nothing below its own precision is lost). Used for deep zoom.
   */
  readonly lo: Float32Array | null;
  readonly centerX: number;
  readonly centerY: number;
  /** Half the extent of the data around the centre (0 for a single point). */
  readonly halfWidth: number;
  readonly halfHeight: number;
  /** n cluster ids, or null when none were given. */
  readonly cluster: Int32Array | null;
}

/**
 * Normalises a {@link PointSource} into {@link ResolvedPoints}. Precedence: `data` (Arrow) >
 * `positions` > `x`/`y`. No coordinates → 0 points (a `cluster` alone is ignored until they come). Copies (never mutates) the inputs. O(n).
 * @throws ClusterScatterInputError naming the property/column, the index and the rule when lengths
 *   differ, a coordinate is not finite, or a cluster id is not a 32-bit integer.
 */
export function resolvePointData(source: PointSource): ResolvedPoints {
  let xs: Numbers | null = null;
  let ys: Numbers | null = null;
  let stride = 1;
  let cluster: Numbers | null = source.cluster ?? null;
  let names = { x: 'x', y: 'y', cluster: 'cluster' };
  if (source.data != null) {
    if (!isArrowTableLike(source.data)) {
      throw new ClusterScatterInputError('data', source.data, 'must be an Apache Arrow Table');
    }
    const xName = source.xColumn || 'x';
    const yName = source.yColumn || 'y';
    const cName = source.clusterColumn ?? 'cluster_id';
    xs = readArrowColumn(source.data, xName, 'x-column');
    ys = readArrowColumn(source.data, yName, 'y-column');
    cluster = cName === '' ? null : readArrowColumn(source.data, cName, 'cluster-column');
    names = { x: `data column "${xName}"`, y: `data column "${yName}"`, cluster: `data column "${cName}"` };
  } else if (source.positions != null) {
    if (source.positions.length % 2 !== 0) {
      throw new ClusterScatterInputError('positions', source.positions, 'must hold n×2 interleaved values (even length)');
    }
    xs = source.positions;
    ys = source.positions;
    stride = 2;
    names = { x: 'positions', y: 'positions', cluster: 'cluster' };
  } else if (source.x != null || source.y != null) {
    if (source.x == null || source.y == null) {
      const missing = source.x == null ? 'x' : 'y';
      throw new ClusterScatterInputError(missing, null, 'x and y must be set together');
    }
    if (source.x.length !== source.y.length) {
      throw new ClusterScatterInputError('y', source.y, `must have the same length as x (${source.x.length})`);
    }
    xs = source.x;
    ys = source.y;
  }
  if (!xs) cluster = null; // no coordinates yet: ids set first wait for them, no length error
  const n = xs ? xs.length / stride : 0;
  const yOffset = stride === 2 ? 1 : 0;
  const label = (name: string, i: number, axis: number) =>
    stride === 2 ? `${name}[${2 * i + axis}] (point ${i})` : `${name}[${i}]`;

  const box = bounds(xs ?? [], ys ?? [], n, stride);
  if (box === null) {
    // Some coordinate is not finite: find the first one, for the error.
    for (let i = 0; i < n; i++) {
      const x = xs![i * stride]!;
      const y = ys![i * stride + yOffset]!;
      if (!Number.isFinite(x)) throw new ClusterScatterInputError(label(names.x, i, 0), x, 'coordinates must be finite');
      if (!Number.isFinite(y)) throw new ClusterScatterInputError(label(names.y, i, 1), y, 'coordinates must be finite');
    }
  }
  const [minX, maxX, minY, maxY] = box ?? [0, 0, 0, 0];
  const centerX = n > 0 ? (minX + maxX) / 2 : 0;
  const centerY = n > 0 ? (minY + maxY) / 2 : 0;
  const rel = new Float32Array(2 * n);
  const lo = relativePositions(xs ?? [], ys ?? [], n, stride, centerX, centerY, rel);
  return {
    n,
    rel,
    lo,
    centerX,
    centerY,
    halfWidth: n > 0 ? (maxX - minX) / 2 : 0,
    halfHeight: n > 0 ? (maxY - minY) / 2 : 0,
    cluster: cluster == null ? null : toClusterIds(cluster, n, names.cluster),
  };
}

/**
 * [minX, maxX, minY, maxY] of n points read at `xs[i·stride]`, `ys[i·stride + (stride − 1)]`, or null when
 * a coordinate is not finite. One pass; the finiteness test is `v − v === 0` (false for NaN and ±∞).
 */
function bounds(xs: Numbers, ys: Numbers, n: number, stride: number): [number, number, number, number] | null {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  let finite = true;
  const yOffset = stride - 1;
  for (let i = 0, j = 0; i < n; i++, j += stride) {
    const x = xs[j]!, y = ys[j + yOffset]!;
    finite = finite && x - x === 0 && y - y === 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return finite ? [minX, maxX, minY, maxY] : null;
}

/**
 * Writes `rel` (n×2 float32, x − centerX and y − centerY computed in float64) and returns the float32
 * residuals (n×2) when the inputs are not float32 and some residual is not zero, else null. O(n).
 */
function relativePositions(xs: Numbers, ys: Numbers, n: number, stride: number, centerX: number, centerY: number, rel: Float32Array): Float32Array | null {
  const yOffset = stride - 1;
  if (xs instanceof Float32Array && ys instanceof Float32Array) {
    for (let i = 0, j = 0; i < n; i++, j += stride) {
      rel[2 * i] = xs[j]! - centerX;
      rel[2 * i + 1] = ys[j + yOffset]! - centerY;
    }
    return null; // float32 inputs lose nothing below their own precision
  }
  const lo = new Float32Array(2 * n);
  let any = false;
  for (let i = 0, j = 0; i < n; i++, j += stride) {
    const dx = xs[j]! - centerX, dy = ys[j + yOffset]! - centerY;
    const hx = Math.fround(dx), hy = Math.fround(dy);
    rel[2 * i] = hx;
    rel[2 * i + 1] = hy;
    const a = (lo[2 * i] = dx - hx), b = (lo[2 * i + 1] = dy - hy);
    any ||= a !== 0 || b !== 0;
  }
  return any ? lo : null;
}

function toClusterIds(cluster: Numbers, n: number, name: string): Int32Array {
  if (cluster.length !== n) {
    throw new ClusterScatterInputError(name, cluster, `must have one id per point (${n}), got ${cluster.length}`);
  }
  if (cluster instanceof Int32Array) return cluster; // read-only use, no copy needed
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = cluster[i]!;
    if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) {
      throw new ClusterScatterInputError(`${name}[${i}]`, v, 'cluster ids must be 32-bit integers');
    }
    out[i] = v;
  }
  return out;
}
