import { describe, expect, test } from 'vitest';
import { listMethods } from '../src/methods/registry.js';
import { projectSync, project } from '../src/project.js';
import { getMethod } from '../src/methods/registry.js';
import { ProjectionInputError } from '../src/errors.js';
import { UmapModel } from '../src/umap/umap-model.js';
import { CenterReprojectionModel } from '../src/methods/center-reprojection-model.js';
import { labelAccuracy } from '../src/metrics/label-accuracy.js';
import type { ProjectionResult } from '../src/types.js';
import { blobs } from './fixtures.js';

// The UMAP names are not (yet) in project()'s typed MethodOptionsMap; call through a loosely typed alias.
const run = projectSync as unknown as (X: unknown, options: Record<string, unknown>) => ProjectionResult;
const runAsync = project as unknown as (X: unknown, options: Record<string, unknown>) => Promise<ProjectionResult>;

describe('UMAP registry methods', () => {
  const { X, labels } = blobs(5, 40, 6, 11);

  test('listMethods() lists umap, umap-supervised, umap-cluster-id and umap-centers with their capabilities', () => {
    const byName = new Map(listMethods().map((m) => [m.name, m]));
    expect(byName.get('umap')).toMatchObject({ needsClusters: false, iterative: true, supportsTransform: true });
    expect(byName.get('umap-supervised')).toMatchObject({ needsClusters: true, iterative: true, supportsTransform: true });
    expect(byName.get('umap-cluster-id')).toMatchObject({ needsClusters: true, supportsTransform: true });
    expect(byName.get('umap-centers')).toMatchObject({ needsClusters: true, supportsTransform: true });
  });
  test("project(X, {method: 'umap'}) returns an n×2 layout and a UmapModel, streaming layouts", async () => {
    let layouts = 0;
    const r = await runAsync(X, { method: 'umap', seed: 3, nEpochs: 50, onLayout: () => layouts++ });
    expect([r.rows, r.cols, r.method, r.embedding.length]).toEqual([200, 2, 'umap', 400]);
    expect(r.model).toBeInstanceOf(UmapModel);
    expect(layouts).toBeGreaterThan(5);
    expect(labelAccuracy(r.embedding, labels)).toBeGreaterThan(0.95);
  });
  test("project(X, {method: 'umap-supervised', clusters}) uses the clusters as target; without clusters it is rejected", () => {
    const r = run(X, { method: 'umap-supervised', clusters: labels, nEpochs: 50, targetWeight: 0.9 });
    expect(labelAccuracy(r.embedding, labels)).toBeGreaterThan(0.98);
    expect(() => run(X, { method: 'umap-supervised' })).toThrow(ProjectionInputError);
  });
  test("project(X, {method: 'umap-cluster-id', clusters}) fits on d + 1 columns", () => {
    const r = run(X, { method: 'umap-cluster-id', clusters: labels, nEpochs: 30 });
    expect(r.method).toBe('umap-cluster-id');
    expect((r.model as UmapModel).nFeatures).toBe(7);
  });
  test("project(X, {method: 'umap-centers', clusters}) fits on the 5 centers (nNeighbors 4) and transforms every point", () => {
    const r = run(X, { method: 'umap-centers', clusters: labels });
    const m = r.model as CenterReprojectionModel;
    expect(m).toBeInstanceOf(CenterReprojectionModel);
    const base = m.base as UmapModel;
    expect([base.nSamples, base.nNeighbors]).toEqual([5, 4]);
    expect(r.embedding.length).toBe(400);
    for (const v of r.embedding) expect(Number.isFinite(v)).toBe(true);
  });
  test("'umap' rejects unknown options naming them, and modelToState/modelFromState round-trip transform", () => {
    expect(() => run(X, { method: 'umap', nNeighbours: 10 })).toThrow(/nNeighbours/);
    const def = getMethod('umap');
    const r = run(X, { method: 'umap', nEpochs: 20 });
    const back = def.modelFromState!(structuredClone(def.modelToState!(r.model))) as UmapModel;
    const probe = { data: X.data.slice(0, 60), rows: 10, cols: 6 };
    expect(back.transform(probe)).toEqual((r.model as UmapModel).transform(probe));
  });
});
