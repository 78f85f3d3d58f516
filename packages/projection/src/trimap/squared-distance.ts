/**
 * Squared Euclidean distance between rows a and b of an n×d row-major matrix, accumulated in float64. O(d).
 * TriMap measures every outlier and random-triplet distance exactly this way (eamid/trimap `euclid_dist`, squared).
 */
export function squaredDistance(data: Float32Array, d: number, a: number, b: number): number {
  let s = 0;
  const oa = a * d;
  const ob = b * d;
  for (let j = 0; j < d; j++) {
    const z = data[oa + j]! - data[ob + j]!;
    s += z * z;
  }
  return s;
}
