import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, test } from 'vitest';
import { ProjectionWorker, type WorkerLike } from '../src/runtime/worker-client.js';
import { tsne } from '../src/tsne/tsne.js';
import { TsneModel } from '../src/tsne/tsne-model.js';
import type { TsneResult } from '../src/tsne/fit-tsne-job.js';
import { ReferencePotentialGrid } from '../src/tsne/reference-potential-grid.js';
import { exactReferenceRepulsion } from '../src/tsne/exact-reference-repulsion.js';
import { labelAccuracy } from '../src/metrics/label-accuracy.js';
import { AbortError, ProjectionInputError } from '../src/errors.js';
import { projectSync } from '../src/project.js';
import { listMethods } from '../src/methods/registry.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import type { Matrix } from '../src/types.js';
import { digits, digitsLabels } from './fixtures.js';

const SHORT = { earlyExaggerationIter: 100, nIter: 150 };

/** Rows `idx` of X as a new matrix. */
function rows(X: Matrix, idx: ArrayLike<number>): Matrix<Float32Array> {
  const d = X.cols;
  const data = new Float32Array(idx.length * d);
  for (let t = 0; t < idx.length; t++) data.set(X.data.subarray(idx[t]! * d, idx[t]! * d + d), t * d);
  return { data, rows: idx.length, cols: d };
}

/** Majority label (ties to the smaller label) of each point's k nearest reference points in 2-D; the fraction right. */
function heldOutAccuracy(ref: Float32Array, refLabels: Int32Array, pts: Float32Array, ptsLabels: Int32Array, k = 15): number {
  let right = 0;
  const n = refLabels.length;
  const d2 = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < ptsLabels.length; i++) {
    for (let j = 0; j < n; j++) {
      d2[j] = (ref[2 * j]! - pts[2 * i]!) ** 2 + (ref[2 * j + 1]! - pts[2 * i + 1]!) ** 2;
      order[j] = j;
    }
    order.sort((a, b) => d2[a]! - d2[b]! || a - b);
    const votes = new Map<number, number>();
    for (let t = 0; t < k; t++) votes.set(refLabels[order[t]!]!, (votes.get(refLabels[order[t]!]!) ?? 0) + 1);
    let best = -1;
    let count = -1;
    for (const [label, c] of votes) if (c > count || (c === count && label < best)) [best, count] = [label, c];
    if (best === ptsLabels[i]) right++;
  }
  return right / ptsLabels.length;
}

/** RMS distance of the layout's points from their mean. */
function spread(y: Float32Array): number {
  const n = y.length / 2;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) [mx, my] = [mx + y[2 * i]! / n, my + y[2 * i + 1]! / n];
  let s = 0;
  for (let i = 0; i < n; i++) s += (y[2 * i]! - mx) ** 2 + (y[2 * i + 1]! - my) ** 2;
  return Math.sqrt(s / n);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

