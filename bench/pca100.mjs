#!/usr/bin/env node
// PCA to 100 dimensions (the TriMap / PaCMAP preprocessing) alone. Needs the built packages: `npx tsc -b`.
//   node bench/pca100.mjs [--preambles 500] [--data-seed 1871] [--components 100] [--repeat 2] [--dist DIR[,DIR2…]]
//     the default dataset (preambles × 40 rows × 768): `fitPca(X, {nComponents})` then `model.transform(X)`, CPU s
//     (process.cpuUsage) per phase of the fit ('covariance' = the d×d scatter matrix, 'eigen' = the top-k eigenpairs,
//     'lanczos' when the matrix-free route runs) and for the transform.
//   --dist: import @clamp-viz/projection from these built `dist/` directories instead (e.g. a copy of an older build),
//     runs interleaved A, B, A, B, … in this one process, so before/after figures share the machine's load; the
//     output also reports the largest principal angle between each build's 100-d subspace and the first build's.
// One JSON line per run on stdout.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { generateNotebookDataset } from '@clamp-viz/io';

const { values: args } = parseArgs({
  options: {
    preambles: { type: 'string', default: '500' },
    'data-seed': { type: 'string', default: '1871' },
    components: { type: 'string', default: '100' },
    repeat: { type: 'string', default: '2' },
    dist: { type: 'string', default: '' },
  },
});
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const round = (v, d = 3) => Math.round(v * 10 ** d) / 10 ** d;

const builds = args.dist
  ? await Promise.all(args.dist.split(',').map(async (dir) => ({ name: dir, lib: await import(pathToFileURL(resolve(dir, 'index.js')).href) })))
  : [{ name: '@clamp-viz/projection (workspace build)', lib: await import('@clamp-viz/projection') }];
const preambles = Number(args.preambles);
const k = Number(args.components);
const X = generateNotebookDataset({ preambles, seed: Number(args['data-seed']) }).matrix;
const data = `default dataset (preambles ${preambles}, seed ${args['data-seed']})`;

/**
 * Largest principal angle (radians) between the row spaces of two k×d orthonormal bases A and B: sin θ_max = ‖R‖₂ with
 * R = A − (ABᵀ)B, the part of A outside span(B) (computed directly, so angles down to ~1e-15 are resolved), by power
 * iteration on RRᵀ (k×k).
 */
function largestAngle(A, B, k, d) {
  const C = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += A[a * d + j] * B[b * d + j];
    C[a * k + b] = s;
  }
  const R = Float64Array.from(A.subarray(0, k * d));
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
    const c = C[a * k + b];
    for (let j = 0; j < d; j++) R[a * d + j] -= c * B[b * d + j];
  }
  const M = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += R[a * d + j] * R[b * d + j];
    M[a * k + b] = s;
  }
  let v = new Float64Array(k).fill(1 / Math.sqrt(k));
  let lambda = 0;
  for (let it = 0; it < 300; it++) {
    const w = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let b = 0; b < k; b++) s += M[a * k + b] * v[b];
      w[a] = s;
    }
    let norm = 0;
    for (let a = 0; a < k; a++) norm += w[a] * w[a];
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    lambda = norm;
    for (let a = 0; a < k; a++) w[a] /= norm;
    v = w;
  }
  return Math.asin(Math.min(1, Math.sqrt(lambda)));
}

const first = new Map();
for (let rep = 0; rep < Number(args.repeat); rep++) {
  for (const { name, lib } of builds) {
    const phases = {};
    let mark = cpu();
    const t0 = mark;
    const wall0 = performance.now();
    const model = lib.fitPca(X, {
      nComponents: k,
      onProgress: (p) => {
        const now = cpu();
        phases[p.phase] = (phases[p.phase] ?? 0) + now - mark;
        mark = now;
      },
    });
    const now = cpu();
    phases.eigen = (phases.eigen ?? 0) + now - mark; // the eigen solve ends with the fit, after its last event
    const fit = now - t0;
    const t1 = cpu();
    const Y = model.transform(X);
    const transform = cpu() - t1;
    for (const key of Object.keys(phases)) phases[key] = round(phases[key]);
    if (!first.has('components')) first.set('components', model.components);
    const angle = largestAngle(first.get('components'), model.components, k, X.cols);
    let captured = 0;
    for (let c = 0; c < k; c++) captured += model.explainedVarianceRatio[c];
    console.log(JSON.stringify({
      build: name, n: X.rows, d: X.cols, k, data, rep,
      fit_cpu_s: round(fit), phases_cpu_s: phases, transform_cpu_s: round(transform), cpu_s: round(fit + transform),
      wall_s: round((performance.now() - wall0) / 1000),
      captured_variance_ratio: round(captured, 9), max_principal_angle_vs_first: angle, score_0_0: Y[0],
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), node: process.version, date: new Date().toISOString(),
    }));
  }
}
