// Test helpers for @clamp-viz/io: seeded data, Arrow IPC fixtures, error capture.
import { Field, FixedSizeList, Float32, Float64, List, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

/** mulberry32: a small seeded PRNG in [0, 1) for fixtures (never Math.random). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomMatrix(rows: number, cols: number, seed = 1): Float32Array {
  const rng = seededRandom(seed);
  return Float32Array.from({ length: rows * cols }, () => rng() * 2 - 1);
}

/** A List<Float32|Float64> vector with the given per-row lengths over `values`. */
export function listVector(values: Float32Array | Float64Array, lengths: number[], nullRows: number[] = []): Vector {
  const offsets = new Int32Array(lengths.length + 1);
  lengths.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l));
  const itemType = values instanceof Float64Array ? new Float64() : new Float32();
  const child = makeData({ type: itemType, length: values.length, nullCount: 0, data: values as Float32Array });
  const type = new List(new Field('element', itemType, true));
  const nullBitmap = bitmap(lengths.length, nullRows);
  return makeVector(makeData({ type, length: lengths.length, nullCount: nullRows.length, nullBitmap, valueOffsets: offsets, child }));
}

export function fixedSizeListVector(values: Float32Array, cols: number): Vector {
  const child = makeData({ type: new Float32(), length: values.length, nullCount: 0, data: values });
  const type = new FixedSizeList(cols, new Field('item', new Float32(), false));
  return makeVector(makeData({ type, length: values.length / cols, nullCount: 0, child }));
}

export function utf8(values: string[]): Vector {
  return vectorFromArray(values, new Utf8());
}

export function ipcBytes(columns: Record<string, Vector>, format: 'file' | 'stream' = 'file'): Uint8Array {
  return tableToIPC(new Table(columns), format);
}

function bitmap(length: number, nullRows: number[]): Uint8Array {
  const bits = new Uint8Array(Math.ceil(length / 8)).fill(255);
  for (const r of nullRows) bits[r >> 3]! &= ~(1 << (r & 7));
  return bits;
}

/** Run `f` and return what it threw (fails the test if it did not throw). */
export async function thrown(f: () => unknown): Promise<Record<string, unknown> & Error> {
  try {
    await f();
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected a throw, got none');
}

export const HOSTILE_TOKENS = [
  ' new',
  'trailing ',
  '  ',
  '\tleading tab',
  'in\tside',
  'say "hi"',
  '"',
  '""',
  'line\nbreak',
  'crlf\r\nbreak',
  'cr\ronly',
  '<img src=x onerror=alert(1)>',
  '',
  'naïve 日本語 🙂',
  ',comma,',
  '=SUM(A1)',
  '\u00a0nbsp',
];
