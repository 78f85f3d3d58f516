import { ProjectionInputError } from '../errors.js';
import type { Job } from '../runtime/job.js';
import type { Matrix, ProjectionResult } from '../types.js';
import { clusterCenters, type ClusterCenters } from './cluster-centers.js';
import { CenterReprojectionModel, type CenterReprojectionModelState, type TransformModel } from './center-reprojection-model.js';
import type { CommonOptions, MethodDefinition } from './method-definition.js';

/**
 * Fits the base model on the K centers (K ≥ 2). Returns the model and any notes. The default runs
 * `base.createJob(centers, options)` and takes `result.model`.
 */
export type CenterFit = (
  centers: ClusterCenters,
  X: Matrix,
  options: Record<string, unknown> & CommonOptions,
) => Job<{ model: TransformModel; notes: string[] }>;

/**
 * Turns a method whose model has `transform` into its center-reprojection variant (methods.md §6), named
 * `<base>-centers`: fit the base method on the K cluster means only (unweighted: each center counts once),
 * then transform every point. Needs `clusters`. With K = 1 it fits the base method on all points (noted in
 * `model.notes`). `fit` overrides how the centers are fitted (e.g. PCA's K = 2 rule, see `pcaCentersFit`).
 * The model is a `CenterReprojectionModel`. One line registers a variant: `centerReprojection(umapMethod)`.
 * Cost: the base fit on K rows, plus the base transform of n rows, plus O(nd) for the centers.
 */
export function centerReprojection(base: MethodDefinition, fit: CenterFit = defaultFit(base)): MethodDefinition {
  const name = `${base.name}-centers`;
  const variant: MethodDefinition = {
    name,
    description: `${base.name} fitted on the cluster means only, then applied to every point (center reprojection).`,
    needsClusters: true,
    iterative: false,
    supportsTransform: true,
    createJob(X, options) {
      if (!base.supportsTransform) throw new ProjectionInputError('method', base.name, 'cannot be reprojected: its model has no transform');
      const c = clusterCenters(X, options.clusters as Int32Array);
      const baseOptions = { ...options, method: base.name };
      delete baseOptions.clusters;
      if (c.ids.length === 1) {
        const inner = base.createJob(X, baseOptions);
        return (function* (): Job<ProjectionResult> {
          const r = yield* inner;
          const notes = [`only one cluster: ${base.name} was fitted on all ${X.rows} points`];
          const model = new CenterReprojectionModel({ base: r.model as TransformModel, centers: c.centers.data, ids: c.ids, counts: c.counts, notes });
          return { ...r, method: name, model };
        })();
      }
      const fitJob = fit(c, X, baseOptions);
      return (function* (): Job<ProjectionResult> {
        const { model: baseModel, notes } = yield* fitJob;
        if (typeof baseModel?.transform !== 'function') throw new ProjectionInputError('method', base.name, 'returned a model without transform');
        const blocks: Float32Array[] = [];
        let cols = 0;
        for (let from = 0; from < X.rows; from += 4096) {
          const to = Math.min(X.rows, from + 4096);
          const block = baseModel.transform({ data: X.data.subarray(from * X.cols, to * X.cols), rows: to - from, cols: X.cols });
          cols = block.length / (to - from);
          blocks.push(block);
          yield { phase: 'transform', done: to, total: X.rows };
        }
        const embedding = new Float32Array(X.rows * cols);
        let at = 0;
        for (const b of blocks) {
          embedding.set(b, at);
          at += b.length;
        }
        const model = new CenterReprojectionModel({ base: baseModel, centers: c.centers.data, ids: c.ids, counts: c.counts, notes });
        return { embedding, rows: X.rows, cols, method: name, model };
      })();
    },
    modelToState(model) {
      const m = model as CenterReprojectionModel;
      const state: CenterReprojectionModelState = { ...m, base: base.modelToState ? base.modelToState(m.base) : m.base };
      return state;
    },
    modelFromState(state) {
      const s = state as CenterReprojectionModelState;
      const inner = (base.modelFromState ? base.modelFromState(s.base) : s.base) as TransformModel;
      return new CenterReprojectionModel({ ...s, base: inner });
    },
  };
  return variant;
}

function defaultFit(base: MethodDefinition): CenterFit {
  return function* (centers, _X, options) {
    const result = yield* base.createJob(centers.centers, options);
    return { model: result.model as TransformModel, notes: [] };
  };
}
