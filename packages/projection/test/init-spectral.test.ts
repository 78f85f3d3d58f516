import { describe, expect, test } from 'vitest';
import type { Csr } from '../src/graph/csr.js';
import { connectedComponents } from '../src/init/connected-components.js';
import { laplacianEigenvectors } from '../src/init/laplacian-eigenvectors.js';
import { spectralLayout } from '../src/init/spectral-layout.js';
import { componentPositions } from '../src/init/component-positions.js';
import { noisyScale, randomLayout, rescaleToBox } from '../src/init/initial-layout.js';
import { createRng } from '../src/random/create-rng.js';

/** Disjoint rings of the given sizes (unit weights), vertex ids consecutive. */
function rings(...sizes: number[]): Csr {
  const n = sizes.reduce((s, v) => s + v, 0);
  const indptr = new Uint32Array(n + 1);
  const indices: number[] = [];
  let base = 0;
  let row = 0;
  for (const m of sizes) {
    for (let i = 0; i < m; i++) {
      const nb = [base + ((i + m - 1) % m), base + ((i + 1) % m)].sort((p, q) => p - q);
      indices.push(...nb);
      indptr[++row] = indices.length;
    }
    base += m;
  }
  return { indptr, indices: Int32Array.from(indices), values: new Float32Array(indices.length).fill(1), rows: n, cols: n };
}

/** Fraction of the vectors' energy inside span{cos(2πi/m), sin(2πi/m)}, the ring's first non-trivial eigenspace. */
function ringSpanEnergy(v: Float64Array, m: number): number {
  const c = new Float64Array(m);
  const s = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    c[i] = Math.cos((2 * Math.PI * i) / m) * Math.sqrt(2 / m);
    s[i] = Math.sin((2 * Math.PI * i) / m) * Math.sqrt(2 / m);
  }
  let e = 0;
  for (let r = 0; r < 2; r++) {
    let pc = 0;
    let ps = 0;
    for (let i = 0; i < m; i++) {
      pc += v[r * m + i]! * c[i]!;
      ps += v[r * m + i]! * s[i]!;
    }
    e += pc * pc + ps * ps;
  }
  return e / 2;
}

describe('laplacianEigenvectors(graph, 2, rng)', () => {
  test.each([30, 600])('on a %i-ring returns the cos/sin eigenspace (dense and Lanczos paths)', (m) => {
    const v = laplacianEigenvectors(rings(m), 2, createRng(3));
    expect(v).not.toBeNull();
    expect(ringSpanEnergy(v!, m)).toBeGreaterThan(0.999);
  });
  test('returns null for a graph with an isolated vertex or too few vertices', () => {
    expect(laplacianEigenvectors(rings(3), 2, createRng(1))).toBeNull();
    const g = rings(10);
    const isolated: Csr = { ...g, indptr: Uint32Array.from([...g.indptr, g.indptr[10]!]), rows: 11, cols: 11 };
    expect(laplacianEigenvectors(isolated, 2, createRng(1))).toBeNull();
  });
});

describe('connectedComponents(graph)', () => {
  test('labels two disjoint rings 0 and 1 in vertex order', () => {
    const c = connectedComponents(rings(5, 7));
    expect(c.count).toBe(2);
    expect([...c.labels]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('spectralLayout(graph, X, rng)', () => {
  test('lays out two disjoint rings in separate boxes around the meta-positions e1 and e2', () => {
    const g = rings(40, 60);
    const X = { data: new Float32Array(100), rows: 100, cols: 1 };
    const y = spectralLayout(g, X, createRng(1))!;
    const r = Math.SQRT2 / 2; // half the distance between e1 and e2
    for (let i = 0; i < 100; i++) {
      const [cx, cy] = i < 40 ? [1, 0] : [0, 1];
      expect(Math.abs(y[2 * i]! - cx)).toBeLessThanOrEqual(r + 1e-9);
      expect(Math.abs(y[2 * i + 1]! - cy)).toBeLessThanOrEqual(r + 1e-9);
    }
  });
  test('with more than 4 components places the meta-positions by the centroids: far components land far apart', () => {
    const sizes = [10, 10, 10, 10, 10, 10];
    const g = rings(...sizes);
    const data = new Float32Array(60);
    // Components 0–2 near 0, components 3–5 near 100 (in one dimension).
    for (let i = 0; i < 60; i++) data[i] = (i < 30 ? 0 : 100) + Math.floor(i / 10);
    const meta = componentPositions({ data, rows: 60, cols: 1 }, connectedComponents(g).labels, 6, createRng(1));
    const d = (a: number, b: number): number => Math.hypot(meta[2 * a]! - meta[2 * b]!, meta[2 * a + 1]! - meta[2 * b + 1]!);
    expect(Math.max(d(0, 1), d(3, 4))).toBeLessThan(d(0, 4));
    for (const v of meta) expect(Math.abs(v)).toBeLessThanOrEqual(1 + 1e-12);
  });
});

describe('noisyScale / randomLayout / rescaleToBox', () => {
  test('noisyScale scales max |coord| to 10 (plus 1e-4 noise) and does not mutate its input', () => {
    const c = Float64Array.from([0.5, -0.25, 0.1, 0.2]);
    const out = noisyScale(c, createRng(1));
    expect(out[0]).toBeCloseTo(10, 2);
    expect(out[1]).toBeCloseTo(-5, 2);
    expect([...c]).toEqual([0.5, -0.25, 0.1, 0.2]);
  });
  test('randomLayout draws in [−10, 10] and rescaleToBox maps each column onto [0, 10]', () => {
    const y = randomLayout(500, createRng(2));
    expect(Math.min(...y)).toBeGreaterThanOrEqual(-10);
    expect(Math.max(...y)).toBeLessThanOrEqual(10);
    rescaleToBox(y);
    const xs = y.filter((_, t) => t % 2 === 0);
    const ys = y.filter((_, t) => t % 2 === 1);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([0, 10, 0, 10]);
  });
});
