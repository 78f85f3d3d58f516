import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { formatFloat32, initParquet, projectionColumns, readClusters, readNpy, writeProjection } from '@clamp-viz/io';
import { HOSTILE_TOKENS, randomMatrix, seededRandom } from './helpers.js';

const n = HOSTILE_TOKENS.length;
const xy = randomMatrix(n, 2, 11);
const output = {
  preambles: HOSTILE_TOKENS.map((t) => `s ${t}`),
  guesses: HOSTILE_TOKENS,
  clusterIds: Int32Array.from({ length: n }, (_, i) => i - 2),
  columns: projectionColumns('tsne', xy),
};

describe('projectionColumns', () => {
  it('projectionColumns(method, xy) splits an n×2 layout into x_<method> and y_<method>', () => {
    const cols = projectionColumns('umap', Float32Array.from([1, 2, 3, 4]));
    expect(Object.keys(cols)).toEqual(['x_umap', 'y_umap']);
    expect(Array.from(cols['x_umap']!)).toEqual([1, 3]);
    expect(Array.from(cols['y_umap']!)).toEqual([2, 4]);
  });

  it('projectionColumns rejects odd lengths and method names that are not identifiers', () => {
    expect(() => projectionColumns('umap', new Float32Array(3))).toThrow(/even length/);
    expect(() => projectionColumns('<b>', new Float32Array(2))).toThrow(/letters, digits or _/);
  });
});

describe('writeProjection', () => {
  it("writeProjection(out, 'arrow') writes an Arrow IPC file with keys, cluster_id and float32 coordinates", async () => {
    const table = tableFromIPC(await writeProjection(output, 'arrow'));
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'preamble:Utf8',
      'guess:Utf8',
      'cluster_id:Int32',
      'x_tsne:Float32',
      'y_tsne:Float32',
    ]);
    expect(table.getChild('guess')!.toArray()).toEqual(HOSTILE_TOKENS);
    expect(Array.from(table.getChild('y_tsne')!.toArray() as Float32Array)).toEqual(Array.from(output.columns['y_tsne']!));
  });

  it("writeProjection(out, 'parquet') round-trips through parquet-wasm", async () => {
    const bytes = await writeProjection(output, 'parquet');
    const pw = await initParquet();
    const table = tableFromIPC(pw.readParquet(bytes).intoIPCStream());
    expect(table.getChild('guess')!.toArray()).toEqual(HOSTILE_TOKENS);
    expect(Array.from(table.getChild('cluster_id')!.toArray() as Int32Array)).toEqual(Array.from(output.clusterIds));
    expect(Array.from(table.getChild('x_tsne')!.toArray() as Float32Array)).toEqual(Array.from(output.columns['x_tsne']!));
  });

  it("writeProjection(out, 'csv') writes RFC 4180 CSV whose floats read back exactly as float32", async () => {
    const text = new TextDecoder().decode(await writeProjection(output, 'csv'));
    expect(text.split('\n', 1)[0]).toBe('preamble,guess,cluster_id,x_tsne,y_tsne');
    const back = readClusters(text, { fileName: 'p.csv' });
    expect(back.guesses).toEqual(HOSTILE_TOKENS);
    expect(back.preambles).toEqual(output.preambles);
    expect((back.extra['x_tsne'] as number[]).map(Math.fround)).toEqual(Array.from(output.columns['x_tsne']!));
  });

  it("writeProjection({columns}, 'csv') without keys writes only the coordinates", async () => {
    const text = new TextDecoder().decode(await writeProjection({ columns: projectionColumns('pca', Float32Array.from([0.1, 2])) }, 'csv'));
    expect(text).toBe('x_pca,y_pca\n0.1,2\n');
  });

  it("writeProjection(out, 'npy') writes the single x/y pair as a float32 n×2 array", async () => {
    const m = readNpy(await writeProjection(output, 'npy'));
    expect(m).toMatchObject({ rows: n, cols: 2 });
    expect(m.data).toEqual(xy);
  });

  it("writeProjection(two pairs, 'npy') throws: NPY holds exactly one pair", async () => {
    const two = { columns: { ...projectionColumns('a', new Float32Array(4)), ...projectionColumns('b', new Float32Array(4)) } };
    await expect(writeProjection(two, 'npy')).rejects.toThrow(/exactly one pair/);
  });

  it('writeProjection rejects length mismatches, NaN coordinates, reserved names and unknown formats', async () => {
    await expect(writeProjection({ ...output, guesses: ['x'] }, 'csv')).rejects.toThrow(/guesses.length = 1/);
    await expect(writeProjection({ columns: { x_m: Float32Array.from([1, NaN]) } }, 'csv')).rejects.toThrow(/columns.x_m\[1\] = NaN/);
    await expect(writeProjection({ columns: { cluster_id: new Float32Array(1) } }, 'csv')).rejects.toThrow(/reserved/);
    await expect(writeProjection({ columns: {} }, 'csv')).rejects.toThrow(/at least one/);
    await expect(writeProjection({ preambles: ['a'], columns: { x: new Float32Array(1) } }, 'csv')).rejects.toThrow(/both key columns/);
    await expect(writeProjection(output, 'xlsx' as 'csv')).rejects.toThrow(/must be one of/);
  });
});

describe('formatFloat32', () => {
  it('formatFloat32(v) gives the shortest text that reads back as the same float32', () => {
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(2)).toBe('2');
    expect(formatFloat32(-1.5e-7)).toBe('-1.5e-7');
    expect(formatFloat32(Math.fround(16777217))).toBe('16777216');
    const rng = seededRandom(3);
    for (let k = 0; k < 2000; k++) {
      const v = Math.fround((rng() - 0.5) * 10 ** Math.floor(rng() * 20 - 10));
      const text = formatFloat32(v);
      expect(Math.fround(Number(text))).toBe(v);
      expect(text.replace(/^-|e.*$|\./g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(9);
    }
  });
});
