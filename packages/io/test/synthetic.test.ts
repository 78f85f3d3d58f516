import { describe, expect, test } from 'vitest';
import { generateNotebookDataset, NOTEBOOK_SENTENCE } from '../src/synthetic/index.js';

const small = { preambles: 30, dims: 64 };

describe('generateNotebookDataset', () => {
  const ds = generateNotebookDataset();

  test('generateNotebookDataset() has 250 preambles × 40 guesses × 768 float32 dims by default', () => {
    expect(ds.matrix.rows).toBe(10_000);
    expect(ds.matrix.cols).toBe(768);
    expect(ds.matrix.data).toBeInstanceOf(Float32Array);
    expect(ds.matrix.data.length).toBe(10_000 * 768);
    for (const column of [ds.preambles, ds.guesses, ds.clusterIds, ds.probabilities]) expect(column.length).toBe(10_000);
    expect(new Set(ds.preambles).size).toBe(250);
  });

  test('generateNotebookDataset() gives every (preamble, guess) pair once, 40 consecutive rows per preamble', () => {
    const keys = new Set(ds.preambles.map((p, i) => `${p}\u0000${ds.guesses[i]}`));
    expect(keys.size).toBe(10_000);
    for (let row = 0; row < 10_000; row++) expect(ds.preambles[row]).toBe(ds.preambles[row - (row % 40)]);
  });

  test('generateNotebookDataset() values are all finite, with a few rogue dimensions 10–100× the typical value in every row', () => {
    const { data, rows, cols } = ds.matrix;
    const meanAbs = new Float64Array(cols);
    const minAbs = new Float64Array(cols).fill(Infinity);
    let nonFinite = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const v = data[i * cols + j];
        if (!Number.isFinite(v)) nonFinite++;
        meanAbs[j] += Math.abs(v) / rows;
        minAbs[j] = Math.min(minAbs[j], Math.abs(v));
      }
    }
    expect(nonFinite).toBe(0);
    const sorted = Array.from(meanAbs).sort((a, b) => a - b);
    const median = sorted[cols >> 1];
    const rogue = [...meanAbs.keys()].filter((j) => meanAbs[j] > 10 * median);
    expect(rogue.length).toBeGreaterThanOrEqual(2);
    expect(rogue.length).toBeLessThanOrEqual(8);
    for (const j of rogue) {
      expect(meanAbs[j]).toBeLessThan(100 * median);
      expect(minAbs[j]).toBeGreaterThan(5 * median); // shared by all rows, not a few outliers
    }
  });

  test('generateNotebookDataset() has about 300 clusters of very different sizes with non-contiguous integer ids', () => {
    const sizes = new Map<number, number>();
    for (const c of ds.clusterIds) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    expect(sizes.size).toBeGreaterThanOrEqual(250);
    expect(sizes.size).toBeLessThanOrEqual(350);
    const counts = [...sizes.values()];
    expect(Math.max(...counts) / Math.min(...counts)).toBeGreaterThan(50);
    const ids = [...sizes.keys()].sort((a, b) => a - b);
    expect(ids[0]).toBeGreaterThanOrEqual(0);
    expect(ids[ids.length - 1] - ids[0] + 1).toBeGreaterThan(ids.length); // some ids unused
  });

  test('generateNotebookDataset() includes the notebook sentence with 40 plausible guesses', () => {
    expect(NOTEBOOK_SENTENCE).toBe("Students were outraged over the administration's new");
    const rows = ds.preambles.flatMap((p, i) => (p === NOTEBOOK_SENTENCE ? [i] : []));
    expect(rows).toHaveLength(40);
    const guesses = rows.map((i) => ds.guesses[i]);
    const policyWords = [' policy', ' rules', ' tuition', ' plan', ' law', ' fees', ' rule', ' regulations', ' budget'];
    expect(guesses.filter((g) => policyWords.includes(g)).length).toBeGreaterThanOrEqual(4);
  });

  test('generateNotebookDataset() guesses are mostly words with a leading space, plus punctuation and subword tokens', () => {
    const words = ds.guesses.filter((g) => /^ [A-Za-z]+$/.test(g)).length;
    expect(words / ds.guesses.length).toBeGreaterThan(0.8);
    expect(ds.guesses).toContain(',');
    expect(ds.guesses.some((g) => /^[a-z]+$/.test(g))).toBe(true); // e.g. 'ing'
    expect(new Set(ds.guesses).size).toBeGreaterThan(300);
  });

  test('generateNotebookDataset() puts the same word in the same or a neighbouring cluster across preambles', () => {
    const byWord = new Map<string, Map<number, number>>();
    ds.guesses.forEach((g, i) => {
      const m = byWord.get(g) ?? new Map<number, number>();
      m.set(ds.clusterIds[i], (m.get(ds.clusterIds[i]) ?? 0) + 1);
      byWord.set(g, m);
    });
    for (const [, clusters] of byWord) {
      expect(clusters.size).toBeLessThanOrEqual(2);
      const counts = [...clusters.values()].sort((a, b) => b - a);
      if (counts[0] >= 20) expect(counts[0] / (counts[0] + (counts[1] ?? 0))).toBeGreaterThan(0.7);
    }
  });

  test('generateNotebookDataset() rows are mostly nearest their own cluster centroid (geometry follows the labels; clusters overlap at their edges)', () => {
    const { data, rows, cols } = ds.matrix;
    const ids = [...new Set(ds.clusterIds)];
    const index = new Map(ids.map((c, i) => [c, i]));
    const sums = new Float64Array(ids.length * cols);
    const counts = new Float64Array(ids.length);
    for (let i = 0; i < rows; i++) {
      const c = index.get(ds.clusterIds[i])!;
      counts[c]++;
      for (let j = 0; j < cols; j++) sums[c * cols + j] += data[i * cols + j];
    }
    let correct = 0;
    const sample = 300;
    for (let s = 0; s < sample; s++) {
      const i = Math.floor((s * rows) / sample);
      let best = -1;
      let bestD = Infinity;
      for (let c = 0; c < ids.length; c++) {
        let d2 = 0;
        for (let j = 0; j < cols; j++) {
          const diff = data[i * cols + j] - sums[c * cols + j] / counts[c];
          d2 += diff * diff;
        }
        if (d2 < bestD) [bestD, best] = [d2, c];
      }
      if (best === index.get(ds.clusterIds[i])) correct++;
    }
    // v1 (separate blobs) gave 0.99; overlapping clusters give about 0.75, label noise alone would give ~1/300.
    expect(correct / sample).toBeGreaterThan(0.65);
  });
});

