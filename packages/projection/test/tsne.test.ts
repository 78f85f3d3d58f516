import { beforeAll, describe, expect, test } from 'vitest';
import { tsne } from '../src/tsne/tsne.js';
import type { TsneResult } from '../src/tsne/fit-tsne-job.js';
import { trustworthiness } from '../src/metrics/trustworthiness.js';
import { labelAccuracy } from '../src/metrics/label-accuracy.js';
import { knnRecall } from '../src/metrics/knn-recall.js';
import { AbortError, ProjectionInputError } from '../src/errors.js';
import { projectSync } from '../src/project.js';
import { listMethods } from '../src/methods/registry.js';
import { createRng } from '../src/random/create-rng.js';
import { normal } from '../src/random/normal.js';
import type { Matrix } from '../src/types.js';
import { digits, digitsLabels } from './fixtures.js';

/** k seeded Gaussian blobs in d dimensions, m points each, centers ~N(0, 8²) apart; labels = blob index. */
function blobs(k: number, m: number, d: number, seed = 7): { X: Matrix<Float32Array>; labels: Int32Array } {
  const rng = createRng(seed);
  const centers = Array.from({ length: k }, () => Float64Array.from({ length: d }, () => normal(rng) * 8));
  const data = new Float32Array(k * m * d);
  const labels = new Int32Array(k * m);
  for (let i = 0; i < k * m; i++) {
    labels[i] = i % k;
    for (let j = 0; j < d; j++) data[i * d + j] = centers[i % k]![j]! + normal(rng);
  }
  return { X: { data, rows: k * m, cols: d }, labels };
}

function countNonFinite(y: Float32Array): number {
  let bad = 0;
  for (const v of y) if (!Number.isFinite(v)) bad++;
  return bad;
}

const SHORT = { earlyExaggerationIter: 100, nIter: 150 };

describe('tsne(digits) with openTSNE defaults', () => {
  const X = digits();
  const labels = digitsLabels();
  let result: TsneResult;
  beforeAll(() => {
    result = tsne(X, { seed: 1871 });
  }, 120000);

  test('tsne(digits, {seed: 1871}) reaches trustworthiness@15 ≥ 0.98, label accuracy ≥ 0.95, kNN recall ≥ 0.55 (openTSNE: 0.990 / 0.974 / 0.594)', () => {
    expect(countNonFinite(result.embedding)).toBe(0);
    expect(result.embedding.length).toBe(2 * 1797);
    expect(result.perplexity).toBe(30);
    expect(result.k).toBe(90);
    expect(result.negativeGradientMethod).toBe('auto');
    expect(trustworthiness(X, result.embedding)).toBeGreaterThanOrEqual(0.98);
    expect(labelAccuracy(result.embedding, labels)).toBeGreaterThanOrEqual(0.95);
    expect(knnRecall(X, result.embedding)).toBeGreaterThanOrEqual(0.55);
    expect(result.klDivergence).toBeGreaterThan(0);
    expect(result.klDivergence).toBeLessThan(1.5);
  });

  test('tsne(digits) does not mutate X', () => {
    const again = digits().data;
    let changed = 0;
    for (let t = 0; t < again.length; t++) if (X.data[t] !== again[t]) changed++;
    expect(changed).toBe(0);
  });
});

describe('tsne on seeded blobs (FFT repulsion)', () => {
  const { X, labels } = blobs(6, 100, 20);

  test("tsne(blobs, {negativeGradientMethod: 'fft'}) separates the blobs: label accuracy ≥ 0.99, trustworthiness ≥ 0.9", () => {
    const r = tsne(X, { seed: 3, negativeGradientMethod: 'fft', ...SHORT });
    expect(r.negativeGradientMethod).toBe('fft');
    expect(countNonFinite(r.embedding)).toBe(0);
    expect(labelAccuracy(r.embedding, labels)).toBeGreaterThanOrEqual(0.99);
    expect(trustworthiness(X, r.embedding)).toBeGreaterThanOrEqual(0.9);
  });

  test('tsne with the same seed is bit-for-bit deterministic (FFT and exact); another seed gives another layout', () => {
    for (const method of ['fft', 'exact'] as const) {
      const a = tsne(X, { seed: 11, negativeGradientMethod: method, earlyExaggerationIter: 30, nIter: 30 });
      const b = tsne(X, { seed: 11, negativeGradientMethod: method, earlyExaggerationIter: 30, nIter: 30 });
      expect(Buffer.from(a.embedding.buffer).equals(Buffer.from(b.embedding.buffer))).toBe(true);
    }
    const c = tsne(X, { seed: 12, initialization: 'random', earlyExaggerationIter: 30, nIter: 30 });
    const d = tsne(X, { seed: 11, initialization: 'random', earlyExaggerationIter: 30, nIter: 30 });
    expect(Buffer.from(c.embedding.buffer).equals(Buffer.from(d.embedding.buffer))).toBe(false);
  });

  test("tsne with FFT and exact repulsion reach the same quality from the same start", () => {
    const fft = tsne(X, { seed: 5, negativeGradientMethod: 'fft', ...SHORT });
    const exact = tsne(X, { seed: 5, negativeGradientMethod: 'exact', ...SHORT });
    expect(Math.abs(fft.klDivergence - exact.klDivergence)).toBeLessThan(0.05 * exact.klDivergence);
  });

  test("tsne reports phases neighbors → affinities → init → early-exaggeration → optimize, with layouts, and cancels with AbortError carrying the last layout", () => {
    const phases: string[] = [];
    let layouts = 0;
    const controller = new AbortController();
    let error: unknown;
    try {
      tsne(X, {
        seed: 1,
        ...SHORT,
        layoutEvery: 10,
        signal: controller.signal,
        onProgress: (p) => {
          if (phases[phases.length - 1] !== p.phase) phases.push(p.phase);
          if (p.phase === 'optimize' && p.done === 20) controller.abort();
        },
        onLayout: (layout) => {
          layouts++;
          expect(layout.length).toBe(2 * X.rows);
        },
      });
    } catch (e) {
      error = e;
    }
    expect(phases).toEqual(['neighbors', 'affinities', 'init', 'early-exaggeration', 'optimize']);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).layout?.length).toBe(2 * X.rows);
    expect(layouts).toBeGreaterThanOrEqual(100 / 10 + 2);
  });

  test("projectSync(X, {method: 'tsne'}) runs t-SNE and listMethods() lists 'tsne' as iterative", () => {
    const info = listMethods().find((m) => m.name === 'tsne');
    expect(info?.iterative).toBe(true);
    const r = projectSync(X, { method: 'tsne', seed: 2, earlyExaggerationIter: 20, nIter: 20 } as never);
    expect(r.method).toBe('tsne');
    expect(r.rows).toBe(X.rows);
    expect(countNonFinite(r.embedding)).toBe(0);
    expect(() => projectSync(X, { method: 'tsne', perplexty: 5 } as never)).toThrow(ProjectionInputError);
  });
});

