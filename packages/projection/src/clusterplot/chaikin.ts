/**
 * Chaikin corner cutting of an explicitly closed ring (m coordinates, the last equal to the first), `rounds` times
 * (clusterplot.md §2.9 step 5): each edge P→Q becomes ¾P + ¼Q and ¼P + ¾Q, and the ring is closed again by repeating
 * the first new point, so m coordinates become 2(m − 1) + 1 per round. Returns a new Float64Array; does not mutate
 * `ring`. O(m·2^rounds).
 */
export function chaikin(ring: Float64Array, rounds: number): Float64Array {
  let cur = ring;
  for (let r = 0; r < rounds; r++) {
    const m = cur.length >> 1;
    if (m < 2) return cur.slice();
    const out = new Float64Array(2 * (2 * (m - 1) + 1));
    let o = 0;
    for (let i = 0; i < m - 1; i++) {
      const px = cur[2 * i]!, py = cur[2 * i + 1]!, qx = cur[2 * i + 2]!, qy = cur[2 * i + 3]!;
      out[o++] = 0.75 * px + 0.25 * qx;
      out[o++] = 0.75 * py + 0.25 * qy;
      out[o++] = 0.25 * px + 0.75 * qx;
      out[o++] = 0.25 * py + 0.75 * qy;
    }
    out[o++] = out[0]!;
    out[o++] = out[1]!;
    cur = out;
  }
  return cur === ring ? ring.slice() : cur;
}
