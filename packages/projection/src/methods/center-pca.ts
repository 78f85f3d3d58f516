import { ProjectionInputError } from '../errors.js';
import { crossProduct } from '../linalg/cross-product.js';
import { symmetricTopEigen } from '../linalg/symmetric-top-eigen.js';
import { integerOption, seedOption } from '../options.js';
import { createRng } from '../random/create-rng.js';
import type { Job } from '../runtime/job.js';
import type { CenterFit } from './center-reprojection.js';
import { fitPcaJob } from './pca.js';
import { PcaModel } from './pca-model.js';

const KNOWN = new Set(['method', 'nComponents', 'seed', 'signal', 'onProgress', 'onLayout']);

/**
 * PCA on the K cluster centers (methods.md §6.2): the mean is the mean of the centers (unweighted). When the
 * centers span fewer than k dimensions (K − 1 < k, e.g. K = 2), each missing axis is the top within-cluster
 * principal direction orthogonal to the axes found (scatter Σ(x − C_id)ᵀ(x − C_id), O(nd² + r·d²)), signed so its
 * largest-|value| loading is positive, with explained variance 0 (the centers do not vary along it); a note says so.
 * Validates `nComponents` ∈ [1, d] and unknown options eagerly.
 */
export const pcaCentersFit: CenterFit = (centers, X, options) => {
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new ProjectionInputError(key, options[key], `is not an option of method 'pca-centers' (known: ${[...KNOWN].join(', ')})`);
  }
  const k = integerOption('nComponents', options.nComponents, 2, 1, X.cols);
  const seed = seedOption(options.seed);
  const K = centers.centers.rows;
  return (function* (): Job<{ model: PcaModel; notes: string[] }> {
    const r = Math.min(k, K - 1);
    const fitted = yield* fitPcaJob(centers.centers, r, seed);
    if (r === k) return { model: fitted, notes: [] };
    const d = X.cols;
    const S = yield* crossProduct(X, { centers: Float64Array.from(centers.centers.data), index: centers.index }, 'within-scatter');
    const V = fitted.components; // r×d
    const A = new Float64Array(d * r); // S·Vᵀ
    for (let i = 0; i < d; i++) {
      for (let c = 0; c < r; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += S[i * d + j]! * V[c * d + j]!;
        A[i * r + c] = s;
      }
    }
    const B = new Float64Array(r * r); // V·S·Vᵀ
    for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) for (let j = 0; j < d; j++) B[a * r + b]! += V[a * d + j]! * A[j * r + b]!;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let c = 0; c < r; c++) {
          s -= A[i * r + c]! * V[c * d + j]! + V[c * d + i]! * A[j * r + c]!;
          for (let e = 0; e < r; e++) s += V[c * d + i]! * B[c * r + e]! * V[e * d + j]!;
        }
        S[i * d + j]! += s;
      }
    }
    const extra = symmetricTopEigen(S, d, k - r, createRng(seed));
    const components = new Float64Array(k * d);
    components.set(V);
    components.set(extra.vectors, r * d);
    for (let c = r; c < k; c++) {
      let best = 0;
      for (let j = 1; j < d; j++) if (Math.abs(components[c * d + j]!) > Math.abs(components[c * d + best]!)) best = j;
      if (components[c * d + best]! < 0) for (let j = 0; j < d; j++) components[c * d + j] = -components[c * d + j]!;
    }
    const explainedVariance = new Float64Array(k);
    const explainedVarianceRatio = new Float64Array(k);
    explainedVariance.set(fitted.explainedVariance);
    explainedVarianceRatio.set(fitted.explainedVarianceRatio);
    const model = new PcaModel({ mean: fitted.mean, components, explainedVariance, explainedVarianceRatio, nComponents: k, nFeatures: d, nSamples: K });
    const notes = [`${K} clusters: axes ${r + 1}..${k} are the top within-cluster principal directions orthogonal to the center axes`];
    return { model, notes };
  })();
};
