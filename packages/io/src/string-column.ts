import { DataType, type Vector } from 'apache-arrow';
import { DataError } from './data-error.js';

/**
 * The values of a string column (Utf8, LargeUtf8, Utf8View or a dictionary of strings) as a JS
 * array, in row order. O(n); the column is not modified.
 *
 * @throws DataError `wrong-type` for other types, `null-value` for a null cell (naming its row).
 */
export function stringColumn(vector: Vector, file: string, column: string): string[] {
  const { type } = vector;
  const valueType = DataType.isDictionary(type) ? type.dictionary : type;
  if (!DataType.isUtf8(valueType) && !DataType.isLargeUtf8(valueType) && !DataType.isUtf8View(valueType)) {
    throw new DataError({ code: 'wrong-type', file, column, rule: `key columns must be strings, but ${JSON.stringify(column)} has type ${String(type)}` });
  }
  const out = new Array<string>(vector.length);
  let i = 0;
  for (const value of vector as Iterable<string | null>) {
    if (value === null || value === undefined) {
      throw new DataError({ code: 'null-value', file, row: i + 1, column, rule: 'key values must not be null' });
    }
    out[i++] = value;
  }
  return out;
}
