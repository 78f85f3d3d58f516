#!/usr/bin/env node
// t-SNE bench (issue 5). Needs the built packages: `npx tsc -b` (or `npx tsc -b packages/projection packages/io`).
//   node bench/tsne.mjs digits [--seeds 1871,1,2] [--method auto|fft|exact]
//       digits quality (knn_recall15, trust15, label_acc15) per seed, mean and spread, vs openTSNE 0.594 / 0.990 / 0.974
//   node bench/tsne.mjs large [--preambles 500] [--seed 1871] [--method auto|fft|exact] [--quality-sample 2000]
//       the default dataset (preambles × 40 rows × 768): CPU s per phase, peak RSS, quality on a seeded subsample
// One JSON line per run on stdout. Run each mode in its own process (peak RSS is per process).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsne, trustworthiness, knnRecall, labelAccuracy } from '@clamp-viz/projection';

const { positionals, values: args } = parseArgs({
  allowPositionals: true,
  options: {
    seeds: { type: 'string', default: '1871,1,2' },
    seed: { type: 'string', default: '1871' },
    preambles: { type: 'string', default: '500' },
    method: { type: 'string', default: 'auto' },
    'quality-sample': { type: 'string', default: '2000' },
  },
});
const mode = positionals[0] ?? 'digits';
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const round = (v, d = 4) => Math.round(v * 10 ** d) / 10 ** d;

/** Runs tsne, timing CPU per phase. */
function timedTsne(X, options) {
  const phases = {};
  let current;
  let mark = cpu();
  const wall0 = performance.now();
  const t0 = cpu();
  const result = tsne(X, {
    ...options,
    onProgress: (p) => {
      if (p.phase !== current) {
        const now = cpu();
        if (current) phases[current] = round((phases[current] ?? 0) + now - mark, 2);
        if (current) process.stderr.write(`${current}: ${phases[current]} CPU s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
        current = p.phase;
        mark = now;
      }
    },
  });
  const end = cpu();
  if (current) phases[current] = round((phases[current] ?? 0) + end - mark, 2);
  return { result, cpu_s: round(end - t0, 2), wall_s: round((performance.now() - wall0) / 1000, 2), phases };
}

const stats = (xs) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean: round(mean), min: round(Math.min(...xs)), max: round(Math.max(...xs)) };
};

if (mode === 'digits') {
  const dir = fileURLToPath(new URL('../test/fixtures/digits/', import.meta.url));
  const b = readFileSync(dir + 'digits.f32');
  const X = { data: new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)), rows: 1797, cols: 64 };
  const labels = Int32Array.from(readFileSync(dir + 'labels.txt', 'utf8').trim().split('\n').map(Number));
  const runs = [];
  for (const seed of args.seeds.split(',').map(Number)) {
    const { result, cpu_s, wall_s, phases } = timedTsne(X, { seed, negativeGradientMethod: args.method });
    const q = {
      knn_recall15: round(knnRecall(X, result.embedding, { k: 15 })),
      trustworthiness15: round(trustworthiness(X, result.embedding, { k: 15 })),
      label_acc15: round(labelAccuracy(result.embedding, labels, { k: 15 })),
    };
    runs.push(q);
    console.log(JSON.stringify({ data: 'digits 1797×64', seed, repulsion: result.negativeGradientMethod, cpu_s, wall_s, phases, kl: round(result.klDivergence), ...q }));
  }
  console.log(JSON.stringify({
    data: 'digits 1797×64', seeds: args.seeds, method: args.method,
    knn_recall15: stats(runs.map((r) => r.knn_recall15)),
    trustworthiness15: stats(runs.map((r) => r.trustworthiness15)),
    label_acc15: stats(runs.map((r) => r.label_acc15)),
    openTSNE: { knn_recall15: 0.594, trustworthiness15: 0.99, label_acc15: 0.974 },
    node: process.version, date: new Date().toISOString(),
  }));
} else if (mode === 'large') {
  const { generateNotebookDataset } = await import('@clamp-viz/io');
  const preambles = Number(args.preambles);
  const ds = generateNotebookDataset({ preambles, seed: 1871 });
  const X = ds.matrix;
  const seed = Number(args.seed);
  const { result, cpu_s, wall_s, phases } = timedTsne(X, { seed, negativeGradientMethod: args.method });
  const { layoutQuality } = await import('./quality.mjs');
  const quality = layoutQuality(X, result.embedding, ds.clusterIds, Number(args['quality-sample']), seed);
  console.log(JSON.stringify({
    data: `default dataset (preambles ${preambles}, seed 1871)`, n: X.rows, d: X.cols, seed, repulsion: result.negativeGradientMethod,
    cpu_s, wall_s, phases, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), kl: round(result.klDivergence), quality,
    node: process.version, date: new Date().toISOString(),
  }));
} else {
  console.error(`bench/tsne.mjs: unknown mode ${JSON.stringify(mode)} (digits | large)`);
  process.exit(2);
}
