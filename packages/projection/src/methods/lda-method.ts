import { ProjectionInputError } from '../errors.js';
import type { Job } from '../runtime/job.js';
import type { ProjectionResult } from '../types.js';
import type { MethodDefinition } from './method-definition.js';
import { ldaJob, prepareLda } from './lda.js';
import { LdaModel, type LdaModelState } from './lda-model.js';

const KNOWN = new Set(['method', 'nComponents', 'seed', 'signal', 'onProgress', 'onLayout', 'clusters']);

/** `project(X, {method: 'lda', clusters, nComponents?})`: scikit-learn LDA, svd solver (see `lda`). The model is an `LdaModel`. */
export const ldaMethod: MethodDefinition = {
  name: 'lda',
  description: 'Linear discriminant analysis (scikit-learn svd-solver semantics): linear axes that best separate the clusters.',
  needsClusters: true,
  iterative: false,
  supportsTransform: true,
  createJob(X, options) {
    for (const key of Object.keys(options)) {
      if (!KNOWN.has(key)) throw new ProjectionInputError(key, options[key], `is not an option of method 'lda' (known: ${[...KNOWN].join(', ')})`);
    }
    const { X: m, job } = prepareLda(X, options.clusters as Int32Array, { nComponents: options.nComponents as number | undefined });
    return (function* (): Job<ProjectionResult> {
      const { embedding, model } = yield* ldaJob(m, job);
      return { embedding, rows: m.rows, cols: model.nComponents, method: 'lda', model };
    })();
  },
  modelToState: (model) => (model as LdaModel).toJSON(),
  modelFromState: (state) => LdaModel.fromState(state as LdaModelState),
};