describe('tsne bad and degenerate input', () => {
  const { X } = blobs(3, 20, 5);

  test('tsne rejects perplexity ≥ n, perplexity ≤ 0, fewer than 2 rows and NaN with ProjectionInputError naming the problem', () => {
    expect(() => tsne(X, { perplexity: 60 })).toThrow(/perplexity = 60: must be < the number of rows n = 60/);
    expect(() => tsne(X, { perplexity: 0 })).toThrow(ProjectionInputError);
    expect(() => tsne(X, { perplexity: Number.NaN })).toThrow(/perplexity/);
    expect(() => tsne({ data: new Float32Array(5), rows: 1, cols: 5 })).toThrow(/at least 2 rows/);
    const bad = X.data.slice();
    bad[7 * 5 + 2] = Number.NaN;
    expect(() => tsne({ data: bad, rows: 60, cols: 5 })).toThrow(ProjectionInputError);
    expect(() => tsne(X, { initialization: new Float32Array(3) })).toThrow(/initialization.length/);
    expect(() => tsne(X, { negativeGradientMethod: 'bh' as never })).toThrow(/negativeGradientMethod/);
    expect(() => tsne(X, { learningRate: -1 })).toThrow(/learningRate/);
  });

  test('tsne lowers perplexity to (n − 1)/3 when 3·perplexity > n − 1, as openTSNE does', () => {
    const r = tsne(X, { seed: 1, earlyExaggerationIter: 10, nIter: 10 });
    expect(r.perplexity).toBeCloseTo(59 / 3, 12);
    expect(r.k).toBe(59);
  });

  test('tsne with the default perplexity on 20 rows (< 30) lowers it to 19/3 instead of failing; an explicit 30 is rejected', () => {
    const small = { data: X.data.subarray(0, 20 * 5), rows: 20, cols: 5 };
    const r = tsne(small, { seed: 1, earlyExaggerationIter: 10, nIter: 10 });
    expect(r.perplexity).toBeCloseTo(19 / 3, 12);
    expect(r.embedding.every(Number.isFinite)).toBe(true);
    expect(() => tsne(small, { perplexity: 30 })).toThrow(/perplexity = 30: must be < the number of rows n = 20/);
  });

  test('tsne on duplicated points keeps every copy next to its twin and stays finite', () => {
    const d = 5;
    const data = new Float32Array(120 * d);
    data.set(X.data, 0);
    data.set(X.data, 60 * d);
    const r = tsne({ data, rows: 120, cols: d }, { seed: 4, perplexity: 10, ...SHORT });
    expect(countNonFinite(r.embedding)).toBe(0);
    let twinsClose = 0;
    for (let i = 0; i < 60; i++) {
      const dx = r.embedding[2 * i]! - r.embedding[2 * (i + 60)]!;
      const dy = r.embedding[2 * i + 1]! - r.embedding[2 * (i + 60) + 1]!;
      let nearer = 0;
      for (let j = 0; j < 120; j++) {
        const ex = r.embedding[2 * i]! - r.embedding[2 * j]!;
        const ey = r.embedding[2 * i + 1]! - r.embedding[2 * j + 1]!;
        if (j !== i && ex * ex + ey * ey < dx * dx + dy * dy) nearer++;
      }
      if (nearer < 5) twinsClose++;
    }
    expect(twinsClose).toBeGreaterThanOrEqual(55);
  });

  test('tsne on all-identical rows returns a finite layout (uniform P), with both repulsion methods', () => {
    const data = new Float32Array(80 * 4).fill(2.5);
    for (const method of ['exact', 'fft'] as const) {
      const r = tsne({ data, rows: 80, cols: 4 }, { seed: 1, perplexity: 5, negativeGradientMethod: method, earlyExaggerationIter: 20, nIter: 20 });
      expect(countNonFinite(r.embedding)).toBe(0);
      expect(Number.isFinite(r.klDivergence)).toBe(true);
    }
  });

  test("tsne with metric 'cosine' runs and rejects an all-zero row with ProjectionInputError", () => {
    const r = tsne(X, { metric: 'cosine', seed: 1, perplexity: 5, earlyExaggerationIter: 10, nIter: 10 });
    expect(countNonFinite(r.embedding)).toBe(0);
    const zero = X.data.slice();
    zero.fill(0, 0, 5);
    expect(() => tsne({ data: zero, rows: 60, cols: 5 }, { metric: 'cosine', perplexity: 5 })).toThrow(ProjectionInputError);
  });
});
