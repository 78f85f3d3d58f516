import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ProjectionWorker, type WorkerLike } from '../src/runtime/worker-client.js';
import { pca } from '../src/methods/pca.js';
import { PcaModel } from '../src/methods/pca-model.js';
import { AbortError, ProjectionInputError } from '../src/errors.js';
import type { Progress } from '../src/types.js';
import { digits, gaussian } from './fixtures.js';

const entry = fileURLToPath(new URL('../dist/worker.js', import.meta.url));
let client: ProjectionWorker;

beforeAll(() => {
  // dist/ is built once by test/global-setup.ts before any test file runs.
  expect(existsSync(entry)).toBe(true);
  client = new ProjectionWorker(new Worker(entry) as unknown as WorkerLike);
});
afterAll(() => client?.terminate());

describe('ProjectionWorker on a worker_threads Worker (dist/worker.js)', () => {
  test("project(digits, {method: 'pca'}) equals the main-thread result, streams progress, keeps X attached", async () => {
    const X = digits();
    const progress: Progress[] = [];
    const result = await client.project(X, { method: 'pca' }, { onProgress: (p) => progress.push(p) });
    expect(Array.from(result.embedding)).toEqual(Array.from(pca(X).embedding));
    expect(result.model).toBeInstanceOf(PcaModel);
    expect((result.model as PcaModel).transform(X)).toEqual(result.embedding);
    expect(progress.map((p) => p.phase)).toContain('covariance');
    expect(progress.at(-1)).toEqual({ phase: 'transform', done: 1797, total: 1797 });
    expect(X.data.length).toBe(1797 * 64); // copied, not detached
  });
  test('project(X, options, {transfer: true}) detaches the caller buffer', async () => {
    const X = gaussian(50, 4);
    await client.project(X, { method: 'pca' }, { transfer: true });
    expect(X.data.length).toBe(0);
  });
  test('project(X with NaN) rejects with ProjectionInputError carrying param and code', async () => {
    const X = gaussian(20, 3);
    X.data[7] = NaN;
    const error = await client.project(X, { method: 'pca' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectionInputError);
    expect((error as ProjectionInputError).param).toBe('X');
    expect((error as ProjectionInputError).code).toBe('non-finite');
  });
  test('an error raised inside the worker comes back with name, message, code and param', async () => {
    const error = await client.project(gaussian(10, 3), { method: 'pca', nComponents: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectionInputError);
    expect((error as ProjectionInputError).param).toBe('nComponents');
    expect((error as Error).message).toBe('nComponents = 9: must be an integer in [1, 3]');
  });
  test('project(X, options, {signal}) aborted during the run rejects with AbortError and the worker stays usable', async () => {
    const controller = new AbortController();
    const X = gaussian(40_000, 64);
    const run = client.project(X, { method: 'pca' }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    const again = await client.project(gaussian(30, 3), { method: 'pca' });
    expect(again.rows).toBe(30);
  });
});
