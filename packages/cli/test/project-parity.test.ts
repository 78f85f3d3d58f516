import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readNpy, writeNpy } from '@clamp-viz/io';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const fixtures = new URL('../../../test/fixtures/digits/', import.meta.url);
const f32 = async (name: string) => {
  const bytes = await readFile(new URL(name, fixtures));
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => (tmp = await tempDir()));
afterAll(() => tmp.cleanup());

test('clamp-viz project --embeddings digits.npy --method pca --output Y.npy matches scikit-learn PCA(2) up to per-axis sign', async () => {
  const digits = await f32('digits.f32');
  expect(digits.length).toBe(1797 * 64);
  await writeFile(join(tmp.dir, 'digits.npy'), writeNpy({ data: digits, rows: 1797, cols: 64 }));

  const run = await runCli(['project', '--embeddings', 'digits.npy', '--method', 'pca', '--output', 'Y.npy'], tmp.dir);
  expect(run.stderr).toContain('wrote x_pca, y_pca');
  expect(run.code).toBe(0);

  const Y = readNpy(new Uint8Array(await readFile(join(tmp.dir, 'Y.npy'))), 'Y.npy');
  expect(Y).toMatchObject({ rows: 1797, cols: 2 });
  const ref = await f32('pca.f32');
  let maxAbs = 0;
  for (const v of ref) maxAbs = Math.max(maxAbs, Math.abs(v));
  for (let axis = 0; axis < 2; axis++) {
    const sign = Math.sign(Y.data[axis]) === Math.sign(ref[axis]) ? 1 : -1;
    let worst = 0;
    for (let i = 0; i < 1797; i++) worst = Math.max(worst, Math.abs(sign * Y.data[2 * i + axis] - ref[2 * i + axis]));
    expect(worst).toBeLessThanOrEqual(1e-4 * maxAbs);
  }
});
