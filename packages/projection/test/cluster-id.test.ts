import { describe, expect, test } from 'vitest';
import { withClusterIdColumn } from '../src/methods/cluster-id-column.js';
import { clusterIndex } from '../src/methods/cluster-index.js';
import { pca } from '../src/methods/pca.js';
import { PcaModel } from '../src/methods/pca-model.js';
import { listMethods } from '../src/methods/registry.js';
import { project, projectSync } from '../src/project.js';
import { blobs } from './lda-fixtures.js';

describe('clusterIndex / withClusterIdColumn', () => {
  test('clusterIndex(ids) maps arbitrary ids to 0..K−1 in ascending order with counts (np.unique_inverse)', () => {
    const c = clusterIndex([30, -2, 30, 7], 4);
    expect(Array.from(c.ids)).toEqual([-2, 7, 30]);
    expect(Array.from(c.index)).toEqual([2, 0, 2, 1]);
    expect(Array.from(c.counts)).toEqual([1, 1, 2]);
  });

  test("withClusterIdColumn(X, ids) appends the index 0..K−1 by default, the raw id with idMode 'raw', times weight", () => {
    const X = { data: new Float32Array([1, 2, 3, 4, 5, 6]), rows: 3, cols: 2 };
    const ids = new Int32Array([30, 7, 30]);
    expect(Array.from(withClusterIdColumn(X, ids).data)).toEqual([1, 2, 1, 3, 4, 0, 5, 6, 1]);
    expect(Array.from(withClusterIdColumn(X, ids, { idMode: 'raw', weight: 0.5 }).data)).toEqual([1, 2, 15, 3, 4, 3.5, 5, 6, 15]);
    expect(Array.from(X.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('withClusterIdColumn rejects a non-finite weight, an unknown idMode and wrong-length ids', () => {
    const X = [[1], [2]];
    expect(() => withClusterIdColumn(X, [0, 1], { weight: Infinity })).toThrow(/clusterIdWeight = Infinity: must be a finite number/);
    expect(() => withClusterIdColumn(X, [0, 1], { idMode: 'x' as 'raw' })).toThrow(/clusterIdMode = "x"/);
    expect(() => withClusterIdColumn(X, [0])).toThrow(/clusters.length = 1/);
  });
});

describe("project(X, {clusterIdColumn}) and 'pca-cluster-id'", () => {
  test("project(X, {method: 'pca', clusterIdColumn: true, clusterIdWeight}) equals pca([X | weight·index])", async () => {
    const { X, labels } = blobs(90, 4, 3, 2);
    const r = await project(X, { method: 'pca', clusters: labels, clusterIdColumn: true, clusterIdWeight: 40 });
    const expected = pca(withClusterIdColumn(X, labels, { weight: 40 })).embedding;
    expect(Array.from(r.embedding)).toEqual(Array.from(expected));
    expect((r.model as PcaModel).nFeatures).toBe(5);
  });

  test("project(X, {method: 'pca-cluster-id'}) equals the clusterIdColumn option, twice bit-identically", async () => {
    const { X, labels } = blobs(90, 4, 3, 3);
    const a = await project(X, { method: 'pca-cluster-id', clusters: labels, clusterIdWeight: 10, seed: 3 });
    const b = await project(X, { method: 'pca-cluster-id', clusters: labels, clusterIdWeight: 10, seed: 3 });
    const c = await project(X, { method: 'pca', clusters: labels, clusterIdColumn: true, clusterIdWeight: 10, seed: 3 });
    expect(a.method).toBe('pca-cluster-id');
    expect(Array.from(a.embedding)).toEqual(Array.from(b.embedding));
    expect(Array.from(a.embedding)).toEqual(Array.from(c.embedding));
  });

  test('a large clusterIdWeight separates clusters along the id axis (the trick acts as a partition)', () => {
    const { X, labels } = blobs(90, 4, 3, 4, 0.1);
    const r = projectSync(X, { method: 'pca-cluster-id', clusters: labels, clusterIdWeight: 1000 });
    let closest = Infinity;
    for (let i = 0; i < 90; i++) for (let j = 0; j < 90; j++) {
      if (labels[i] !== labels[j]) closest = Math.min(closest, Math.abs(r.embedding[2 * i]! - r.embedding[2 * j]!));
    }
    expect(closest).toBeGreaterThan(500);
  });

  test('clusterIdColumn without clusters, with a *-cluster-id method, or not boolean is rejected', () => {
    const X = [[1, 2], [3, 4], [5, 7]];
    expect(() => projectSync(X, { method: 'pca', clusterIdColumn: true })).toThrow(/clusters = undefined: is required by clusterIdColumn/);
    expect(() => projectSync(X, { method: 'pca-cluster-id', clusters: new Int32Array(3), clusterIdColumn: true })).toThrow(/already appends/);
    expect(() => projectSync(X, { method: 'pca', clusterIdColumn: 1 as unknown as boolean })).toThrow(/clusterIdColumn = 1: must be a boolean/);
  });

  test("listMethods() lists 'pca-cluster-id' as needing clusters and supporting transform", () => {
    expect(listMethods().find((m) => m.name === 'pca-cluster-id')).toMatchObject({ needsClusters: true, supportsTransform: true });
  });
});
