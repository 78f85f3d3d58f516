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

  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xs![i * stride]!;
    const y = ys![i * stride + yOffset]!;
    if (!Number.isFinite(x)) throw new ClusterScatterInputError(label(names.x, i, 0), x, 'coordinates must be finite');
    if (!Number.isFinite(y)) throw new ClusterScatterInputError(label(names.y, i, 1), y, 'coordinates must be finite');
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const centerX = n > 0 ? (minX + maxX) / 2 : 0;
  const centerY = n > 0 ? (minY + maxY) / 2 : 0;
  const rel = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    rel[2 * i] = xs![i * stride]! - centerX;
    rel[2 * i + 1] = ys![i * stride + yOffset]! - centerY;
  }
  let lo: Float32Array | null = null;
  if (!(xs instanceof Float32Array && ys instanceof Float32Array)) {
    lo = new Float32Array(2 * n);
    let any = false;
    for (let i = 0; i < n; i++) {
      const a = (lo[2 * i] = xs![i * stride]! - centerX - rel[2 * i]!);
      const b = (lo[2 * i + 1] = ys![i * stride + yOffset]! - centerY - rel[2 * i + 1]!);
      any ||= a !== 0 || b !== 0;
    }
    if (!any) lo = null;
  }
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
