import type { Csr } from '../graph/csr.js';
import type { Matrix, Rng } from '../types.js';
import { connectedComponents, inducedSubgraph } from './connected-components.js';
import { laplacianEigenvectors } from './laplacian-eigenvectors.js';
import { componentPositions } from './component-positions.js';

/** A spectral layout (n×2 float64, row-major), or null when the eigensolver failed (the caller falls back to random). */
export type SpectralLayout = Float64Array | null;

/**
 * umap-learn `spectral_layout` (methods.md §4.3) for 2 dimensions on a symmetric weighted graph of n vertices:
 * - one component: the 2 non-trivial eigenvectors of the normalised Laplacian with the smallest eigenvalues;
 * - c > 1 components (`multi_component_layout`): meta-positions per component (`componentPositions`), each
 *   component laid out spectrally in a box of half-width r = ½·(distance to the nearest other meta-position), or
 *   uniformly in [−r, r]² when it has fewer than 4 vertices or its eigensolve fails.
 * `X` (n×d) gives the component centroids. Returns null when a single-component eigensolve fails.
 * Cost: see `laplacianEigenvectors`, plus O(c·n·d + c²·d) for centroids. Deterministic given `rng`.
 */
export function spectralLayout(graph: Csr, X: Matrix, rng: Rng): SpectralLayout {
  const n = graph.rows;
  const { count, labels } = connectedComponents(graph);
  if (count === 1) {
    const v = laplacianEigenvectors(graph, 2, rng);
    if (!v) return null;
    return interleave(v, n);
  }
  const meta = componentPositions(X, labels, count, rng);
  const out = new Float64Array(n * 2);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i++) members[labels[i]!]!.push(i);
  for (let c = 0; c < count; c++) {
    const mx = meta[2 * c]!;
    const my = meta[2 * c + 1]!;
    let nearest = Infinity;
    for (let o = 0; o < count; o++) {
      if (o === c) continue;
      const dx = meta[2 * o]! - mx;
      const dy = meta[2 * o + 1]! - my;
      nearest = Math.min(nearest, Math.sqrt(dx * dx + dy * dy));
    }
    const r = Number.isFinite(nearest) && nearest > 0 ? nearest / 2 : 1;
    const ids = Int32Array.from(members[c]!);
    let local: Float64Array | null = null;
    if (ids.length >= 4) {
      const v = laplacianEigenvectors(inducedSubgraph(graph, ids), 2, rng);
      if (v) local = interleave(v, ids.length);
    }
    if (local) {
      let max = 0;
      for (let t = 0; t < local.length; t++) max = Math.max(max, Math.abs(local[t]!));
      const scale = max > 0 ? r / max : 0;
      ids.forEach((i, t) => {
        out[2 * i] = local[2 * t]! * scale + mx;
        out[2 * i + 1] = local[2 * t + 1]! * scale + my;
      });
    } else {
      for (const i of ids) {
        out[2 * i] = mx + (2 * rng() - 1) * r;
        out[2 * i + 1] = my + (2 * rng() - 1) * r;
      }
    }
  }
  return out;
}

function interleave(v: Float64Array, n: number): Float64Array {
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = v[i]!;
    out[2 * i + 1] = v[n + i]!;
  }
  return out;
}
