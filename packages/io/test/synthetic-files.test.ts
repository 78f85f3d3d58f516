import { describe, expect, test } from 'vitest';
import { loadDataset, readClusters } from '../src/index.js';
import { generateNotebookDataset, notebookDatasetFiles } from '../src/synthetic/index.js';

describe('notebookDatasetFiles', () => {
  test('notebookDatasetFiles(ds) writes a Parquet and a TSV that loadDataset joins back to ds exactly', async () => {
    const ds = generateNotebookDataset({ preambles: 12, dims: 24, seed: 3 });
    const files = await notebookDatasetFiles(ds);
    expect(new TextDecoder().decode(files.parquet.subarray(0, 4))).toBe('PAR1');
    expect(files.tsv.split('\n')[0]).toBe('preamble\tguess\tcluster_id\tprobability');

    const loaded = await loadDataset({
      embeddings: { bytes: files.parquet, fileName: 'embeddings.parquet' },
      clusters: { text: files.tsv, fileName: 'clusters.tsv' },
    });
    expect(loaded.report.mode).toBe('keys');
    expect(loaded.preambles).toEqual(ds.preambles);
    expect(loaded.guesses).toEqual(ds.guesses);
    expect(loaded.clusterIds).toEqual(ds.clusterIds);
    expect(loaded.matrix.rows).toBe(ds.matrix.rows);
    expect(loaded.matrix.cols).toBe(24);
    expect(loaded.matrix.data).toEqual(ds.matrix.data);
    const probability = loaded.extra['probability']!;
    probability.forEach((p, i) => expect(p).toBeCloseTo(ds.probabilities[i], 4));
  });

  test('notebookDatasetFiles(ds) keeps leading-space tokens byte for byte in the TSV', async () => {
    const ds = generateNotebookDataset({ preambles: 5, dims: 8 });
    const { tsv } = await notebookDatasetFiles(ds);
    const clusters = readClusters(tsv, { fileName: 'clusters.tsv' });
    expect(new Set(clusters.guesses)).toEqual(new Set(ds.guesses));
    expect(clusters.guesses.some((g) => g.startsWith(' '))).toBe(true);
  });
});
