import { ProjectionInputError } from '../errors.js';
import type { Job } from '../runtime/job.js';
import type { ProjectionResult } from '../types.js';
import { prepareUmap } from '../umap/umap.js';
import type { UmapOptions } from '../umap/umap-options.js';
import { UmapModel, type UmapModelState } from '../umap/umap-model.js';
import type { CommonOptions, MethodDefinition } from './method-definition.js';

/** The UMAP options `project()` accepts for `'umap'` and `'umap-supervised'` (see `UmapOptions`). */
export type UmapMethodOptions = Omit<UmapOptions, 'target' | 'signal' | 'onProgress' | 'onLayout'>;

const OPTION_NAMES = [
  'nNeighbors', 'minDist', 'spread', 'a', 'b', 'nEpochs', 'learningRate', 'negativeSampleRate', 'repulsionStrength',
  'localConnectivity', 'setOpMixRatio', 'metric', 'init', 'knnMethod', 'transformSeed', 'layoutEvery',
];
const COMMON = ['method', 'seed', 'signal', 'onProgress', 'onLayout', 'clusters'];

function umapDefinition(name: 'umap' | 'umap-supervised'): MethodDefinition {
  const supervised = name === 'umap-supervised';
  const known = new Set([...COMMON, ...OPTION_NAMES, ...(supervised ? ['targetWeight'] : [])]);
  return {
    name,
    description: supervised
      ? 'Supervised UMAP (umap-learn semantics): the cluster ids as a categorical target (targetWeight 0.5, −1 = unknown).'
      : 'UMAP (umap-learn 0.5 semantics and defaults): spectral init, fuzzy union graph, SGD; model.transform embeds new points.',
    needsClusters: supervised,
    iterative: true,
    supportsTransform: true,
    createJob(X, options) {
      for (const key of Object.keys(options)) {
        if (!known.has(key)) throw new ProjectionInputError(key, options[key], `is not an option of method '${name}' (known: ${[...known].join(', ')})`);
      }
      const umapOptions: UmapOptions = { ...(options as UmapOptions & CommonOptions) };
      delete (umapOptions as Record<string, unknown>).method;
      delete (umapOptions as Record<string, unknown>).clusters;
      delete umapOptions.signal;
      delete umapOptions.onLayout;
      if (supervised) umapOptions.target = options.clusters as Int32Array;
      const { X: m, job } = prepareUmap(X, { ...umapOptions, signal: options.signal });
      return (function* (): Job<ProjectionResult> {
        const r = yield* job;
        return { embedding: r.embedding, rows: m.rows, cols: 2, method: name, model: r.model };
      })();
    },
    modelToState: (model) => (model as UmapModel).toJSON(),
    modelFromState: (state) => UmapModel.fromState(state as UmapModelState),
  };
}

/** `project(X, {method: 'umap', ...UmapOptions})`: see `umap`. The model is a `UmapModel`. */
export const umapMethod: MethodDefinition = umapDefinition('umap');

/** `project(X, {method: 'umap-supervised', clusters, targetWeight?})`: `umap` with `target = clusters`. */
export const umapSupervisedMethod: MethodDefinition = umapDefinition('umap-supervised');
