// `clamp-viz project --method a,b` and `--method all`: several methods into one file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listMethods } from '@clamp-viz/projection';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
  const gen = await runCli(['generate', '--out-dir', '.', '--preambles', '2'], tmp.dir);
  expect(gen.code).toBe(0);
});
afterAll(() => tmp.cleanup());

async function arrowColumns(file: string): Promise<Record<string, Float32Array | unknown[]>> {
  const table = tableFromIPC(await readFile(join(tmp.dir, file)));
  return Object.fromEntries(table.schema.fields.map((f) => [f.name, table.getChild(f.name)!.toArray() as Float32Array]));
}

describe('clamp-viz project with several methods', () => {
  test('clamp-viz project --method pca,pca-centers --output out.arrow writes both pairs, each equal to its single-method run', async () => {
    const both = await runCli(['project', '--preambles', '2', '--method', 'pca,pca-centers,pca', '--output', 'both.arrow'], tmp.dir);
    expect(both.stderr).not.toContain('error');
    expect(both.code).toBe(0);
    expect(both.stderr).toMatch(/^clamp-viz: pca: transform 100% /m);
    expect(both.stderr).toMatch(/^clamp-viz: pca-centers: \S+ 100% /m);
    const one = await runCli(['project', '--preambles', '2', '--method', 'pca-centers', '--output', 'one.arrow'], tmp.dir);
    expect(one.code).toBe(0);
    const a = await arrowColumns('both.arrow');
    const b = await arrowColumns('one.arrow');
    expect(Object.keys(a)).toEqual(['preamble', 'guess', 'cluster_id', 'x_pca', 'y_pca', 'x_pca_centers', 'y_pca_centers']);
    expect(a['x_pca_centers']).toEqual(b['x_pca_centers']);
    expect(a['y_pca_centers']).toEqual(b['y_pca_centers']);
    expect((a['x_pca'] as Float32Array).length).toBe(80);
  });

  test('clamp-viz project --embeddings emb.parquet --method all skips the cluster methods (named on stderr) and writes the others', async () => {
    const run = await runCli(['project', '--embeddings', 'embeddings.parquet', '--method', 'all', '--output', 'all.parquet'], tmp.dir);
    expect(run.code).toBe(0);
    const methods = listMethods();
    const free = methods.filter((m) => !m.needsClusters).map((m) => m.name);
    for (const m of methods.filter((m) => m.needsClusters)) {
      expect(run.stderr).toContain(`clamp-viz: skipping ${m.name}: needs cluster ids (give --clusters FILE)`);
    }
    for (const name of free) expect(run.stderr).toMatch(new RegExp(`^clamp-viz: ${name}: done in `, 'm'));
    expect(run.stderr).toContain(`wrote ${free.map((n) => `x_${n.replace(/-/g, '_')}, y_${n.replace(/-/g, '_')}`).join(', ')} to `);
  });

  test.each([
    [['--method', 'all', '--output', 'all.npy'], /^clamp-viz: error: --output "all.npy": \.npy holds one method, but --method all runs \d+ \(pca, /],
    [['--method', 'pca,umap', '--output', 'two.npy'], /^clamp-viz: error: --output "two.npy": \.npy holds one method, but --method pca,umap runs 2 /],
    [['--method', 'pca,nope', '--output', 'x.csv'], /^clamp-viz: error: unknown --method "nope"; known methods: pca, /],
    [['--method', 'pca,', '--output', 'x.csv'], /^clamp-viz: error: --method "pca,": empty method name/],
    [['--embeddings', 'embeddings.parquet', '--method', 'pca,lda', '--output', 'x.csv'], /^clamp-viz: error: --method lda needs cluster ids: give --clusters FILE\n$/],
  ])('clamp-viz project %j exits 2 before computing anything', async (argv, message) => {
    const run = await runCli(['project', ...argv], tmp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/generating|: done in/);
  });
  test('clamp-viz project --method clusterplot,pca --outlines blobs.geojson writes ClusterPlot\'s blobs as GeoJSON next to the columns', async () => {
    const run = await runCli(['project', '--preambles', '2', '--method', 'clusterplot,pca', '--output', 'cp.arrow', '--outlines', 'blobs.geojson'], tmp.dir);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const cols = await arrowColumns('cp.arrow');
    expect(Object.keys(cols)).toEqual(['preamble', 'guess', 'cluster_id', 'x_clusterplot', 'y_clusterplot', 'x_pca', 'y_pca']);
    const geo = JSON.parse(await readFile(join(tmp.dir, 'blobs.geojson'), 'utf8'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(0);
    const ids = new Set(Array.from(cols['cluster_id'] as ArrayLike<number>));
    for (const f of geo.features) {
      expect(f.properties.method).toBe('clusterplot');
      expect(ids.has(f.properties.cluster_id)).toBe(true);
      const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p: number[][][]) => p[0]);
      for (const ring of rings) expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
    const none = await runCli(['project', '--preambles', '2', '--method', 'pca', '--output', 'p.arrow', '--outlines', 'none.geojson'], tmp.dir);
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/--outlines: no selected method makes outlines/);
    expect(JSON.parse(await readFile(join(tmp.dir, 'none.geojson'), 'utf8')).features).toEqual([]);
  });
});
