import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, test } from 'vitest';
import { pacmap } from '../src/pacmap/pacmap.js';
import type { PacmapResult } from '../src/pacmap/fit-pacmap-job.js';
import { defaultNeighborCount, pairCounts } from '../src/pacmap/pair-counts.js';
import { pacmapWeights } from '../src/pacmap/pacmap-weights.js';
import { pacmapGradient, type PacmapPairs } from '../src/pacmap/pacmap-gradient.js';
import { neighborPairs } from '../src/pacmap/neighbor-pairs.js';
import { scaledPacmapInit } from '../src/pacmap/pacmap-init.js';
import { project } from '../src/project.js';
import { pca } from '../src/methods/pca.js';
import { listMethods } from '../src/methods/registry.js';
import { exactKnn } from '../src/metrics/exact-knn.js';
import { knnRecall } from '../src/metrics/knn-recall.js';
import { labelAccuracy } from '../src/metrics/label-accuracy.js';
import { trustworthiness } from '../src/metrics/trustworthiness.js';
import { AbortError } from '../src/errors.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import { ProjectionWorker, type WorkerLike } from '../src/runtime/worker-client.js';
import type { Progress } from '../src/types.js';
import { digits, digitsLabels, blobs, nonFinite, inputError } from './fixtures.js';

describe('pacmap(digits) with the notebook call', () => {
  const X = digits();
  const labels = digitsLabels();
  let r: PacmapResult;
  beforeAll(() => {
    r = pacmap(X, { nNeighbors: 8, mnRatio: 0.5, fpRatio: 2, seed: 1871 });
  }, 30000);

  test('reaches the reference quality (PaCMAP 0.9.1: knn_recall15 0.4815, trust15 0.9802, label_acc15 0.9803) within 0.02', () => {
    expect(r.embedding.length).toBe(2 * 1797);
    expect(nonFinite(r.embedding)).toBe(0);
    expect(knnRecall(X, r.embedding)).toBeGreaterThanOrEqual(0.46);
    expect(trustworthiness(X, r.embedding)).toBeGreaterThanOrEqual(0.96);
    expect(labelAccuracy(r.embedding, labels)).toBeGreaterThanOrEqual(0.96);
  });
  test('uses 8 NN, 4 mid-near and 16 further pairs per point, the normalised (not reduced) path and the PCA init', () => {
    expect([r.pairs.nNeighbors, r.pairs.nMidNear, r.pairs.nFurther]).toEqual([8, 4, 16]);
    expect([r.reduced, r.initUsed]).toEqual([false, 'pca']);
    expect(Number.isFinite(r.loss)).toBe(true);
  });
  test('NN pairs are the 8 smallest scaled distances d²/(σ_i σ_j) among the 58 exact neighbours, σ = mean of the 4th–6th', () => {
    const knn = exactKnn(X, { k: 58 });
    const { partners, sigma } = neighborPairs(knn, 1797, 8);
    const i = 100;
    expect(sigma[i]).toBeCloseTo((knn.distances[i * 58 + 3]! + knn.distances[i * 58 + 4]! + knn.distances[i * 58 + 5]!) / 3, 4);
    const scored = Array.from({ length: 58 }, (_, p) => {
      const j = knn.indices[i * 58 + p]!;
      return knn.distances[i * 58 + p]! ** 2 / sigma[i]! / sigma[j]!;
    }).sort((a, b) => a - b);
    const chosen = Array.from(partners.subarray(i * 8, i * 8 + 8), (j) => {
      const p = Array.from(knn.indices.subarray(i * 58, i * 58 + 58)).indexOf(j);
      return knn.distances[i * 58 + p]! ** 2 / sigma[i]! / sigma[j]!;
    });
    expect(chosen).toEqual(scored.slice(0, 8));
  });
  test('pairs exclude self; further pairs are distinct and never NN partners; mid-near pairs are distinct', () => {
    const { neighbors, midNear, further } = r.pairs;
    let bad = 0;
    for (let i = 0; i < 1797; i++) {
      const nn = new Set(neighbors.subarray(i * 8, i * 8 + 8));
      const fp = new Set(further.subarray(i * 16, i * 16 + 16));
      const mn = new Set(midNear.subarray(i * 4, i * 4 + 4));
      if (nn.has(i) || fp.has(i) || mn.has(i) || fp.size !== 16 || mn.size !== 4 || nn.size !== 8) bad++;
      for (const j of fp) if (nn.has(j)) bad++;
    }
    expect(bad).toBe(0);
  });
  test('pacmap(digits) does not mutate X', () => {
    const fresh = digits().data;
    let changed = 0;
    for (let t = 0; t < fresh.length; t++) if (fresh[t] !== X.data[t]) changed++;
    expect(changed).toBe(0);
  });
});

