import { describe, expect, it } from 'vitest';
import { Field, Float32, LargeList, Table, Utf8, makeData, makeVector, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { readEmbeddings, writeEmbeddingsParquet, writeNpy, writeParquet } from '@clamp-viz/io';
import { fixedSizeListVector, ipcBytes, listVector, randomMatrix, thrown, utf8 } from './helpers.js';

describe('readEmbeddings', () => {
  it('readEmbeddings(Arrow IPC file with FixedSizeList<Float32>) gives the dense matrix and keys', async () => {
    const data = randomMatrix(5, 3);
    const bytes = ipcBytes({ preamble: utf8(['p', 'p', 'q', 'q', 'q']), guess: utf8([' a', ' b', ' a', ' b', ' c']), embedding: fixedSizeListVector(data, 3) });
    const emb = await readEmbeddings(bytes, { fileName: 'e.arrow' });
    expect(emb).toMatchObject({ format: 'arrow', fileName: 'e.arrow', preambles: ['p', 'p', 'q', 'q', 'q'], guesses: [' a', ' b', ' a', ' b', ' c'] });
    expect(emb.matrix).toMatchObject({ rows: 5, cols: 3 });
    expect(emb.matrix.data).toEqual(data);
  });

  it('readEmbeddings(Arrow IPC stream with List<Float64>) converts to float32', async () => {
    const f64 = Float64Array.from([0.1, 0.2, 0.3, 0.4]);
    const emb = await readEmbeddings(ipcBytes({ embedding: listVector(f64, [2, 2]) }, 'stream'));
    expect(emb.format).toBe('arrow-stream');
    expect(emb.preambles).toBeUndefined();
    expect(Array.from(emb.matrix.data)).toEqual(Array.from(f64, Math.fround));
  });

  it('readEmbeddings(multi-batch Arrow stream) concatenates the batches in order', async () => {
    const a = new Table({ embedding: fixedSizeListVector(Float32Array.from([1, 2, 3, 4]), 2) });
    const b = new Table({ embedding: fixedSizeListVector(Float32Array.from([5, 6]), 2) });
    const bytes = tableToIPC(a.concat(b), 'stream');
    const emb = await readEmbeddings(bytes);
    expect(emb.matrix.rows).toBe(3);
    expect(Array.from(emb.matrix.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('readEmbeddings(LargeList<Float32> and dictionary-encoded keys) reads them like List and Utf8', async () => {
    const values = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const child = makeData({ type: new Float32(), length: 6, nullCount: 0, data: values });
    const type = new LargeList(new Field('element', new Float32(), true));
    const embedding = makeVector(makeData({ type, length: 3, nullCount: 0, valueOffsets: BigInt64Array.from([0n, 2n, 4n, 6n]), child }));
    const keys = tableFromArrays({ preamble: ['p', 'p', 'q'], guess: [' a', ' b', ' a'] });
    expect(String(keys.getChild('guess')!.type)).toMatch(/Dictionary/);
    const bytes = ipcBytes({ preamble: keys.getChild('preamble')!, guess: keys.getChild('guess')!, embedding });
    const emb = await readEmbeddings(bytes);
    expect(emb.guesses).toEqual([' a', ' b', ' a']);
    expect(emb.matrix).toMatchObject({ rows: 3, cols: 2 });
    expect(Array.from(emb.matrix.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('readEmbeddings(null key) throws null-value naming the row and key column', async () => {
    const guess = vectorFromArray([' a', null], new Utf8());
    const bytes = ipcBytes({ preamble: utf8(['p', 'p']), guess, embedding: listVector(Float32Array.from([1, 2]), [1, 1]) });
    expect(await thrown(() => readEmbeddings(bytes))).toMatchObject({ code: 'null-value', row: 2, column: 'guess' });
  });

  it('readEmbeddings(NPY) reads a matrix without keys', async () => {
    const emb = await readEmbeddings(writeNpy({ data: Float32Array.from([1, 2, 3, 4, 5, 6]), rows: 3, cols: 2 }), { fileName: 'x.npy' });
    expect(emb).toMatchObject({ format: 'npy', matrix: { rows: 3, cols: 2 } });
    expect(emb.preambles).toBeUndefined();
  });

  it('readEmbeddings(Parquet from writeEmbeddingsParquet) round-trips keys and values and leaves the bytes unchanged', async () => {
    const data = randomMatrix(50, 8, 7);
    const preambles = Array.from({ length: 50 }, (_, i) => `sentence ${i % 5}`);
    const guesses = Array.from({ length: 50 }, (_, i) => ` tok${i}`);
    const bytes = await writeEmbeddingsParquet({ preambles, guesses, matrix: { data, rows: 50, cols: 8 } });
    const before = bytes.slice();
    const emb = await readEmbeddings(bytes, { fileName: 'e.parquet' });
    expect(bytes).toEqual(before);
    expect(emb).toMatchObject({ format: 'parquet', preambles, guesses, matrix: { rows: 50, cols: 8 } });
    expect(emb.matrix.data).toEqual(data);
  });

  it('readEmbeddings(Parquet with FixedSizeList<Float32>) reads the fixed-size layout', async () => {
    const data = randomMatrix(4, 6);
    const bytes = await writeParquet(new Table({ embedding: fixedSizeListVector(data, 6) }));
    const emb = await readEmbeddings(bytes);
    expect(emb.matrix).toMatchObject({ rows: 4, cols: 6 });
    expect(emb.matrix.data).toEqual(data);
  });

  it('readEmbeddings(bytes, {column}) reads the named list column; otherwise the only list column', async () => {
    const bytes = ipcBytes({ a: listVector(Float32Array.from([1, 2]), [1, 1]), b: listVector(Float32Array.from([3, 4]), [1, 1]) });
    expect(Array.from((await readEmbeddings(bytes, { column: 'b' })).matrix.data)).toEqual([3, 4]);
    const error = await thrown(() => readEmbeddings(bytes, { fileName: 'two.arrow' }));
    expect(error).toMatchObject({ name: 'DataError', code: 'missing-column', file: 'two.arrow' });
    expect(error.message).toContain('columns: "a", "b"');
    const single = ipcBytes({ vec: listVector(Float32Array.from([1, 2]), [2]) });
    expect((await readEmbeddings(single)).matrix.cols).toBe(2);
  });

  it('readEmbeddings(ragged rows) throws ragged-row naming the row and both lengths', async () => {
    const error = await thrown(() => readEmbeddings(ipcBytes({ embedding: listVector(new Float32Array(8), [3, 3, 2]) }), { fileName: 'r.arrow' }));
    expect(error).toMatchObject({ name: 'DataError', code: 'ragged-row', file: 'r.arrow', row: 3, column: 'embedding' });
    expect(error.message).toMatch(/r\.arrow, row 3, column "embedding": the embedding has 2 values but row 1 has 3/);
  });

  it('readEmbeddings(NaN or Inf value) throws non-finite naming row and element', async () => {
    for (const bad of [NaN, -Infinity]) {
      const values = Float32Array.from([0, 1, 2, 3, 4, bad]);
      const error = await thrown(() => readEmbeddings(ipcBytes({ embedding: listVector(values, [3, 3]) })));
      expect(error).toMatchObject({ code: 'non-finite', row: 2 });
      expect(error.message).toContain('(element 2)');
    }
  });

  it('readEmbeddings(float64 beyond float32 range) throws non-finite', async () => {
    const error = await thrown(() => readEmbeddings(ipcBytes({ embedding: listVector(Float64Array.from([1, 1e40]), [2]) })));
    expect(error).toMatchObject({ code: 'non-finite', row: 1, value: 1e40 });
  });

  it('readEmbeddings(null embedding row) throws null-value naming the row', async () => {
    const error = await thrown(() => readEmbeddings(ipcBytes({ embedding: listVector(new Float32Array(4), [2, 0, 2], [1]) })));
    expect(error).toMatchObject({ code: 'null-value', row: 2, column: 'embedding' });
  });

  it('readEmbeddings(no list column) throws missing-column', async () => {
    const error = await thrown(() => readEmbeddings(ipcBytes({ preamble: utf8(['a']), guess: utf8(['b']) })));
    expect(error).toMatchObject({ code: 'missing-column', column: 'embedding' });
  });

  it('readEmbeddings(wrong column types) throws wrong-type', async () => {
    const strings = ipcBytes({ embedding: utf8(['1,2']) });
    expect(await thrown(() => readEmbeddings(strings))).toMatchObject({ code: 'wrong-type', column: 'embedding' });
    const numericKeys = ipcBytes({ preamble: listVector(Float32Array.from([1]), [1]), guess: utf8(['b']), embedding: listVector(Float32Array.from([1]), [1]) });
    expect(await thrown(() => readEmbeddings(numericKeys))).toMatchObject({ code: 'wrong-type', column: 'preamble' });
  });

  it('readEmbeddings(only one key column) throws missing-column for the other', async () => {
    const bytes = ipcBytes({ guess: utf8(['b']), embedding: listVector(Float32Array.from([1]), [1]) });
    expect(await thrown(() => readEmbeddings(bytes))).toMatchObject({ code: 'missing-column', column: 'preamble' });
  });

  it('readEmbeddings(empty table) throws no-rows', async () => {
    expect(await thrown(() => readEmbeddings(ipcBytes({ embedding: listVector(new Float32Array(0), []) })))).toMatchObject({ code: 'no-rows' });
  });

  it('readEmbeddings(truncated Parquet) wraps the parquet-wasm error as corrupt-file with a cause', async () => {
    const bytes = await writeEmbeddingsParquet({ matrix: { data: randomMatrix(10, 4), rows: 10, cols: 4 } });
    const error = await thrown(() => readEmbeddings(bytes.subarray(0, bytes.length - 20), { fileName: 't.parquet' }));
    expect(error).toMatchObject({ name: 'DataError', code: 'corrupt-file', file: 't.parquet' });
    expect(error.cause).toBeDefined();
  });

  it('readEmbeddings(PAR1 followed by garbage) throws corrupt-file, and Parquet still works afterwards', async () => {
    const garbage = new TextEncoder().encode('PAR1 this is not really parquet at all PAR1');
    expect(await thrown(() => readEmbeddings(garbage))).toMatchObject({ code: 'corrupt-file' });
    const ok = await writeEmbeddingsParquet({ matrix: { data: Float32Array.from([1, 2]), rows: 1, cols: 2 } });
    expect((await readEmbeddings(ok)).matrix.cols).toBe(2);
  });

  it('readEmbeddings(truncated Arrow file and stream) throws corrupt-file', async () => {
    const cols = { embedding: fixedSizeListVector(randomMatrix(20, 4), 4) };
    for (const format of ['file', 'stream'] as const) {
      const bytes = ipcBytes(cols, format);
      for (const cut of [12, 100, bytes.length - 40]) {
        const error = await thrown(() => readEmbeddings(bytes.subarray(0, cut), { fileName: `t.${format}` }));
        expect(error).toMatchObject({ name: 'DataError', code: 'corrupt-file', file: `t.${format}` });
        expect(error.message).toMatch(/truncated or corrupt/);
      }
    }
  });

  it('readEmbeddings(zero bytes) throws empty-file', async () => {
    expect(await thrown(() => readEmbeddings(new Uint8Array(0), { fileName: 'z.parquet' }))).toMatchObject({ code: 'empty-file', file: 'z.parquet' });
  });

  it('readEmbeddings(NPY, {column}) throws: NPY has no named columns', async () => {
    const bytes = writeNpy({ data: new Float32Array(2), rows: 1, cols: 2 });
    expect(await thrown(() => readEmbeddings(bytes, { column: 'embedding' }))).toMatchObject({ code: 'missing-column' });
  });
});
