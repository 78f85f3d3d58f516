// The default dataset's geometry looks like GMM clusters of real LM token embeddings: one connected manifold
// (no islands), overlapping clusters, families forming larger regions, a shared context shift per sentence.
import { describe, expect, test } from 'vitest';
import { nearestNeighbors } from '@clamp-viz/projection';
import { generateNotebookDataset } from '../src/synthetic/index.js';
import { FRAMES } from '../src/synthetic/preamble-frames.js';
import { WORD_FAMILIES } from '../src/synthetic/word-families.js';

const K = 15;

/** Number of connected components of the undirected kNN graph and the largest one's share of rows (union–find). */
function components(indices: Int32Array, n: number, k: number): { count: number; largest: number } {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) parent[find(i)] = find(indices[i * k + j]!);
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  return { count: sizes.size, largest: Math.max(...sizes.values()) / n };
}

/** Mean over rows of the share of their kNN whose `key` equals theirs. */
function neighbourShare(indices: Int32Array, k: number, key: ArrayLike<unknown>): number {
  let same = 0;
  for (let i = 0; i < indices.length; i++) if (key[indices[i]!] === key[Math.floor(i / k)]) same++;
  return same / indices.length;
}

function squaredDistance(data: Float32Array, d: number, a: number, b: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += (data[a * d + j]! - data[b * d + j]!) ** 2;
  return s;
}

describe('generateNotebookDataset() geometry (default 250 preambles)', () => {
  const ds = generateNotebookDataset();
  const { data, rows: n, cols: d } = ds.matrix;
  const knn = nearestNeighbors(ds.matrix, { k: K, seed: 1871 });

  test('generateNotebookDataset() 15-NN graph is one connected manifold, not islands', () => {
    const { count, largest } = components(knn.indices, n, K);
    expect(count).toBeLessThanOrEqual(3);
    expect(largest).toBeGreaterThan(0.99);
  });

  test('generateNotebookDataset() clusters overlap like mixture components: 55–85 % of 15-NN share the cluster id', () => {
    const share = neighbourShare(knn.indices, K, ds.clusterIds);
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.85);
  });

  test('generateNotebookDataset() families form larger regions: 15-NN share the word family far more often than the cluster', () => {
    const familyOf = new Map<string, string>();
    for (const fam of WORD_FAMILIES) {
      for (const w of fam.words.split(' ')) {
        const token = fam.literal ? w : ' ' + w;
        if (!familyOf.has(token)) familyOf.set(token, fam.name);
      }
    }
    const families = ds.guesses.map((g) => familyOf.get(g));
    const familyShare = neighbourShare(knn.indices, K, families);
    expect(familyShare).toBeGreaterThan(neighbourShare(knn.indices, K, ds.clusterIds) + 0.1);
    expect(familyShare).toBeLessThan(0.98);
  });

  test('generateNotebookDataset() clusters still exist: the 768-d silhouette of cluster ids is above 0', () => {
    const ids = [...new Set(ds.clusterIds)];
    const index = new Map(ids.map((c, i) => [c, i]));
    const label = Int32Array.from(ds.clusterIds, (c) => index.get(c)!);
    const counts = new Float64Array(ids.length);
    for (const c of label) counts[c]++;
    const sample = 120;
    const meanDist = new Float64Array(ids.length);
    let silhouette = 0;
    for (let s = 0; s < sample; s++) {
      const i = Math.floor(((s + 0.5) * n) / sample);
      meanDist.fill(0);
      for (let q = 0; q < n; q++) if (q !== i) meanDist[label[q]!] += Math.sqrt(squaredDistance(data, d, i, q));
      const own = label[i]!;
      if (counts[own]! < 2) continue; // s(i) = 0 for one-member clusters
      let b = Infinity;
      for (let c = 0; c < ids.length; c++) if (c !== own) b = Math.min(b, meanDist[c]! / counts[c]!);
      const a = meanDist[own]! / (counts[own]! - 1);
      silhouette += (b - a) / Math.max(a, b) / sample;
    }
    expect(silhouette).toBeGreaterThan(0.01); // about 0.03 (v1 blobs: 0.34; labels unrelated to geometry: < 0)
  });

  test("generateNotebookDataset() shifts a sentence's guesses together: the same token is nearer across preambles of one frame", () => {
    const frameOf = ds.preambles.map((p) => FRAMES.findIndex((f) => p.endsWith(' ' + f.text)));
    expect(frameOf.every((f) => f >= 0)).toBe(true);
    const rowsOf = new Map<string, number[]>();
    ds.guesses.forEach((g, i) => rowsOf.set(g, [...(rowsOf.get(g) ?? []), i]));
    let same = 0;
    let sameCount = 0;
    let other = 0;
    let otherCount = 0;
    for (const rows of rowsOf.values()) {
      const picked = rows.filter((r) => ds.clusterIds[r] === ds.clusterIds[rows[0]!]).slice(0, 40);
      for (let a = 0; a < picked.length; a++) {
        for (let b = a + 1; b < picked.length; b++) {
          const d2 = squaredDistance(data, d, picked[a]!, picked[b]!);
          if (frameOf[picked[a]!] === frameOf[picked[b]!]) [same, sameCount] = [same + d2, sameCount + 1];
          else [other, otherCount] = [other + d2, otherCount + 1];
        }
      }
    }
    expect(sameCount).toBeGreaterThan(500);
    expect(same / sameCount).toBeLessThan(0.97 * (other / otherCount));
  });
});
