#!/usr/bin/env node
// t-SNE bench (issue 5). Needs the built packages: `npx tsc -b` (or `npx tsc -b packages/projection packages/io`).
//   node bench/tsne.mjs digits [--seeds 1871,1,2] [--method auto|fft|exact]
//       digits quality (knn_recall15, trust15, label_acc15) per seed, mean and spread, vs openTSNE 0.594 / 0.990 / 0.974;
//       then per seed a `transform` line: fit on a seeded 80 % (model: true), TsneModel.transform of the held-out 20 %:
//       held-out 15-NN label accuracy against the reference layout vs the fit's own, CPU s, and how far transformed
//       training rows land from their fitted positions (median, relative to the layout's RMS radius) [--skip-transform]
//   node bench/tsne.mjs large [--preambles 500] [--seed 1871] [--method auto|fft|exact] [--quality-sample 2000] [--transform-rows 0]
//       the default dataset (preambles × 40 rows × 768): CPU s per phase, peak RSS, quality on a seeded subsample;
//       with --transform-rows R > 0: R seeded rows are held out, the fit (model: true, so the neighbour index stays
//       alive) runs on the rest, then TsneModel.transform(held-out): CPU s, peak RSS, and the 15-NN cluster-id accuracy
//       against the reference layout of the held-out rows vs R training rows (self excluded)
//   node bench/tsne.mjs peer [--peer druidjs|keckelt-tsne] [--preambles 100] [--seed 1871] [--timeout 600] [--peer-only]
//       ours (`large`, default method) then the JS peer (bench/tsne-peers.mjs) on the same data, each in its own child
//       process killed after --timeout s ("timeout after S s") or above --max-rss-mb (default 6000; protects the shared box
//       from O(n²) peers); the peer's layout is scored with the same quality sample
// One JSON line per run on stdout. Run each mode in its own process (peak RSS is per process).
import { runChild } from './run-child.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsne, trustworthiness, knnRecall, labelAccuracy, createRng } from '@clamp-viz/projection';

