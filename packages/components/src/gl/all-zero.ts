/** True when every byte is 0 (read four at a time where aligned). O(n). */
export function allZero(bytes: Uint8Array): boolean {
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset % 4)) % 4);
  const words = (bytes.length - head) >> 2;
  for (let i = 0; i < head; i++) if (bytes[i] !== 0) return false;
  if (words > 0) {
    const w = new Uint32Array(bytes.buffer, bytes.byteOffset + head, words);
    for (let i = 0; i < words; i++) if (w[i] !== 0) return false;
  }
  for (let i = head + 4 * words; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}
