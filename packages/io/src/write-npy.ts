import type { Matrix } from './types.js';

/**
 * Encode a row-major matrix as an NPY 1.0 file: `'<f4'` for Float32Array data, `'<f8'` for
 * Float64Array, C order, shape (rows, cols). Readable by `numpy.load`. The header is padded so
 * that the data starts at a multiple of 64 bytes (numpy's own layout). Copies; O(n·d).
 */
export function writeNpy(matrix: Matrix): Uint8Array {
  const { data, rows, cols } = matrix;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 || data.length !== rows * cols) {
    throw new RangeError(`matrix = {rows: ${rows}, cols: ${cols}, data.length: ${data.length}}: data.length must equal rows × cols`);
  }
  const descr = data instanceof Float64Array ? '<f8' : '<f4';
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  return out;
}
