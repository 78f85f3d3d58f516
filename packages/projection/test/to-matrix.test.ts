import { describe, expect, test } from 'vitest';
import { toMatrix } from '../src/matrix/to-matrix.js';
import { ProjectionInputError } from '../src/errors.js';

describe('toMatrix(X)', () => {
  test('toMatrix(Matrix) returns the same data without copying or mutating', () => {
    const data = new Float32Array([1, 2, 3, 4, 5, 6]);
    const m = toMatrix({ data, rows: 3, cols: 2 });
    expect(m.data).toBe(data);
    expect([m.rows, m.cols]).toEqual([3, 2]);
    expect(Array.from(data)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  test('toMatrix(number[][]) copies rows into one Float32Array', () => {
    const rows = [[1, 2], [3, 4], [5, 6]];
    const m = toMatrix(rows);
    expect(m.data).toBeInstanceOf(Float32Array);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows).toEqual([[1, 2], [3, 4], [5, 6]]);
  });
  test('toMatrix(arrow FixedSizeList-like) reads one chunk without copy and several chunks into one array', () => {
    const values = new Float32Array([1, 2, 3, 4, 5, 6]);
    const one = { type: { listSize: 3 }, length: 2, data: [{ offset: 0, length: 2, children: [{ values }] }] };
    expect(toMatrix(one).data).toBe(values);
    const two = {
      type: { listSize: 2 }, length: 3,
      data: [
        { offset: 0, length: 2, children: [{ values: new Float32Array([1, 2, 3, 4]) }] },
        { offset: 0, length: 1, children: [{ values: new Float32Array([5, 6]) }] },
      ],
    };
    const m = toMatrix(two);
    expect([m.rows, m.cols]).toEqual([3, 2]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  test('toMatrix(X) with NaN names the parameter, row, column and rule', () => {
    const data = new Float32Array([1, 2, 3, 4, NaN, 6]);
    let error: unknown;
    try { toMatrix({ data, rows: 3, cols: 2 }, { name: 'embeddings' }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ProjectionInputError);
    const e = error as ProjectionInputError;
    expect(e.param).toBe('embeddings');
    expect(e.code).toBe('non-finite');
    expect(e.message).toMatch(/row 2, column 0/);
    expect(e.message).toMatch(/finite/);
  });
  test('toMatrix(X) rejects Infinity in number[][] and ragged rows', () => {
    expect(() => toMatrix([[1, 2], [3, Infinity]])).toThrow(/row 1, column 1/);
    expect(() => toMatrix([[1, 2], [3]])).toThrow(/X\[1\].*2 values/);
  });
  test('toMatrix(X) rejects a wrong data length, zero columns, too few rows and non-float data', () => {
    expect(() => toMatrix({ data: new Float32Array(5), rows: 3, cols: 2 })).toThrow(/X.data.length = 5: must equal rows \* cols/);
    expect(() => toMatrix({ data: new Float32Array(0), rows: 3, cols: 0 })).toThrow(/X.cols/);
    expect(() => toMatrix({ data: new Float32Array(2), rows: 1, cols: 2 }, { minRows: 2 })).toThrow(/X.rows = 1: must be an integer >= 2/);
    expect(() => toMatrix({ data: new Int32Array(4), rows: 2, cols: 2 } as never)).toThrow(/Float32Array or Float64Array/);
    expect(() => toMatrix('abc' as never)).toThrow(ProjectionInputError);
  });
});
