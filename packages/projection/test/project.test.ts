import { describe, expect, test } from 'vitest';
import { listMethods, registerMethod, getMethod } from '../src/methods/registry.js';
import { project, projectSync } from '../src/project.js';
import { pca } from '../src/methods/pca.js';
import { AbortError, ProjectionInputError } from '../src/errors.js';
import { stepperJob } from '../src/runtime/stepper-job.js';
import { gaussian } from './fixtures.js';

describe('project(X, {method})', () => {
  test("listMethods() describes 'pca' with its capabilities", () => {
    expect(listMethods().find((m) => m.name === 'pca')).toEqual({
      name: 'pca', description: expect.any(String), needsClusters: false, iterative: false, supportsTransform: true,
    });
  });
  test("project(X, {method: 'pca'}) resolves to the same embedding and model as pca(X)", async () => {
    const X = gaussian(500, 10);
    const result = await project(X, { method: 'pca' });
    expect(result.method).toBe('pca');
    expect([result.rows, result.cols]).toEqual([500, 2]);
    expect(Array.from(result.embedding)).toEqual(Array.from(pca(X).embedding));
    expect(projectSync(X, { method: 'pca', nComponents: 3 }).cols).toBe(3);
  });
  test("project(X, {method: 'nope'}) rejects with ProjectionInputError listing the known methods", async () => {
    const error = await project(gaussian(5, 2), { method: 'nope' as 'pca' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectionInputError);
    expect((error as ProjectionInputError).param).toBe('method');
    expect((error as Error).message).toMatch(/must be one of: pca/);
  });
  test("project(X, {method: 'pca', clusters}) checks the clusters' type and length, and unknown options", async () => {
    const X = gaussian(5, 2);
    await expect(project(X, { method: 'pca', clusters: new Int32Array(4) })).rejects.toThrow(/clusters.length = 4: must equal the number of rows of X \(5\)/);
    await expect(project(X, { method: 'pca', clusters: [1, 2] as never })).rejects.toThrow(/clusters.*Int32Array/);
    await expect(project(X, { method: 'pca', nComponent: 2 } as never)).rejects.toThrow(/nComponent = 2: is not an option of method 'pca'/);
  });
  test('project(X, {signal}) rejects with AbortError when aborted during the run', async () => {
    const controller = new AbortController();
    const run = project(gaussian(5000, 8), { method: 'pca', signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(AbortError);
  });
  test('registerMethod(def) adds an iterative method that project() streams layouts from', async () => {
    registerMethod({
      name: 'test-collapse', description: 'test only', needsClusters: true, iterative: true, supportsTransform: false,
      createJob(X) {
        const layout = new Float32Array(X.rows * 2).fill(1);
        let step = 0;
        const stepper = {
          layout, rows: X.rows, dims: 2, totalSteps: 4,
          get done() { return step >= 4; },
          step() { for (let i = 0; i < layout.length; i++) layout[i]! *= 0.5; return { step: step++, total: 4 }; },
        };
        return (function* () {
          const out = yield* stepperJob(stepper, 'epochs');
          return { embedding: out.slice(), rows: X.rows, cols: 2, method: 'test-collapse' };
        })();
      },
    });
    expect(getMethod('test-collapse').iterative).toBe(true);
    const X = gaussian(3, 2);
    await expect(project(X, { method: 'test-collapse' as 'pca' })).rejects.toThrow(/clusters.*required by method 'test-collapse'/);
    const seen: number[] = [];
    const result = await project(X, { method: 'test-collapse' as 'pca', clusters: new Int32Array(3), onLayout: (l) => seen.push(l[0]!) });
    expect(seen).toEqual([0.5, 0.25, 0.125, 0.0625]);
    expect(result.embedding[0]).toBe(0.0625);
    expect(() => registerMethod({ ...getMethod('pca'), name: 'Bad Name' })).toThrow(/kebab-case/);
  });
});