describe('TsneModel.transform on digits (fit on 80 %, seeded split)', () => {
  const X = digits();
  const labels = digitsLabels();
  const rng = createRng(5);
  const order = Array.from({ length: X.rows }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const nTrain = Math.round(0.8 * X.rows);
  const train = order.slice(0, nTrain);
  const test_ = order.slice(nTrain);
  const Xtr = rows(X, train);
  const Xte = rows(X, test_);
  const ltr = Int32Array.from(train, (i) => labels[i]!);
  const lte = Int32Array.from(test_, (i) => labels[i]!);
  let fit: TsneResult;
  let model: TsneModel;
  let held: Float32Array;
  beforeAll(() => {
    fit = tsne(Xtr, { seed: 1871, model: true, ...SHORT });
    model = fit.model!;
    held = model.transform(Xte);
  });

  test('tsne(X, {model: true}) returns a TsneModel over the fitted layout; without it, no model', () => {
    expect(model).toBeInstanceOf(TsneModel);
    expect(model.embedding).toBe(fit.embedding);
    expect([model.nSamples, model.nFeatures, model.k]).toEqual([nTrain, 64, 90]);
    expect(tsne(rows(X, train.slice(0, 60)), { seed: 1, earlyExaggerationIter: 5, nIter: 5 }).model).toBeUndefined();
  });

  test("transform(held-out rows): their 15-NN label accuracy against the reference layout is within 0.05 of the fit's own", () => {
    expect(held).toBeInstanceOf(Float32Array);
    expect(held.length).toBe(2 * Xte.rows);
    expect(held.every(Number.isFinite)).toBe(true);
    const inSample = labelAccuracy(fit.embedding, ltr, { k: 15 });
    const heldOut = heldOutAccuracy(fit.embedding, ltr, held, lte);
    expect(inSample).toBeGreaterThan(0.9);
    expect(heldOut).toBeGreaterThan(inSample - 0.05);
  });

  test("transform(training rows) lands each next to its own fitted position, in the fit's frame", () => {
    const idx = Array.from({ length: 300 }, (_, t) => t * 4);
    const y = model.transform(rows(Xtr, idx));
    const disp = idx.map((i, t) => Math.hypot(y[2 * t]! - fit.embedding[2 * i]!, y[2 * t + 1]! - fit.embedding[2 * i + 1]!));
    expect(median(disp)).toBeLessThan(0.02 * spread(fit.embedding));
  });

  test('transform is deterministic and does not depend on how the rows are batched (fixed repulsion method)', () => {
    const a = model.transform(Xte, { negativeGradientMethod: 'fft' });
    expect(model.transform(Xte, { negativeGradientMethod: 'fft' })).toEqual(a);
    const half = 150;
    const first = model.transform({ data: Xte.data.subarray(0, half * 64), rows: half, cols: 64 }, { negativeGradientMethod: 'fft' });
    expect(first).toEqual(a.subarray(0, 2 * half));
  });

  test("transform with 'fft' and 'exact' repulsion places points alike", () => {
    const a = model.transform(Xte, { negativeGradientMethod: 'fft' });
    const b = model.transform(Xte, { negativeGradientMethod: 'exact' });
    const gaps = Array.from({ length: Xte.rows }, (_, i) => Math.hypot(a[2 * i]! - b[2 * i]!, a[2 * i + 1]! - b[2 * i + 1]!));
    expect(median(gaps)).toBeLessThan(0.01 * spread(fit.embedding));
  });

  test('transform keeps a far outlier inside the disc around the reference (1.25 × its largest |coordinate|)', () => {
    const far = new Float32Array(64).fill(1e4);
    const e = fit.embedding;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let i = 0; i < nTrain; i++) {
      [x0, x1] = [Math.min(x0, e[2 * i]!), Math.max(x1, e[2 * i]!)];
      [y0, y1] = [Math.min(y0, e[2 * i + 1]!), Math.max(y1, e[2 * i + 1]!)];
    }
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    const radius = 1.25 * Math.max(x1 - cx, y1 - cy);
    const y = model.transform({ data: far, rows: 1, cols: 64 }, { initialization: Float32Array.of(cx + 10 * radius, cy), nIter: 20 });
    expect(Math.hypot(y[0]! - cx, y[1]! - cy)).toBeLessThanOrEqual(radius * (1 + 1e-6));
  });

  test('transform reports its phases with layouts, transformAsync gives the same result, and an abort throws AbortError', async () => {
    const small = rows(Xte, [0, 1, 2, 3, 4]);
    const phases = new Set<string>();
    let layouts = 0;
    const y = model.transform(small, { nIter: 20, onProgress: (p) => phases.add(p.phase), onLayout: () => layouts++ });
    expect([...phases]).toEqual(['neighbors', 'affinities', 'init', 'optimize']);
    expect(layouts).toBe(1 + 4);
    await expect(model.transformAsync(small, { nIter: 20 })).resolves.toEqual(y);
    const controller = new AbortController();
    const run = (): Float32Array => model.transform(small, { signal: controller.signal, onProgress: (p) => p.done === 3 && p.phase === 'optimize' && controller.abort() });
    expect(run).toThrow(AbortError);
  });

  test('transform of zero rows returns an empty layout', () => {
    expect(model.transform({ data: new Float32Array(0), rows: 0, cols: 64 })).toEqual(new Float32Array(0));
  });

  test('transform rejects bad input with ProjectionInputError naming the parameter', () => {
    const catchParam = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ProjectionInputError);
        return (e as ProjectionInputError).param;
      }
      throw new Error('did not throw');
    };
    expect(catchParam(() => model.transform({ data: new Float32Array(63), rows: 1, cols: 63 }))).toBe('X.cols');
    const nan = Xte.data.slice(0, 128);
    nan[70] = NaN;
    expect(catchParam(() => model.transform({ data: nan, rows: 2, cols: 64 }))).toBe('X');
    const one = rows(Xte, [0]);
    expect(catchParam(() => model.transform(one, { perplexity: nTrain }))).toBe('perplexity');
    expect(catchParam(() => model.transform(one, { perplexity: -1 }))).toBe('perplexity');
    expect(catchParam(() => model.transform(one, { k: 0 }))).toBe('k');
    expect(catchParam(() => model.transform(one, { learningRate: 0 }))).toBe('learningRate');
    expect(catchParam(() => model.transform(one, { maxGradNorm: -1 }))).toBe('maxGradNorm');
    expect(catchParam(() => model.transform(one, { initialization: new Float32Array(4) }))).toBe('initialization.length');
    expect(catchParam(() => model.transform(one, { negativeGradientMethod: 'bh' as 'fft' }))).toBe('negativeGradientMethod');
    expect(catchParam(() => model.transform(one, { nIter: 1.5 }))).toBe('nIter');
  });

  test('TsneModel.fromState(model.toJSON()) transforms as the original does (Worker transport)', () => {
    const sub = rows(Xtr, Array.from({ length: 200 }, (_, i) => i));
    const original = tsne(sub, { seed: 3, model: true, earlyExaggerationIter: 20, nIter: 30 }).model!;
    const state = original.toJSON();
    expect(state.trainData).not.toBe(sub.data);
    const copy = TsneModel.fromState(structuredClone(state));
    const small = rows(Xte, [5, 6, 7, 8]);
    expect(copy.transform(small, { nIter: 30 })).toEqual(original.transform(small, { nIter: 30 }));
  });
});

