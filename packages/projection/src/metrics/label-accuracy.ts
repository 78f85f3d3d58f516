import { ProjectionInputError } from '../errors.js';
import type { MatrixInput } from '../matrix/to-matrix.js';
import { integerOption } from '../options.js';
import { knn2d } from './knn-2d.js';
import { toLayout } from './layout-input.js';

/**
 * 2-D label agreement (`label_acc15` in methods.md §13.1): the mean, over points, of the share of their k
 * nearest 2-D neighbours (self excluded) that carry the same label. Not a majority vote. In [0, 1].
 * Y: n×2; labels: n integers (e.g. cluster ids). About O(nk) via a grid kNN. Does not mutate inputs.
 */
export function labelAccuracy(Y: MatrixInput | Float32Array, labels: ArrayLike<number>, options: { k?: number } = {}): number {
  const y = toLayout(Y);
  const n = y.length / 2;
  if (!labels || labels.length !== n) throw new ProjectionInputError('labels.length', labels?.length, `must equal Y.rows = ${n}`);
  const k = integerOption('k', options.k, 15, 1, n - 1);
  const low = knn2d(y, n, k);
  let same = 0;
  for (let i = 0; i < n; i++) {
    const li = labels[i];
    for (let t = 0; t < k; t++) if (labels[low.indices[i * k + t]!] === li) same++;
  }
  return same / (n * k);
}
