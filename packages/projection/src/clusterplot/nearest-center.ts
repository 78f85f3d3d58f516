/**
 * Index of the centre (rows of `centers`, S×d row-major) nearest in Euclidean distance to the row starting at
 * `data[off]`; ties go to the lower index (numpy `argmin`). Stops summing a centre early once it cannot win.
 * O(S·d). Returns −1 when S = 0.
 */
export function nearestCenter(data: ArrayLike<number>, off: number, centers: Float64Array, S: number, d: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let c = 0; c < S; c++) {
    const base = c * d;
    let s = 0;
    for (let j = 0; j < d && s < bestD; j++) {
      const v = data[off + j]! - centers[base + j]!;
      s += v * v;
    }
    if (s < bestD) {
      bestD = s;
      best = c;
    }
  }
  return best;
}
