import { ProjectionInputError, describeValue } from '../errors.js';
import type { Matrix } from '../types.js';

/**
 * The duck type of an Apache Arrow `FixedSizeList<Float>` vector (one chunk or several), e.g. a
 * `FLOAT[768]` column: `type.listSize` is d, and each chunk's child values hold rows × d floats.
 * Projection does not import apache-arrow; any object of this shape is accepted.
 */
export interface ArrowFixedSizeListLike {
  readonly type: { readonly listSize: number };
  readonly length: number;
  readonly data: ReadonlyArray<{
    readonly offset: number;
    readonly length: number;
    readonly nullCount?: number;
    readonly children: ReadonlyArray<{ readonly values: ArrayLike<number> }>;
  }>;
}

/** Anything `toMatrix` accepts. */
export type MatrixInput = Matrix | ArrayLike<ArrayLike<number>> | ArrowFixedSizeListLike;

export interface ToMatrixOptions {
  /** Parameter name used in error messages (default `'X'`). */
  name?: string;
  /** Fewest rows allowed (default 1). */
  minRows?: number;
}

/**
 * Normalises a matrix argument to a row-major `Matrix` and validates it: cols ≥ 1, rows ≥ `minRows`,
 * `data.length = rows·cols`, every value finite.
 *
 * - `Matrix` with Float32Array/Float64Array data: returned as is (no copy) after validation.
 * - `number[][]` (API edge only): copied once into a Float32Array.
 * - Arrow FixedSizeList-like vector: a zero-copy view when it is one float chunk without offset, else one copy.
 *
 * Never mutates the input. O(rows·cols) for the finiteness scan.
 * @throws ProjectionInputError naming the parameter, and for non-finite values the row and column of the first one.
 */
export function toMatrix(x: MatrixInput, options: ToMatrixOptions = {}): Matrix {
  const name = options.name ?? 'X';
  const minRows = options.minRows ?? 1;
  const m = normalise(x, name);
  if (!Number.isInteger(m.cols) || m.cols < 1) throw new ProjectionInputError(`${name}.cols`, m.cols, 'must be an integer >= 1');
  if (!Number.isInteger(m.rows) || m.rows < minRows) {
    throw new ProjectionInputError(`${name}.rows`, m.rows, `must be an integer >= ${minRows}`);
  }
  if (m.data.length !== m.rows * m.cols) {
    throw new ProjectionInputError(`${name}.data.length`, m.data.length, `must equal rows * cols = ${m.rows} * ${m.cols}`);
  }
  assertFinite(m, name);
  return m;
}

function normalise(x: MatrixInput, name: string): Matrix {
  if (x === null || typeof x !== 'object') throw new ProjectionInputError(name, x, 'must be a Matrix {data, rows, cols}, number[][] or Arrow FixedSizeList vector');
  const asMatrix = x as Partial<Matrix>;
  if (asMatrix.data instanceof Float32Array || asMatrix.data instanceof Float64Array) {
    if (typeof asMatrix.rows !== 'number' || typeof asMatrix.cols !== 'number') {
      throw new ProjectionInputError(name, x, 'a Matrix needs numeric rows and cols');
    }
    return { data: asMatrix.data, rows: asMatrix.rows, cols: asMatrix.cols };
  }
  const arrow = x as Partial<ArrowFixedSizeListLike>;
  if (arrow.type && typeof arrow.type.listSize === 'number' && Array.isArray(arrow.data)) return fromArrow(arrow as ArrowFixedSizeListLike, name);
  if (Array.isArray(x)) return fromRows(x as ArrayLike<ArrayLike<number>>, name);
  if (asMatrix.data !== undefined) throw new ProjectionInputError(`${name}.data`, asMatrix.data, 'must be a Float32Array or Float64Array');
  throw new ProjectionInputError(name, x, 'must be a Matrix {data, rows, cols}, number[][] or Arrow FixedSizeList vector');
}

function fromRows(rows: ArrayLike<ArrayLike<number>>, name: string): Matrix {
  const n = rows.length;
  const first = rows[0];
  if (n === 0 || !first || typeof first.length !== 'number') throw new ProjectionInputError(name, rows, 'must be a non-empty array of rows');
  const d = first.length;
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!row || row.length !== d) {
      throw new ProjectionInputError(`${name}[${i}]`, row, `every row must have ${d} values, like row 0`);
    }
    for (let j = 0; j < d; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new ProjectionInputError(name, v, `must be finite numbers; row ${i}, column ${j} is ${describeValue(v)}`, 'non-finite');
      }
      data[i * d + j] = v;
    }
  }
  return { data, rows: n, cols: d };
}

function fromArrow(vec: ArrowFixedSizeListLike, name: string): Matrix {
  const d = vec.type.listSize;
  const rows = vec.length;
  const chunks = vec.data;
  for (const chunk of chunks) {
    if (chunk.nullCount) throw new ProjectionInputError(name, chunk.nullCount, 'must have no null rows (found a chunk with null rows)', 'null-rows');
  }
  if (chunks.length === 1) {
    const c = chunks[0]!;
    const child = c.children[0];
    const values = child?.values;
    if ((values instanceof Float32Array || values instanceof Float64Array) && values.length === rows * d) {
      return { data: values, rows, cols: d };
    }
  }
  const data = new Float32Array(rows * d);
  let at = 0;
  for (const c of chunks) {
    const child = c.children[0];
    if (!child || typeof child.values?.length !== 'number') throw new ProjectionInputError(name, c, 'FixedSizeList chunk has no child values');
    const count = c.length * d;
    // arrow-js slices child values with their parent; an unsliced longer buffer starts at the parent offset.
    const start = child.values.length === count ? 0 : c.offset * d;
    const values = child.values;
    for (let j = 0; j < count; j++) data[at + j] = values[start + j] as number;
    at += count;
  }
  return { data, rows, cols: d };
}

function assertFinite(m: Matrix, name: string): void {
  const { data } = m;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v - v !== 0) {
      const row = Math.floor(i / m.cols);
      const col = i - row * m.cols;
      throw new ProjectionInputError(name, v, `must be finite numbers; row ${row}, column ${col} is ${describeValue(v)}`, 'non-finite');
    }
  }
}
