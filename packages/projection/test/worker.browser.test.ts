import { afterAll, describe, expect, test } from 'vitest';
import { createProjectionWorker } from '../src/runtime/create-projection-worker.js';
import { pca } from '../src/methods/pca.js';
import { projectSync } from '../src/project.js';
import { PcaModel } from '../src/methods/pca-model.js';
import { AbortError, ProjectionInputError } from '../src/errors.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import type { Progress } from '../src/types.js';

function gaussian(n: number, d: number, seed = 1) {
  const rng = createRng(seed);
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) data[i * d + j] = normal(rng) * (d - j) + j;
  return { data, rows: n, cols: d };
}

const worker = createProjectionWorker();
afterAll(() => worker.terminate());

describe('createProjectionWorker() in Chromium', () => {
  test("project(X, {method: 'pca'}) in the module Worker equals the main-thread result and streams progress", async () => {
    const X = gaussian(2000, 32);
    const progress: Progress[] = [];
    const result = await worker.project(X, { method: 'pca' }, { onProgress: (p) => progress.push(p) });
    expect(Array.from(result.embedding)).toEqual(Array.from(pca(X).embedding));
    expect(result.model).toBeInstanceOf(PcaModel);
    expect(progress.some((p) => p.phase === 'covariance')).toBe(true);
    expect(X.data.length).toBe(2000 * 32);
  });
  test('project(X with Infinity) rejects with ProjectionInputError naming X', async () => {
    const X = gaussian(10, 3);
    X.data[4] = Infinity;
    const error = await worker.project(X, { method: 'pca' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectionInputError);
    expect((error as ProjectionInputError).param).toBe('X');
    const inside = await worker.project(gaussian(10, 3), { method: 'pca', nComponents: 5 }).catch((e: unknown) => e);
    expect((inside as ProjectionInputError).param).toBe('nComponents');
  });
  test('project(X, options, {signal}) aborted after the first progress rejects with AbortError', async () => {
    const controller = new AbortController();
    const run = worker.project(gaussian(40_000, 64), { method: 'pca' }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(AbortError);
  });
});

describe('an iterative method (UMAP) in the module Worker', () => {
  test("project(X, {method: 'umap', seed}) streams progress and layouts and equals projectSync on the main thread bit for bit", async () => {
    const X = gaussian(400, 16, 3);
    const phases = new Set<string>();
    const layouts: Float32Array[] = [];
    const options = { method: 'umap' as const, seed: 1871, nEpochs: 60, layoutEvery: 10 };
    const result = await worker.project(X, options, {
      onProgress: (p) => phases.add(p.phase),
      onLayout: (layout) => layouts.push(layout.slice()),
    });
    expect([...phases]).toEqual(expect.arrayContaining(['neighbors', 'graph', 'init', 'epochs']));
    expect(layouts.length).toBeGreaterThanOrEqual(3);
    expect(layouts.every((l) => l.length === 400 * 2 && l.every(Number.isFinite))).toBe(true);
    const main = projectSync(X, options);
    expect(Array.from(result.embedding)).toEqual(Array.from(main.embedding));
  });

  test('aborting a UMAP run after its first layout rejects with AbortError carrying the last layout', async () => {
    const controller = new AbortController();
    const run = worker.project(gaussian(1500, 16, 4), { method: 'umap', seed: 1, nEpochs: 500, layoutEvery: 5 }, {
      signal: controller.signal,
      onLayout: () => controller.abort(),
    });
    const error = (await run.catch((e: unknown) => e)) as AbortError;
    expect(error).toBeInstanceOf(AbortError);
    expect(error.layout?.length).toBe(1500 * 2);
    expect(error.layout!.every(Number.isFinite)).toBe(true);
  });
});

describe('the cluster-aware PCA views in the module Worker', () => {
  test.each(['pca-centers', 'pca-cluster-id'] as const)("project(X, {method: '%s', clusters}) equals projectSync on the main thread", async (method) => {
    const X = gaussian(600, 12, 5);
    const clusters = Int32Array.from({ length: 600 }, (_, i) => (i * 7) % 9);
    const viaWorker = await worker.project(X, { method, clusters });
    const main = projectSync(X, { method, clusters });
    expect(Array.from(viaWorker.embedding)).toEqual(Array.from(main.embedding));
    expect(viaWorker.embedding.every(Number.isFinite)).toBe(true);
  });
});
