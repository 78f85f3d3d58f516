import type { NeighborIndex } from '../neighbors/neighbor-index.js';
import type { Job } from '../runtime/job.js';
import type { Matrix } from '../types.js';
import { exactReferenceRepulsion } from './exact-reference-repulsion.js';
import { calibratePerplexity } from './perplexity-calibration.js';
import { referenceGridSize, type ReferencePotentialGrid } from './reference-potential-grid.js';
import { TsneTransformStepper, type ReferenceRepulsion } from './tsne-transform-stepper.js';
import type { TsneTransformSettings } from './tsne-transform-options.js';

/** The fitted side of a t-SNE transform (internal; see `TsneModel`). */
export interface TsneReference {
  /** n×2 float64 layout centred on its bounding-box midpoint. */
  readonly centred: Float64Array;
  readonly n: number;
  /** The bounding-box midpoint in the fit's frame. */
  readonly offset: readonly [number, number];
  /** 1.25·max|coordinate| of `centred`: new points stay in this disc. */
  readonly radius: number;
  readonly index: NeighborIndex;
  /** The reference's potential grid (built on first use, then cached). */
  grid(): ReferencePotentialGrid;
}

/**
 * Unit costs for 'auto' (measured on the loaded 2-core machine, bench/RESULTS.md t-SNE transform): 3–8 ns per exact
 * (new, reference) pair, about 50 ns per N²·log₂N for the grid build, about 100 ns per new point and iteration on
 * the grid (cache misses on the potential grid).
 */
function useExact(method: 'auto' | 'fft' | 'exact', n: number, m: number, iterations: number, radius: number): boolean {
  if (method !== 'auto') return method === 'exact';
  const N = referenceGridSize(radius / 1.25);
  return 4 * n * m * iterations < 50 * N * N * Math.log2(N) + 100 * m * iterations;
}

/**
 * The body of `TsneModel.transform` (openTSNE `TSNEEmbedding.transform`, methods.md §7.8) for a validated m×d matrix:
 * kq = min(n, ⌊3·perplexity⌋) reference neighbours of each new row (the fit's neighbour index), conditional
 * affinities calibrated to the perplexity (rows sum to 1, not symmetrised), the median of the first kInit
 * neighbours' positions as the start, then `TsneTransformStepper` against the fixed reference. Yields 'neighbors',
 * 'affinities', 'init', then 'early-exaggeration' (if any) and 'optimize' with layouts. Returns m×2 float32 in
 * the fit's frame. Deterministic. Does not mutate X or the reference.
 */
export function* transformTsneJob(ref: TsneReference, X: Matrix, s: TsneTransformSettings): Job<Float32Array> {
  const m = X.rows;
  if (m === 0) return new Float32Array(0);
  yield { phase: 'neighbors', done: 0, total: m };
  const kq = s.kQuery;
  const knn = ref.index.query(X, kq, { signal: s.signal });
  yield { phase: 'neighbors', done: m, total: m };
  const affinities = calibratePerplexity(knn.distances, m, kq, s.perplexity).values;
  yield { phase: 'affinities', done: 1, total: 1 };

  const [cx, cy] = ref.offset;
  const init = new Float64Array(2 * m);
  if (s.initialization instanceof Float32Array) {
    for (let i = 0; i < m; i++) {
      init[2 * i] = s.initialization[2 * i]! - cx;
      init[2 * i + 1] = s.initialization[2 * i + 1]! - cy;
    }
  } else {
    medianInit(ref.centred, knn.indices, kq, s.kInit, init);
  }

  const iterations = s.earlyExaggerationIter + s.nIter;
  let repulsion: ReferenceRepulsion;
  if (useExact(s.negativeGradientMethod, ref.n, m, iterations, ref.radius)) {
    repulsion = (y, count, out, z) => exactReferenceRepulsion(ref.centred, ref.n, y, count, out, z);
  } else {
    const grid = ref.grid();
    repulsion = (y, count, out, z) => grid.evaluate(y, count, out, z);
  }
  const stepper = new TsneTransformStepper(
    { reference: ref.centred, neighbors: knn.indices, affinities, kq, discRadius: ref.radius, offset: ref.offset, repulsion },
    init,
    { ...s, lossEvery: 50 },
  );
  yield { phase: 'init', done: 1, total: 1, layout: stepper.layout };
  const early = s.earlyExaggerationIter;
  while (!stepper.done) {
    const info = stepper.step();
    const done = info.step + 1;
    const inEarly = done <= early;
    const phase = inEarly ? 'early-exaggeration' : 'optimize';
    const phaseDone = inEarly ? done : done - early;
    const total = inEarly ? early : s.nIter;
    const withLayout = done % s.layoutEvery === 0 || phaseDone === total;
    yield withLayout ? { phase, done: phaseDone, total, layout: stepper.layout } : { phase, done: phaseDone, total };
  }
  return stepper.layout;
}

/**
 * openTSNE `initialization.median`: each new point starts at the per-coordinate median of its first `kInit`
 * neighbours' positions (mean of the two middle values for an even count). O(m·kInit·log kInit).
 */
function medianInit(centred: Float64Array, indices: Int32Array, kq: number, kInit: number, out: Float64Array): void {
  const m = out.length / 2;
  const xs = new Float64Array(kInit);
  const ys = new Float64Array(kInit);
  const half = kInit >> 1;
  for (let i = 0; i < m; i++) {
    for (let t = 0; t < kInit; t++) {
      const j = indices[i * kq + t]!;
      xs[t] = centred[2 * j]!;
      ys[t] = centred[2 * j + 1]!;
    }
    xs.sort();
    ys.sort();
    out[2 * i] = kInit % 2 === 1 ? xs[half]! : (xs[half - 1]! + xs[half]!) / 2;
    out[2 * i + 1] = kInit % 2 === 1 ? ys[half]! : (ys[half - 1]! + ys[half]!) / 2;
  }
}
