import { describe, expect, it } from 'vitest';
import { readNpy, writeNpy } from '@clamp-viz/io';
import { randomMatrix, thrown } from './helpers.js';

/** An NPY v1 file with an arbitrary header dict and payload (numpy's layout). */
function npyBytes(dict: string, payload: Uint8Array, version = 1): Uint8Array {
  const prefix = version === 1 ? 10 : 12;
  let header = dict;
  header += ' '.repeat((64 - ((prefix + header.length + 1) % 64)) % 64) + '\n';
  const out = new Uint8Array(prefix + header.length + payload.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[prefix + i] = header.charCodeAt(i);
  out.set(payload, prefix + header.length);
  return out;
}

const bytesOf = (a: Float32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('readNpy / writeNpy', () => {
  it('readNpy(writeNpy(m)) returns the same float32 n×d matrix', () => {
    const data = randomMatrix(7, 5, 3);
    const m = readNpy(writeNpy({ data, rows: 7, cols: 5 }));
    expect(m.rows).toBe(7);
    expect(m.cols).toBe(5);
    expect(m.data).toEqual(data);
    expect(m.data.buffer).not.toBe(data.buffer);
  });

  it('writeNpy(m) pads the header so the data starts at a multiple of 64 bytes', () => {
    const bytes = writeNpy({ data: new Float32Array(6), rows: 3, cols: 2 });
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    expect((10 + headerLength) % 64).toBe(0);
    expect(new TextDecoder().decode(bytes.subarray(10, 10 + headerLength))).toContain("'shape': (3, 2)");
  });

  it('readNpy(float64 file) converts to float32', () => {
    const f64 = Float64Array.from([0.1, -2.5, 3e10, 1 / 3]);
    const m = readNpy(npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", bytesOf(f64)));
    expect(m.data).toBeInstanceOf(Float32Array);
    expect(Array.from(m.data)).toEqual(Array.from(f64, Math.fround));
  });

  it('readNpy(big-endian float32, version 2 header, unaligned bytes) decodes the values', () => {
    const payload = new Uint8Array(8);
    new DataView(payload.buffer).setFloat32(0, 1.5, false);
    new DataView(payload.buffer).setFloat32(4, -2, false);
    const file = npyBytes("{'descr': '>f4', 'fortran_order': False, 'shape': (1, 2), }", payload, 2);
    const unaligned = new Uint8Array(file.length + 1).subarray(1);
    unaligned.set(file);
    expect(Array.from(readNpy(unaligned).data)).toEqual([1.5, -2]);
  });

  it('readNpy(Fortran-ordered) throws unsupported-type telling how to fix it', async () => {
    const error = await thrown(() =>
      readNpy(npyBytes("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 2), }", new Uint8Array(8)), 'x.npy'),
    );
    expect(error).toMatchObject({ name: 'DataError', code: 'unsupported-type', file: 'x.npy' });
    expect(error.message).toMatch(/Fortran.*ascontiguousarray/);
  });

  it.each([
    ['<i4', 'int32'],
    ['<f2', 'float16'],
    ['|u1', 'uint8'],
    ['<c8', 'complex64'],
  ])('readNpy(dtype %s) throws unsupported-type naming the dtype (%s)', async (descr) => {
    const error = await thrown(() =>
      readNpy(npyBytes(`{'descr': '${descr}', 'fortran_order': False, 'shape': (1, 2), }`, new Uint8Array(16))),
    );
    expect(error).toMatchObject({ code: 'unsupported-type' });
    expect(error.message).toContain(descr);
  });

  it('readNpy(1-D array) throws: a 2-D (rows, dims) array is required', async () => {
    const error = await thrown(() => readNpy(npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", new Uint8Array(16))));
    expect(error.message).toMatch(/2-D/);
  });

  it('readNpy(truncated data) throws corrupt-file with the byte counts', async () => {
    const error = await thrown(() => readNpy(npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", new Uint8Array(20))));
    expect(error).toMatchObject({ code: 'corrupt-file' });
    expect(error.message).toMatch(/needs 24 bytes.*has 20/);
  });

  it('readNpy(truncated header) throws corrupt-file', async () => {
    const full = writeNpy({ data: new Float32Array(4), rows: 2, cols: 2 });
    expect(await thrown(() => readNpy(full.subarray(0, 40)))).toMatchObject({ code: 'corrupt-file' });
  });

  it('readNpy(NaN, Inf, float64 overflow) throws non-finite naming the row and element', async () => {
    for (const bad of [NaN, Infinity, 1e300]) {
      const f64 = Float64Array.from([0, 1, 2, 3, bad, 5]);
      const error = await thrown(() => readNpy(npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", bytesOf(f64)), 'e.npy'));
      expect(error).toMatchObject({ name: 'DataError', code: 'non-finite', file: 'e.npy', row: 3 });
      expect(error.message).toMatch(/e\.npy, row 3 \(element 0\): value (NaN|Infinity|1e\+300)/);
    }
  });

  it('readNpy(zero rows) throws no-rows', async () => {
    expect(await thrown(() => readNpy(npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 4), }", new Uint8Array(0))))).toMatchObject({
      code: 'no-rows',
    });
  });

  it('readNpy(non-NPY bytes) throws corrupt-file', async () => {
    expect(await thrown(() => readNpy(new TextEncoder().encode('not an npy file')))).toMatchObject({ code: 'corrupt-file' });
  });
});