describe('ReferencePotentialGrid', () => {
  test('evaluate matches exactReferenceRepulsion (forces and Z) to about 1e-2 inside its disc, on a seeded blob reference', () => {
    const rng = createRng(3);
    const n = 2000;
    const m = 300;
    const ref = new Float64Array(2 * n);
    for (let j = 0; j < n; j++) {
      const c = (j % 5) * 15 - 30;
      ref[2 * j] = c + 3 * normal(rng);
      ref[2 * j + 1] = -c + 3 * normal(rng);
    }
    const grid = new ReferencePotentialGrid(ref, n);
    const y = new Float64Array(2 * m);
    for (let i = 0; i < m; i++) {
      const [a, b] = [20 * normal(rng), 20 * normal(rng)];
      const f = Math.min(1, grid.halfSide / Math.hypot(a, b));
      [y[2 * i], y[2 * i + 1]] = [a * f, b * f];
    }
    const [fa, za, fb, zb] = [new Float64Array(2 * m), new Float64Array(m), new Float64Array(2 * m), new Float64Array(m)];
    grid.evaluate(y, m, fa, za);
    exactReferenceRepulsion(ref, n, y, m, fb, zb);
    let errF = 0, normF = 0, errZ = 0;
    for (let i = 0; i < m; i++) {
      errF += (fa[2 * i]! - fb[2 * i]!) ** 2 + (fa[2 * i + 1]! - fb[2 * i + 1]!) ** 2;
      normF += fb[2 * i]! ** 2 + fb[2 * i + 1]! ** 2;
      errZ = Math.max(errZ, Math.abs(za[i]! - zb[i]!) / zb[i]!);
    }
    expect(Math.sqrt(errF / normF)).toBeLessThan(3e-2);
    expect(errZ).toBeLessThan(3e-2);
    expect(grid.boxes).toBeGreaterThanOrEqual(50);
  });
});

