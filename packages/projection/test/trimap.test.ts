import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, test } from 'vitest';
import { trimap } from '../src/trimap/trimap.js';
import type { TrimapResult } from '../src/trimap/fit-trimap-job.js';
import { project, projectSync } from '../src/project.js';
import { listMethods } from '../src/methods/registry.js';
import { ProjectionWorker, type WorkerLike } from '../src/runtime/worker-client.js';
import { trustworthiness } from '../src/metrics/trustworthiness.js';
import { knnRecall } from '../src/metrics/knn-recall.js';
import { labelAccuracy } from '../src/metrics/label-accuracy.js';
import { AbortError } from '../src/errors.js';
import type { Progress } from '../src/types.js';
import { digits, digitsLabels, blobs, nonFinite, inputError } from './fixtures.js';

describe('trimap(X) on digits', () => {
  const X = digits();
  const labels = digitsLabels();
  let r: TrimapResult;
  beforeAll(() => {
    r = trimap(X, { seed: 1871 });
  }, 60000);

  test('trimap(digits, {seed: 1871}) scores within 0.02 of the reference (trimap 1.1.4: recall 0.5089, trust 0.9819, label 0.973)', () => {
    expect(r.embedding.length).toBe(2 * 1797);
    expect(nonFinite(r.embedding)).toBe(0);
    expect(trustworthiness(X, r.embedding, { k: 15 })).toBeGreaterThanOrEqual(0.9619);
    expect(knnRecall(X, r.embedding, { k: 15 })).toBeGreaterThanOrEqual(0.4889);
    expect(labelAccuracy(r.embedding, labels, { k: 15 })).toBeGreaterThanOrEqual(0.953);
  });
  test('trimap(digits) uses 51 triplets per point, the normalised (d ≤ 100) path, violates few triplets and keeps the data scale', () => {
    expect(r.nTriplets).toBe(1797 * 51);
    expect(r.preprocessing).toBe('normalize');
    expect(r.violated).toBeLessThan(0.06);
    // No rescaling: the 0.01 × PCA init grows to tens of units, as the reference's layout (about ±50 on digits).
    let max = 0;
    for (const v of r.embedding) max = Math.max(max, Math.abs(v));
    expect(max).toBeGreaterThan(10);
    expect(max).toBeLessThan(500);
  });
  test('trimap(digits) does not mutate X', () => {
    const fresh = digits().data;
    let changed = 0;
    for (let t = 0; t < fresh.length; t++) if (fresh[t] !== X.data[t]) changed++;
    expect(changed).toBe(0);
  });
});