describe('generateNotebookDataset options', () => {
  test('generateNotebookDataset({seed}) is bit-for-bit deterministic and differs between seeds', () => {
    const a = generateNotebookDataset({ ...small, seed: 7 });
    const b = generateNotebookDataset({ ...small, seed: 7 });
    const c = generateNotebookDataset({ ...small, seed: 8 });
    expect(Buffer.from(a.matrix.data.buffer).equals(Buffer.from(b.matrix.data.buffer))).toBe(true);
    expect(a.preambles).toEqual(b.preambles);
    expect(a.guesses).toEqual(b.guesses);
    expect(a.clusterIds).toEqual(b.clusterIds);
    expect(a.probabilities).toEqual(b.probabilities);
    expect(Buffer.from(a.matrix.data.buffer).equals(Buffer.from(c.matrix.data.buffer))).toBe(false);
  });

  test('generateNotebookDataset({preambles, dims, guessesPerPreamble}) sizes the dataset and keeps the notebook sentence', () => {
    const ds = generateNotebookDataset({ preambles: 3, dims: 16, guessesPerPreamble: 5 });
    expect(ds.matrix).toMatchObject({ rows: 15, cols: 16 });
    expect(ds.preambles).toContain(NOTEBOOK_SENTENCE);
    expect(new Set(ds.preambles.map((p, i) => p + '|' + ds.guesses[i])).size).toBe(15);
    expect(ds.probabilities.every((p) => p > 0.5 && p <= 1)).toBe(true);
  });

  test.each([
    ['preambles', 0],
    ['preambles', 2.5],
    ['preambles', 1e9],
    ['dims', 4],
    ['seed', Number.NaN],
    ['guessesPerPreamble', 100_000],
  ])('generateNotebookDataset({%s: %s}) throws a RangeError naming the option and the rule', (name, value) => {
    expect(() => generateNotebookDataset({ ...small, [name]: value })).toThrow(
      new RegExp(`${name} = ${String(value).replace('.', '\\.')}: must be an integer in \\[`),
    );
    expect(() => generateNotebookDataset({ ...small, [name]: value })).toThrow(RangeError);
  });
});
