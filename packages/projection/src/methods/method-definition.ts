import type { Job } from '../runtime/job.js';
import type { LayoutCallback } from '../runtime/job.js';
import type { Matrix, ProgressCallback, ProjectionResult } from '../types.js';

/** Options every method accepts (through `project`). */
export interface CommonOptions {
  /** Seed of the method's random generator (default 42). Same seed, same engine → same result. */
  seed?: number;
  /** Cancels the run: `project` rejects with `AbortError` (with the last layout, for iterative methods). */
  signal?: AbortSignal;
  /** Progress of each phase (`{phase, done, total}`). */
  onProgress?: ProgressCallback;
  /** Intermediate layouts of iterative methods (a live view; copy to keep). */
  onLayout?: LayoutCallback;
  /** One cluster id per row (n), for cluster-aware methods; required when the method `needsClusters`. */
  clusters?: Int32Array;
}

/** What `listMethods()` reports for each method. */
export interface MethodInfo {
  /** The name used by `project({method})` and the CLI's `--method`. */
  readonly name: string;
  readonly description: string;
  /** True when `clusters` is required. */
  readonly needsClusters: boolean;
  /** True for optimisers that stream intermediate layouts. */
  readonly iterative: boolean;
  /** True when the returned `model` can embed new points (`model.transform`). */
  readonly supportsTransform: boolean;
}

/**
 * One projection method, as the registry knows it. Adding a method is one file exporting a
 * `MethodDefinition` plus one line in `registry.ts` (or `registerMethod(def)` at run time).
 */
export interface MethodDefinition extends MethodInfo {
  /**
   * Validates `options` eagerly (throwing `ProjectionInputError`) and returns the work as a job.
   * `X` has passed `toMatrix`; `options.clusters`, when present, has length X.rows.
   */
  createJob(X: Matrix, options: Record<string, unknown> & CommonOptions): Job<ProjectionResult>;
  /** The structured-cloneable form of `result.model`, for Worker transport (default: the model itself). */
  modelToState?(model: unknown): unknown;
  /** Rebuilds `result.model` from `modelToState` output on the caller's side of a Worker. */
  modelFromState?(state: unknown): unknown;
}
