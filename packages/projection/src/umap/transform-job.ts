import type { Job } from '../runtime/job.js';
import { createRng } from '../random/create-rng.js';
import type { Matrix } from '../types.js';
import { SgdStepper } from './sgd-stepper.js';
import { smoothKnnDist } from './smooth-knn-dist.js';
import type { UmapModel } from './umap-model.js';

/**
 * The body of `UmapModel.transform` (methods.md §4.4) for a validated m×d matrix. Yields `'neighbors'`, `'graph'`
 * and `'epochs'` progress (with the current layout of the new points).
 */
export function* transformJob(model: UmapModel, X: Matrix): Job<Float32Array> {
  const m = X.rows;
  const out = new Float32Array(m * 2);
  const train = model.embedding;
  if (m === 0) return out;
  const index = model.index;
  if (!index) {
    // A one-point model: every new point lands on it.
    for (let i = 0; i < m; i++) out.set(train.subarray(0, 2), 2 * i);
    return out;
  }
  yield { phase: 'neighbors', done: 0, total: m };
  const k = Math.min(model.nNeighbors, model.nSamples);
  const knn = index.query(X, k);
  yield { phase: 'neighbors', done: m, total: m };
  const { sigmas, rhos } = smoothKnnDist(knn.distances, m, k, {
    nNeighbors: k,
    localConnectivity: Math.max(0, model.localConnectivity - 1),
    implicitSelf: false,
  });
  const weights = new Float32Array(m * k);
  let max = 0;
  for (let i = 0; i < m; i++) {
    let exact = -1;
    let sum = 0;
    let sx = 0;
    let sy = 0;
    for (let t = 0; t < k; t++) {
      const d = knn.distances[i * k + t]! - rhos[i]!;
      const w = d <= 0 || sigmas[i] === 0 ? 1 : Math.exp(-(d / sigmas[i]!));
      weights[i * k + t] = w;
      if (w > max) max = w;
      const j = knn.indices[i * k + t]!;
      if (w === 1 && exact < 0 && knn.distances[i * k + t] === 0) exact = j;
      sum += w;
      sx += w * train[2 * j]!;
      sy += w * train[2 * j + 1]!;
    }
    if (exact >= 0) {
      out[2 * i] = train[2 * exact]!;
      out[2 * i + 1] = train[2 * exact + 1]!;
    } else if (sum > 0) {
      out[2 * i] = sx / sum;
      out[2 * i + 1] = sy / sum;
    } else {
      // All weights underflowed (the reference gives NaN): start on the nearest training point.
      const j = knn.indices[i * k]!;
      out[2 * i] = train[2 * j]!;
      out[2 * i + 1] = train[2 * j + 1]!;
    }
  }
  const nEpochs = model.nEpochs !== null ? Math.floor(model.nEpochs / 3) : m <= 10000 ? 100 : 30;
  // Bipartite m × nSamples graph, pruned at max/nEpochs.
  const cut = nEpochs > 0 ? max / nEpochs : Infinity;
  const indptr = new Uint32Array(m + 1);
  const indices = new Int32Array(m * k);
  const values = new Float32Array(m * k);
  let at = 0;
  for (let i = 0; i < m; i++) {
    for (let t = 0; t < k; t++) {
      const w = weights[i * k + t]!;
      if (w >= cut && w > 0) {
        indices[at] = knn.indices[i * k + t]!;
        values[at++] = w;
      }
    }
    indptr[i + 1] = at;
  }
  yield { phase: 'graph', done: 1, total: 1 };
  if (nEpochs === 0 || at === 0) return out;
  const stepper = new SgdStepper({
    graph: { indptr, indices: indices.slice(0, at), values: values.slice(0, at), rows: m, cols: model.nSamples },
    head: out,
    tail: train,
    moveOther: false,
    a: model.a,
    b: model.b,
    gamma: model.repulsionStrength,
    alpha: model.learningRate / 4,
    negativeSampleRate: model.negativeSampleRate,
    nEpochs,
    rng: createRng(model.transformSeed),
  });
  while (!stepper.done) {
    const info = stepper.step();
    yield { phase: 'epochs', done: info.step + 1, total: nEpochs, layout: out };
  }
  return out;
}
