import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateNotebookDataset, writeClustersTsv, writeEmbeddingsParquet, writeNpy } from '@clamp-viz/io';
import { listMethods } from '@clamp-viz/projection';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../src/main.js';
import { runCli, tempDir } from './run-cli.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
  const ds = generateNotebookDataset({ preambles: 2, dims: 8 });
  await writeFile(join(tmp.dir, 'emb.npy'), writeNpy(ds.matrix));
  await writeFile(join(tmp.dir, 'emb.parquet'), await writeEmbeddingsParquet(ds));
  await writeFile(join(tmp.dir, 'ten.tsv'), writeClustersTsv({ ...ds, preambles: ds.preambles.slice(0, 10), guesses: ds.guesses.slice(0, 10), clusterIds: ds.clusterIds.slice(0, 10) }));
  const dup = { preambles: [...ds.preambles, ds.preambles[3]!], guesses: [...ds.guesses, ds.guesses[3]!], clusterIds: [...ds.clusterIds, 7] };
  await writeFile(join(tmp.dir, 'dup.tsv'), writeClustersTsv(dup));
});
afterAll(() => tmp.cleanup());

const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

describe('usage errors exit with code 2', () => {
  test('clamp-viz project --method nope exits 2 and lists the known methods', async () => {
    const run = await runCli(['project', '--method', 'nope', '--output', 'out.csv'], tmp.dir);
    expect(run.code).toBe(2);
    const known = listMethods().map((m) => m.name);
    expect(known).toContain('pca');
    expect(run.stderr).toBe(`clamp-viz: error: unknown --method "nope"; known methods: ${known.join(', ')} (or all)\n`);
  });

  test.each([
    [['project', '--bogus', '--output', 'x.csv'], /^clamp-viz: error: unknown option '--bogus'/],
    [['project', '--output'], /^clamp-viz: error: option '--output <file>' argument missing/],
    [['project', '--method', 'pca'], /^clamp-viz: error: required option '--output <file>' not specified/],
    [['project', '--output', 'out.txt'], /^clamp-viz: error: --output "out.txt": unsupported extension '.txt'; use .parquet/],
    [['project', '--embeddings', 'emb.csv', '--output', 'out.csv'], /^clamp-viz: error: --embeddings "emb.csv": unsupported extension '.csv'/],
    [['project', '--clusters', 'ten.tsv', '--output', 'out.csv'], /^clamp-viz: error: --clusters needs --embeddings/],
    [['project', '--preambles', '0', '--output', 'out.csv'], /^clamp-viz: error: option '--preambles <n>' argument '0' is invalid\. must be an integer in \[1, 25000\]/],
    [['project', '--seed', 'abc', '--output', 'out.csv'], /argument 'abc' is invalid/],
    [['project', '--unmatched', 'maybe', '--output', 'out.csv'], /argument 'maybe' is invalid\. Allowed choices are error, drop/],
    [['frobnicate'], /^clamp-viz: error: unknown command 'frobnicate'/],
    [['generate'], /^clamp-viz: error: required option '--out-dir <dir>' not specified/],
  ])('clamp-viz %j exits 2 with one error line', async (argv, message) => {
    const run = await runCli(argv, tmp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    noStack(run.stderr);
  });

  test('clamp-viz project --method <a method that needs clusters> without --clusters exits 2 asking for them', async () => {
    const needy = listMethods().find((m) => m.needsClusters);
    expect(needy, 'the registry has a cluster-aware method (lda)').toBeDefined();
    const run = await runCli(['project', '--embeddings', 'emb.npy', '--method', needy!.name, '--output', 'out.csv'], tmp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`clamp-viz: error: --method ${needy!.name} needs cluster ids: give --clusters FILE\n`);
  });

  test('clamp-viz with no arguments prints the help on stderr and exits 2', async () => {
    const run = await runCli([], tmp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage: clamp-viz/);
  });
});

describe('data errors exit with code 1', () => {
  test('clamp-viz project with an NPY of 80 rows and a TSV of 10 rows exits 1 naming both counts', async () => {
    const run = await runCli(['project', '--embeddings', 'emb.npy', '--clusters', 'ten.tsv', '--output', 'out.csv'], tmp.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^clamp-viz: error: .*emb\.npy.*80 rows.*ten\.tsv.*10 data rows/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    noStack(run.stderr);
  });

  test('clamp-viz project with a clusters TSV that repeats a (preamble, guess) key exits 1 naming the file and both rows', async () => {
    const run = await runCli(['project', '--embeddings', 'emb.parquet', '--clusters', 'dup.tsv', '--output', 'out.csv'], tmp.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^clamp-viz: error: .*dup\.tsv/);
    expect(run.stderr).toMatch(/\b4\b.*\b81\b/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    noStack(run.stderr);
  });

  test('clamp-viz project --embeddings missing.npy exits 1 saying the file does not exist', async () => {
    const run = await runCli(['project', '--embeddings', 'missing.npy', '--output', 'out.csv'], tmp.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^clamp-viz: error: ".*missing\.npy": no such file or directory\n$/);
  });

  test('clamp-viz project --debug adds the stack trace to the error line', async () => {
    const run = await runCli(['project', '--debug', '--embeddings', 'emb.npy', '--clusters', 'ten.tsv', '--output', 'out.csv'], tmp.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^clamp-viz: error: /);
    expect(run.stderr).toMatch(/^\s+at /m);
  });
});

test('clamp-viz project --unmatched drop keeps the 10 joined rows and says how many it dropped', async () => {
  const run = await runCli(['project', '--embeddings', 'emb.parquet', '--clusters', 'ten.tsv', '--unmatched', 'drop', '--output', 'kept.csv'], tmp.dir);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('clamp-viz: dropped 70 embedding rows and 0 cluster rows without a partner');
  const lines = (await readFile(join(tmp.dir, 'kept.csv'), 'utf8')).trimEnd().split('\n');
  expect(lines).toHaveLength(11);
});

test('clamp-viz project with an aborted signal exits 130 saying it was cancelled', async () => {
  let stderr = '';
  const code = await main(['project', '--preambles', '1', '--output', 'out.csv'], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: tmp.dir,
    signal: AbortSignal.abort(),
  });
  expect(code).toBe(130);
  expect(stderr).toMatch(/^clamp-viz: cancelled$/m);
});

describe('help and methods', () => {
  test('clamp-viz project --help prints the options on stdout and exits 0', async () => {
    const run = await runCli(['project', '--help'], tmp.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: clamp-viz project \[options\]/);
    for (const option of ['--embeddings', '--clusters', '--method', '--seed', '--output', '--preambles']) expect(run.stdout).toContain(option);
  });

  test('clamp-viz methods lists the registry, and --json gives its entries', async () => {
    const table = await runCli(['methods'], tmp.dir);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    for (const m of listMethods()) expect(lines.some((l) => /^\S+ +\S/.test(l) && l.startsWith(`${m.name} `) && l.includes(m.description))).toBe(true);
    expect(lines).toHaveLength(listMethods().length);
    const json = await runCli(['methods', '--json'], tmp.dir);
    const methods = JSON.parse(json.stdout) as { name: string; needsClusters: boolean }[];
    expect(methods.map((m) => m.name)).toContain('pca');
    expect(methods.find((m) => m.name === 'pca')?.needsClusters).toBe(false);
  });
});
