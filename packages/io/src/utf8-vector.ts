import { Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

/**
 * An Arrow Utf8 vector of `values` (null → null slot), built directly: one pass writing bytes
 * (ASCII inline, other strings through `TextEncoder.encodeInto`) into a buffer that doubles when
 * full, plus an Int32 offsets array. About 20× faster than apache-arrow's generic
 * `vectorFromArray(values, new Utf8())` builder on a million tokens. O(total UTF-8 bytes).
 * `values` is not modified.
 */
export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  let bytes: Uint8Array<ArrayBuffer> = new Uint8Array(Math.max(64, estimateBytes(values)));
  const encoder = new TextEncoder();
  let nullBitmap: Uint8Array | undefined;
  let nullCount = 0;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const s = values[i];
    if (s === null || s === undefined) {
      nullBitmap ??= new Uint8Array(Math.ceil(n / 8)).fill(255);
      nullBitmap[i >> 3]! &= ~(1 << (i & 7));
      nullCount++;
      offsets[i + 1] = pos;
      continue;
    }
    if (pos + 3 * s.length > bytes.length) bytes = grow(bytes, pos + 3 * s.length);
    let k = 0;
    for (; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x80) break;
      bytes[pos + k] = c;
    }
    pos += k < s.length ? encoder.encodeInto(s, bytes.subarray(pos)).written : k;
    offsets[i + 1] = pos;
  }
  const data = makeData({ type: new Utf8(), length: n, nullCount, nullBitmap: nullBitmap ?? null, valueOffsets: offsets, data: bytes.subarray(0, pos) });
  return makeVector(data);
}

function estimateBytes(values: readonly (string | null)[]): number {
  let total = 0;
  for (let i = 0; i < values.length; i += 64) total += values[i]?.length ?? 0;
  return Math.ceil(total * 64 * 1.25);
}

function grow(bytes: Uint8Array, needed: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(needed, bytes.length * 2));
  next.set(bytes);
  return next;
}
