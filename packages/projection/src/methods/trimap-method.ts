import { ProjectionInputError } from '../errors.js';
import type { Job } from '../runtime/job.js';
import type { ProjectionResult } from '../types.js';
import { prepareTrimap } from '../trimap/trimap.js';
import type { TrimapOptions } from '../trimap/trimap-options.js';
import type { CommonOptions, MethodDefinition } from './method-definition.js';

/** The TriMap options `project()` accepts for `'trimap'` (see `TrimapOptions`). */
export type TrimapMethodOptions = Omit<TrimapOptions, 'signal' | 'onProgress' | 'onLayout'>;

const KNOWN = new Set([
  'method', 'seed', 'signal', 'onProgress', 'onLayout', 'clusters',
  'nInliers', 'nOutliers', 'nRandom', 'distance', 'weightTemp', 'lr', 'nIters', 'applyPca', 'init', 'knnMethod', 'layoutEvery',
]);

/**
 * `project(X, {method: 'trimap', ...TrimapOptions})`: see `trimap`. No model: TriMap has no transform of new points
 * (the reference has none worth following), so `supportsTransform` is false.
 */
export const trimapMethod: MethodDefinition = {
  name: 'trimap',
  description: 'TriMap (eamid/trimap 1.1.4 semantics and defaults): 12 inliers × 4 outliers + 3 random triplets per point, PCA init, delta-bar-delta.',
  needsClusters: false,
  iterative: true,
  supportsTransform: false,
  createJob(X, options) {
    for (const key of Object.keys(options)) {
      if (!KNOWN.has(key)) throw new ProjectionInputError(key, options[key], `is not an option of method 'trimap' (known: ${[...KNOWN].join(', ')})`);
    }
    const o = { ...(options as TrimapOptions & CommonOptions & Record<string, unknown>) };
    delete o.method;
    delete o.clusters;
    delete o.onLayout;
    const { X: m, job } = prepareTrimap(X, o);
    return (function* (): Job<ProjectionResult> {
      const r = yield* job;
      return { embedding: r.embedding, rows: m.rows, cols: 2, method: 'trimap' };
    })();
  },
};
