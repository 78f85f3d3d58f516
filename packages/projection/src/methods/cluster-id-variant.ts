import type { Job } from '../runtime/job.js';
import type { ProjectionResult } from '../types.js';
import { withClusterIdColumn, type ClusterIdColumnOptions } from './cluster-id-column.js';
import type { MethodDefinition } from './method-definition.js';

/** The options `project` and the `*-cluster-id` variants read for the id column (removed before the base method sees them). */
export const CLUSTER_ID_OPTIONS = ['clusterIdColumn', 'clusterIdWeight', 'clusterIdMode'] as const;

/** Reads `clusterIdWeight` / `clusterIdMode` from method options. */
export function clusterIdColumnOptions(options: Record<string, unknown>): ClusterIdColumnOptions {
  return { weight: options.clusterIdWeight as number | undefined, idMode: options.clusterIdMode as 'index' | 'raw' | undefined };
}

/** `options` without the cluster-id keys. */
export function withoutClusterIdOptions<T extends Record<string, unknown>>(options: T): T {
  const rest: Record<string, unknown> = { ...options };
  for (const key of CLUSTER_ID_OPTIONS) delete rest[key];
  return rest as T;
}

/**
 * Turns a method into its cluster-id-trick variant (methods.md §5), named `<base>-cluster-id`: it runs `base`
 * on [X | clusterIdWeight·id] (see `withClusterIdColumn`; options `clusterIdWeight`, default 1, and
 * `clusterIdMode`, default `'index'`). Needs `clusters`. The model is the base model, fitted on d + 1 columns.
 * One line registers a variant of any method: `registerMethod(clusterIdVariant(umapMethod))`.
 */
export function clusterIdVariant(base: MethodDefinition): MethodDefinition {
  const name = `${base.name}-cluster-id`;
  const variant: MethodDefinition = {
    name,
    description: `${base.name} on the data plus one column holding the cluster id (the cluster-id trick; scale with clusterIdWeight).`,
    needsClusters: true,
    iterative: base.iterative,
    supportsTransform: base.supportsTransform,
    createJob(X, options) {
      const augmented = withClusterIdColumn(X, options.clusters as Int32Array, clusterIdColumnOptions(options));
      const inner = base.createJob(augmented, { ...withoutClusterIdOptions(options), method: base.name });
      return (function* (): Job<ProjectionResult> {
        const result = yield* inner;
        return { ...result, method: name };
      })();
    },
  };
  if (base.modelToState) variant.modelToState = base.modelToState;
  if (base.modelFromState) variant.modelFromState = base.modelFromState;
  return variant;
}