describe('pacmap on small seeded data', () => {
  test('pacmap(4 blobs in 20-d) separates the blobs: perfect 15-NN label agreement and trustworthiness ≥ 0.95', () => {
    const { X, labels } = blobs(4, 60, 20);
    const r = pacmap(X, { seed: 3 });
    expect(labelAccuracy(r.embedding, labels)).toBe(1);
    expect(trustworthiness(X, r.embedding)).toBeGreaterThanOrEqual(0.95);
  });
  test('pacmap(X with d = 150 > 100) reduces to 100 principal components first and still separates blobs', () => {
    const { X, labels } = blobs(3, 50, 150, 11);
    const r = pacmap(X, { seed: 5, numIters: 100 });
    expect(r.reduced).toBe(true);
    expect(labelAccuracy(r.embedding, labels)).toBe(1);
  });
  test('the same seed gives a bit-identical layout; another seed gives a different one', () => {
    const { X } = blobs(3, 40, 8);
    const a = pacmap(X, { seed: 9, numIters: 50 });
    const b = pacmap(X, { seed: 9, numIters: 50 });
    const c = pacmap(X, { seed: 10, numIters: 50 });
    expect(Array.from(b.embedding)).toEqual(Array.from(a.embedding));
    expect(Array.from(c.embedding)).not.toEqual(Array.from(a.embedding));
  });
  test("init: 'random' and an n×2 array (standardised, × 1e-4) both give finite layouts; the array init keeps its shape", () => {
    const { X, labels } = blobs(3, 40, 8);
    expect(pacmap(X, { seed: 1, init: 'random' }).initUsed).toBe('random');
    const given = new Float32Array(240);
    for (let i = 0; i < 120; i++) given[2 * i] = 100 * labels[i]!;
    const scaled = scaledPacmapInit(given);
    let ss = 0;
    for (let i = 0; i < 120; i++) ss += scaled[2 * i]! ** 2;
    expect(Math.sqrt(ss / 120)).toBeCloseTo(1e-4, 9);
    expect(scaled[1]).toBe(0);
    const r = pacmap(X, { seed: 1, init: given });
    expect([r.initUsed, nonFinite(r.embedding)]).toEqual(['array', 0]);
  });
  test('all-identical rows and exact duplicates give finite layouts (no NaN)', () => {
    const same = { data: new Float32Array(40 * 5).fill(3), rows: 40, cols: 5 };
    expect(nonFinite(pacmap(same, { seed: 1 }).embedding)).toBe(0);
    const { X } = blobs(2, 30, 4);
    const doubled = new Float32Array(2 * X.data.length);
    doubled.set(X.data);
    doubled.set(X.data, X.data.length);
    const r = pacmap({ data: doubled, rows: 120, cols: 4 }, { seed: 1 });
    expect(nonFinite(r.embedding)).toBe(0);
  });
  test("numIters [0, 0, 0] returns the 'pca' init: 0.01 × PCA(2) scores of the min/max-normalised, centered data; nNeighbors null → 10", () => {
    const { X } = blobs(3, 40, 6);
    let min = Infinity, max = -Infinity;
    for (const v of X.data) min = Math.min(min, v);
    for (const v of X.data) max = Math.max(max, v - min);
    const scaled = { data: X.data.map((v) => (v - min) / max), rows: 120, cols: 6 };
    const scores = pca(scaled).embedding;
    const r = pacmap(X, { seed: 1, numIters: [0, 0, 0], nNeighbors: null });
    expect([r.initUsed, r.pairs.nNeighbors, Number.isNaN(r.loss)]).toEqual(['pca', 10, true]);
    let worst = 0;
    for (let t = 0; t < 240; t++) worst = Math.max(worst, Math.abs(Math.abs(r.embedding[t]!) - 0.01 * Math.abs(scores[t]!)));
    expect(worst).toBeLessThan(1e-6);
  });
  test('pacmap(4 rows) works with reduced pair counts (1 NN, 0 MN, 2 FP), as the reference reorganises them', () => {
    const X = { data: Float32Array.from([0, 0, 1, 0, 0, 1, 5, 5]), rows: 4, cols: 2 };
    const r = pacmap(X, { seed: 1 });
    expect([r.pairs.nNeighbors, r.pairs.nMidNear, r.pairs.nFurther]).toEqual([1, 0, 2]);
    expect(nonFinite(r.embedding)).toBe(0);
  });
});

