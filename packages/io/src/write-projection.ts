import { Table, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import { utf8Vector } from './utf8-vector.js';
import { formatFloat32 } from './format-float32.js';
import { quoteField } from './quote-field.js';
import { writeNpy } from './write-npy.js';
import { writeParquet } from './write-parquet.js';

/** What {@link writeProjection} writes: optional key/cluster columns plus float columns, all of length n. */
export interface ProjectionOutput {
  readonly preambles?: readonly string[];
  readonly guesses?: readonly string[];
  readonly clusterIds?: Int32Array | readonly number[];
  /** Coordinate columns in output order, e.g. `projectionColumns('umap', xy)` → `x_umap`, `y_umap`. */
  readonly columns: Readonly<Record<string, Float32Array | Float64Array>>;
}

export type ProjectionFormat = 'parquet' | 'arrow' | 'csv' | 'npy';

const KEYS = ['preamble', 'guess', 'cluster_id'];

/**
 * Write projected coordinates for Python, R, DuckDB and spreadsheets:
 *
 * - `'parquet'` / `'arrow'` (IPC file, a.k.a. Feather v2): `preamble`, `guess` (string),
 *   `cluster_id` (int32) when given, then each column as float32.
 * - `'csv'`: the same columns as UTF-8 comma-separated text with a header; tokens quoted per
 *   RFC 4180 when needed (see `quoteField`), floats in shortest round-trip form.
 * - `'npy'`: exactly one `x_<m>`/`y_<m>` pair as a float32 n×2 array (`np.load` gives `X_<m>`).
 *
 * Copies; O(n·columns). The input is not modified.
 *
 * @throws RangeError for length mismatches, non-finite values, reserved or missing columns.
 */
export async function writeProjection(output: ProjectionOutput, format: ProjectionFormat): Promise<Uint8Array> {
  const names = Object.keys(output.columns);
  if (names.length === 0) throw new RangeError('columns = {}: give at least one coordinate column');
  const n = output.columns[names[0]!]!.length;
  checkLengths(output, names, n);
  switch (format) {
    case 'npy':
      return writeNpy(pairMatrix(output.columns, names, n));
    case 'csv':
      return new TextEncoder().encode(projectionCsv(output, names, n));
    case 'arrow':
      return tableToIPC(projectionTable(output, names), 'file');
    case 'parquet':
      return writeParquet(projectionTable(output, names));
    default:
      throw new RangeError(`format = ${JSON.stringify(format)}: must be one of 'parquet', 'arrow', 'csv', 'npy'`);
  }
}

function checkLengths(output: ProjectionOutput, names: string[], n: number): void {
  if ((output.preambles === undefined) !== (output.guesses === undefined)) {
    throw new RangeError('preambles and guesses: give both key columns or neither');
  }
  const lengths: [string, number][] = names.map((name) => [`columns.${name}`, output.columns[name]!.length]);
  if (output.preambles) lengths.push(['preambles', output.preambles.length]);
  if (output.guesses) lengths.push(['guesses', output.guesses.length]);
  if (output.clusterIds) lengths.push(['clusterIds', output.clusterIds.length]);
  for (const [what, length] of lengths) {
    if (length !== n) throw new RangeError(`${what}.length = ${length}: every column must have ${n} values (like columns.${names[0]})`);
  }
  for (const name of names) {
    if (KEYS.includes(name)) throw new RangeError(`columns.${name}: the name is reserved for the key columns`);
    const values = output.columns[name]!;
    const bad = values.findIndex((v) => Math.fround(v) - Math.fround(v) !== 0);
    if (bad >= 0) throw new RangeError(`columns.${name}[${bad}] = ${values[bad]}: coordinates must be finite float32 values`);
  }
}

function projectionTable(output: ProjectionOutput, names: string[]): Table {
  const vectors: Record<string, Vector> = {};
  if (output.preambles && output.guesses) {
    vectors['preamble'] = utf8Vector(output.preambles);
    vectors['guess'] = utf8Vector(output.guesses);
  }
  if (output.clusterIds) vectors['cluster_id'] = makeVector(Int32Array.from(output.clusterIds));
  for (const name of names) {
    const values = output.columns[name]!;
    vectors[name] = makeVector(values instanceof Float32Array ? values.slice() : Float32Array.from(values));
  }
  return new Table(vectors);
}

function projectionCsv(output: ProjectionOutput, names: string[], n: number): string {
  const header: string[] = [];
  if (output.preambles) header.push('preamble', 'guess');
  if (output.clusterIds) header.push('cluster_id');
  header.push(...names);
  const lines = [header.map((h) => quoteField(h, ',')).join(',')];
  const columns = names.map((name) => output.columns[name]!);
  for (let i = 0; i < n; i++) {
    const fields: string[] = [];
    if (output.preambles && output.guesses) fields.push(quoteField(output.preambles[i]!, ','), quoteField(output.guesses[i]!, ','));
    if (output.clusterIds) fields.push(String(output.clusterIds[i]));
    for (const column of columns) fields.push(formatFloat32(column[i]!));
    lines.push(fields.join(','));
  }
  return lines.join('\n') + '\n';
}

function pairMatrix(columns: ProjectionOutput['columns'], names: string[], n: number) {
  const [xName, yName] = names;
  const method = xName?.startsWith('x_') ? xName.slice(2) : undefined;
  if (names.length !== 2 || method === undefined || yName !== `y_${method}`) {
    throw new RangeError(`columns = {${names.join(', ')}}: NPY output holds exactly one pair x_<method>, y_<method>`);
  }
  const x = columns[xName!]!;
  const y = columns[yName]!;
  const data = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    data[2 * i] = x[i]!;
    data[2 * i + 1] = y[i]!;
  }
  return { data, rows: n, cols: 2 };
}
