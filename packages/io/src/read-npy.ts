import { DataError } from './data-error.js';
import type { Matrix } from './types.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/**
 * Read a 2-D float32 or float64 NPY array (C order, either byte order) into a fresh n×d float32
 * matrix. Float64 values are rounded to float32. Format: numpy's `lib/format.py` (NPY versions
 * 1.0, 2.0 and 3.0).
 *
 * O(n·d) time, one output allocation; `bytes` is not modified or aliased.
 *
 * @throws DataError for a bad magic/header, Fortran order, other dtypes, non-2-D shapes,
 *   truncated data, or a NaN/±Inf value (naming its row and column); float64 values beyond
 *   float32's range count as ±Inf.
 */
export function readNpy(bytes: Uint8Array, fileName = 'embeddings.npy'): Matrix<Float32Array> {
  const fail = (rule: string, code: 'corrupt-file' | 'unsupported-type' = 'corrupt-file'): never => {
    throw new DataError({ code, file: fileName, rule });
  };
  if (bytes.length === 0) throw new DataError({ code: 'empty-file', file: fileName, rule: 'the file is empty (0 bytes)' });
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) fail('not an NPY file (missing \\x93NUMPY magic)');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLength: number;
  let headerStart: number;
  if (major === 1) {
    headerLength = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) fail('truncated NPY header');
    headerLength = view.getUint32(8, true);
    headerStart = 12;
  } else {
    return fail(`unsupported NPY format version ${major} (expected 1, 2 or 3)`, 'unsupported-type');
  }
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) fail('truncated NPY header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    return fail(`malformed NPY header ${JSON.stringify(header.trim())}`);
  }
  if (fortran === 'True') {
    fail('Fortran-ordered arrays are not supported: save a C-ordered array (np.ascontiguousarray(x))', 'unsupported-type');
  }
  const dtype = /^([<>|=])(f)(4|8)$/.exec(descr);
  if (dtype === null) {
    fail(`dtype ${JSON.stringify(descr)} is not supported: expected float32 ('<f4') or float64 ('<f8')`, 'unsupported-type');
  }
  const littleEndian = dtype![1] !== '>';
  const itemSize = Number(dtype![3]);
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (shape.length !== 2 || !shape.every((s) => Number.isInteger(s) && s >= 0)) {
    fail(`shape (${shapeText}) is not supported: expected a 2-D array (rows, dims)`, 'unsupported-type');
  }
  const [rows, cols] = shape as [number, number];
  if (rows === 0) throw new DataError({ code: 'no-rows', file: fileName, rule: 'the array has 0 rows' });
  if (cols === 0) fail('the array has 0 columns (dims must be at least 1)', 'unsupported-type');
  const count = rows * cols;
  if (bytes.length - dataStart < count * itemSize) {
    fail(`truncated data: shape (${rows}, ${cols}) needs ${count * itemSize} bytes, the file has ${bytes.length - dataStart}`);
  }
  const out = new Float32Array(count);
  decodeFloats(view, dataStart, itemSize, littleEndian, out);
  for (let k = 0; k < count; k++) {
    const v = out[k];
    if (v - v !== 0) {
      const row = Math.floor(k / cols);
      throw new DataError({
        code: 'non-finite',
        file: fileName,
        row: row + 1,
        where: `element ${k - row * cols}`,
        value: itemSize === 8 ? view.getFloat64(dataStart + k * 8, littleEndian) : v,
        rule: 'embedding values must be finite (no NaN or ±Inf, and within float32 range)',
      });
    }
  }
  return { data: out, rows, cols };
}

/** Fill `out` with floats at `view[offset..]`; typed-array fast path when aligned and little-endian. */
function decodeFloats(view: DataView, offset: number, itemSize: number, littleEndian: boolean, out: Float32Array): void {
  const n = out.length;
  const byteOffset = view.byteOffset + offset;
  if (littleEndian && byteOffset % itemSize === 0) {
    out.set(itemSize === 4 ? new Float32Array(view.buffer, byteOffset, n) : new Float64Array(view.buffer, byteOffset, n));
    return;
  }
  if (itemSize === 4) for (let k = 0; k < n; k++) out[k] = view.getFloat32(offset + 4 * k, littleEndian);
  else for (let k = 0; k < n; k++) out[k] = view.getFloat64(offset + 8 * k, littleEndian);
}
