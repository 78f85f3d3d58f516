/**
 * A bounded list of the k smallest (distance, index) pairs, ties broken by smaller index; insertion-sorted,
 * O(k) per insert — the right tool for k ≤ ~50. Internal to the kNN kernels.
 */
export class TopK {
  readonly k: number;
  size = 0;
  readonly dist: Float64Array;
  readonly index: Int32Array;

  constructor(k: number) {
    this.k = k;
    this.dist = new Float64Array(k);
    this.index = new Int32Array(k);
  }

  reset(): void {
    this.size = 0;
  }

  /** The current k-th distance, or +∞ while fewer than k are held. */
  worst(): number {
    return this.size < this.k ? Infinity : this.dist[this.k - 1]!;
  }

  push(d: number, j: number): void {
    const { dist, index, k } = this;
    if (this.size === k && (d > dist[k - 1]! || (d === dist[k - 1]! && j > index[k - 1]!))) return;
    let p = this.size < k ? this.size++ : k - 1;
    while (p > 0 && (dist[p - 1]! > d || (dist[p - 1]! === d && index[p - 1]! > j))) {
      dist[p] = dist[p - 1]!;
      index[p] = index[p - 1]!;
      p--;
    }
    dist[p] = d;
    index[p] = j;
  }
}
