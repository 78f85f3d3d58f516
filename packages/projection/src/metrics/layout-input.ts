import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import type { Knn } from '../types.js';

/** Validates a 2-D layout (n×2 `Matrix`, `number[][]`, or a flat n·2 Float32Array) and returns its flat data. */
export function toLayout(Y: MatrixInput | Float32Array, name = 'Y'): Float32Array | Float64Array {
  const m = Y instanceof Float32Array ? toMatrix({ data: Y, rows: Y.length / 2, cols: 2 }, { name }) : toMatrix(Y, { name });
  if (m.cols !== 2) throw new ProjectionInputError(`${name}.cols`, m.cols, 'must be 2 (a 2-D layout)');
  return m.data;
}

/** Checks precomputed neighbours: n rows, at least `k` per row, indices in [0, n). */
export function checkKnn(knn: Knn, n: number, k: number, name = 'neighbors'): void {
  if (!(knn?.indices instanceof Int32Array) || !Number.isInteger(knn.k) || knn.indices.length !== n * knn.k) {
    throw new ProjectionInputError(name, knn, `must be {indices: Int32Array(n·k), distances, k} for n = ${n}`);
  }
  if (knn.k < k) throw new ProjectionInputError(`${name}.k`, knn.k, `must be >= k = ${k}`);
  for (let t = 0; t < knn.indices.length; t++) {
    const j = knn.indices[t]!;
    if (j < 0 || j >= n) throw new ProjectionInputError(`${name}.indices`, j, `must be in [0, ${n}) (at entry ${t})`);
  }
}
