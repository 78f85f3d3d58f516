import { ClusterScatterInputError } from '../errors.js';
import { isArrowTableLike } from './arrow-table-like.js';
import { readArrowColumn } from './read-arrow-column.js';

/** Where continuous-colour values come from: a numeric Arrow column (`value-column`) or the `value` array. */
export interface ValueSource {
  readonly data: unknown;
  readonly valueColumn: string;
  readonly value: Float32Array | null;
}

/**
 * The n numbers continuous colour schemes map: `data`'s numeric column `valueColumn` when set (as a
 * new Float32Array; 64-bit integers converted), else the `value` property (by reference), else null
 * (colour by cluster id). O(n). Inputs are not mutated.
 * @throws ClusterScatterInputError naming `value-column` when it is set without an Arrow `data` table,
 *   names a missing or non-numeric column, or the column has a null.
 */
export function pointValues(source: ValueSource): Float32Array | null {
  const name = source.valueColumn;
  if (!name) return source.value;
  if (!isArrowTableLike(source.data)) throw new ClusterScatterInputError('value-column', name, 'needs `data` to be an Apache Arrow Table (or use the `value` property)');
  const column = readArrowColumn(source.data, name, 'value-column');
  return column instanceof Float32Array ? column : Float32Array.from(column);
}
