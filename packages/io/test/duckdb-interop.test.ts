// Interop with files written and read by DuckDB (a stand-in for polars/pandas: both write a
// `FLOAT[d]` column as a Parquet LIST of FLOAT).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadDataset, projectionColumns, readEmbeddings, writeClustersTsv, writeEmbeddingsParquet, writeProjection } from '@clamp-viz/io';
import { HOSTILE_TOKENS, seededRandom } from './helpers.js';

let dir: string;
let db: DuckDBInstance;
let con: DuckDBConnection;
const N = 300;
const D = 768;
/** The value DuckDB writes at row i, dimension j (below). */
const value = (i: number, j: number) => Math.fround(((i * 31 + j) % 97) / 97);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clamp-viz-io-'));
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
});

afterAll(async () => {
  con?.closeSync();
  db?.closeSync();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function duckParquet(name: string, select: string): Promise<Uint8Array> {
  const path = join(dir, name);
  await con.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
  return new Uint8Array(await readFile(path));
}

describe('DuckDB interop', () => {
  it('loadDataset(DuckDB FLOAT[768] Parquet, shuffled TSV) joins 1:1 in the Parquet row order', async () => {
    const bytes = await duckParquet(
      'emb.parquet',
      `SELECT 'sentence ' || (i // 10) AS preamble, ' tok' || i AS guess,
              list_transform(range(${D}), j -> ((i * 31 + j) % 97) / 97.0)::FLOAT[${D}] AS embedding
       FROM range(${N}) t(i) ORDER BY i`,
    );
    const rng = seededRandom(5);
    const order = Array.from({ length: N }, (_, i) => i).sort(() => rng() - 0.5);
    const tsv = writeClustersTsv({
      preambles: order.map((i) => `sentence ${Math.floor(i / 10)}`),
      guesses: order.map((i) => ` tok${i}`),
      clusterIds: order.map((i) => (i % 7) - 1),
    });
    const ds = await loadDataset({ embeddings: { bytes, fileName: 'emb.parquet' }, clusters: { text: tsv, fileName: 'c.tsv' } });
    expect(ds.matrix).toMatchObject({ rows: N, cols: D });
    expect(ds.guesses.slice(0, 3)).toEqual([' tok0', ' tok1', ' tok2']);
    expect(Array.from(ds.clusterIds.subarray(0, 8))).toEqual([-1, 0, 1, 2, 3, 4, 5, -1]);
    for (const [i, j] of [[0, 0], [17, 400], [N - 1, D - 1]] as const) expect(ds.matrix.data[i * D + j]).toBe(value(i, j));
    expect(ds.table.numRows).toBe(N);
  });

  it('readEmbeddings(DuckDB DOUBLE[] list Parquet) converts to float32', async () => {
    const bytes = await duckParquet('dbl.parquet', `SELECT [i::DOUBLE / 3, 1e-3, -2.5]::DOUBLE[] AS vec FROM range(4) t(i)`);
    const emb = await readEmbeddings(bytes);
    expect(emb.matrix).toMatchObject({ rows: 4, cols: 3 });
    expect(emb.matrix.data[3]).toBe(Math.fround(1 / 3));
  });

  it('readEmbeddings(DuckDB ragged list Parquet) throws ragged-row naming the row', async () => {
    const bytes = await duckParquet('ragged.parquet', `SELECT CASE WHEN i = 2 THEN [1.0, 2.0] ELSE [1.0, 2.0, 3.0] END::FLOAT[] AS embedding FROM range(4) t(i) ORDER BY i`);
    await expect(readEmbeddings(bytes, { fileName: 'ragged.parquet' })).rejects.toMatchObject({ code: 'ragged-row', row: 3 });
  });

  it('readEmbeddings(DuckDB Parquet with a NULL embedding) throws null-value', async () => {
    const bytes = await duckParquet('null.parquet', `SELECT CASE WHEN i = 1 THEN NULL ELSE [1.0, 2.0] END::FLOAT[] AS embedding FROM range(3) t(i) ORDER BY i`);
    await expect(readEmbeddings(bytes)).rejects.toMatchObject({ code: 'null-value', row: 2 });
  });

  it('writeEmbeddingsParquet output is read by DuckDB as a FLOAT[] list with the keys byte for byte', async () => {
    const n = HOSTILE_TOKENS.length;
    const data = Float32Array.from({ length: n * 4 }, (_, k) => k / 8);
    const bytes = await writeEmbeddingsParquet({ preambles: HOSTILE_TOKENS.map((t) => `p${t}`), guesses: HOSTILE_TOKENS, matrix: { data, rows: n, cols: 4 } });
    const path = join(dir, 'ours.parquet');
    await writeFile(path, bytes);
    const types = await con.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${path}')`);
    expect(types.getRows()).toEqual([
      ['preamble', 'VARCHAR'],
      ['guess', 'VARCHAR'],
      ['embedding', 'FLOAT[]'],
    ]);
    const rows = await con.runAndReadAll(`SELECT guess, embedding[2] FROM '${path}'`);
    expect(rows.getRows().map((r) => r[0])).toEqual(HOSTILE_TOKENS);
    expect(rows.getRows()[1]![1]).toBeCloseTo(5 / 8);
  });

  it('writeProjection Parquet and CSV are read by DuckDB with the notebook column names', async () => {
    const xy = Float32Array.from([0.1, -2, 3.5, 1e-7, 0, 42]);
    const output = { preambles: ['a', 'b', 'c'], guesses: [' x', '"q"', 'l\nf'], clusterIds: Int32Array.from([1, -1, 3]), columns: projectionColumns('umap', xy) };
    await writeFile(join(dir, 'p.parquet'), await writeProjection(output, 'parquet'));
    await writeFile(join(dir, 'p.csv'), await writeProjection(output, 'csv'));
    for (const file of ['p.parquet', 'p.csv']) {
      const result = await con.runAndReadAll(`SELECT preamble, guess, cluster_id, x_umap, y_umap FROM '${join(dir, file)}' ORDER BY preamble`);
      const rows = result.getRows();
      expect(rows.map((r) => r[1])).toEqual([' x', '"q"', 'l\nf']);
      expect(rows.map((r) => Number(r[2]))).toEqual([1, -1, 3]);
      expect(rows.map((r) => Math.fround(Number(r[3])))).toEqual([Math.fround(0.1), Math.fround(3.5), 0]);
      expect(rows.map((r) => Math.fround(Number(r[4])))).toEqual([-2, Math.fround(1e-7), 42]);
    }
  });
});
