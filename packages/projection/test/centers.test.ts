import { describe, expect, test } from 'vitest';
import { clusterCenters } from '../src/methods/cluster-centers.js';
import { CenterReprojectionModel } from '../src/methods/center-reprojection-model.js';
import { getMethod } from '../src/methods/registry.js';
import { PcaModel } from '../src/methods/pca-model.js';
import { project, projectSync } from '../src/project.js';
import { digits, digitsLabels } from './fixtures.js';
import { blobs, relativeDiffUpToSign, sklearnLayout } from './lda-fixtures.js';

describe('clusterCenters(X, clusters)', () => {
  test('clusterCenters returns float32 means in ascending id order with counts', () => {
    const c = clusterCenters([[1, 2], [3, 4], [10, 0], [5, 0]], [9, 9, -1, 9]);
    expect(Array.from(c.ids)).toEqual([-1, 9]);
    expect(Array.from(c.counts)).toEqual([1, 3]);
    expect(Array.from(c.centers.data)).toEqual([10, 0, 3, 2]);
    expect(c.centers.rows).toBe(2);
  });
});

describe("project(X, {method: 'pca-centers'})", () => {
  test("'pca-centers' on digits equals scikit-learn PCA(2) fitted on the 10 class means, transform(X), up to sign", async () => {
    const r = await project(digits(), { method: 'pca-centers', clusters: digitsLabels() });
    expect(relativeDiffUpToSign(r.embedding, sklearnLayout('centers_pca'), 1797)).toBeLessThanOrEqual(1e-4);
    const model = r.model as CenterReprojectionModel;
    expect(model).toBeInstanceOf(CenterReprojectionModel);
    expect(model.base).toBeInstanceOf(PcaModel);
    expect(model.notes).toEqual([]);
    expect(Array.from(model.transform(digits())).slice(0, 10)).toEqual(Array.from(r.embedding.slice(0, 10)));
  });

  test("'pca-centers' twice with the same seed is bit-identical", async () => {
    const { X, labels } = blobs(120, 5, 4, 5);
    const a = await project(X, { method: 'pca-centers', clusters: labels, seed: 2 });
    const b = await project(X, { method: 'pca-centers', clusters: labels, seed: 2 });
    expect(Array.from(a.embedding)).toEqual(Array.from(b.embedding));
  });

  test("'pca-centers' with K = 2 puts the centers on axis 1 and the top within-cluster direction on axis 2", () => {
    const { X, labels } = blobs(200, 4, 2, 6);
    const r = projectSync(X, { method: 'pca-centers', clusters: labels });
    const model = r.model as CenterReprojectionModel;
    expect(model.notes[0]).toMatch(/2 clusters: axes 2..2 are the top within-cluster/);
    const base = model.base as PcaModel;
    let dot = 0;
    for (let j = 0; j < 4; j++) dot += base.components[j]! * base.components[4 + j]!;
    expect(Math.abs(dot)).toBeLessThan(1e-10);
    // the two centers differ on axis 1 only
    const c = model.centers;
    const y = base.transform({ data: c, rows: 2, cols: 4 });
    expect(Math.abs(y[1]! - y[3]!)).toBeLessThan(1e-4);
    expect(Math.abs(y[0]! - y[2]!)).toBeGreaterThan(1);
  });

  test("'pca-centers' with one cluster fits plain PCA on all points and says so", () => {
    const { X } = blobs(60, 3, 3, 1);
    const r = projectSync(X, { method: 'pca-centers', clusters: new Int32Array(60).fill(4) });
    const plain = projectSync(X, { method: 'pca' });
    expect(Array.from(r.embedding)).toEqual(Array.from(plain.embedding));
    expect((r.model as CenterReprojectionModel).notes[0]).toMatch(/only one cluster/);
  });

  test("'pca-centers' model survives modelToState / modelFromState", () => {
    const { X, labels } = blobs(60, 3, 3, 2);
    const r = projectSync(X, { method: 'pca-centers', clusters: labels });
    const def = getMethod('pca-centers');
    const copy = def.modelFromState!(structuredClone(def.modelToState!(r.model))) as CenterReprojectionModel;
    expect(Array.from(copy.transform(X))).toEqual(Array.from(r.embedding));
  });

  test("'pca-centers' rejects unknown options and missing clusters", () => {
    const X = [[1, 2], [3, 4], [5, 7]];
    expect(() => projectSync(X, { method: 'pca-centers' })).toThrow(/clusters = undefined: is required/);
    expect(() => projectSync(X, { method: 'pca-centers', clusters: new Int32Array([0, 1, 2]), perplexity: 3 } as never)).toThrow(/perplexity = 3: is not an option/);
  });
});
