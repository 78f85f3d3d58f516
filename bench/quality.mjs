// Quality of a 2-D layout on a seeded subsample, so it takes seconds even at 100k rows (exact metrics are O(m²d)).
import { createRng, exactKnn, knnRecall, labelAccuracy, trustworthiness } from '@clamp-viz/projection';

/**
 * trustworthiness15, knn_recall15 (exact high-D 15-NN vs 2-D 15-NN) and label_acc15 (share of the 15 nearest
 * 2-D neighbours with the same cluster id), all computed among `sample` rows drawn without replacement with
 * seed `seed` (the same rows for every method given the same n and seed). Inputs are not modified.
 * @param {{data: Float32Array, rows: number, cols: number}} X  n×d
 * @param {Float32Array} Y  n×2 row-major
 * @param {Int32Array | undefined} labels  n cluster ids, or undefined (label_acc15 is then null)
 */
export function layoutQuality(X, Y, labels, sample, seed) {
  const n = X.rows;
  const d = X.cols;
  const idx = sampleIndices(n, Math.min(sample, n), seed);
  const m = idx.length;
  const xs = new Float32Array(m * d);
  const ys = new Float32Array(m * 2);
  const ls = new Int32Array(m);
  idx.forEach((i, r) => {
    xs.set(X.data.subarray(i * d, (i + 1) * d), r * d);
    ys[2 * r] = Y[2 * i];
    ys[2 * r + 1] = Y[2 * i + 1];
    if (labels) ls[r] = labels[i];
  });
  const Xs = { data: xs, rows: m, cols: d };
  const neighbors = exactKnn(Xs, { k: 15 });
  const round = (v) => Math.round(v * 1e4) / 1e4;
  return {
    trustworthiness15: round(trustworthiness(Xs, ys, { k: 15, neighbors })),
    knn_recall15: round(knnRecall(Xs, ys, { k: 15, neighbors })),
    label_acc15: labels ? round(labelAccuracy(ys, ls, { k: 15 })) : null,
  };
}

/** `m` distinct indices of [0, n), sorted, drawn with a seeded partial Fisher–Yates. */
function sampleIndices(n, m, seed) {
  const rng = createRng(seed);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng() * (n - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return Array.from(pool.subarray(0, m)).sort((a, b) => a - b);
}
