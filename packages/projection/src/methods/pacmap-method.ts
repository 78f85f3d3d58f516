import { ProjectionInputError } from '../errors.js';
import type { Job } from '../runtime/job.js';
import type { ProjectionResult } from '../types.js';
import { preparePacmap } from '../pacmap/pacmap.js';
import type { PacmapOptions } from '../pacmap/pacmap-options.js';
import type { CommonOptions, MethodDefinition } from './method-definition.js';

/** The PaCMAP options `project()` accepts for `'pacmap'` (see `PacmapOptions`). */
export type PacmapMethodOptions = Omit<PacmapOptions, 'signal' | 'onProgress' | 'onLayout'>;

const KNOWN = new Set([
  'method', 'seed', 'signal', 'onProgress', 'onLayout', 'clusters',
  'nNeighbors', 'mnRatio', 'fpRatio', 'numIters', 'lr', 'applyPca', 'init', 'distance', 'knnMethod', 'layoutEvery',
]);

/**
 * `project(X, {method: 'pacmap', ...PacmapOptions})`: see `pacmap`. No model: PaCMAP's `transform` re-optimises
 * new points against a fixed basis and is not offered (`supportsTransform: false`).
 */
export const pacmapMethod: MethodDefinition = {
  name: 'pacmap',
  description: 'PaCMAP (PaCMAP 0.9.1 semantics and defaults): NN, mid-near and further pairs, three-phase Adam, PCA init.',
  needsClusters: false,
  iterative: true,
  supportsTransform: false,
  createJob(X, options) {
    for (const key of Object.keys(options)) {
      if (!KNOWN.has(key)) throw new ProjectionInputError(key, options[key], `is not an option of method 'pacmap' (known: ${[...KNOWN].join(', ')})`);
    }
    const o = { ...(options as PacmapOptions & CommonOptions & Record<string, unknown>) };
    delete o.method;
    delete o.clusters;
    delete o.onLayout;
    const { X: m, job } = preparePacmap(X, o);
    return (function* (): Job<ProjectionResult> {
      const r = yield* job;
      return { embedding: r.embedding, rows: m.rows, cols: 2, method: 'pacmap' };
    })();
  },
};
