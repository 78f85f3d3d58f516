import { beforeAll, describe, expect, test } from 'vitest';
import { umap } from '../src/umap/umap.js';
import type { UmapResult } from '../src/umap/fit-umap-job.js';
import { trustworthiness } from '../src/metrics/trustworthiness.js';
import { labelAccuracy } from '../src/metrics/label-accuracy.js';
import { AbortError, ProjectionInputError } from '../src/errors.js';
import type { Matrix } from '../src/types.js';
import { digits, digitsLabels, blobs } from './fixtures.js';

function expectFinite(y: Float32Array): void {
  let bad = 0;
  for (const v of y) if (!Number.isFinite(v)) bad++;
  expect(bad).toBe(0);
}

describe('umap(X) on digits', () => {
  const X = digits();
  const labels = digitsLabels();
  let plain: UmapResult;
  let supervised: UmapResult;
  beforeAll(() => {
    plain = umap(X, { seed: 1871 });
    supervised = umap(X, { seed: 1871, target: labels });
  }, 60000);

  test('umap(digits, {seed: 1871}) reaches trustworthiness@15 ≥ 0.97 and 2-D label accuracy ≥ 0.95 (umap-learn: 0.9875 / 0.971)', () => {
    expect(plain.initUsed).toBe('spectral');
    expect(plain.embedding.length).toBe(2 * 1797);
    expectFinite(plain.embedding);
    expect(trustworthiness(X, plain.embedding)).toBeGreaterThanOrEqual(0.97);
    expect(labelAccuracy(plain.embedding, labels)).toBeGreaterThanOrEqual(0.95);
  });
  test('umap(digits, {target: labels}) reaches label accuracy ≥ 0.98 and keeps trustworthiness ≥ 0.97 (umap-learn: 0.999 / 0.988)', () => {
    expect(labelAccuracy(supervised.embedding, labels)).toBeGreaterThanOrEqual(0.98);
    expect(trustworthiness(X, supervised.embedding)).toBeGreaterThanOrEqual(0.97);
  });
  test('umap(digits) does not mutate X and returns the model with umap-learn defaults', () => {
    const again = digits().data;
    let changed = 0;
    for (let t = 0; t < again.length; t++) if (X.data[t] !== again[t]) changed++;
    expect(changed).toBe(0);
    const m = plain.model;
    expect([m.nNeighbors, m.nSamples, m.nFeatures, m.knnMethod]).toEqual([15, 1797, 64, 'exact']);
    expect(m.a).toBeCloseTo(1.5769, 3);
    expect(m.b).toBeCloseTo(0.8951, 3);
  });
  test('model.transform(copy of 200 training rows) lands near their fitted positions', () => {
    const rows = 200;
    const copy = { data: X.data.slice(0, rows * 64), rows, cols: 64 };
    const y = plain.model.transform(copy);
    expectFinite(y);
    let xmin = Infinity, xmax = -Infinity;
    for (let i = 0; i < 1797; i++) {
      xmin = Math.min(xmin, plain.embedding[2 * i]!);
      xmax = Math.max(xmax, plain.embedding[2 * i]!);
    }
    const gaps: number[] = [];
    for (let i = 0; i < rows; i++) gaps.push(Math.hypot(y[2 * i]! - plain.embedding[2 * i]!, y[2 * i + 1]! - plain.embedding[2 * i + 1]!));
    gaps.sort((p, q) => p - q);
    // Median displacement under 2 % of the layout's width; 90 % of points within 5 %.
    expect(gaps[rows / 2]!).toBeLessThan(0.02 * (xmax - xmin));
    expect(gaps[Math.floor(rows * 0.9)]!).toBeLessThan(0.05 * (xmax - xmin));
  });
});

