import { describe, expect, test } from 'vitest';
import { buildNeighborIndex } from '../src/neighbors/neighbor-index.js';
import { nearestNeighbors } from '../src/neighbors/nearest-neighbors.js';
import { knnQuery } from '../src/neighbors/knn-query.js';
import { createRng } from '../src/random/create-rng.js';
import type { Matrix, Progress } from '../src/types.js';

function uniform(n: number, d: number, seed = 1): Matrix<Float32Array> {
  const rng = createRng(seed);
  return { data: Float32Array.from({ length: n * d }, () => rng()), rows: n, cols: d };
}

function thrown(fn: () => unknown): { name: string; param?: string; code?: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { name: string; param?: string; message: string };
  }
  throw new Error('expected a throw');
}

describe('nearestNeighbors input checks', () => {
  const X = uniform(20, 3);
  test.each([
    ['k = 0', { k: 0 }, 'k'],
    ['k = n', { k: 20 }, 'k'],
    ['k = 2.5', { k: 2.5 }, 'k'],
    ["metric 'manhattan'", { metric: 'manhattan' }, 'metric'],
    ["method 'hnsw'", { method: 'hnsw' }, 'method'],
    ['seed 1.5', { seed: 1.5 }, 'seed'],
    ['signal {}', { signal: {} }, 'signal'],
    ['onProgress 3', { onProgress: 3 }, 'onProgress'],
    ['nTrees 0', { nTrees: 0 }, 'nTrees'],
  ])('nearestNeighbors(X, {%s}) throws ProjectionInputError naming the parameter', (_, options, param) => {
    const e = thrown(() => nearestNeighbors(X, options as never));
    expect(e.name).toBe('ProjectionInputError');
    expect(e.param).toBe(param);
    expect(e.message).toContain(param);
  });

  test('nearestNeighbors(1-row matrix) throws on X.rows (n ≥ 2)', () => {
    const e = thrown(() => nearestNeighbors(uniform(1, 3), { k: 1 }));
    expect(e.param).toBe('X.rows');
  });

  test('nearestNeighbors(X with NaN at row 4, column 2) names the row and column', () => {
    const data = X.data.slice();
    data[4 * 3 + 2] = NaN;
    const e = thrown(() => nearestNeighbors({ data, rows: 20, cols: 3 }, { k: 2 }));
    expect(e.name).toBe('ProjectionInputError');
    expect(e.message).toMatch(/row 4, column 2 is NaN/);
  });

  test("nearestNeighbors(X with an all-zero row, {metric: 'cosine'}) names the row", () => {
    const data = X.data.slice();
    data.fill(0, 6 * 3, 7 * 3);
    const e = thrown(() => nearestNeighbors({ data, rows: 20, cols: 3 }, { k: 2, metric: 'cosine' }));
    expect(e.code).toBe('zero-row');
    expect(e.message).toContain('row 6');
  });

  test('knnQuery and index.query reject queries with a different column count and k out of range', () => {
    expect(thrown(() => knnQuery(X, uniform(4, 5), 2)).param).toBe('queries.cols');
    expect(thrown(() => knnQuery(X, uniform(4, 3), 21)).param).toBe('k');
    const index = buildNeighborIndex(X, { k: 3 });
    expect(thrown(() => index.query(uniform(4, 2))).param).toBe('queries.cols');
    expect(thrown(() => index.query(uniform(4, 3), 0)).param).toBe('k');
  });
});

describe('nearestNeighbors progress and abort', () => {
  const X = uniform(600, 8);
  test.each(['exact', 'nn-descent'] as const)("nearestNeighbors(X, {method: '%s', signal: aborted}) throws AbortError", (method) => {
    const c = new AbortController();
    c.abort();
    expect(thrown(() => nearestNeighbors(X, { k: 5, method, signal: c.signal })).name).toBe('AbortError');
  });

  test.each(['exact', 'nn-descent'] as const)("nearestNeighbors(X, {method: '%s'}) stops with AbortError when aborted from onProgress", (method) => {
    const c = new AbortController();
    const seen: Progress[] = [];
    const run = (): unknown =>
      nearestNeighbors(X, {
        k: 5,
        method,
        signal: c.signal,
        onProgress: (p) => {
          seen.push(p);
          c.abort();
        },
      });
    expect(thrown(run).name).toBe('AbortError');
    expect(seen.length).toBe(1);
    expect(seen[0]!.phase).toBe('neighbors');
  });

  test('nearestNeighbors(X, {onProgress}) ends with done = total in phase neighbors', () => {
    for (const method of ['exact', 'nn-descent'] as const) {
      const seen: Progress[] = [];
      nearestNeighbors(X, { k: 5, method, onProgress: (p) => seen.push(p) });
      const last = seen.at(-1)!;
      expect(last.phase).toBe('neighbors');
      expect(last.done).toBe(last.total);
    }
  });
});
