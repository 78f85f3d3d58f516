import { isArrowTableLike, type ArrowTableLike } from '../data/arrow-table-like.js';
import { readArrowColumn } from '../data/read-arrow-column.js';
import { asTokenCloudError, TokenCloudInputError } from './token-cloud-input-error.js';

type Numbers = ArrayLike<number>;

/** Everything `<token-cloud>` takes as data: arrays, or an Arrow table filtered to one preamble. */
export interface TokenSource {
  x: Numbers | null;
  y: Numbers | null;
  cluster: Numbers | null;
  tokens: ArrayLike<unknown> | null;
  /** Dataset row of each label (for linked views); default 0…n−1. */
  rows: Numbers | null;
  data: unknown;
  /** With `data`: keep only rows whose `preambleColumn` equals this (`''` = all rows). */
  preamble: string;
  xColumn: string;
  yColumn: string;
  clusterColumn: string;
  tokenColumn: string;
  preambleColumn: string;
}

/** Validated labels (new arrays; inputs are never mutated). */
export interface TokenData {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly cluster: Int32Array | null;
  readonly tokens: readonly string[];
  /** n dataset rows (ascending for Arrow input; as given otherwise). */
  readonly rows: Uint32Array;
  /** Preamble of each label when read from `data`, else null (the `preamble` attribute applies to all). */
  readonly preambles: readonly string[] | null;
  /** Centre and half extent of the coordinates (0 for one label). */
  readonly centerX: number;
  readonly centerY: number;
  readonly halfWidth: number;
  readonly halfHeight: number;
}

export const EMPTY_TOKENS: TokenData = {
  n: 0, x: new Float64Array(0), y: new Float64Array(0), cluster: null, tokens: [], rows: new Uint32Array(0), preambles: null,
  centerX: 0, centerY: 0, halfWidth: 0, halfHeight: 0,
};

/**
 * Normalises a {@link TokenSource}: `data` (Arrow, wins) filtered by `preamble` (the notebook's
 * `df.filter(preamble == P)`), else the `x`, `y`, `cluster`, `tokens`, `rows` arrays. No coordinates → 0 labels.
 * O(n) (O(table rows) for Arrow: the preamble column is scanned once).
 * @throws TokenCloudInputError naming the property or column (and row) when lengths differ, a coordinate is not
 *   finite, a cluster id is not a 32-bit integer, a token is not a string, or a row index is not an integer ≥ 0.
 */
export function resolveTokenData(s: TokenSource): TokenData {
  try {
    return s.data != null ? fromTable(s) : fromArrays(s);
  } catch (error) {
    throw asTokenCloudError(error);
  }
}

function fromArrays(s: TokenSource): TokenData {
  if (s.x == null && s.y == null) return EMPTY_TOKENS;
  if (s.x == null || s.y == null) throw new TokenCloudInputError(s.x == null ? 'x' : 'y', null, 'x and y must be set together');
  const n = s.x.length;
  if (s.y.length !== n) throw new TokenCloudInputError('y', s.y, `must have the same length as x (${n}), got ${s.y.length}`);
  if (s.cluster != null && s.cluster.length !== n) throw new TokenCloudInputError('cluster', s.cluster, `must have one id per label (${n}), got ${s.cluster.length}`);
  if (s.tokens != null && s.tokens.length !== n) throw new TokenCloudInputError('tokens', s.tokens, `must have one string per label (${n}), got ${s.tokens.length}`);
  if (s.rows != null && s.rows.length !== n) throw new TokenCloudInputError('rows', s.rows, `must have one dataset row per label (${n}), got ${s.rows.length}`);
  const tokens: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = s.tokens ? s.tokens[i] : '';
    if (typeof t !== 'string') throw new TokenCloudInputError(`tokens[${i}]`, t, 'tokens must be strings');
    tokens[i] = t;
  }
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = s.rows ? s.rows[i]! : i;
    if (!Number.isInteger(r) || r < 0 || r > 0xffffffff) throw new TokenCloudInputError(`rows[${i}]`, r, 'rows must be integer dataset row indices >= 0');
    rows[i] = r;
  }
  return finish(n, (i) => s.x![i]!, (i) => s.y![i]!, 'x', 'y', s.cluster ? (i) => s.cluster![i]! : null, 'cluster', tokens, rows, null);
}