describe('UmapModel.transform(newX) on held-out digits', () => {
  test('fit on 90 %, transform 10 %: held-out 15-NN label accuracy within 0.05 of in-sample', () => {
    const X = digits();
    const labels = digitsLabels();
    const hold = (i: number): boolean => i % 10 === 3;
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    for (let i = 0; i < 1797; i++) (hold(i) ? testIdx : trainIdx).push(i);
    const pick = (idx: number[]): Matrix<Float32Array> => {
      const data = new Float32Array(idx.length * 64);
      idx.forEach((r, t) => data.set(X.data.subarray(r * 64, r * 64 + 64), t * 64));
      return { data, rows: idx.length, cols: 64 };
    };
    const trainLabels = Int32Array.from(trainIdx, (i) => labels[i]!);
    const fit = umap(pick(trainIdx), { seed: 5 });
    const y = fit.model.transform(pick(testIdx));
    expectFinite(y);
    const inSample = labelAccuracy(fit.embedding, trainLabels);
    // Held-out: share of each new point's 15 nearest training points (2-D) with its label.
    let same = 0;
    const n = trainIdx.length;
    const dist = new Float64Array(n);
    const order = new Int32Array(n);
    testIdx.forEach((r, t) => {
      for (let j = 0; j < n; j++) {
        dist[j] = Math.hypot(y[2 * t]! - fit.embedding[2 * j]!, y[2 * t + 1]! - fit.embedding[2 * j + 1]!);
        order[j] = j;
      }
      order.sort((p, q) => dist[p]! - dist[q]!);
      for (let s = 0; s < 15; s++) if (trainLabels[order[s]!] === labels[r]) same++;
    });
    const heldOut = same / (testIdx.length * 15);
    expect(inSample).toBeGreaterThan(0.95);
    expect(heldOut).toBeGreaterThanOrEqual(inSample - 0.05);
  });
});

describe('umap(X) on small seeded blobs', () => {
  const { X, labels } = blobs(4, 60, 8);

  test('umap(blobs, {seed}) twice is bit-identical; another seed gives another layout', () => {
    const a = umap(X, { seed: 3, nEpochs: 100 });
    const b = umap(X, { seed: 3, nEpochs: 100 });
    const c = umap(X, { seed: 4, nEpochs: 100 });
    expect(a.embedding).toEqual(b.embedding);
    expect(a.embedding).not.toEqual(c.embedding);
    expect(labelAccuracy(a.embedding, labels)).toBeGreaterThan(0.95);
  });
  test("umap(blobs, {metric: 'cosine', init: 'random'}) separates the blobs too", () => {
    const r = umap(X, { seed: 1, metric: 'cosine', init: 'random', nEpochs: 200 });
    expect(r.initUsed).toBe('random');
    expect(labelAccuracy(r.embedding, labels)).toBeGreaterThan(0.9);
  });
  test('model.transform(X) of a model state round trip (UmapModel.fromState(model.toJSON())) equals model.transform(X)', async () => {
    const { UmapModel } = await import('../src/umap/umap-model.js');
    const r = umap(X, { seed: 2, nEpochs: 60 });
    const clone = UmapModel.fromState(structuredClone(r.model.toJSON()));
    const probe = { data: X.data.slice(0, 40 * 8), rows: 40, cols: 8 };
    expect(clone.transform(probe)).toEqual(r.model.transform(probe));
  });
  test('onProgress reports neighbors, graph, init, epochs in that order; onLayout gets n×2 layouts', () => {
    const phases: string[] = [];
    let layouts = 0;
    umap(X, {
      nEpochs: 20,
      layoutEvery: 5,
      onProgress: (p) => {
        if (phases[phases.length - 1] !== p.phase) phases.push(p.phase);
      },
      onLayout: (l) => {
        expect(l.length).toBe(2 * X.rows);
        layouts++;
      },
    });
    expect(phases).toEqual(['neighbors', 'graph', 'init', 'epochs']);
    expect(layouts).toBe(1 + 4);
  });
  test('aborting during the epochs throws AbortError carrying the current finite layout', () => {
    const controller = new AbortController();
    let caught: unknown;
    try {
      umap(X, {
        nEpochs: 200,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'epochs' && p.done === 10) controller.abort();
        },
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AbortError);
    const layout = (caught as AbortError).layout!;
    expect(layout.length).toBe(2 * X.rows);
    expectFinite(layout);
  });
  test('duplicate points (zero distances) give a finite layout with twins close together', () => {
    const d = 8;
    const data = new Float32Array(X.rows * d);
    data.set(X.data);
    // Rows 0..59 become 20 triples of identical points.
    for (let i = 0; i < 60; i++) data.set(X.data.subarray(Math.floor(i / 3) * 3 * d, Math.floor(i / 3) * 3 * d + d), i * d);
    const r = umap({ data, rows: X.rows, cols: d }, { seed: 1, nEpochs: 100 });
    expectFinite(r.embedding);
    const y = r.embedding;
    for (let i = 0; i < 60; i += 3) expect(Math.hypot(y[2 * i]! - y[2 * i + 2]!, y[2 * i + 1]! - y[2 * i + 3]!)).toBeLessThan(1);
    const all = umap({ data: new Float32Array(30 * 4).fill(2), rows: 30, cols: 4 }, { seed: 1, nEpochs: 50 });
    expectFinite(all.embedding);
  });
  test('umap on 1 row returns [0, 0]; on 2 rows it returns a finite layout (nNeighbors clamps to 2)', () => {
    expect([...umap([[1, 2, 3]]).embedding]).toEqual([0, 0]);
    expectFinite(umap([[1, 2], [3, 4]], { nEpochs: 10 }).embedding);
  });
});

