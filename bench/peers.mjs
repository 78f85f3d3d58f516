// Other libraries' implementations, run on the same data for side-by-side lines.
import { PCA } from 'ml-pca';

/** Rows as number[][] (what ml-pca takes); built before the timer starts. */
function toRows({ data, rows, cols }) {
  return Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
}

/**
 * Each peer: `prepare(matrix)` (untimed conversion) → `run(prepared)` (timed) → n×2 Float32Array.
 * `ml-pca` is ml-pca 4's default (SVD of the centred data); `ml-pca-cov` its `method: 'covarianceMatrix'`.
 */
export const PEERS = {
  'ml-pca': {
    prepare: toRows,
    run: (rows) => flatten(new PCA(rows).predict(rows, { nComponents: 2 })),
  },
  'ml-pca-cov': {
    prepare: toRows,
    run: (rows) => flatten(new PCA(rows, { method: 'covarianceMatrix' }).predict(rows, { nComponents: 2 })),
  },
};

function flatten(matrix) {
  const out = new Float32Array(matrix.rows * 2);
  for (let i = 0; i < matrix.rows; i++) {
    out[2 * i] = matrix.get(i, 0);
    out[2 * i + 1] = matrix.get(i, 1);
  }
  return out;
}
