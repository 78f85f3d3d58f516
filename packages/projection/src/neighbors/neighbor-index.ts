import { AbortError, ProjectionInputError } from '../errors.js';
import { knnToCsr, transpose, type Csr } from '../graph/csr.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { integerOption, signalOption } from '../options.js';
import { createRng } from '../random/create-rng.js';
import type { Knn, ProgressCallback } from '../types.js';
import { exactKnnQuery, exactKnnSelf, heapToKnn } from './exact-knn-blocked.js';
import { graphSearch } from './graph-search.js';
import { nnDescent } from './nn-descent.js';
import { prepareRows, type NeighborMetric, type PreparedRows } from './prepared-rows.js';
import { buildRpTree, type RpTree } from './rp-forest.js';
import { resolveNeighborOptions, type NearestNeighborsOptions } from './neighbor-options.js';

/** Run controls of `NeighborIndex.query`. */
export interface NeighborQueryOptions {
  /** Checked every 256 queries; an abort throws `AbortError`. */
  signal?: AbortSignal;
  /** Phase `'neighbors'`, done/total in query rows. */
  onProgress?: ProgressCallback;
}

/**
 * The neighbour stage's fitted state: the training kNN graph and what is needed to find neighbours of new points
 * among the training rows (UMAP `transform`). Holds a prepared float32 copy of the training rows (n·d·4 bytes)
 * and, for NN-descent, the RP forest.
 */
export interface NeighborIndex {
  /** k nearest neighbours of every training row, self excluded, ascending distance. */
  readonly knn: Knn;
  readonly method: 'exact' | 'nn-descent';
  readonly metric: NeighborMetric;
  readonly rows: number;
  readonly cols: number;
  /**
   * k nearest training rows of each row of `queries` (m×d, same d), nothing excluded: a query equal to a training
   * row lists it at distance 0. Exact blocked search for an exact index (and whenever 2k ≥ n), RP-forest leaves
   * plus graph descent (pynndescent ε = 0.1) for NN-descent. Does not mutate `queries`. `k` defaults to `knn.k`, range [1, n].
   * @throws ProjectionInputError for a bad matrix, column count or k.
   */
  query(queries: MatrixInput, k?: number, options?: NeighborQueryOptions): Knn;
}

/**
 * Builds the neighbour index of X (n×d): exact blocked kNN, or RP forest + NN-descent (methods.md §1.1;
 * `method: 'auto'` picks exact below 4,096 rows, umap-learn's rule). Validates every option before any work.
 * Does not mutate X. Exact: O(n²d/2); NN-descent: about O(n^1.14·d).
 * @throws ProjectionInputError naming the parameter, value and rule; AbortError when `signal` aborts.
 */
export function buildNeighborIndex(X: MatrixInput, options: NearestNeighborsOptions = {}): NeighborIndex {
  const o = resolveNeighborOptions(X, options);
  const train = prepareRows(o.matrix, o.metric, 'X');
  const controls = { signal: o.signal, onProgress: o.onProgress };
  if (o.method === 'exact') {
    const knn = exactKnnSelf(train, o.k, controls);
    return new Index(train, knn, 'exact', [], o.seed);
  }
  const n = train.rows;
  const nTrees = o.nTrees ?? defaultTreeCount(n);
  const nIters = o.nIters ?? Math.max(5, Math.round(Math.log2(n)));
  const leafSize = leafSizeFor(o.k);
  const treeRng = createRng(o.seed);
  const forest: RpTree[] = [];
  for (let t = 0; t < nTrees; t++) {
    if (o.signal?.aborted) throw abortError();
    forest.push(buildRpTree(train, leafSize, treeRng));
  }
  const heap = nnDescent(train, forest, createRng((o.seed ^ 0x2545f491) >>> 0), {
    k: o.k,
    nIters,
    maxCandidates: 60,
    delta: 0.001,
    signal: o.signal,
    onProgress: o.onProgress,
  });
  return new Index(train, heapToKnn(heap, n, o.metric), 'nn-descent', forest, o.seed);
}

/**
 * RP trees by default: min(32, 3 + round(√n / 100)), 4 at 20k rows (pynndescent's min(64, 5 + round(√n / 20))
 * gives 12). Few small-leaf trees plus NN-descent with pair de-duplication reach the same recall at a third
 * of the cost of many large-leaf trees (bench/RESULTS.md, kNN stage).
 */
export function defaultTreeCount(n: number): number {
  return Math.min(32, 3 + Math.round(Math.sqrt(n) / 100));
}

/** RP-tree leaf size: max(30, min(256, 2·(k + 1))), 32 for UMAP's k = 14 + self. */
export function leafSizeFor(k: number): number {
  return Math.max(30, Math.min(256, 2 * (k + 1)));
}

function abortError(): Error {
  return new AbortError('nearestNeighbors was aborted');
}

class Index implements NeighborIndex {
  readonly knn: Knn;
  readonly method: 'exact' | 'nn-descent';
  readonly metric: NeighborMetric;
  readonly rows: number;
  readonly cols: number;
  readonly #train: PreparedRows;
  readonly #forest: readonly RpTree[];
  readonly #seed: number;
  #graph: Csr | undefined;

  constructor(train: PreparedRows, knn: Knn, method: 'exact' | 'nn-descent', forest: readonly RpTree[], seed: number) {
    this.#train = train;
    this.knn = knn;
    this.method = method;
    this.metric = train.metric;
    this.rows = train.rows;
    this.cols = train.cols;
    this.#forest = forest;
    this.#seed = seed;
  }

  query(queries: MatrixInput, k?: number, options: NeighborQueryOptions = {}): Knn {
    const m = toMatrix(queries, { name: 'queries' });
    if (m.cols !== this.cols) throw new ProjectionInputError('queries.cols', m.cols, `must equal the index's column count ${this.cols}`);
    const kk = integerOption('k', k, this.knn.k, 1, this.rows);
    const signal = signalOption(options.signal);
    const Q = prepareRows(m, this.metric, 'queries', this.#train.mean);
    const controls = { signal, onProgress: options.onProgress };
    if (this.method === 'exact' || kk * 2 >= this.rows) return exactKnnQuery(this.#train, Q, kk, controls);
    this.#graph ??= searchGraph(this.knn);
    return graphSearch(this.#train, this.#forest, this.#graph, Q, createRng((this.#seed ^ 0x6a09e667) >>> 0), {
      k: kk,
      epsilon: 0.1,
      ...controls,
    });
  }
}

/** The kNN graph plus its reverse edges, one CSR (duplicates between the two halves are harmless to the search). */
function searchGraph(knn: Knn): Csr {
  const fwd = knnToCsr(knn);
  const rev = transpose(fwd);
  const n = fwd.rows;
  const indptr = new Uint32Array(n + 1);
  const indices = new Int32Array(fwd.indices.length + rev.indices.length);
  let at = 0;
  for (let i = 0; i < n; i++) {
    indices.set(fwd.indices.subarray(fwd.indptr[i]!, fwd.indptr[i + 1]!), at);
    at += fwd.indptr[i + 1]! - fwd.indptr[i]!;
    indices.set(rev.indices.subarray(rev.indptr[i]!, rev.indptr[i + 1]!), at);
    at += rev.indptr[i + 1]! - rev.indptr[i]!;
    indptr[i + 1] = at;
  }
  return { indptr, indices, values: new Float32Array(indices.length), rows: n, cols: n };
}
