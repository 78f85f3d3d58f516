import { ProjectionInputError } from '../errors.js';
import type { Job } from '../runtime/job.js';
import type { ProjectionResult } from '../types.js';
import { prepareTsne } from '../tsne/tsne.js';
import type { TsneOptions } from '../tsne/tsne-options.js';
import { TsneModel, type TsneModelState } from '../tsne/tsne-model.js';
import type { CommonOptions, MethodDefinition } from './method-definition.js';

/** The t-SNE options `project()` accepts for `'tsne'` (see `TsneOptions`). */
export type TsneMethodOptions = Omit<TsneOptions, 'signal' | 'onProgress' | 'onLayout'>;

const KNOWN = new Set([
  'method', 'seed', 'signal', 'onProgress', 'onLayout', 'clusters',
  'perplexity', 'earlyExaggerationIter', 'earlyExaggeration', 'nIter', 'exaggeration', 'learningRate', 'initialMomentum',
  'finalMomentum', 'maxStepNorm', 'initialization', 'metric', 'negativeGradientMethod', 'knnMethod', 'layoutEvery', 'model',
]);

/**
 * `project(X, {method: 'tsne', ...TsneOptions})`: see `tsne`. Unlike `tsne()`, `model` defaults to true here: the
 * result's model is a `TsneModel` (`transform` embeds new points; it crosses a Worker as `TsneModelState`, its
 * neighbour index rebuilt on the first transform). Pass `model: false` to drop the neighbour index early (memory).
 */
export const tsneMethod: MethodDefinition = {
  name: 'tsne',
  description: 't-SNE (openTSNE 1.0 semantics and defaults): perplexity 30, PCA init, early exaggeration, FFT-accelerated repulsion.',
  needsClusters: false,
  iterative: true,
  supportsTransform: true,
  createJob(X, options) {
    for (const key of Object.keys(options)) {
      if (!KNOWN.has(key)) throw new ProjectionInputError(key, options[key], `is not an option of method 'tsne' (known: ${[...KNOWN].join(', ')})`);
    }
    const o = { ...(options as TsneOptions & CommonOptions & Record<string, unknown>) };
    delete o.method;
    delete o.clusters;
    delete o.onLayout;
    o.model ??= true;
    const { X: m, job } = prepareTsne(X, o);
    return (function* (): Job<ProjectionResult> {
      const r = yield* job;
      const result = { embedding: r.embedding, rows: m.rows, cols: 2, method: 'tsne' };
      return r.model ? { ...result, model: r.model } : result;
    })();
  },
  modelToState: (model) => (model as TsneModel).toJSON(),
  modelFromState: (state) => TsneModel.fromState(state as TsneModelState),
};
