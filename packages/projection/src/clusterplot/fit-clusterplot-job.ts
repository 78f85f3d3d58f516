import { buildNeighborIndex } from '../neighbors/neighbor-index.js';
import type { Job } from '../runtime/job.js';
import type { Matrix } from '../types.js';
import { fitUmapJob } from '../umap/fit-umap-job.js';
import { resolveUmapOptions } from '../umap/umap-options.js';
import { anchorSetJob } from './anchor-set.js';
import { clusterBlobs, type ClusterplotPolygon } from './cluster-blobs.js';
import type { ClusterplotSettings } from './clusterplot-options.js';
import { groupRows } from './group-rows.js';
import { overlapMatrix } from './overlap-matrix.js';
import { RelaxationStepper } from './relaxation-stepper.js';

/** `clusterplot()` output. Anchors are ordered cluster-major (ascending cluster id), then by sub-cluster. */
export interface ClusterplotResult {
  /** n×2 float32 point layout, row-major, in input order (the reference's `low_dim_points[:n]`). */
  readonly embedding: Float32Array;
  /** A×2 float32 anchor positions (the reference's `fit_transform` return value). */
  readonly anchors: Float32Array;
  /** A cluster ids (the caller's ids) of the anchors. */
  readonly anchorLabels: Int32Array;
  /** A member counts of the anchors (all ≥ 1). */
  readonly anchorDensity: Int32Array;
  /** n anchor indices in [0, A): the sub-cluster of every row. */
  readonly subcluster: Int32Array;
  /** Blob outlines, one entry per cluster that kept a ring, in ascending cluster id order. */
  readonly polygons: ClusterplotPolygon[];
  /** Loss of every relaxation iteration, measured before that iteration's move. */
  readonly losses: Float64Array;
  /** The C distinct cluster ids, ascending: the row/column order of the label-level matrices. */
  readonly clusterIds: Int32Array;
  /** C×C row-normalised cluster-level kNN overlap in high-D (row-major). */
  readonly labelOverlapHD: Float64Array;
  /** C×C row-normalised cluster-level kNN overlap of the final 2-D layout. */
  readonly labelOverlap2D: Float64Array;
  /** The BIRCH threshold used (undefined for k-means anchors). */
  readonly birchThreshold: number | undefined;
}

/**
 * ClusterPlot's `fit_transform` with `reduce_all_points=True` plus `cluster_plot()`'s blob geometry, as a job
 * (clusterplot.md §2): anchors per cluster; the exact (N < 4,096, else NN-descent) k-NN of the N = n + A rows
 * [X; anchors] and the high-D overlap; UMAP (nNeighbors, minDist, seed) of all N rows; the greedy relaxation; the
 * final 2-D cluster overlap; the blobs of every cluster from its points and anchors. `labels` are dense cluster
 * indices (0..C−1) of the ids `ids`. Phases: 'anchors' (per cluster), 'neighbors', 'overlap', 'umap-*', 'relaxation' (layout after
 * each iteration), 'blobs' (per cluster). Layouts reported are the n point rows. Memory O(N·(d + k)) besides UMAP's;
 * never A². Deterministic for a seed. Does not mutate X or `labels`.
 */
export function* fitClusterplotJob(X: Matrix, labels: Int32Array, ids: Int32Array, s: ClusterplotSettings): Job<ClusterplotResult> {
  const n = X.rows;
  const d = X.cols;
  const C = ids.length;
  yield { phase: 'anchors', done: 0, total: C };
  const set = yield* anchorSetJob(X, labels, C, s);
  const A = set.count;
  const N = n + A;

  const rows = new Float32Array(N * d);
  rows.set(X.data);
  for (let t = 0; t < A * d; t++) rows[n * d + t] = set.anchors[t]!;
  const all: Matrix<Float32Array> = { data: rows, rows: N, cols: d };
  const rowAnchor = new Int32Array(N);
  rowAnchor.set(set.subcluster);
  const rowLabel = new Int32Array(N);
  rowLabel.set(labels);
  for (let a = 0; a < A; a++) {
    rowAnchor[n + a] = a;
    rowLabel[n + a] = set.anchorLabel[a]!;
  }
  const groups = groupRows(rowAnchor, A);

  yield { phase: 'neighbors', done: 0, total: 1 };
  const knn = buildNeighborIndex(all, { k: s.k, seed: s.seed, signal: s.signal }).knn;
  yield { phase: 'neighbors', done: 1, total: 1 };
  const hd = overlapMatrix(knn, rowAnchor, rowLabel, groups, A, C);
  yield { phase: 'overlap', done: 1, total: 1 };

  const umapSettings = resolveUmapOptions(all, { nNeighbors: s.umapNeighbors, minDist: s.umapMinDist, seed: s.seed, signal: s.signal });
  const umapJob = fitUmapJob(all, umapSettings);
  let step = umapJob.next();
  while (!step.done) {
    const e = step.value;
    yield e.layout ? { phase: `umap-${e.phase}`, done: e.done, total: e.total, layout: e.layout.subarray(0, 2 * n) } : { phase: `umap-${e.phase}`, done: e.done, total: e.total };
    step = umapJob.next();
  }
  const layout = step.value.embedding;

  const relax = new RelaxationStepper({
    layout,
    n,
    A,
    C,
    rowAnchor,
    rowLabel,
    groups,
    hd: hd.R,
    rules: { anchorLabel: set.anchorLabel, density: set.density, maskSparseSubcluster: s.maskSparseSubcluster, loss: s.loss, top: s.topGreedy },
    k: s.k,
    nIter: s.nIter,
    batchSize: s.batchSize,
    learningRate: s.learningRate,
    magnitudeStep: s.magnitudeStep,
    stopCriteria: s.stopCriteria,
  });
  while (!relax.done) {
    const info = relax.step();
    yield { phase: 'relaxation', done: info.step + 1, total: s.nIter, layout: layout.subarray(0, 2 * n) };
  }
  const labelOverlap2D = relax.lowDimOverlap().L;

  const byLabel = groupRows(rowLabel, C);
  const polygons: ClusterplotPolygon[] = [];
  for (let c = 0; c < C; c++) {
    const rings = clusterBlobs(layout, byLabel.rows.subarray(byLabel.start[c]!, byLabel.start[c + 1]!), s);
    if (rings.length > 0) polygons.push({ clusterId: ids[c]!, rings });
    yield { phase: 'blobs', done: c + 1, total: C };
  }
  const anchorLabels = new Int32Array(A);
  for (let a = 0; a < A; a++) anchorLabels[a] = ids[set.anchorLabel[a]!]!;
  return {
    embedding: layout.slice(0, 2 * n),
    anchors: layout.slice(2 * n),
    anchorLabels,
    anchorDensity: set.density,
    subcluster: set.subcluster,
    polygons,
    losses: Float64Array.from(relax.losses),
    clusterIds: ids,
    labelOverlapHD: hd.L,
    labelOverlap2D,
    birchThreshold: set.threshold,
  };
}
