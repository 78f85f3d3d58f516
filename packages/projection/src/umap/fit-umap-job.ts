import { buildNeighborIndex } from '../neighbors/neighbor-index.js';
import { createRng } from '../random/create-rng.js';
import type { Job } from '../runtime/job.js';
import type { Matrix, ProgressCallback } from '../types.js';
import { noisyScale, randomLayout, rescaleToBox } from '../init/initial-layout.js';
import { spectralLayout } from '../init/spectral-layout.js';
import { categoricalIntersection } from './categorical-intersection.js';
import { fuzzyUnion, membershipStrengths } from './fuzzy-simplicial-set.js';
import { defaultEpochs, pruneGraph } from './prune-graph.js';
import { SgdStepper } from './sgd-stepper.js';
import { smoothKnnDist } from './smooth-knn-dist.js';
import type { UmapSettings } from './umap-options.js';
import { UmapModel } from './umap-model.js';

/** `umap()` output: the n×2 float32 layout (row-major) and the fitted model. */
export interface UmapResult {
  readonly embedding: Float32Array;
  readonly model: UmapModel;
  /** How the layout was initialised: `'spectral'`, `'random'`, `'array'`, or `'random (spectral failed)'`. */
  readonly initUsed: string;
}

/**
 * UMAP's fit (umap-learn `UMAP.fit`, methods.md §4.2) as a job over a validated n×d matrix: kNN (exact below
 * 4,096 rows, else NN-descent), ρ/σ, fuzzy union, optional categorical supervision, pruning at max/nEpochs,
 * spectral init (random fallback), noisy scaling and [0, 10] rescale, then the SGD epochs. Yields phases
 * `'neighbors'`, `'graph'`, `'init'`, `'epochs'` (layouts every `layoutEvery` epochs and at the end).
 * Sub-streams of `seed`: kNN, init, SGD. Deterministic for a seed. Does not mutate X.
 */
export function* fitUmapJob(X: Matrix, s: UmapSettings, onProgress?: ProgressCallback): Job<UmapResult> {
  const n = X.rows;
  const base = {
    nSamples: n,
    nFeatures: X.cols,
    nNeighbors: s.nNeighbors,
    a: s.a,
    b: s.b,
    nEpochs: s.nEpochs ?? null,
    learningRate: s.learningRate,
    negativeSampleRate: s.negativeSampleRate,
    repulsionStrength: s.repulsionStrength,
    localConnectivity: s.localConnectivity,
    metric: s.metric,
    seed: s.seed,
    transformSeed: s.transformSeed,
  };
  if (n === 1) {
    const embedding = new Float32Array(2);
    return { embedding, model: new UmapModel({ ...base, embedding, knnMethod: 'exact' }, X), initUsed: 'array' };
  }
  yield { phase: 'neighbors', done: 0, total: 1 };
  const index = buildNeighborIndex(X, { k: s.nNeighbors - 1, metric: s.metric, method: s.knnMethod, seed: s.seed, signal: s.signal, onProgress });
  yield { phase: 'neighbors', done: 1, total: 1 };
  const knn = index.knn;
  const scales = smoothKnnDist(knn.distances, n, knn.k, { nNeighbors: s.nNeighbors, localConnectivity: s.localConnectivity, implicitSelf: true });
  let graph = fuzzyUnion(membershipStrengths(knn, scales), s.setOpMixRatio);
  if (s.target) graph = categoricalIntersection(graph, s.target, s.targetWeight);
  const nEpochs = s.nEpochs ?? defaultEpochs(n);
  graph = pruneGraph(graph, nEpochs);
  yield { phase: 'graph', done: 1, total: 1 };

  const initRng = createRng((s.seed ^ 0x5bd1e995) >>> 0);
  let layout: Float32Array;
  let initUsed: string;
  if (s.init instanceof Float32Array) {
    layout = s.init.slice();
    initUsed = 'array';
  } else if (s.init === 'random') {
    layout = randomLayout(n, initRng);
    initUsed = 'random';
  } else {
    const spectral = spectralLayout(graph, X, initRng);
    if (spectral) {
      layout = noisyScale(spectral, initRng);
      initUsed = 'spectral';
    } else {
      layout = randomLayout(n, initRng);
      initUsed = 'random (spectral failed)';
    }
  }
  rescaleToBox(layout);
  yield { phase: 'init', done: 1, total: 1, layout };

  const stepper = new SgdStepper({
    graph,
    head: layout,
    tail: layout,
    moveOther: true,
    a: s.a,
    b: s.b,
    gamma: s.repulsionStrength,
    alpha: s.learningRate,
    negativeSampleRate: s.negativeSampleRate,
    nEpochs,
    rng: createRng((s.seed ^ 0x27d4eb2f) >>> 0),
  });
  while (!stepper.done) {
    const info = stepper.step();
    const done = info.step + 1;
    yield done % s.layoutEvery === 0 || stepper.done ? { phase: 'epochs', done, total: nEpochs, layout } : { phase: 'epochs', done, total: nEpochs };
  }
  const model = new UmapModel({ ...base, embedding: layout, knnMethod: index.method }, X, index);
  return { embedding: layout, model, initUsed };
}