function fromTable(s: TokenSource): TokenData {
  if (!isArrowTableLike(s.data)) throw new TokenCloudInputError('data', s.data, 'must be an Apache Arrow Table');
  const table = s.data;
  let rows: Uint32Array;
  let preambles: string[] | null = null;
  const pCol = s.preambleColumn ? table.getChild(s.preambleColumn) : null;
  if (s.preamble) {
    if (!pCol) throw new TokenCloudInputError('preamble-column', s.preambleColumn, `must name a column of data to filter by preamble; its columns are: ${names(table)}`);
    const kept: number[] = [];
    const get = getter(pCol);
    for (let r = 0; r < table.numRows; r++) if (get(r) === s.preamble) kept.push(r);
    rows = Uint32Array.from(kept);
  } else {
    rows = new Uint32Array(table.numRows);
    for (let r = 0; r < rows.length; r++) rows[r] = r;
  }
  if (pCol) {
    const get = getter(pCol);
    preambles = Array.from(rows, (r) => String(get(r) ?? ''));
  }
  const xs = readArrowColumn(table, s.xColumn || 'x', 'x-column');
  const ys = readArrowColumn(table, s.yColumn || 'y', 'y-column');
  const cs = s.clusterColumn ? readArrowColumn(table, s.clusterColumn, 'cluster-column') : null;
  const tCol = s.tokenColumn ? table.getChild(s.tokenColumn) : null;
  if (s.tokenColumn && !tCol) throw new TokenCloudInputError('token-column', s.tokenColumn, `must name a column of data; its columns are: ${names(table)}`);
  const getToken = tCol ? getter(tCol) : () => '';
  const tokens = Array.from(rows, (r) => {
    const t = getToken(r);
    if (typeof t !== 'string') throw new TokenCloudInputError(`data column ${JSON.stringify(s.tokenColumn)} row ${r}`, t, 'tokens must be strings (a Utf8 column without nulls)');
    return t;
  });
  const col = (name: string) => `data column ${JSON.stringify(name)} row`;
  return finish(rows.length, (i) => xs[rows[i]!]!, (i) => ys[rows[i]!]!, `${col(s.xColumn || 'x')}`, `${col(s.yColumn || 'y')}`,
    cs ? (i) => cs[rows[i]!]! : null, col(s.clusterColumn), tokens, rows, preambles, true);
}

function finish(
  n: number, xAt: (i: number) => number, yAt: (i: number) => number, xName: string, yName: string,
  clusterAt: ((i: number) => number) | null, clusterName: string, tokens: string[], rows: Uint32Array, preambles: string[] | null, byRow = false,
): TokenData {
  const x = new Float64Array(n), y = new Float64Array(n);
  const label = (name: string, i: number) => (byRow ? `${name} ${rows[i]}` : `${name}[${i}]`);
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const a = xAt(i), b = yAt(i);
    if (typeof a !== 'number' || !Number.isFinite(a)) throw new TokenCloudInputError(label(xName, i), a, 'coordinates must be finite numbers');
    if (typeof b !== 'number' || !Number.isFinite(b)) throw new TokenCloudInputError(label(yName, i), b, 'coordinates must be finite numbers');
    x[i] = a;
    y[i] = b;
    minX = Math.min(minX, a); maxX = Math.max(maxX, a); minY = Math.min(minY, b); maxY = Math.max(maxY, b);
  }
  let cluster: Int32Array | null = null;
  if (clusterAt) {
    cluster = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = clusterAt(i);
      if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) throw new TokenCloudInputError(label(clusterName, i), v, 'cluster ids must be 32-bit integers');
      cluster[i] = v;
    }
  }
  return {
    n, x, y, cluster, tokens, rows, preambles,
    centerX: n ? (minX + maxX) / 2 : 0, centerY: n ? (minY + maxY) / 2 : 0,
    halfWidth: n ? (maxX - minX) / 2 : 0, halfHeight: n ? (maxY - minY) / 2 : 0,
  };
}

const names = (t: ArrowTableLike) => t.schema.fields.map((f) => f.name).join(', ');

function getter(vector: unknown): (row: number) => unknown {
  const v = vector as { get?: (i: number) => unknown };
  return typeof v.get === 'function' ? (r) => v.get!(r) : () => undefined;
}
