import { DataError, detectFormat, initParquet, parseDelimited, readNpy } from '@clamp-viz/io';
import { DataType, tableFromIPC, type Table, type Vector } from 'apache-arrow';
import { extensionOf } from './file-formats.js';

/** A projection file as `clamp-viz project` writes it: optional keys and cluster ids, and 2-D layouts by method. */
export interface ProjectionFile {
  readonly rows: number;
  readonly preambles?: readonly string[];
  readonly guesses?: readonly string[];
  readonly clusterIds?: Int32Array;
  /** Column suffix (`pca`, `pca_cluster_id`, ...) → n×2 row-major float32 layout, in file column order. */
  readonly layouts: ReadonlyMap<string, Float32Array>;
}

/**
 * Reads a projection file (Parquet, Arrow IPC file/stream, CSV with a header, or float32/float64 n×2 NPY):
 * the `preamble`/`guess` key columns and `cluster_id` when present, and every `x_<m>`/`y_<m>` pair as an n×2
 * layout. An NPY file has no names: its layout is stored under `npyMethod`. Format by magic bytes, or
 * CSV for a `.csv` name. O(file size); copies; `bytes` is not modified.
 * @throws DataError naming the file, row and column for unreadable files, nulls, non-finite or non-numeric
 *   values, a key column without its partner, and files without any x_/y_ pair.
 */
export async function readProjectionFile(bytes: Uint8Array, fileName: string, npyMethod: string): Promise<ProjectionFile> {
  if (extensionOf(fileName) === '.csv') return fromColumns(csvColumns(bytes, fileName), fileName);
  const format = detectFormat(bytes, fileName);
  if (format === 'npy') {
    const m = readNpy(bytes, fileName);
    if (m.cols !== 2) throw new DataError({ code: 'wrong-type', file: fileName, value: m.cols, rule: 'a projection NPY must have 2 columns (n×2)' });
    return { rows: m.rows, layouts: new Map([[npyMethod, m.data]]) };
  }
  let table: Table;
  try {
    const ipc = format === 'parquet' ? (await initParquet()).readParquet(bytes).intoIPCStream() : bytes;
    table = tableFromIPC(ipc);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DataError({ code: 'corrupt-file', file: fileName, rule: `not a readable ${format} file (truncated or corrupt: ${message})`, cause: error });
  }
  const columns: RawColumns = new Map();
  for (const field of table.schema.fields) {
    const values = arrowColumn(table.getChild(field.name)!, fileName, field.name);
    if (values) columns.set(field.name, values);
  }
  return fromColumns(columns, fileName);
}

/** Column name → string values, or numbers (already checked finite). */
type RawColumns = Map<string, string[] | Float64Array>;

function fromColumns(columns: RawColumns, file: string): ProjectionFile {
  const first = columns.values().next().value;
  const rows = first ? first.length : 0;
  const preambles = stringsOf(columns, 'preamble', file);
  const guesses = stringsOf(columns, 'guess', file);
  if ((preambles === undefined) !== (guesses === undefined)) {
    const missing = preambles ? 'guess' : 'preamble';
    throw new DataError({ code: 'missing-column', file, column: missing, rule: `key columns come in pairs: the file has ${preambles ? '"preamble"' : '"guess"'} but no "${missing}"` });
  }
  let clusterIds: Int32Array | undefined;
  const ids = columns.get('cluster_id');
  if (ids !== undefined) {
    if (!(ids instanceof Float64Array)) throw new DataError({ code: 'wrong-type', file, column: 'cluster_id', rule: 'cluster ids must be integers' });
    clusterIds = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      if (!Number.isInteger(ids[i]) || Math.abs(ids[i]!) >= 2 ** 31) {
        throw new DataError({ code: 'not-integer', file, row: i + 1, column: 'cluster_id', value: ids[i], rule: 'cluster ids must be 32-bit integers' });
      }
      clusterIds[i] = ids[i]!;
    }
  }
  const layouts = new Map<string, Float32Array>();
  for (const [name, x] of columns) {
    const y = columns.get(`y_${name.slice(2)}`);
    if (!name.startsWith('x_') || y === undefined) continue;
    for (const [column, values] of [[name, x], [`y_${name.slice(2)}`, y]] as const) {
      if (!(values instanceof Float64Array)) throw new DataError({ code: 'wrong-type', file, column, rule: 'coordinates must be numbers' });
    }
    const xy = new Float32Array(2 * rows);
    for (let i = 0; i < rows; i++) {
      xy[2 * i] = (x as Float64Array)[i]!;
      xy[2 * i + 1] = (y as Float64Array)[i]!;
    }
    layouts.set(name.slice(2), xy);
  }
  if (layouts.size === 0) {
    throw new DataError({ code: 'missing-column', file, column: 'x_<method>', rule: `no x_<method>/y_<method> column pair; columns: ${[...columns.keys()].map((c) => JSON.stringify(c)).join(', ') || '(none)'}` });
  }
  return { rows, ...(preambles && guesses ? { preambles, guesses } : {}), ...(clusterIds ? { clusterIds } : {}), layouts };
}

