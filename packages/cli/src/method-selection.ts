import { listMethods, type MethodInfo } from '@clamp-viz/projection';
import { UsageError } from './errors.js';

/** The methods a `--method` value selects, and those `all` left out with the reason. */
export interface MethodSelection {
  readonly run: readonly MethodInfo[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

/**
 * Resolves `--method`: one registry name, a comma-separated list (`pca,umap`; duplicates run once, in first
 * order), or `all` (every registered method, in registry order). With `all`, methods that need cluster ids are
 * skipped when `hasClusters` is false (listed in `skipped`); a method named explicitly that needs them is a
 * usage error. O(methods).
 * @throws UsageError for an empty or unknown name (listing the known ones) or a missing `--clusters`.
 */
export function selectMethods(spec: string, hasClusters: boolean): MethodSelection {
  const methods = listMethods();
  const known = () => `known methods: ${methods.map((m) => m.name).join(', ')} (or all)`;
  if (spec.trim() === 'all') {
    const run = methods.filter((m) => hasClusters || !m.needsClusters);
    const skipped = methods
      .filter((m) => !hasClusters && m.needsClusters)
      .map((m) => ({ name: m.name, reason: 'needs cluster ids (give --clusters FILE)' }));
    if (run.length === 0) throw new UsageError('--method all: no method runs without cluster ids; give --clusters FILE');
    return { run, skipped };
  }
  const names = spec.split(',').map((s) => s.trim());
  const run: MethodInfo[] = [];
  for (const name of names) {
    if (name === '') throw new UsageError(`--method ${JSON.stringify(spec)}: empty method name; ${known()}`);
    const found = methods.find((m) => m.name === name);
    if (!found) throw new UsageError(`unknown --method ${JSON.stringify(name)}; ${known()}`);
    if (found.needsClusters && !hasClusters) throw new UsageError(`--method ${found.name} needs cluster ids: give --clusters FILE`);
    if (!run.includes(found)) run.push(found);
  }
  return { run, skipped: [] };
}

/** The column suffix of a method: `x_<suffix>`, `y_<suffix>` (`pca-cluster-id` → `pca_cluster_id`). */
export function columnSuffix(method: string): string {
  return method.replace(/-/g, '_');
}