describe('pacmap building blocks', () => {
  test('pairCounts follows decide_num_pairs: defaults, small-n reorganisation, the nNeighbors = null size rule', () => {
    expect(pairCounts(1797, 10, 0.5, 2)).toEqual({ nNeighbors: 10, nMidNear: 5, nFurther: 20 });
    expect(pairCounts(1797, 8, 0.5, 2)).toEqual({ nNeighbors: 8, nMidNear: 4, nFurther: 16 });
    expect(pairCounts(20, 10, 0.5, 2)).toEqual({ nNeighbors: 5, nMidNear: 2, nFurther: 11 });
    expect([defaultNeighborCount(10000), defaultNeighborCount(100000), defaultNeighborCount(1e6)]).toEqual([10, 25, 40]);
  });
  test('pacmapWeights: w_MN 1000 → 3 over phase 1 with w_NN 2, then (3, 3, 1), then (0, 1, 1)', () => {
    const phases = [100, 100, 250] as const;
    expect(pacmapWeights(0, phases)).toEqual({ mn: 1000, nn: 2, fp: 1 });
    expect(pacmapWeights(50, phases).mn).toBeCloseTo(501.5, 10);
    expect(pacmapWeights(100, phases)).toEqual({ mn: 3, nn: 3, fp: 1 });
    expect(pacmapWeights(199, phases)).toEqual({ mn: 3, nn: 3, fp: 1 });
    expect(pacmapWeights(200, phases)).toEqual({ mn: 0, nn: 1, fp: 1 });
  });
  test('pacmapGradient is the exact derivative of its loss (NN 10, MN 10000, FP 1 + D constants): finite differences agree', () => {
    const rng = createRng(4);
    const n = 12;
    const Y = Float32Array.from({ length: 2 * n }, () => normal(rng) * 3);
    const pick = (count: number): Int32Array => Int32Array.from({ length: n * count }, (_, t) => (Math.floor(t / count) + 1 + (t % count) * 3) % n);
    const pairs: PacmapPairs = { neighbors: pick(2), nNeighbors: 2, midNear: pick(1), nMidNear: 1, further: pick(3), nFurther: 3 };
    const w = { nn: 2, mn: 500, fp: 1 };
    const grad = new Float64Array(2 * n);
    pacmapGradient(Y, pairs, w, grad);
    const scratch = new Float64Array(2 * n);
    let worst = 0;
    for (const t of [0, 5, 13, 22]) {
      const y = Float32Array.from(Y);
      const h = 1e-2;
      y[t] = Y[t]! + h;
      const up = pacmapGradient(y, pairs, w, scratch);
      y[t] = Y[t]! - h;
      const down = pacmapGradient(y, pairs, w, scratch);
      worst = Math.max(worst, Math.abs((up - down) / (2 * h) - grad[t]!) / Math.max(1e-3, Math.abs(grad[t]!)));
    }
    expect(worst).toBeLessThan(1e-3);
  });
});

