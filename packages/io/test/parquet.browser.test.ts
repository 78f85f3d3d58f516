// Parquet in a real browser (Chromium): parquet-wasm is fetched by Vite next to its module.
import { describe, expect, it } from 'vitest';
import { initParquet, loadDataset, projectionColumns, readEmbeddings, writeClustersTsv, writeEmbeddingsParquet, writeProjection } from '@clamp-viz/io';

describe('Parquet in the browser', () => {
  it('initParquet() loads the wasm without arguments', async () => {
    const pw = await initParquet();
    expect(typeof pw.readParquet).toBe('function');
    expect(typeof window).toBe('object');
  });

  it('writeEmbeddingsParquet → loadDataset round-trips keys, clusters and values', async () => {
    const rows = 64;
    const cols = 16;
    const data = Float32Array.from({ length: rows * cols }, (_, k) => ((k * 7919) % 1000) / 1000 - 0.5);
    const preambles = Array.from({ length: rows }, (_, i) => `sentence ${i % 4}`);
    const guesses = Array.from({ length: rows }, (_, i) => (i === 3 ? '<img src=x onerror=alert(1)>' : ` tok${i}`));
    const bytes = await writeEmbeddingsParquet({ preambles, guesses, matrix: { data, rows, cols } });
    const order = Array.from({ length: rows }, (_, i) => rows - 1 - i);
    const tsv = writeClustersTsv({
      preambles: order.map((i) => preambles[i]!),
      guesses: order.map((i) => guesses[i]!),
      clusterIds: order.map((i) => i % 5),
    });
    const ds = await loadDataset({ embeddings: { bytes, fileName: 'e.parquet' }, clusters: { text: tsv, fileName: 'c.tsv' } });
    expect(ds.matrix).toMatchObject({ rows, cols });
    expect(ds.matrix.data).toEqual(data);
    expect(ds.guesses).toEqual(guesses);
    expect(Array.from(ds.clusterIds.subarray(0, 6))).toEqual([0, 1, 2, 3, 4, 0]);
  });

  it('writeProjection(…, "parquet") writes PAR1 bytes that readEmbeddings decodes (no list column → missing-column)', async () => {
    const bytes = await writeProjection({ columns: projectionColumns('umap', Float32Array.from([1, 2, 3, 4])) }, 'parquet');
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1');
    await expect(readEmbeddings(bytes, { fileName: 'p.parquet' })).rejects.toMatchObject({ name: 'DataError', code: 'missing-column' });
  });

  it('readEmbeddings(truncated Parquet) throws a DataError in the browser too', async () => {
    const bytes = await writeEmbeddingsParquet({ matrix: { data: new Float32Array(40), rows: 10, cols: 4 } });
    await expect(readEmbeddings(bytes.subarray(0, 30), { fileName: 't.parquet' })).rejects.toMatchObject({ name: 'DataError', code: 'corrupt-file' });
  });
});
