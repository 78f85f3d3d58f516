import { DataError } from './data-error.js';
import type { EmbeddingFormat } from './types.js';

const PARQUET = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
const ARROW_FILE = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const ARROW_CONTINUATION = [0xff, 0xff, 0xff, 0xff];
const NPY = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

const EXTENSIONS: Record<string, EmbeddingFormat> = {
  parquet: 'parquet',
  pq: 'parquet',
  arrow: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  arrows: 'arrow-stream',
  npy: 'npy',
};

/**
 * The container format of an embeddings file, from its magic bytes: `PAR1` (Parquet), `ARROW1`
 * (Arrow IPC file / Feather v2), the `0xFFFFFFFF` continuation marker (Arrow IPC stream) or
 * `\x93NUMPY` (NPY). The file name is only a hint: it makes the error for a file that does not
 * start with its format's magic more specific (e.g. a truncated or renamed `.parquet`).
 *
 * @throws DataError `empty-file` for zero bytes, `unknown-format` for anything else.
 */
export function detectFormat(bytes: Uint8Array, fileName = 'embeddings'): EmbeddingFormat {
  if (bytes.length === 0) {
    throw new DataError({ code: 'empty-file', file: fileName, rule: 'the file is empty (0 bytes)' });
  }
  if (startsWith(bytes, PARQUET)) return 'parquet';
  if (startsWith(bytes, ARROW_FILE)) return 'arrow';
  if (startsWith(bytes, ARROW_CONTINUATION)) return 'arrow-stream';
  if (startsWith(bytes, NPY)) return 'npy';
  const hinted = EXTENSIONS[extension(fileName)];
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  const rule =
    hinted === undefined
      ? 'unknown format: expected Parquet (PAR1), Arrow IPC file (ARROW1), Arrow IPC stream (0xFFFFFFFF) or NPY (\\x93NUMPY) magic bytes'
      : `the name says ${hinted} but the file does not start with ${hinted}'s magic bytes (truncated, corrupt or renamed?)`;
  throw new DataError({ code: 'unknown-format', file: fileName, rule: `${rule}; first bytes: ${head}` });
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Lower-case extension without the dot ('' if none). */
export function extension(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}