describe('trimap(X) on small seeded data', () => {
  test('trimap(5 blobs in 120-d) takes the PCA path and separates the blobs', () => {
    const { X, labels } = blobs(5, 40, 120);
    const r = trimap(X, { seed: 3, nIters: 250 });
    expect(r.preprocessing).toBe('pca');
    expect(nonFinite(r.embedding)).toBe(0);
    expect(labelAccuracy(r.embedding, labels, { k: 10 })).toBeGreaterThanOrEqual(0.99);
    // Every blob's 2-D radius is well under the distance to the nearest other blob centre.
    const cx = new Float64Array(10);
    for (let i = 0; i < 200; i++) for (let c = 0; c < 2; c++) cx[2 * labels[i]! + c]! += r.embedding[2 * i + c]! / 40;
    let maxRadius = 0;
    for (let i = 0; i < 200; i++) maxRadius = Math.max(maxRadius, Math.hypot(r.embedding[2 * i]! - cx[2 * labels[i]!]!, r.embedding[2 * i + 1]! - cx[2 * labels[i]! + 1]!));
    let minGap = Infinity;
    for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) minGap = Math.min(minGap, Math.hypot(cx[2 * a]! - cx[2 * b]!, cx[2 * a + 1]! - cx[2 * b + 1]!));
    expect(minGap).toBeGreaterThan(1.5 * maxRadius);
  });
  test('trimap(X, {seed}) is bit-identical for the same seed and differs for another', () => {
    const { X } = blobs(3, 30, 10, 2);
    const a = trimap(X, { seed: 9, nIters: 60 }).embedding;
    const b = trimap(X, { seed: 9, nIters: 60 }).embedding;
    const c = trimap(X, { seed: 10, nIters: 60 }).embedding;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
  test('trimap(X with duplicated rows and all-identical rows) stays finite and keeps duplicates together', () => {
    const { X, labels } = blobs(3, 20, 8, 4);
    const rep = 6; // every row 6 times: the reference's σ would hit its 1e-10 floor
    const data = new Float32Array(X.data.length * rep);
    const lab = new Int32Array(60 * rep);
    for (let i = 0; i < 60; i++) {
      for (let c = 0; c < rep; c++) {
        data.set(X.data.subarray(i * 8, i * 8 + 8), (i * rep + c) * 8);
        lab[i * rep + c] = labels[i]!;
      }
    }
    const r = trimap({ data, rows: 60 * rep, cols: 8 }, { seed: 1, nIters: 200 });
    expect(nonFinite(r.embedding)).toBe(0);
    let max = 0;
    for (const v of r.embedding) max = Math.max(max, Math.abs(v));
    expect(max).toBeLessThan(1000);
    expect(labelAccuracy(r.embedding, lab, { k: 10 })).toBeGreaterThanOrEqual(0.95);
    const same = trimap({ data: new Float32Array(30 * 4).fill(2.5), rows: 30, cols: 4 }, { seed: 1, nIters: 20 });
    expect(nonFinite(same.embedding)).toBe(0);
  });
  test("trimap(X, {init: Float32Array}) starts from a copy of it; {init: 'random'} works too", () => {
    const { X } = blobs(3, 20, 5, 5);
    const init = new Float32Array(120).map((_, t) => (t % 7) - 3);
    const before = init.slice();
    const zero = trimap(X, { init, nIters: 0 });
    expect(Array.from(zero.embedding)).toEqual(Array.from(init));
    expect(zero.embedding).not.toBe(init);
    trimap(X, { init, nIters: 20 });
    expect(init).toEqual(before);
    expect(nonFinite(trimap(X, { init: 'random', nIters: 30, seed: 2 }).embedding)).toBe(0);
  });
});

describe('trimap progress and cancellation', () => {
  const { X } = blobs(4, 30, 6, 6);
  test('trimap(X, {onProgress, onLayout, layoutEvery}) reports the phases in order and a layout every layoutEvery iterations', () => {
    const phases: string[] = [];
    const layouts: Progress[] = [];
    trimap(X, {
      nIters: 50,
      layoutEvery: 20,
      onProgress: (p) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
      },
      onLayout: (layout, p) => {
        expect(layout.length).toBe(240);
        layouts.push(p);
      },
    });
    expect(phases).toEqual(['pca', 'neighbors', 'triplets', 'pca', 'init', 'optimize']);
    expect(layouts.map((p) => `${p.phase}:${p.done}`)).toEqual(['init:1', 'optimize:20', 'optimize:40', 'optimize:50']);
  });
  test('trimap(X, {signal}) aborted during the optimisation throws AbortError carrying the last layout', () => {
    const controller = new AbortController();
    let error: unknown;
    try {
      trimap(X, {
        signal: controller.signal,
        layoutEvery: 5,
        onProgress: (p) => {
          if (p.phase === 'optimize' && p.done === 10) controller.abort();
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AbortError);
    const layout = (error as AbortError).layout!;
    expect(layout.length).toBe(240);
    expect(nonFinite(layout)).toBe(0);
  });
});

describe("project(X, {method: 'trimap'}) and the Worker", () => {
  const { X } = blobs(3, 25, 12, 8);
  test("listMethods() lists 'trimap' (iterative, no transform) and 'trimap-cluster-id'", () => {
    const info = listMethods().find((m) => m.name === 'trimap');
    expect(info).toMatchObject({ iterative: true, supportsTransform: false, needsClusters: false });
    expect(listMethods().map((m) => m.name)).toContain('trimap-cluster-id');
  });
  test("project and projectSync with method 'trimap' equal trimap() for the same seed", async () => {
    const direct = trimap(X, { seed: 4, nIters: 40 }).embedding;
    const viaAsync = await project(X, { method: 'trimap', seed: 4, nIters: 40 });
    const viaSync = projectSync(X, { method: 'trimap', seed: 4, nIters: 40 });
    expect(viaAsync).toMatchObject({ rows: 75, cols: 2, method: 'trimap' });
    expect(Array.from(viaAsync.embedding)).toEqual(Array.from(direct));
    expect(Array.from(viaSync.embedding)).toEqual(Array.from(direct));
  });
  test("project(X, {method: 'trimap-cluster-id', clusters}) runs TriMap on [X | id] and needs clusters", async () => {
    const { X: B, labels } = blobs(3, 25, 12, 8);
    const r = await project(B, { method: 'trimap-cluster-id', clusters: labels, clusterIdWeight: 50, seed: 4, nIters: 60 });
    expect(r.method).toBe('trimap-cluster-id');
    expect(nonFinite(r.embedding)).toBe(0);
    expect(labelAccuracy(r.embedding, labels, { k: 10 })).toBeGreaterThanOrEqual(0.99);
    expect(inputError(() => projectSync(B, { method: 'trimap-cluster-id' })).param).toBe('clusters');
  });
  test("project(X, {method: 'trimap', bogus}) names the unknown option", () => {
    const e = inputError(() => projectSync(X, { method: 'trimap', bogus: 1 } as never));
    expect(e.param).toBe('bogus');
  });
  test("ProjectionWorker.project(X, {method: 'trimap'}) on dist/worker.js equals the main thread and streams layouts", async () => {
    const entry = fileURLToPath(new URL('../dist/worker.js', import.meta.url));
    expect(existsSync(entry)).toBe(true);
    const client = new ProjectionWorker(new Worker(entry) as unknown as WorkerLike);
    try {
      let layouts = 0;
      const r = await client.project(X, { method: 'trimap', seed: 4, nIters: 40 }, { onLayout: () => layouts++ });
      expect(Array.from(r.embedding)).toEqual(Array.from(trimap(X, { seed: 4, nIters: 40 }).embedding));
      expect(layouts).toBeGreaterThan(0);
    } finally {
      await client.terminate();
    }
  });
});

describe('trimap bad input', () => {
  const { X } = blobs(2, 10, 4, 9);
  test('trimap(X with NaN) names X, the row and the column', () => {
    const data = X.data.slice();
    data[4 * 3 + 2] = NaN;
    const e = inputError(() => trimap({ data, rows: 20, cols: 4 }));
    expect([e.param, e.code]).toEqual(['X', 'non-finite']);
    expect(e.message).toContain('row 3, column 2');
  });
  test('trimap(X with fewer than nInliers + nOutliers + 1 rows) names X.rows, the value and the rule', () => {
    const small = { data: X.data.slice(0, 16 * 4), rows: 16, cols: 4 };
    const e = inputError(() => trimap(small));
    expect([e.param, e.value, e.code]).toEqual(['X.rows', 16, 'too-few-rows']);
    expect(e.message).toContain('nInliers + nOutliers + 1 = 17');
    expect(nonFinite(trimap(small, { nInliers: 8, nIters: 10 }).embedding)).toBe(0);
  });
  test.each([
    ['nInliers', { nInliers: 2.5 }],
    ['nOutliers', { nOutliers: 0 }],
    ['nRandom', { nRandom: -1 }],
    ['weightTemp', { weightTemp: -0.5 }],
    ['lr', { lr: 0 }],
    ['nIters', { nIters: '400' }],
    ['applyPca', { applyPca: 'yes' }],
    ['distance', { distance: 'cosine' }],
    ['init', { init: 'spectral' }],
    ['init.length', { init: new Float32Array(6) }],
    ['knnMethod', { knnMethod: 'annoy' }],
    ['seed', { seed: 1.5 }],
    ['layoutEvery', { layoutEvery: 0 }],
  ])('trimap(X, {%s: bad}) throws ProjectionInputError naming it', (param, options) => {
    const e = inputError(() => trimap(X, options as never));
    expect(e.param).toBe(param);
    expect(e.message.startsWith(`${param} = `)).toBe(true);
  });
});
