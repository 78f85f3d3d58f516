// `clamp-viz evaluate`: quality metrics of the layouts in a projection file, one JSON line per method.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateNotebookDataset, writeNpy } from '@clamp-viz/io';
import { evaluateProjection } from '@clamp-viz/projection';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
const small = ['--preambles', '3'];
const ds = generateNotebookDataset({ preambles: 3 });

beforeAll(async () => {
  tmp = await tempDir();
  const run = await runCli(['project', ...small, '--method', 'pca,pca-centers', '--output', 'two.csv'], tmp.dir);
  expect(run.code).toBe(0);
});
afterAll(() => tmp.cleanup());

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** x_<m>, y_<m> of a CSV that `project` wrote, as an n×2 layout in file order. */
async function csvLayout(file: string, method: string): Promise<{ header: string[]; lines: string[]; xy: Float32Array }> {
  const [head, ...lines] = (await readFile(join(tmp.dir, file), 'utf8')).trimEnd().split('\n');
  const header = head!.split(',');
  const xc = header.indexOf(`x_${method}`);
  const xy = new Float32Array(2 * lines.length);
  lines.forEach((line, i) => {
    const f = line.split(',');
    const off = f.length - header.length; // tokens never contain commas in the default dataset
    xy[2 * i] = Number(f[xc + off]);
    xy[2 * i + 1] = Number(f[xc + 1 + off]);
  });
  return { header, lines, xy };
}

describe('clamp-viz evaluate', () => {
  test('clamp-viz evaluate --projection two.csv prints one JSON line per method, equal to evaluateProjection on the same rows', async () => {
    const run = await runCli(['evaluate', ...small, '--projection', 'two.csv', '--k', '10'], tmp.dir);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l['method'])).toEqual(['pca', 'pca-centers']);
    const { xy } = await csvLayout('two.csv', 'pca');
    const expected = evaluateProjection(ds.matrix, xy, { k: 10, labels: ds.clusterIds, seed: 42 });
    expect(lines[0]).toEqual({ method: 'pca', rows: 120, evaluated: 120, k: 10, ...expected });
    for (const l of lines) for (const key of ['trustworthiness', 'continuity', 'knnRecall', 'labelAccuracy']) expect(l[key]).toBeGreaterThan(0);
  });

  test('clamp-viz evaluate joins the projection to the embeddings by (preamble, guess): reversed rows give the same scores', async () => {
    const text = await readFile(join(tmp.dir, 'two.csv'), 'utf8');
    const [head, ...rows] = text.trimEnd().split('\n');
    await writeFile(join(tmp.dir, 'reversed.csv'), [head, ...rows.reverse()].join('\n') + '\n');
    const a = await runCli(['evaluate', ...small, '--projection', 'two.csv', '--method', 'pca'], tmp.dir);
    const b = await runCli(['evaluate', ...small, '--projection', 'reversed.csv', '--method', 'pca'], tmp.dir);
    expect(b.code).toBe(0);
    expect(jsonLines(b.stdout)).toEqual(jsonLines(a.stdout));
    expect(jsonLines(a.stdout)).toHaveLength(1);
  });

  test('clamp-viz evaluate --sample 60 --seed 5 scores a seeded subset: same seed same line, another seed another subset', async () => {
    const args = ['evaluate', ...small, '--projection', 'two.csv', '--method', 'pca-centers', '--sample', '60'];
    const a = await runCli([...args, '--seed', '5'], tmp.dir);
    const b = await runCli([...args, '--seed', '5'], tmp.dir);
    const c = await runCli([...args, '--seed', '6'], tmp.dir);
    expect(a.code).toBe(0);
    const [la] = jsonLines(a.stdout);
    expect(la).toMatchObject({ method: 'pca-centers', rows: 120, evaluated: 60, k: 15 });
    expect(jsonLines(b.stdout)).toEqual([la]);
    expect(jsonLines(c.stdout)[0]!['trustworthiness']).not.toBe(la!['trustworthiness']);
  });

  test('clamp-viz evaluate --embeddings e.npy --projection p.npy --method umap matches rows by order and needs equal counts', async () => {
    const { xy } = await csvLayout('two.csv', 'pca');
    await writeFile(join(tmp.dir, 'emb.npy'), writeNpy(ds.matrix));
    await writeFile(join(tmp.dir, 'xy.npy'), writeNpy({ data: xy, rows: 120, cols: 2 }));
    const ok = await runCli(['evaluate', '--embeddings', 'emb.npy', '--projection', 'xy.npy', '--method', 'umap', '--k', '10'], tmp.dir);
    expect(ok.stderr).not.toContain('error');
    const [line] = jsonLines(ok.stdout);
    const expected = evaluateProjection(ds.matrix, xy, { k: 10 });
    expect(line).toEqual({ method: 'umap', rows: 120, evaluated: 120, k: 10, ...expected, labelAccuracy: null, silhouette: null });

    await writeFile(join(tmp.dir, 'short.npy'), writeNpy({ data: xy.subarray(0, 200), rows: 100, cols: 2 }));
    const bad = await runCli(['evaluate', '--embeddings', 'emb.npy', '--projection', 'short.npy', '--method', 'pca'], tmp.dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^clamp-viz: error: short\.npy: has 100 rows but emb\.npy has 120; .*counts must agree\n$/);
  });

  test.each([
    [['--projection', 'xy.npy'], 2, /^clamp-viz: error: --projection "xy.npy": an \.npy file has no column names; give --method NAME\n$/],
    [['--projection', 'two.csv', '--method', 'umap'], 2, /^clamp-viz: error: --method umap: two\.csv has no x_umap\/y_umap columns; it has: pca, pca_centers\n$/],
    [['--projection', 'two.txt'], 2, /^clamp-viz: error: --projection "two.txt": unsupported extension '\.txt'/],
    [['--projection', 'two.csv', '--k', '70'], 2, /^clamp-viz: error: --k 70: must be below half the evaluated rows \(120\)/m],
    [['--method', 'pca'], 2, /^clamp-viz: error: required option '--projection <file>' not specified/],
    [['--projection', 'bad.csv'], 1, /^clamp-viz: error: bad\.csv, row 2, column "x_pca": value "oops": must be a finite number\n$/],
    [['--projection', 'foreign.csv'], 1, /^clamp-viz: error: foreign\.csv, row 1: value "nope \/  x": this \(preamble, guess\) is not in the default dataset/m],
  ])('clamp-viz evaluate %j exits %i with one error line', async (argv, code, message) => {
    await writeFile(join(tmp.dir, 'bad.csv'), 'x_pca,y_pca\n1,2\noops,3\n4,5\n');
    await writeFile(join(tmp.dir, 'foreign.csv'), 'preamble,guess,x_pca,y_pca\nnope, x,1,2\n');
    const run = await runCli(['evaluate', ...small, ...argv], tmp.dir);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(code);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
