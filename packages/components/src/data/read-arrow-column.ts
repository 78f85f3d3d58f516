import { ClusterScatterInputError } from '../errors.js';
import type { ArrowTableLike } from './arrow-table-like.js';

type NumericArray =
  | Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * Reads a numeric column of an Arrow table as a typed array.
 *
 * Single-chunk columns come back as Arrow's zero-copy view (do not mutate); multi-chunk columns
 * are concatenated by Arrow. 64-bit integer columns (DuckDB/polars `BIGINT`) are converted to
 * `Float64Array`, failing if a value is beyond ±2^53. O(n).
 * @param attribute the element attribute that named the column, used in error messages.
 * @throws ClusterScatterInputError when the column is missing, not numeric, or has a null.
 */
export function readArrowColumn(table: ArrowTableLike, name: string, attribute: string): NumericArray {
  const vector = table.getChild(name);
  if (!vector) {
    const names = table.schema.fields.map((f) => f.name).join(', ');
    throw new ClusterScatterInputError(attribute, name, `must name a column of data; its columns are: ${names}`);
  }
  if (vector.nullCount > 0) {
    let row = 0;
    while (row < vector.length && vector.isValid(row)) row++;
    throw new ClusterScatterInputError(`data column ${JSON.stringify(name)} row ${row}`, null, 'must not be null');
  }
  const values = vector.toArray();
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v > 9007199254740991n || v < -9007199254740991n) {
        throw new ClusterScatterInputError(`data column ${JSON.stringify(name)} row ${i}`, v, 'must be within ±2^53');
      }
      out[i] = Number(v);
    }
    return out;
  }
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) return values as NumericArray;
  throw new ClusterScatterInputError(
    `data column ${JSON.stringify(name)}`,
    String(vector.type),
    'must be a numeric (integer or float) column',
  );
}
