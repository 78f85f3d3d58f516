// JavaScript t-SNE peers for `node bench/tsne.mjs peer` (issue 5), run on the same data as ours.
// Both are exact O(n²) t-SNE (no JS Barnes–Hut or FFT t-SNE installs from npm as a pure JS library; `bhtsne` on npm wraps
// a C++ binary). Parameters: perplexity 30 (openTSNE's and ours), 2-D, each library's own learning rate / exaggeration
// schedule, and 750 iterations (ours: 250 early exaggeration + 500).
import { TSNE as DruidTSNE } from '@saehrimnir/druidjs';
import { TSNE as KeckeltTSNE } from '@keckelt/tsne';

export const PEER_ITERATIONS = 750;

/** Rows as Float64Array views' copies (DruidJS takes an array of Float64Array rows without re-copying element-wise). */
function toF64Rows({ data, rows, cols }) {
  return Array.from({ length: rows }, (_, i) => Float64Array.from(data.subarray(i * cols, (i + 1) * cols)));
}

/** Rows as number[][] (karpathy's tsnejs API). */
function toRows({ data, rows, cols }) {
  return Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
}

/**
 * Each peer: `version`, `params` (recorded in the JSON line), `prepare(matrix)` (untimed conversion to the library's
 * input type) → `run(prepared, seed)` (timed: affinities + all iterations) → n×2 Float32Array.
 */
export const TSNE_PEERS = {
  // DruidJS 0.9: dense N×N distance, P, Q matrices (float64; WASM step kernel for N ≥ 16), exaggeration 4 for 100 it.,
  // learning rate `epsilon` 10, random N(0, 1e-4) init from its seeded generator.
  druidjs: {
    version: '@saehrimnir/druidjs 0.9.0',
    params: { perplexity: 30, epsilon: 10, metric: 'euclidean_squared (default)', iterations: PEER_ITERATIONS },
    prepare: toF64Rows,
    run: (rows, seed) => {
      const model = new DruidTSNE(rows, { perplexity: 30, d: 2, seed });
      model.transform(PEER_ITERATIONS); // returns rows in the input's type; the N×2 Matrix is `model.Y`
      return Float32Array.from(model.Y.values);
    },
  },
  // @keckelt/tsne 1.0.2 (karpathy's tsnejs in TypeScript): dense N×N distances and P, number[][] gradient; its init uses
  // Math.random (not seedable: `seed` is ignored).
  'keckelt-tsne': {
    version: '@keckelt/tsne 1.0.2',
    params: { perplexity: 30, epsilon: 10, iterations: PEER_ITERATIONS, seeded: false },
    prepare: toRows,
    run: (rows) => {
      const model = new KeckeltTSNE({ perplexity: 30, dim: 2, epsilon: 10 });
      model.initDataRaw(rows);
      for (let i = 0; i < PEER_ITERATIONS; i++) model.step();
      const Y = model.getSolution();
      const out = new Float32Array(Y.length * 2);
      Y.forEach((p, i) => {
        out[2 * i] = p[0];
        out[2 * i + 1] = p[1];
      });
      return out;
    },
  },
};
