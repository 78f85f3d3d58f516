import { DataType, type Data, type Vector } from 'apache-arrow';
import { DataError, describe } from './data-error.js';
import type { Matrix } from './types.js';

interface Where {
  readonly file: string;
  readonly column: string;
}

/**
 * Copy an Arrow embedding column into a fresh dense n×d row-major float32 matrix.
 *
 * Accepts `List`, `LargeList` and `FixedSizeList` of `Float32` or `Float64` (the shapes polars,
 * DuckDB and pyarrow write; a DuckDB `FLOAT[768]` comes back from Parquet as `List<Float32>`),
 * in any number of record-batch chunks. Per chunk, one pass over the list offsets checks every
 * row's length against the first row's (raggedness); equal lengths make the chunk's values one
 * contiguous run, copied with a single `TypedArray.set` (which rounds float64 to float32). Then
 * one pass over the output checks finiteness (float64 overflow shows up as ±Inf).
 *
 * O(n·d) time; allocates only the output. The column is not modified.
 *
 * @throws DataError `wrong-type`, `no-rows`, `null-value` (null list or null element),
 *   `ragged-row` or `non-finite`, naming the 1-based row (and element).
 */
export function embeddingMatrix(vector: Vector, where: Where): Matrix<Float32Array> {
  const { type } = vector;
  const isList = DataType.isList(type) || DataType.isLargeList(type);
  if (!isList && !DataType.isFixedSizeList(type)) {
    throw wrongType(where, `has type ${String(type)}; expected a list of float32 or float64 (List, LargeList or FixedSizeList)`);
  }
  const child = type.children[0]?.type;
  if (!DataType.isFloat(child) || (child.precision !== 1 && child.precision !== 2)) {
    throw wrongType(where, `has type ${String(type)}; list items must be float32 or float64`);
  }
  const rows = vector.length;
  if (rows === 0) throw new DataError({ code: 'no-rows', file: where.file, column: where.column, rule: 'the table has 0 rows' });
  const cols = DataType.isFixedSizeList(type) ? type.listSize : firstListLength(vector.data[0]!);
  if (cols === 0) {
    throw new DataError({ code: 'ragged-row', file: where.file, row: 1, column: where.column, rule: 'the embedding is empty (0 values); dims must be at least 1' });
  }
  const out = new Float32Array(rows * cols);
  let base = 0;
  for (const chunk of vector.data) {
    copyChunk(chunk, base, cols, out, where);
    base += chunk.length;
  }
  const bad = firstNonFinite(out);
  if (bad >= 0) {
    const row = Math.floor(bad / cols);
    const element = bad - row * cols;
    throw new DataError({
      code: 'non-finite',
      file: where.file,
      row: row + 1,
      column: where.column,
      where: `element ${element}`,
      value: (vector.get(row) as Vector | null)?.get(element) as number,
      rule: 'embedding values must be finite (no NaN or ±Inf, and within float32 range)',
    });
  }
  return { data: out, rows, cols };
}

function copyChunk(chunk: Data, base: number, cols: number, out: Float32Array, where: Where): void {
  const n = chunk.length;
  if (chunk.nullCount > 0) {
    for (let i = 0; i < n; i++) {
      if (!chunk.getValid(i)) {
        throw new DataError({ code: 'null-value', file: where.file, row: base + i + 1, column: where.column, rule: 'the embedding is null; every row needs an embedding' });
      }
    }
  }
  const offsets = chunk.valueOffsets as Int32Array | BigInt64Array | undefined;
  const first = offsets === undefined ? 0 : Number(offsets[0]);
  if (offsets !== undefined) {
    // Every row has `cols` values ⇔ offsets[i] = first + i·cols: the chunk's values are one contiguous run.
    for (let i = 0; i < n; i++) {
      const length = Number(offsets[i + 1]) - Number(offsets[i]);
      if (length !== cols) {
        throw new DataError({
          code: 'ragged-row',
          file: where.file,
          row: base + i + 1,
          column: where.column,
          rule: `the embedding has ${length} values but row 1 has ${cols}; all rows must have the same length`,
        });
      }
    }
  }
  const child = chunk.children[0]!;
  if (child.nullCount > 0) {
    for (let k = first; k < first + n * cols; k++) {
      if (!child.getValid(k)) {
        const i = Math.floor((k - first) / cols);
        throw new DataError({
          code: 'null-value',
          file: where.file,
          row: base + i + 1,
          column: where.column,
          where: `element ${k - first - i * cols}`,
          rule: 'embedding values must not be null',
        });
      }
    }
  }
  const values = child.values as Float32Array | Float64Array;
  out.set(values.subarray(first, first + n * cols), base * cols);
}

function firstNonFinite(data: Float32Array): number {
  for (let k = 0; k < data.length; k++) {
    const v = data[k]!;
    if (v - v !== 0) return k;
  }
  return -1;
}

function firstListLength(chunk: Data): number {
  const offsets = chunk.valueOffsets as Int32Array | BigInt64Array;
  return Number(offsets[1]) - Number(offsets[0]);
}

function wrongType(where: Where, rule: string): DataError {
  return new DataError({ code: 'wrong-type', file: where.file, column: where.column, rule: `column ${describe(where.column)} ${rule}` });
}
