import { ProjectionInputError } from '../errors.js';
import type { MethodDefinition, MethodInfo } from './method-definition.js';
import { pcaMethod } from './pca-method.js';
import { ldaMethod } from './lda-method.js';
import { clusterIdVariant } from './cluster-id-variant.js';
import { centerReprojection } from './center-reprojection.js';
import { pcaCentersFit } from './center-pca.js';
import { umapMethod, umapSupervisedMethod } from './umap-method.js';
import { tsneMethod } from './tsne-method.js';
import { trimapMethod } from './trimap-method.js';
import { pacmapMethod } from './pacmap-method.js';
import { clusterplotMethod } from './clusterplot-method.js';

/** The built-in methods, in `listMethods()` order. A new method adds its definition here. */
const BUILT_IN: readonly MethodDefinition[] = [
  pcaMethod,
  ldaMethod,
  clusterIdVariant(pcaMethod),
  centerReprojection(pcaMethod, pcaCentersFit),
  umapMethod,
  umapSupervisedMethod,
  clusterIdVariant(umapMethod),
  centerReprojection(umapMethod),
  tsneMethod,
  centerReprojection(tsneMethod),
  trimapMethod,
  clusterIdVariant(trimapMethod),
  pacmapMethod,
  clusterIdVariant(pacmapMethod),
  clusterplotMethod,
];

const table = new Map<string, MethodDefinition>(BUILT_IN.map((m) => [m.name, m]));

/**
 * Adds (or replaces) a method in this realm's registry, e.g. a custom method inside a custom Worker entry.
 * @throws ProjectionInputError when the name is not kebab-case.
 */
export function registerMethod(definition: MethodDefinition): void {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new ProjectionInputError('definition.name', definition.name, 'must be kebab-case ([a-z][a-z0-9-]*)');
  }
  table.set(definition.name, definition);
}

/** The definition registered under `name`. @throws ProjectionInputError listing the known names. */
export function getMethod(name: unknown): MethodDefinition {
  const def = typeof name === 'string' ? table.get(name) : undefined;
  if (!def) throw new ProjectionInputError('method', name, `must be one of: ${[...table.keys()].join(', ')}`, 'unknown-method');
  return def;
}

/** Name, description and capabilities of every registered method. */
export function listMethods(): MethodInfo[] {
  return [...table.values()].map(({ name, description, needsClusters, iterative, supportsTransform }) => ({
    name,
    description,
    needsClusters,
    iterative,
    supportsTransform,
  }));
}
