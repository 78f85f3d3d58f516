import { ProjectionInputError } from '../errors.js';
import type { Job } from '../runtime/job.js';
import type { ProjectionResult } from '../types.js';
import { prepareClusterplot } from '../clusterplot/clusterplot.js';
import type { ClusterplotOptions } from '../clusterplot/clusterplot-options.js';
import type { ClusterplotResult } from '../clusterplot/fit-clusterplot-job.js';
import type { CommonOptions, MethodDefinition } from './method-definition.js';

/** The ClusterPlot options `project()` accepts for `'clusterplot'` (see `ClusterplotOptions`). */
export type ClusterplotMethodOptions = Omit<ClusterplotOptions, 'signal' | 'onProgress' | 'onLayout'>;

/**
 * What `project({method: 'clusterplot'})` puts in `result.model`: everything `clusterplot()` returns except the
 * embedding (anchors, sub-clusters, blob polygons, losses, overlap matrices). Plain typed arrays and objects, so it
 * crosses a Worker boundary unchanged. Not a transform model.
 */
export type ClusterplotModel = Omit<ClusterplotResult, 'embedding'>;

const KNOWN = new Set([
  'method', 'seed', 'signal', 'onProgress', 'onLayout', 'clusters',
  'anchors', 'reduceAllPoints', 'k', 'umapNeighbors', 'umapMinDist', 'nIter', 'batchSize', 'topGreedy', 'learningRate', 'magnitudeStep', 'loss',
  'stopCriteria', 'maskSparseSubcluster', 'alpha', 'removeOutliersK', 'douglasPeuckerTolerance', 'smoothIter', 'minPolygonArea',
]);

/**
 * `project(X, {method: 'clusterplot', clusters, ...ClusterplotOptions})`: see `clusterplot`. The embedding is the n×2
 * point layout in input order; `outlines` are the blobs (the same arrays as `model.polygons`, ready for
 * `<cluster-scatter>`'s `outlines` with `outline-fill="0.2"`); `model` is a `ClusterplotModel` (anchors, losses, …).
 */
export const clusterplotMethod: MethodDefinition = {
  name: 'clusterplot',
  description: 'ClusterPlot (Malkai et al. 2021; notebook call): sub-cluster anchors, UMAP (min_dist 1), greedy overlap relaxation, alpha-shape blobs.',
  needsClusters: true,
  iterative: true,
  supportsTransform: false,
  createJob(X, options) {
    for (const key of Object.keys(options)) {
      if (!KNOWN.has(key)) throw new ProjectionInputError(key, options[key], `is not an option of method 'clusterplot' (known: ${[...KNOWN].join(', ')})`);
    }
    const o = { ...(options as ClusterplotOptions & CommonOptions & Record<string, unknown>) };
    const clusters = o.clusters as Int32Array;
    delete o.method;
    delete o.clusters;
    delete o.onLayout;
    delete o.onProgress;
    const { X: m, job } = prepareClusterplot(X, clusters, o);
    return (function* (): Job<ProjectionResult> {
      const { embedding, ...model } = yield* job;
      return { embedding, rows: m.rows, cols: 2, method: 'clusterplot', model: model satisfies ClusterplotModel, outlines: model.polygons };
    })();
  },
};

declare module '../project.js' {
  /** `project({method: 'clusterplot'})` options (module augmentation: `project.ts` stays untouched). */
  interface MethodOptionsMap {
    clusterplot: ClusterplotMethodOptions;
  }
}
