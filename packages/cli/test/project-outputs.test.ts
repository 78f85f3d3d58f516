import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { NOTEBOOK_SENTENCE } from '@clamp-viz/io';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => (tmp = await tempDir()));
afterAll(() => tmp.cleanup());

const COLUMNS = ['preamble', 'guess', 'cluster_id', 'x_pca', 'y_pca'];
const small = ['--preambles', '10'];

async function duckRows(path: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${path.replace(/'/g, "''")}')`);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

describe('clamp-viz project on the default dataset', () => {
  test('clamp-viz project --method pca --output out.parquet writes preamble, guess, cluster_id, x_pca, y_pca that DuckDB reads', async () => {
    const run = await runCli(['project', ...small, '--method', 'pca', '--output', 'out.parquet'], tmp.dir);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const rows = await duckRows(join(tmp.dir, 'out.parquet'));
    expect(rows).toHaveLength(400);
    expect(Object.keys(rows[0]!)).toEqual(COLUMNS);
    const sentence = rows.filter((r) => r['preamble'] === NOTEBOOK_SENTENCE);
    expect(sentence).toHaveLength(40);
    expect(sentence.map((r) => r['guess'])).toContain(' policy');
    expect(rows.every((r) => Number.isFinite(r['x_pca']) && Number.isFinite(r['y_pca']) && Number.isInteger(r['cluster_id']))).toBe(true);
  });

  test('clamp-viz project --output out.arrow and out.csv write the same columns and values as Arrow IPC and CSV', async () => {
    expect((await runCli(['project', ...small, '--output', 'out.arrow'], tmp.dir)).code).toBe(0);
    expect((await runCli(['project', ...small, '--output', 'out.csv'], tmp.dir)).code).toBe(0);
    const table = tableFromIPC(await readFile(join(tmp.dir, 'out.arrow')));
    expect(table.schema.fields.map((f) => f.name)).toEqual(COLUMNS);
    expect(table.numRows).toBe(400);
    expect(String(table.schema.fields[2]!.type)).toBe('Int32');
    expect(String(table.schema.fields[3]!.type)).toBe('Float32');

    const lines = (await readFile(join(tmp.dir, 'out.csv'), 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe(COLUMNS.join(','));
    expect(lines).toHaveLength(401);
    const x = table.getChild('x_pca')!.toArray() as Float32Array;
    const last = lines[400]!.split(',');
    expect(Math.fround(Number(last[last.length - 2]))).toBe(x[399]); // shortest float32 round-trip text
    expect(Number(last[last.length - 3])).toBe(table.getChild('cluster_id')!.get(399));
  });

  test('clamp-viz generate then project --embeddings --clusters gives the same coordinates as projecting the in-memory dataset', async () => {
    const gen = await runCli(['generate', '--out-dir', 'data', ...small], tmp.dir);
    expect(gen.code).toBe(0);
    const viaFiles = await runCli(
      ['project', '--embeddings', 'data/embeddings.parquet', '--clusters', 'data/clusters.tsv', '--output', 'files.arrow'],
      tmp.dir,
    );
    expect(viaFiles.stderr).not.toContain('error');
    expect(viaFiles.code).toBe(0);
    expect((await runCli(['project', ...small, '--output', 'memory.arrow'], tmp.dir)).code).toBe(0);
    const a = tableFromIPC(await readFile(join(tmp.dir, 'files.arrow')));
    const b = tableFromIPC(await readFile(join(tmp.dir, 'memory.arrow')));
    for (const name of COLUMNS) expect(a.getChild(name)!.toArray()).toEqual(b.getChild(name)!.toArray());
  });

  test('clamp-viz project reports progress as plain lines when stderr is not a TTY and as a bar when it is', async () => {
    const plain = await runCli(['project', ...small, '--output', 'p.npy'], tmp.dir);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/^clamp-viz: pca: \S+ 100% \(\d+\/\d+\)$/m);
    const tty = await runCli(['project', ...small, '--output', 'p.npy'], tmp.dir, true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/pca: \S+ \[[█░]+\] 100%/);
    expect(tty.stderr).not.toMatch(/^clamp-viz: pca: /m);
  });
});