describe('umap bad input', () => {
  const { X, labels } = blobs(2, 20, 3);
  const bad = (options: Parameters<typeof umap>[1], param: string, X2: Parameters<typeof umap>[0] = X): void => {
    let caught: unknown;
    try {
      umap(X2, options);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ProjectionInputError);
    expect((caught as ProjectionInputError).param).toBe(param);
    expect((caught as Error).message).toContain(param);
  };
  test('nNeighbors ≥ n is rejected naming nNeighbors, value and rule', () => {
    bad({ nNeighbors: 40 }, 'nNeighbors');
    bad({ nNeighbors: 1 }, 'nNeighbors');
    bad({ nNeighbors: 2.5 }, 'nNeighbors');
  });
  test('minDist > spread, negative minDist and spread ≤ 0 are rejected', () => {
    bad({ minDist: 1.5, spread: 1 }, 'minDist');
    bad({ minDist: -0.1 }, 'minDist');
    bad({ spread: 0 }, 'spread');
  });
  test('a target of the wrong length or with labels below −1 is rejected', () => {
    bad({ target: labels.subarray(0, 39) }, 'target.length');
    bad({ target: Int32Array.from(labels, (v) => v - 2) }, 'target[0]');
  });
  test('other options out of range are rejected by name', () => {
    bad({ nEpochs: -1 }, 'nEpochs');
    bad({ learningRate: 0 }, 'learningRate');
    bad({ setOpMixRatio: 2 }, 'setOpMixRatio');
    bad({ targetWeight: -1 }, 'targetWeight');
    bad({ metric: 'manhattan' as 'cosine' }, 'metric');
    bad({ init: 'pca' as 'random' }, 'init');
    bad({ init: new Float32Array(3) }, 'init.length');
    bad({ a: 1 }, 'b');
    bad({ seed: 1.5 }, 'seed');
  });
  test('non-finite X is rejected naming the row and column', () => {
    const data = X.data.slice();
    data[7] = NaN;
    bad({}, 'X', { data, rows: X.rows, cols: X.cols });
  });
  test('transform with a different column count than the fit is rejected naming X.cols', () => {
    const r = umap(X, { nEpochs: 5 });
    let caught: unknown;
    try {
      r.model.transform({ data: new Float32Array(8), rows: 2, cols: 4 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ProjectionInputError);
    expect((caught as ProjectionInputError).param).toBe('X.cols');
    expect((caught as Error).message).toContain('d = 3');
  });
});
