import { isArrowTableLike } from '../data/arrow-table-like.js';
import { readArrowColumn } from '../data/read-arrow-column.js';
import { columnNames, missingDefaultRule, missingTextColumns } from '../cluster-scatter/default-columns.js';
import { asTokenCloudError, TokenCloudInputError } from './token-cloud-input-error.js';

type Numbers = ArrayLike<number>;

/**
 * Most labels `<token-cloud>` lays out from an Arrow `data` table (50,000). A table with more rows and no
 * `preamble` (or a preamble with more rows) is reported as a TokenCloudInputError on `preamble` and draws
 * nothing, instead of laying out the whole dataset every frame. Arrays (`x`, `y`, …) are not capped.
 */
export const MAX_CLOUD_LABELS = 50_000;

/** Everything `<token-cloud>` takes as data: arrays, or an Arrow table filtered to one preamble. */
export interface TokenSource {
  x: Numbers | null;
  y: Numbers | null;
  cluster: Numbers | null;
  tokens: ArrayLike<unknown> | null;
  /** Dataset row of each label (for linked views); default 0…n−1. */
  rows: Numbers | null;
  data: unknown;
  /** With `data`: keep only rows whose `preambleColumn` equals this (`''` = all rows, at most {@link MAX_CLOUD_LABELS}). */
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
  /**
   * Problems that did not stop the data (fired as `token-cloud-warning`): a default text column (`guess`,
   * `preamble`) missing from the table, or a `preamble` matching no row. Each names the parameter and value.
   */
  readonly warnings: readonly TokenCloudInputError[];
  /** Centre and half extent of the coordinates (0 for one label). */
  readonly centerX: number;
  readonly centerY: number;
  readonly halfWidth: number;
  readonly halfHeight: number;
}

export const EMPTY_TOKENS: TokenData = {
  n: 0, x: new Float64Array(0), y: new Float64Array(0), cluster: null, tokens: [], rows: new Uint32Array(0), preambles: null, warnings: [],
  centerX: 0, centerY: 0, halfWidth: 0, halfHeight: 0,
};

