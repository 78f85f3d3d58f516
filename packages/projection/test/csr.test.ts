import { describe, expect, test } from 'vitest';
import { forEachInRow, knnToCsr, transpose, type Csr } from '../src/graph/csr.js';
import type { Knn } from '../src/types.js';

// 4 points, k = 2: 0 → {2, 1}, 1 → {0, 3}, 2 → {0, 3}, 3 → {2, 1}
const knn: Knn = {
  indices: Int32Array.from([2, 1, 0, 3, 0, 3, 2, 1]),
  distances: Float32Array.from([0.5, 1, 1, 2, 0.5, 3, 3, 2]),
  k: 2,
};

function dense(a: Csr): number[][] {
  const m = Array.from({ length: a.rows }, () => new Array<number>(a.cols).fill(0));
  for (let i = 0; i < a.rows; i++) forEachInRow(a, i, (j, v) => (m[i]![j] = v));
  return m;
}

describe('CSR graph', () => {
  test('knnToCsr(knn) has n + 1 indptr entries, k entries per row, columns ascending, distances as values', () => {
    const a = knnToCsr(knn);
    expect(Array.from(a.indptr)).toEqual([0, 2, 4, 6, 8]);
    expect(Array.from(a.indices)).toEqual([1, 2, 0, 3, 0, 3, 1, 2]);
    expect(Array.from(a.values)).toEqual([1, 0.5, 1, 2, 0.5, 3, 2, 3]);
    expect([a.rows, a.cols]).toEqual([4, 4]);
  });

  test('transpose(knnToCsr(knn)) is the dense transpose and transposing twice gives the original back', () => {
    const a = knnToCsr(knn);
    const t = transpose(a);
    const da = dense(a);
    expect(dense(t)).toEqual(da[0]!.map((_, j) => da.map((row) => row[j])));
    const tt = transpose(t);
    expect(Array.from(tt.indptr)).toEqual(Array.from(a.indptr));
    expect(tt.indices).toEqual(a.indices);
    expect(tt.values).toEqual(a.values);
  });

  test('transpose of a rectangular 2×3 CSR is 3×2 with in-row columns ascending', () => {
    const a: Csr = { indptr: Uint32Array.from([0, 2, 3]), indices: Int32Array.from([0, 2, 2]), values: Float32Array.from([1, 2, 3]), rows: 2, cols: 3 };
    const t = transpose(a);
    expect([t.rows, t.cols]).toEqual([3, 2]);
    expect(dense(t)).toEqual([[1, 0], [0, 0], [2, 3]]);
    expect(Array.from(t.indices)).toEqual([0, 0, 1]);
  });

  test('forEachInRow visits exactly the stored entries of one row, and knnToCsr does not mutate the kNN', () => {
    const before = knn.indices.slice();
    const a = knnToCsr(knn);
    const seen: [number, number][] = [];
    forEachInRow(a, 3, (j, v) => seen.push([j, v]));
    expect(seen).toEqual([[1, 2], [2, 3]]);
    expect(knn.indices).toEqual(before);
  });

  test('knnToCsr throws ProjectionInputError on an index outside [0, n) or mismatched lengths', () => {
    const bad: Knn = { indices: Int32Array.from([1, 7]), distances: Float32Array.from([1, 1]), k: 1 };
    expect(() => knnToCsr(bad)).toThrow(/knn\.indices\[1\] = 7: must be a row index in \[0, 2\)/);
    expect(() => knnToCsr({ indices: new Int32Array(4), distances: new Float32Array(3), k: 2 })).toThrow(/n·k/);
  });
});
