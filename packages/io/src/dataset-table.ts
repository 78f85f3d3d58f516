import { Field, FixedSizeList, Float32, Float64, Table, makeData, makeVector, type Vector } from 'apache-arrow';
import { utf8Vector } from './utf8-vector.js';
import type { ExtraValue, Matrix } from './types.js';

export interface DatasetColumns {
  readonly preambles: readonly string[];
  readonly guesses: readonly string[];
  readonly clusterIds: Int32Array;
  readonly extra: Readonly<Record<string, readonly ExtraValue[]>>;
  readonly matrix: Matrix<Float32Array>;
}

/**
 * The Arrow table of a joined data set: `preamble`, `guess` (Utf8), `cluster_id` (Int32), extra
 * columns (Float64 when numeric, else Utf8; nullable), `embedding` (FixedSizeList<Float32>[d]).
 *
 * Zero-copy where Arrow allows: the embedding column's child values are `matrix.data` itself and
 * `cluster_id` wraps `clusterIds`; strings are encoded (copied) into Utf8 buffers. O(n·(d + text)).
 */
export function datasetTable(columns: DatasetColumns): Table {
  const vectors: Record<string, Vector> = {
    preamble: utf8Vector(columns.preambles),
    guess: utf8Vector(columns.guesses),
    cluster_id: makeVector(columns.clusterIds),
  };
  for (const [name, values] of Object.entries(columns.extra)) {
    const numeric = values.some((v) => typeof v === 'number');
    vectors[name] = numeric ? float64Vector(values as readonly (number | null)[]) : utf8Vector(values as readonly (string | null)[]);
  }
  vectors['embedding'] = embeddingVector(columns.matrix);
  return new Table(vectors);
}

/** A FixedSizeList<Float32>[cols] vector whose child values are `matrix.data` (no copy). */
export function embeddingVector(matrix: Matrix<Float32Array>): Vector<FixedSizeList<Float32>> {
  const child = makeData({ type: new Float32(), length: matrix.data.length, nullCount: 0, data: matrix.data });
  const type = new FixedSizeList(matrix.cols, new Field('item', new Float32(), false));
  return makeVector(makeData({ type, length: matrix.rows, nullCount: 0, child }));
}

/** A nullable Float64 vector (null → null slot). O(n). */
function float64Vector(values: readonly (number | null)[]): Vector<Float64> {
  const n = values.length;
  const data = new Float64Array(n);
  let nullBitmap: Uint8Array | null = null;
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      nullBitmap ??= new Uint8Array(Math.ceil(n / 8)).fill(255);
      nullBitmap[i >> 3]! &= ~(1 << (i & 7));
      nullCount++;
    } else {
      data[i] = v;
    }
  }
  return makeVector(makeData({ type: new Float64(), length: n, nullCount, nullBitmap, data }));
}