describe('pacmap runs: progress, cancellation, project() and the Worker', () => {
  const { X } = blobs(3, 40, 6);
  test('reports preprocess → neighbors → pairs → init → optimize and streams layouts every layoutEvery iterations', () => {
    const phases: string[] = [];
    let layouts = 0;
    pacmap(X, {
      seed: 2,
      layoutEvery: 50,
      onProgress: (p) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
      },
      onLayout: () => layouts++,
    });
    expect(phases).toEqual(['preprocess', 'neighbors', 'pairs', 'init', 'optimize']);
    expect(layouts).toBe(1 + 450 / 50);
  });
  test('aborting during the optimisation throws AbortError carrying the last (finite) layout', () => {
    const controller = new AbortController();
    let error: unknown;
    try {
      pacmap(X, {
        seed: 2,
        signal: controller.signal,
        onProgress: (p: Progress) => {
          if (p.phase === 'optimize' && p.done === 60) controller.abort();
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AbortError);
    const layout = (error as AbortError).layout!;
    expect([layout.length, nonFinite(layout)]).toEqual([240, 0]);
  });
  test("project(X, {method: 'pacmap'}) equals pacmap(X) and 'pacmap-cluster-id' runs on [X | id]", async () => {
    const direct = pacmap(X, { seed: 4 });
    const viaProject = await project(X, { method: 'pacmap', seed: 4 });
    expect(Array.from(viaProject.embedding)).toEqual(Array.from(direct.embedding));
    expect(viaProject.method).toBe('pacmap');
    const clusters = Int32Array.from({ length: 120 }, (_, i) => Math.floor(i / 40));
    const withId = await project(X, { method: 'pacmap-cluster-id', clusters, seed: 4 });
    expect([withId.method, nonFinite(withId.embedding)]).toEqual(['pacmap-cluster-id', 0]);
    const info = listMethods().find((m) => m.name === 'pacmap');
    expect(info).toMatchObject({ iterative: true, supportsTransform: false, needsClusters: false });
  });
  test('ProjectionWorker (dist/worker.js) runs pacmap with progress and returns the main-thread layout bit for bit', async () => {
    const entry = fileURLToPath(new URL('../dist/worker.js', import.meta.url));
    expect(existsSync(entry)).toBe(true);
    const client = new ProjectionWorker(new Worker(entry) as unknown as WorkerLike);
    try {
      const phases = new Set<string>();
      const r = await client.project(X, { method: 'pacmap', seed: 4 }, { onProgress: (p) => phases.add(p.phase) });
      expect(Array.from(r.embedding)).toEqual(Array.from(pacmap(X, { seed: 4 }).embedding));
      expect(phases.has('optimize')).toBe(true);
    } finally {
      await client.terminate();
    }
  });
});

describe('pacmap bad input', () => {
  const { X } = blobs(2, 20, 3);
  test('a NaN in X is a ProjectionInputError naming X, the row and the column', () => {
    const bad = { data: X.data.slice(), rows: 40, cols: 3 };
    bad.data[3 * 7 + 2] = NaN;
    const e = inputError(() => pacmap(bad));
    expect([e.param.startsWith('X'), e.code]).toEqual([true, 'non-finite']);
  });
  test('too few rows for one NN and one further pair per point names X.rows and the minimum n', () => {
    const e = inputError(() => pacmap({ data: new Float32Array(6), rows: 3, cols: 2 }));
    expect([e.param, e.value, e.code]).toEqual(['X.rows', 3, 'too-few-rows']);
    expect(e.rule).toContain('n >= 4');
  });
  test('wrong option types and ranges name the option, the value and the rule', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ nNeighbors: 0 }, 'nNeighbors'],
      [{ nNeighbors: 2.5 }, 'nNeighbors'],
      [{ nNeighbors: 'ten' }, 'nNeighbors'],
      [{ mnRatio: -1 }, 'mnRatio'],
      [{ fpRatio: 0 }, 'fpRatio'],
      [{ lr: Number.NaN }, 'lr'],
      [{ numIters: [100, 100] }, 'numIters'],
      [{ numIters: [100, -1, 250] }, 'numIters[1]'],
      [{ applyPca: 'yes' }, 'applyPca'],
      [{ init: 'spectral' }, 'init'],
      [{ init: new Float32Array(3) }, 'init.length'],
      [{ distance: 'manhattan' }, 'distance'],
      [{ knnMethod: 'hnsw' }, 'knnMethod'],
      [{ seed: 1.5 }, 'seed'],
    ];
    for (const [options, param] of cases) expect(inputError(() => pacmap(X, options as never)).param).toBe(param);
  });
  test("project(X, {method: 'pacmap', perplexity}) rejects an option pacmap does not have", async () => {
    await expect(project(X, { method: 'pacmap', perplexity: 30 } as never)).rejects.toMatchObject({ name: 'ProjectionInputError', param: 'perplexity' });
  });
});
