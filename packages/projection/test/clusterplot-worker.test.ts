import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClusterplotModel } from '../src/methods/clusterplot-method.js';
import { projectSync } from '../src/project.js';
import { ProjectionWorker, type WorkerLike } from '../src/runtime/worker-client.js';
import { blobs } from './fixtures.js';

const entry = fileURLToPath(new URL('../dist/worker.js', import.meta.url));
let client: ProjectionWorker;

beforeAll(() => {
  // dist/ is built once by test/global-setup.ts before any test file runs.
  expect(existsSync(entry)).toBe(true);
  client = new ProjectionWorker(new Worker(entry) as unknown as WorkerLike);
});
afterAll(() => client?.terminate());

/** Three well-separated 6-d blobs of 60 rows, ids 3, 7, 11 (arbitrary, not 0..C−1); k-means anchors keep it fast. */
function data() {
  const { X, labels } = blobs(3, 60, 6, 11);
  const clusters = Int32Array.from(labels, (l) => [3, 7, 11][l]!);
  return { X, clusters, options: { method: 'clusterplot', clusters, anchors: { method: 'kmeans', perCluster: 4 }, nIter: 4, seed: 5 } as const };
}

describe("project({method: 'clusterplot'}) result.outlines", () => {
  test('on the calling thread: one outline per cluster id, the same rings as model.polygons, each an even-length finite Float32Array', () => {
    const { X, options } = data();
    const r = projectSync(X, options);
    expect(r.outlines?.map((o) => o.clusterId)).toEqual([3, 7, 11]);
    expect(r.outlines).toBe((r.model as ClusterplotModel).polygons);
    for (const o of r.outlines!) {
      expect(o.rings.length).toBeGreaterThan(0);
      for (const ring of o.rings) {
        expect(ring).toBeInstanceOf(Float32Array);
        expect(ring.length % 2).toBe(0);
        expect(ring.length).toBeGreaterThanOrEqual(6);
        expect(ring.every(Number.isFinite)).toBe(true);
      }
    }
  });

  test('in a worker_threads Worker: the outlines and embedding come back equal to the main-thread run', async () => {
    const { X, options } = data();
    const local = projectSync(X, options);
    const remote = await client.project(X, options);
    expect(Array.from(remote.embedding)).toEqual(Array.from(local.embedding));
    expect(remote.outlines?.map((o) => o.clusterId)).toEqual([3, 7, 11]);
    remote.outlines!.forEach((o, i) => {
      expect(o.rings.map((r) => Array.from(r))).toEqual(local.outlines![i]!.rings.map((r) => Array.from(r)));
      for (const ring of o.rings) expect(ring).toBeInstanceOf(Float32Array);
    });
    // model.polygons still arrives too, sharing the outlines' arrays (structured clone keeps identity).
    expect((remote.model as ClusterplotModel).polygons[0]!.rings[0]).toBe(remote.outlines![0]!.rings[0]);
  });

  test('other methods leave outlines undefined, also through the Worker', async () => {
    const { X } = data();
    const r = await client.project(X, { method: 'pca' });
    expect(r.outlines).toBeUndefined();
  });
});
