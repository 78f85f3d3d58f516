// The workspace is built by test/global-setup.ts. Spawns the built `clamp-viz` bin once per case (node packages/cli/bin/clamp-viz.js → dist/main.js),
// checking what a shell user sees: exit codes, one-line errors on stderr, plain progress when piped.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/clamp-viz.js');
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clamp-viz-bin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built clamp-viz bin', () => {
  test('clamp-viz project --preambles 5 --output out.csv exits 0, writes the CSV and prints plain progress lines to a pipe', () => {
    const r = cli('project', '--preambles', '5', '--method', 'pca', '--output', 'out.csv');
    expect(r.stderr).toMatch(/^clamp-viz: pca: \S+ 100% /m);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const lines = readFileSync(join(dir, 'out.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('preamble,guess,cluster_id,x_pca,y_pca');
    expect(lines).toHaveLength(201);
  });

  test('clamp-viz project --method nope exits 2 with one error line listing the methods', () => {
    const r = cli('project', '--method', 'nope', '--output', 'out.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^clamp-viz: error: unknown --method "nope"; known methods: .*pca.*\n$/);
  });

  test('clamp-viz project --embeddings missing.npy exits 1 with one error line and no stack trace', () => {
    const r = cli('project', '--embeddings', 'missing.npy', '--output', 'out.npy');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clamp-viz: error: ".*missing\.npy": no such file or directory\n$/);
  });

  test('clamp-viz project --method pca,pca-centers then evaluate --projection prints one JSON line of metrics per method', () => {
    const p = cli('project', '--preambles', '3', '--method', 'pca,pca-centers', '--output', 'two.parquet');
    expect(p.code).toBe(0);
    const r = cli('evaluate', '--preambles', '3', '--projection', 'two.parquet', '--k', '10');
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, number | string>);
    expect(lines.map((l) => l['method'])).toEqual(['pca', 'pca-centers']);
    for (const l of lines) {
      expect(l).toMatchObject({ rows: 120, evaluated: 120, k: 10 });
      for (const key of ['trustworthiness', 'continuity', 'knnRecall', 'labelAccuracy']) expect(l[key]).toBeGreaterThan(0);
      expect(l['trustworthiness']).toBeLessThanOrEqual(1);
    }
  });

  test('clamp-viz --help exits 0 and lists the commands', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/project \[options\]/);
    expect(r.stdout).toMatch(/generate \[options\]/);
    expect(r.stdout).toMatch(/methods/);
    expect(r.stdout).toMatch(/evaluate \[options\]/);
  });
});
