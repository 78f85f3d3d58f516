import type { Matrix } from '../types.js';

/** Column means of an n×d row-major matrix, accumulated in float64. O(nd); does not mutate X. */
export function columnMeans(X: Matrix): Float64Array {
  const { data, rows, cols } = X;
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) mean[j]! += data[o + j]!;
  }
  for (let j = 0; j < cols; j++) mean[j]! /= rows;
  return mean;
}
