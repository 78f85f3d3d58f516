import { ProjectionInputError } from '../errors.js';
import { toMatrix, type MatrixInput } from '../matrix/to-matrix.js';
import { integerOption } from '../options.js';
import type { Knn } from '../types.js';
import { continuity } from './continuity.js';
import { exactKnn } from './exact-knn.js';
import { knnRecall } from './knn-recall.js';
import { labelAccuracy } from './label-accuracy.js';
import { checkKnn, toLayout } from './layout-input.js';
import { silhouette } from './silhouette.js';
import { trustworthiness } from './trustworthiness.js';

export interface EvaluateOptions {
  /** Cluster labels (n integers): enables `labelAccuracy` and `silhouette`. */
  labels?: ArrayLike<number>;
  /** Neighbourhood size of every kNN metric, an integer in [1, n/2). Default 15. */
  k?: number;
  /** Precomputed exact high-D neighbours (self excluded, ≥ k per row); computed once otherwise. */
  neighbors?: Knn;
  /** Points scored by `silhouette` (seeded subset). Default min(n, 10 000). */
  silhouetteSampleSize?: number;
  /** Seed of the silhouette subset (default 42). */
  seed?: number;
}

/** Every quality score of one layout (methods.md §13.1). Label scores are `undefined` without labels. */
export interface ProjectionScores {
  readonly trustworthiness: number;
  readonly continuity: number;
  readonly knnRecall: number;
  readonly labelAccuracy: number | undefined;
  readonly silhouette: number | undefined;
}

/**
 * Scores a 2-D layout Y (n×2) of X (n×d) in one call, sharing one exact high-D kNN (O(n²d), or `neighbors`):
 * trustworthiness@k, continuity@k, kNN recall@k, and with `labels` the 2-D k-NN label agreement and the 2-D
 * silhouette. Does not mutate inputs. @throws ProjectionInputError for mismatched shapes, labels or k.
 */
export function evaluateProjection(X: MatrixInput, Y: MatrixInput | Float32Array, options: EvaluateOptions = {}): ProjectionScores {
  const hx = toMatrix(X, { name: 'X', minRows: 3 });
  const n = hx.rows;
  const y = toLayout(Y);
  if (y.length !== 2 * n) throw new ProjectionInputError('Y.rows', y.length / 2, `must equal X.rows = ${n}`);
  const k = integerOption('k', options.k, 15, 1, Math.ceil(n / 2) - 1);
  const labels = options.labels;
  if (labels !== undefined && labels?.length !== n) throw new ProjectionInputError('labels.length', labels?.length, `must equal X.rows = ${n}`);
  let neighbors = options.neighbors;
  if (neighbors) checkKnn(neighbors, n, k);
  else neighbors = exactKnn(hx, { k });
  const layout = { data: y, rows: n, cols: 2 };
  const shared = { k, neighbors };
  return {
    trustworthiness: trustworthiness(hx, layout, shared),
    continuity: continuity(hx, layout, shared),
    knnRecall: knnRecall(hx, layout, shared),
    labelAccuracy: labels ? labelAccuracy(layout, labels, { k }) : undefined,
    silhouette: labels
      ? silhouette(layout, labels, { sampleSize: options.silhouetteSampleSize ?? Math.min(n, 10000), seed: options.seed })
      : undefined,
  };
}