describe("project({method: 'tsne'}) and 'tsne-centers'", () => {
  /** 12 seeded Gaussian blobs in 10-D, 25 points each. */
  function blobs(): { X: Matrix<Float32Array>; labels: Int32Array } {
    const rng = createRng(11);
    const k = 12;
    const centers = Array.from({ length: k }, () => Float64Array.from({ length: 10 }, () => normal(rng) * 8));
    const data = new Float32Array(k * 25 * 10);
    const labels = new Int32Array(k * 25);
    for (let i = 0; i < k * 25; i++) {
      labels[i] = i % k;
      for (let j = 0; j < 10; j++) data[i * 10 + j] = centers[i % k]![j]! + normal(rng);
    }
    return { X: { data, rows: k * 25, cols: 10 }, labels };
  }

  test("listMethods() marks 'tsne' and 'tsne-centers' as supporting transform", () => {
    const info = listMethods().filter((m) => m.name.startsWith('tsne'));
    expect(info.map((m) => [m.name, m.supportsTransform])).toEqual([['tsne', true], ['tsne-centers', true]]);
  });

  test("projectSync(X, {method: 'tsne'}) returns a model whose transform places the blobs' rows on their blobs", () => {
    const { X, labels } = blobs();
    const r = projectSync(X, { method: 'tsne', seed: 2, ...SHORT });
    const model = r.model as TsneModel;
    expect(model).toBeInstanceOf(TsneModel);
    const y = model.transform(X);
    expect(heldOutAccuracy(r.embedding, labels, y, labels)).toBeGreaterThan(0.95);
  });

  test("tsne(X, {metric: 'cosine', model: true}).model.transform places scaled copies of the rows (same cosine neighbours) on their blobs", () => {
    const { X, labels } = blobs();
    const fit = tsne(X, { metric: 'cosine', model: true, seed: 6, ...SHORT });
    const scaled = { data: X.data.map((v) => 3 * v), rows: X.rows, cols: X.cols }; // same directions, same cosine neighbours
    const y = fit.model!.transform(scaled);
    expect(heldOutAccuracy(fit.embedding, labels, y, labels)).toBeGreaterThan(0.95);
  });

  test("ProjectionWorker.project(X, {method: 'tsne'}) brings back a TsneModel that transforms as the main thread's does", async () => {
    const entry = fileURLToPath(new URL('../dist/worker.js', import.meta.url));
    expect(existsSync(entry)).toBe(true);
    const client = new ProjectionWorker(new Worker(entry) as unknown as WorkerLike);
    try {
      const { X } = blobs();
      const options = { method: 'tsne' as const, seed: 4, earlyExaggerationIter: 30, nIter: 30 };
      const remote = await client.project(X, options);
      const local = projectSync(X, options);
      expect(remote.embedding).toEqual(local.embedding);
      expect(remote.model).toBeInstanceOf(TsneModel);
      const some = rows(X, [0, 50, 100, 299]);
      expect((remote.model as TsneModel).transform(some, { nIter: 20 })).toEqual((local.model as TsneModel).transform(some, { nIter: 20 }));
    } finally {
      client.terminate();
    }
  });

  test("projectSync(X, {method: 'tsne-centers', clusters}) fits on the 12 centers and transforms every row", () => {
    const { X, labels } = blobs();
    const r = projectSync(X, { method: 'tsne-centers', clusters: labels, perplexity: 3, seed: 2, ...SHORT });
    expect(r.embedding.length).toBe(2 * X.rows);
    expect(r.embedding.every(Number.isFinite)).toBe(true);
    expect(labelAccuracy(r.embedding, labels, { k: 15 })).toBeGreaterThan(0.95);
  });

  test("projectSync(X, {method: 'tsne-centers'}) with the default perplexity works on 12 centers (lowered to 11/3 as openTSNE does)", () => {
    const { X, labels } = blobs();
    const r = projectSync(X, { method: 'tsne-centers', clusters: labels, seed: 2, ...SHORT });
    expect(r.embedding.every(Number.isFinite)).toBe(true);
    expect(labelAccuracy(r.embedding, labels, { k: 15 })).toBeGreaterThan(0.95);
  });
});
