import { ProjectionInputError } from '../errors.js';
import type { Job } from '../runtime/job.js';
import type { ProjectionResult } from '../types.js';
import type { MethodDefinition } from './method-definition.js';
import { pcaJob, prepare, type PcaSolver } from './pca.js';
import { PcaModel, type PcaModelState } from './pca-model.js';

const KNOWN = new Set(['method', 'nComponents', 'solver', 'seed', 'signal', 'onProgress', 'onLayout', 'clusters']);

/** `project(X, {method: 'pca', nComponents?, solver?})`: scikit-learn PCA (see `pca`). The model is a `PcaModel`. */
export const pcaMethod: MethodDefinition = {
  name: 'pca',
  description: 'Principal component analysis (scikit-learn PCA semantics): linear, deterministic, fast.',
  needsClusters: false,
  iterative: false,
  supportsTransform: true,
  createJob(X, options) {
    for (const key of Object.keys(options)) {
      if (!KNOWN.has(key)) throw new ProjectionInputError(key, options[key], `is not an option of method 'pca' (known: ${[...KNOWN].join(', ')})`);
    }
    const { X: m, job } = prepare(X, {
      nComponents: options.nComponents as number | undefined,
      solver: options.solver as PcaSolver | undefined,
      seed: options.seed,
    });
    return (function* (): Job<ProjectionResult> {
      const { embedding, model } = yield* pcaJob(m, job);
      return { embedding, rows: m.rows, cols: model.nComponents, method: 'pca', model };
    })();
  },
  modelToState: (model) => (model as PcaModel).toJSON(),
  modelFromState: (state) => PcaModel.fromState(state as PcaModelState),
};