/**
 * Normalises a {@link TokenSource}: `data` (Arrow, wins) filtered by `preamble` (the notebook's
 * `df.filter(preamble == P)`), else the `x`, `y`, `cluster`, `tokens`, `rows` arrays. No coordinates → 0 labels.
 * O(n) (O(table rows) for Arrow: the preamble column is scanned once).
 * With a table, a missing default `token-column` (`guess`) gives empty tokens (drawn `∅`) and a missing default
 * `preamble-column` no preambles, each with a warning in `warnings`; a column set to another name must exist.
 * @throws TokenCloudInputError naming the property or column (and row) when lengths differ, a coordinate is not
 *   finite, a cluster id is not a 32-bit integer, a token is not a string, a row index is not an integer ≥ 0 or
 *   repeats; naming `preamble` when a table would give more than {@link MAX_CLOUD_LABELS} labels; naming
 *   `token-column` / `preamble-column` when one set explicitly is not a column.
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
  const first = s.rows ? new Map<number, number>() : null;
  for (let i = 0; i < n; i++) {
    const r = s.rows ? s.rows[i]! : i;
    if (!Number.isInteger(r) || r < 0 || r > 0xffffffff) throw new TokenCloudInputError(`rows[${i}]`, r, 'rows must be integer dataset row indices >= 0');
    const seen = first?.get(r);
    if (seen !== undefined) throw new TokenCloudInputError(`rows[${i}]`, r, `rows must be distinct (rows[${seen}] is ${r} too)`);
    first?.set(r, i);
    rows[i] = r;
  }
  return finish(n, (i) => s.x![i]!, (i) => s.y![i]!, 'x', 'y', s.cluster ? (i) => s.cluster![i]! : null, 'cluster', tokens, rows, null, []);
}

function fromTable(s: TokenSource): TokenData {
  if (!isArrowTableLike(s.data)) throw new TokenCloudInputError('data', s.data, 'must be an Apache Arrow Table');
  const table = s.data;
  if (!s.preamble && table.numRows > MAX_CLOUD_LABELS) {
    throw new TokenCloudInputError('preamble', s.preamble, `data has ${table.numRows} rows; set preamble to show one sentence, or pass at most ${MAX_CLOUD_LABELS} labels`, 'too-many-labels');
  }
  const missing = missingTextColumns(table, s.tokenColumn, s.preambleColumn);
  const pCol = s.preambleColumn ? table.getChild(s.preambleColumn) : null;
  if (s.preamble && !pCol) throw new TokenCloudInputError('preamble-column', s.preambleColumn, `must name a column of data to filter by preamble; its columns are: ${columnNames(table)}`);
  const bad = missing.explicit[0];
  if (bad) throw new TokenCloudInputError(bad.param, bad.name, `must name a column of data; its columns are: ${bad.columns}`);
  const warnings = missing.defaults.map((m) => new TokenCloudInputError(m.param, m.name,
    missingDefaultRule(m, m.param === 'token-column' ? 'labels are drawn as ∅' : 'tooltips show no preamble'), 'missing-default-column'));
  let rows: Uint32Array;
  if (s.preamble) {
    const kept: number[] = [];
    const get = getter(pCol);
    for (let r = 0; r < table.numRows; r++) if (get(r) === s.preamble) kept.push(r);
    if (kept.length > MAX_CLOUD_LABELS) {
      throw new TokenCloudInputError('preamble', s.preamble, `matches ${kept.length} rows of data; a cloud shows at most ${MAX_CLOUD_LABELS} labels`, 'too-many-labels');
    }
    if (kept.length === 0) warnings.push(new TokenCloudInputError('preamble', s.preamble, `no row of data has this ${s.preambleColumn}: nothing to draw`, 'no-rows'));
    rows = Uint32Array.from(kept);
  } else {
    rows = new Uint32Array(table.numRows);
    for (let r = 0; r < rows.length; r++) rows[r] = r;
  }
  let preambles: string[] | null = null;
  if (pCol) {
    const get = getter(pCol);
    preambles = Array.from(rows, (r) => String(get(r) ?? ''));
  }
  const xs = readArrowColumn(table, s.xColumn || 'x', 'x-column');
  const ys = readArrowColumn(table, s.yColumn || 'y', 'y-column');
  const cs = s.clusterColumn ? readArrowColumn(table, s.clusterColumn, 'cluster-column') : null;
  const tCol = s.tokenColumn ? table.getChild(s.tokenColumn) : null;
  const getToken = tCol ? getter(tCol) : () => '';
  const tokens = Array.from(rows, (r) => {
    const t = getToken(r);
    if (typeof t !== 'string') throw new TokenCloudInputError(`data column ${JSON.stringify(s.tokenColumn)} row ${r}`, t, 'tokens must be strings (a Utf8 column without nulls)');
    return t;
  });
  const col = (name: string) => `data column ${JSON.stringify(name)} row`;
  return finish(rows.length, (i) => xs[rows[i]!]!, (i) => ys[rows[i]!]!, `${col(s.xColumn || 'x')}`, `${col(s.yColumn || 'y')}`,
    cs ? (i) => cs[rows[i]!]! : null, col(s.clusterColumn), tokens, rows, preambles, warnings, true);
}

function finish(
  n: number, xAt: (i: number) => number, yAt: (i: number) => number, xName: string, yName: string,
  clusterAt: ((i: number) => number) | null, clusterName: string, tokens: string[], rows: Uint32Array, preambles: string[] | null, warnings: TokenCloudInputError[], byRow = false,
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
    n, x, y, cluster, tokens, rows, preambles, warnings,
    centerX: n ? (minX + maxX) / 2 : 0, centerY: n ? (minY + maxY) / 2 : 0,
    halfWidth: n ? (maxX - minX) / 2 : 0, halfHeight: n ? (maxY - minY) / 2 : 0,
  };
}

function getter(vector: unknown): (row: number) => unknown {
  const v = vector as { get?: (i: number) => unknown };
  return typeof v.get === 'function' ? (r) => v.get!(r) : () => undefined;
}
