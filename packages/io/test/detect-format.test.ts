import { describe, expect, it } from 'vitest';
import { detectFormat, writeNpy } from '@clamp-viz/io';
import { fixedSizeListVector, ipcBytes, thrown } from './helpers.js';

describe('detectFormat', () => {
  it('detectFormat(bytes) recognises Parquet, Arrow file, Arrow stream and NPY by magic bytes', () => {
    const column = { embedding: fixedSizeListVector(new Float32Array([1, 2, 3, 4]), 2) };
    expect(detectFormat(new TextEncoder().encode('PAR1....PAR1'))).toBe('parquet');
    expect(detectFormat(ipcBytes(column, 'file'))).toBe('arrow');
    expect(detectFormat(ipcBytes(column, 'stream'))).toBe('arrow-stream');
    expect(detectFormat(writeNpy({ data: new Float32Array(2), rows: 1, cols: 2 }))).toBe('npy');
  });

  it('detectFormat(bytes, name) trusts the bytes over a misleading file name', () => {
    expect(detectFormat(new TextEncoder().encode('PAR1xxxxPAR1'), 'data.npy')).toBe('parquet');
  });

  it('detectFormat(empty) throws a DataError with code empty-file naming the file', async () => {
    const error = await thrown(() => detectFormat(new Uint8Array(0), 'e.parquet'));
    expect(error).toMatchObject({ name: 'DataError', code: 'empty-file', file: 'e.parquet' });
    expect(error.message).toContain('e.parquet');
  });

  it('detectFormat(text bytes) throws unknown-format listing the formats it accepts', async () => {
    const error = await thrown(() => detectFormat(new TextEncoder().encode('preamble\tguess\n'), 'clusters.tsv'));
    expect(error).toMatchObject({ name: 'DataError', code: 'unknown-format', file: 'clusters.tsv' });
    expect(error.message).toMatch(/Parquet.*Arrow.*NPY/);
  });

  it('detectFormat(bytes, "x.parquet") without PAR1 says the name and the bytes disagree', async () => {
    const error = await thrown(() => detectFormat(new Uint8Array([1, 2, 3, 4, 5]), 'x.parquet'));
    expect(error).toMatchObject({ code: 'unknown-format' });
    expect(error.message).toMatch(/name says parquet/);
  });
});
