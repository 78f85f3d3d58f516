import { Field, Float32, List, Table, makeData, makeVector, type Vector } from 'apache-arrow';
import { utf8Vector } from './utf8-vector.js';
import type { Matrix } from './types.js';
import { writeParquet } from './write-parquet.js';

export interface EmbeddingsParquetInput {
  /** Key columns (length n each); omit both for an embedding-only file that pairs by row order. */
  readonly preambles?: readonly string[];
  readonly guesses?: readonly string[];
  /** n×d row-major; Float64 data is rounded to float32. */
  readonly matrix: Matrix;
}

/**
 * Write an embeddings data set as Parquet in the notebook's layout: `preamble`, `guess` (string)
 * and `embedding` as a LIST of FLOAT (what polars and DuckDB write for `FLOAT[d]`). Round-trips
 * through {@link readEmbeddings}. Copies; O(n·d). The input is not modified.
 *
 * @throws RangeError when lengths disagree or a value is not finite.
 */
export async function writeEmbeddingsParquet(input: EmbeddingsParquetInput): Promise<Uint8Array> {
  const { matrix } = input;
  const { rows, cols } = matrix;
  if (matrix.data.length !== rows * cols || rows < 1 || cols < 1) {
    throw new RangeError(`matrix = {rows: ${rows}, cols: ${cols}, data.length: ${matrix.data.length}}: needs rows, cols ≥ 1 and data.length = rows × cols`);
  }
  if ((input.preambles === undefined) !== (input.guesses === undefined)) {
    throw new RangeError('preambles and guesses: give both key columns or neither');
  }
  const values = Float32Array.from(matrix.data);
  const bad = values.findIndex((v) => v - v !== 0);
  if (bad >= 0) {
    throw new RangeError(`matrix.data[${bad}] = ${matrix.data[bad]} (row ${Math.floor(bad / cols)}): embedding values must be finite float32`);
  }
  const vectors: Record<string, Vector> = {};
  if (input.preambles !== undefined && input.guesses !== undefined) {
    for (const [name, column] of [['preambles', input.preambles], ['guesses', input.guesses]] as const) {
      if (column.length !== rows) throw new RangeError(`${name}.length = ${column.length}: must equal matrix.rows = ${rows}`);
    }
    vectors['preamble'] = utf8Vector(input.preambles);
    vectors['guess'] = utf8Vector(input.guesses);
  }
  const offsets = Int32Array.from({ length: rows + 1 }, (_, i) => i * cols);
  const child = makeData({ type: new Float32(), length: values.length, nullCount: 0, data: values });
  const type = new List(new Field('element', new Float32(), true));
  vectors['embedding'] = makeVector(makeData({ type, length: rows, nullCount: 0, valueOffsets: offsets, child }));
  return writeParquet(new Table(vectors));
}