const { positionals, values: args } = parseArgs({
  allowPositionals: true,
  options: {
    seeds: { type: 'string', default: '1871,1,2' },
    seed: { type: 'string', default: '1871' },
    preambles: { type: 'string', default: '500' },
    method: { type: 'string', default: 'auto' },
    'quality-sample': { type: 'string', default: '2000' },
    peer: { type: 'string', default: 'druidjs' },
    timeout: { type: 'string', default: '600' },
    'peer-only': { type: 'boolean', default: false },
    'max-rss-mb': { type: 'string', default: '6000' },
    'skip-transform': { type: 'boolean', default: false },
    'transform-rows': { type: 'string', default: '0' },
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

/**
 * Share of points whose 15 nearest reference points in 2-D (E, n×2; `self[t]` excluded when given) carry their label
 * by majority (ties to the smaller label). O(m·n).
 */
function referenceLabelAccuracy(E, refLabels, Y, labels, self) {
  const n = refLabels.length;
  let right = 0;
  const bestD = new Float64Array(15);
  const bestL = new Int32Array(15);
  for (let i = 0; i < labels.length; i++) {
    bestD.fill(Infinity);
    const x = Y[2 * i], y = Y[2 * i + 1];
    for (let j = 0; j < n; j++) {
      if (self && self[i] === j) continue;
      const d = (E[2 * j] - x) ** 2 + (E[2 * j + 1] - y) ** 2;
      if (d >= bestD[14]) continue;
      let t = 14;
      for (; t > 0 && bestD[t - 1] > d; t--) [bestD[t], bestL[t]] = [bestD[t - 1], bestL[t - 1]];
      [bestD[t], bestL[t]] = [d, refLabels[j]];
    }
    const votes = new Map();
    for (const l of bestL) votes.set(l, (votes.get(l) ?? 0) + 1);
    const best = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    if (best === labels[i]) right++;
  }
  return right / labels.length;
}

/** Fit on a seeded 80 % of X (model: true), transform the other 20 % and 300 training rows; see the header. */
function transformRun(X, labels, seed) {
  const n = X.rows;
  const d = X.cols;
  const rng = createRng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const take = (idx) => {
    const data = new Float32Array(idx.length * d);
    idx.forEach((r, t) => data.set(X.data.subarray(r * d, r * d + d), t * d));
    return { data, rows: idx.length, cols: d };
  };
  const nTrain = Math.round(0.8 * n);
  const train = order.slice(0, nTrain);
  const held = order.slice(nTrain);
  const ltr = Int32Array.from(train, (i) => labels[i]);
  const lte = Int32Array.from(held, (i) => labels[i]);
  const fit = tsne(take(train), { seed, model: true });
  const t0 = cpu();
  const Y = fit.model.transform(take(held));
  const transformCpu = cpu() - t0;
  const E = fit.embedding;
  // 15-NN majority label (ties to the smaller label) among the reference layout, for each transformed point.
  let right = 0;
  for (let i = 0; i < held.length; i++) {
    const near = Array.from({ length: nTrain }, (_, j) => [(E[2 * j] - Y[2 * i]) ** 2 + (E[2 * j + 1] - Y[2 * i + 1]) ** 2, ltr[j]]);
    near.sort((a, b) => a[0] - b[0]);
    const votes = new Map();
    for (let t = 0; t < 15; t++) votes.set(near[t][1], (votes.get(near[t][1]) ?? 0) + 1);
    const best = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    if (best === lte[i]) right++;
  }
  const some = Array.from({ length: 300 }, (_, t) => t * Math.floor(nTrain / 300));
  const Yt = fit.model.transform(take(some.map((t) => train[t])));
  const disp = some.map((i, t) => Math.hypot(Yt[2 * t] - E[2 * i], Yt[2 * t + 1] - E[2 * i + 1])).sort((a, b) => a - b);
  let mx = 0, my = 0;
  for (let i = 0; i < nTrain; i++) [mx, my] = [mx + E[2 * i] / nTrain, my + E[2 * i + 1] / nTrain];
  let rms = 0;
  for (let i = 0; i < nTrain; i++) rms += ((E[2 * i] - mx) ** 2 + (E[2 * i + 1] - my) ** 2) / nTrain;
  return {
    data: 'digits 1797×64', transform: `fit on ${nTrain} (seeded 80 %), transform ${held.length}`, seed,
    in_sample_label_acc15: round(labelAccuracy(E, ltr, { k: 15 })), held_out_label_acc15: round(right / held.length),
    transform_cpu_s: round(transformCpu, 2), train_rows_median_displacement_rel: round(disp[150] / Math.sqrt(rms), 5),
  };
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
  if (!args['skip-transform']) for (const seed of args.seeds.split(',').map(Number)) console.log(JSON.stringify(transformRun(X, labels, seed)));
} else if (mode === 'large') {
  const { generateNotebookDataset } = await import('@clamp-viz/io');
  const preambles = Number(args.preambles);
  const ds = generateNotebookDataset({ preambles, seed: 1871 });
  const seed = Number(args.seed);
  const R = Number(args['transform-rows']);
  let X = ds.matrix;
  let ids = ds.clusterIds;
  let held;
  if (R > 0) {
    const rng = createRng(seed ^ 0x5bd1e995);
    const isHeld = new Uint8Array(X.rows);
    for (let c = 0; c < R; ) {
      const i = Math.floor(rng() * X.rows);
      if (!isHeld[i]) [isHeld[i], c] = [1, c + 1];
    }
    const pick = (want) => Int32Array.from({ length: X.rows }, (_, i) => i).filter((i) => isHeld[i] === want);
    const rowsOf = (idx) => {
      const data = new Float32Array(idx.length * X.cols);
      idx.forEach((r, t) => data.set(X.data.subarray(r * X.cols, (r + 1) * X.cols), t * X.cols));
      return { data, rows: idx.length, cols: X.cols };
    };
    const trainIdx = pick(0);
    const heldIdx = pick(1);
    held = { X: rowsOf(heldIdx), ids: Int32Array.from(heldIdx, (i) => ds.clusterIds[i]) };
    ids = Int32Array.from(trainIdx, (i) => ds.clusterIds[i]);
    X = rowsOf(trainIdx);
  }
  const { result, cpu_s, wall_s, phases } = timedTsne(X, { seed, negativeGradientMethod: args.method, model: R > 0 });
  const peakFit = Math.round(process.resourceUsage().maxRSS / 1024);
  const { layoutQuality } = await import('./quality.mjs');
  const quality = layoutQuality(X, result.embedding, ids, Number(args['quality-sample']), seed);
  let transform;
  if (held) {
    const t0 = cpu();
    const Y = result.model.transform(held.X);
    const tcpu = cpu() - t0;
    const E = result.embedding;
    const some = Int32Array.from({ length: R }, (_, t) => Math.floor((t * X.rows) / R));
    const inSample = new Float32Array(2 * R);
    some.forEach((i, t) => [inSample[2 * t], inSample[2 * t + 1]] = [E[2 * i], E[2 * i + 1]]);
    transform = {
      rows: R, cpu_s: round(tcpu, 2), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), peak_rss_fit_mb: peakFit,
      held_out_label_acc15: round(referenceLabelAccuracy(E, ids, Y, held.ids)),
      training_rows_label_acc15: round(referenceLabelAccuracy(E, ids, inSample, Int32Array.from(some, (i) => ids[i]), some)),
    };
  }
  console.log(JSON.stringify({
    data: `default dataset (preambles ${preambles}, seed 1871)`, n: X.rows, d: X.cols, seed, repulsion: result.negativeGradientMethod,
    cpu_s, wall_s, phases, peak_rss_mb: peakFit, kl: round(result.klDivergence), quality, ...(transform ? { transform } : {}),
    node: process.version, date: new Date().toISOString(),
  }));
} else if (mode === 'peer') {
  const { TSNE_PEERS } = await import('./tsne-peers.mjs');
  if (!TSNE_PEERS[args.peer]) {
    console.error(`bench/tsne.mjs: --peer ${JSON.stringify(args.peer)}: known peers are ${Object.keys(TSNE_PEERS).join(', ')}`);
    process.exit(2);
  }
  const timeout = Number(args.timeout);
  const common = ['--preambles', args.preambles, '--seed', args.seed, '--quality-sample', args['quality-sample']];
  const runs = [];
  if (!args['peer-only']) runs.push({ name: `clamp-viz tsne (${args.method})`, argv: ['large', ...common, '--method', args.method] });
  runs.push({ name: TSNE_PEERS[args.peer].version, argv: ['peer-one', ...common, '--peer', args.peer] });
  let failed = false;
  for (const run of runs) {
    const line = await runChild(fileURLToPath(import.meta.url), run.argv, timeout, Number(args['max-rss-mb']));
    if (line.status !== 'ok') failed = true;
    console.log(JSON.stringify({ run: run.name, ...line, node: process.version, date: new Date().toISOString() }));
  }
  process.exitCode = failed ? 1 : 0;
} else if (mode === 'peer-one') {
  const { TSNE_PEERS } = await import('./tsne-peers.mjs');
  const { generateNotebookDataset } = await import('@clamp-viz/io');
  const peer = TSNE_PEERS[args.peer];
  const preambles = Number(args.preambles);
  const ds = generateNotebookDataset({ preambles, seed: 1871 });
  const X = ds.matrix;
  const seed = Number(args.seed);
  const prepared = peer.prepare(X);
  const wall0 = performance.now();
  const t0 = cpu();
  const Y = peer.run(prepared, seed);
  const cpu_s = round(cpu() - t0, 2);
  const wall_s = round((performance.now() - wall0) / 1000, 2);
  let bad = 0;
  for (const v of Y) if (!Number.isFinite(v)) bad++;
  const { layoutQuality } = await import('./quality.mjs');
  const quality = bad > 0 ? { error: `${bad} non-finite coordinates` } : layoutQuality(X, Y, ds.clusterIds, Number(args['quality-sample']), seed);
  console.log(JSON.stringify({
    data: `default dataset (preambles ${preambles}, seed 1871)`, n: X.rows, d: X.cols, seed, peer: peer.version, params: peer.params,
    cpu_s, wall_s, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), quality,
  }));
} else {
  console.error(`bench/tsne.mjs: unknown mode ${JSON.stringify(mode)} (digits | large | peer)`);
  process.exit(2);
}

