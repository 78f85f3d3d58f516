import { ProjectionInputError } from '../errors.js';
import type { MatrixInput } from '../matrix/to-matrix.js';
import { clusterIndex } from '../methods/cluster-index.js';
import { integerOption, seedOption } from '../options.js';
import { createRng } from '../random/create-rng.js';
import { toLayout } from './layout-input.js';

export interface SilhouetteOptions {
  /** Score a seeded random subset of this many points (without replacement), like scikit-learn's `sample_size`. Default: all. */
  sampleSize?: number;
  /** Seed of the subset (default 42). */
  seed?: number;
}

/**
 * Mean silhouette coefficient of a 2-D layout Y with cluster labels (Rousseeuw 1987; scikit-learn
 * `silhouette_score(Y, labels)`, Euclidean): s(i) = (b − a)/max(a, b), a = mean distance to the other members of
 * i's cluster, b = the smallest mean distance to another cluster; s(i) = 0 for one-member clusters. In [−1, 1].
 * Needs 2 ≤ #labels ≤ n − 1 (among the scored points). Exact, O(n²) in 2-D (about 1 s at n = 20 000); use
 * `sampleSize` beyond. Does not mutate inputs.
 */
export function silhouette(Y: MatrixInput | Float32Array, labels: ArrayLike<number>, options: SilhouetteOptions = {}): number {
  const y = toLayout(Y);
  const nAll = y.length / 2;
  const all = clusterIndex(labels, nAll, 'labels');
  let pts: Int32Array;
  if (options.sampleSize === undefined || options.sampleSize >= nAll) {
    if (options.sampleSize !== undefined) integerOption('sampleSize', options.sampleSize, nAll, 2);
    pts = Int32Array.from({ length: nAll }, (_, i) => i);
  } else {
    const s = integerOption('sampleSize', options.sampleSize, nAll, 2, nAll);
    const rng = createRng(seedOption(options.seed));
    const perm = Int32Array.from({ length: nAll }, (_, i) => i);
    for (let i = 0; i < s; i++) {
      const j = i + Math.floor(rng() * (nAll - i));
      const t = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = t;
    }
    pts = perm.slice(0, s).sort();
  }
  const n = pts.length;
  const sub = clusterIndex(Array.from(pts, (p) => all.index[p]!), n, 'labels');
  const K = sub.ids.length;
  if (K < 2 || K > n - 1) throw new ProjectionInputError('labels', `${K} distinct`, `must have between 2 and n − 1 = ${n - 1} distinct values among the scored points`);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    px[t] = y[2 * pts[t]!]!;
    py[t] = y[2 * pts[t]! + 1]!;
  }
  const lab = sub.index;
  const sums = new Float64Array(K);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const xi = px[i]!, yi = py[i]!;
    for (let j = 0; j < n; j++) {
      const dx = px[j]! - xi, dy = py[j]! - yi;
      sums[lab[j]!]! += Math.sqrt(dx * dx + dy * dy);
    }
    const own = lab[i]!;
    const size = sub.counts[own]!;
    if (size === 1) continue;
    const a = sums[own]! / (size - 1);
    let b = Infinity;
    for (let c = 0; c < K; c++) if (c !== own) b = Math.min(b, sums[c]! / sub.counts[c]!);
    const m = Math.max(a, b);
    if (m > 0) total += (b - a) / m;
  }
  return total / n;
}