function stringsOf(columns: RawColumns, name: string, file: string): string[] | undefined {
  const values = columns.get(name);
  if (values === undefined || Array.isArray(values)) return values;
  throw new DataError({ code: 'wrong-type', file, column: name, rule: 'key columns must be strings' });
}

/** An Arrow column as strings (Utf8 kinds, dictionaries of them) or finite numbers (undefined for other types). */
function arrowColumn(vector: Vector, file: string, column: string): string[] | Float64Array | undefined {
  const type = DataType.isDictionary(vector.type) ? vector.type.dictionary : vector.type;
  const isString = DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isUtf8View(type);
  if (!isString && !DataType.isFloat(type) && !DataType.isInt(type)) return undefined;
  const out: string[] | Float64Array = isString ? new Array<string>(vector.length) : new Float64Array(vector.length);
  let i = 0;
  for (const value of vector as Iterable<unknown>) {
    if (value === null || value === undefined) throw new DataError({ code: 'null-value', file, row: i + 1, column, rule: 'values must not be null' });
    if (isString) (out as string[])[i] = value as string;
    else {
      const v = Number(value as number | bigint);
      if (!Number.isFinite(v)) throw new DataError({ code: 'non-finite', file, row: i + 1, column, value: v, rule: 'values must be finite numbers' });
      (out as Float64Array)[i] = v;
    }
    i++;
  }
  return out;
}

/** CSV with a header row → columns; a column is numeric when every field parses as a finite number. */
function csvColumns(bytes: Uint8Array, file: string): RawColumns {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new DataError({ code: 'invalid-encoding', file, rule: 'not valid UTF-8 text', cause: error });
  }
  let header: string[] | undefined;
  const fields: string[][] = [];
  parseDelimited(text, ',', file, (record, line) => {
    if (!header) {
      header = record;
      return;
    }
    if (record.length !== header.length) {
      throw new DataError({ code: 'ragged-row', file, row: fields.length + 1, where: `line ${line}`, rule: `has ${record.length} fields, the header ${header.length}` });
    }
    fields.push(record);
  });
  if (!header) throw new DataError({ code: 'empty-file', file, rule: 'no header row' });
  const columns: RawColumns = new Map();
  header.forEach((name, c) => {
    if (columns.has(name)) throw new DataError({ code: 'duplicate-column', file, column: name, rule: 'column names must be unique' });
    const raw = fields.map((r) => r[c]!);
    if (name === 'preamble' || name === 'guess') {
      columns.set(name, raw);
      return;
    }
    const values = new Float64Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i]!.trim() === '' ? Number.NaN : Number(raw[i]);
      if (!Number.isFinite(v)) {
        if (name === 'cluster_id' || name.startsWith('x_') || name.startsWith('y_')) {
          throw new DataError({ code: 'non-finite', file, row: i + 1, column: name, value: raw[i], rule: 'must be a finite number' });
        }
        columns.set(name, raw);
        return;
      }
      values[i] = v;
    }
    columns.set(name, values);
  });
  return columns;
}
