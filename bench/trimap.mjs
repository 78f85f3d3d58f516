#!/usr/bin/env node
// TriMap bench. Needs the built packages: `npx tsc -b`.
//   node bench/trimap.mjs digits [--seeds 1871,1,2]
//       digits quality (knn_recall15, trust15, label_acc15; exact, all 1,797 rows) per seed, then mean/min/max and the
//       difference to eamid/trimap 1.1.4 (TRIMAP() defaults: 0.5089 / 0.9819 / 0.973, 13.1 CPU s with numba JIT)
//   node bench/trimap.mjs large [--preambles 500] [--seed 1871] [--quality-sample 2000]
//       the default dataset (preambles × 40 rows × 768): CPU s per phase, peak RSS, quality on a seeded subsample
//   node bench/trimap.mjs peer [--data digits|default] [--preambles 100] [--seed 1871] [--timeout 600] [--max-rss-mb 6000]
//       ours then DruidJS 0.9 TriMap (the only JS TriMap on npm) on the same data, each in a fresh child process killed
//       after --timeout s or above --max-rss-mb; both scored with the same quality code (digits: exact; default: sample)
// One JSON line per run on stdout; phase notes on stderr. Run modes one at a time (peak RSS is per process).
import { runChild } from './run-child.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { trimap, trustworthiness, knnRecall, labelAccuracy } from '@clamp-viz/projection';

const REFERENCE = { knn_recall15: 0.5089, trust15: 0.9819, label_acc15: 0.973, cpu_s: 13.1 };

const { positionals, values: args } = parseArgs({
  allowPositionals: true,
  options: {
    seeds: { type: 'string', default: '1871,1,2' },
    seed: { type: 'string', default: '1871' },
    preambles: { type: 'string', default: '500' },
    data: { type: 'string', default: 'default' },
    'quality-sample': { type: 'string', default: '2000' },
    timeout: { type: 'string', default: '600' },
    'max-rss-mb': { type: 'string', default: '6000' },
    who: { type: 'string', default: 'clamp-viz' },
  },
});
const mode = positionals[0] ?? 'digits';
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const round = (v, d = 4) => Math.round(v * 10 ** d) / 10 ** d;
const peakRss = () => Math.round(process.resourceUsage().maxRSS / 1024);

function loadDigits() {
  const dir = fileURLToPath(new URL('../test/fixtures/digits/', import.meta.url));
  const b = readFileSync(dir + 'digits.f32');
  const data = new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  const labels = Int32Array.from(readFileSync(dir + 'labels.txt', 'utf8').trim().split('\n').map(Number));
  return { X: { data, rows: 1797, cols: 64 }, labels, name: 'digits (1797 × 64)' };
}

async function loadDefault(preambles) {
  const { generateNotebookDataset } = await import('@clamp-viz/io');
  const ds = generateNotebookDataset({ preambles, seed: 1871 });
  return { X: ds.matrix, labels: ds.clusterIds, name: `default dataset (preambles ${preambles}, seed 1871)` };
}

/** Exact metrics on all rows (digits). */
function exactQuality(X, Y, labels) {
  return {
    knn_recall15: round(knnRecall(X, Y, { k: 15 })),
    trust15: round(trustworthiness(X, Y, { k: 15 })),
    label_acc15: round(labelAccuracy(Y, labels, { k: 15 })),
  };
}

/** Runs our trimap, charging the CPU time since the previous progress event to each event's phase (events close a block of work). */
function timedTrimap(X, options) {
  const phases = {};
  let current;
  let mark = cpu();
  const t0 = mark;
  const wall0 = performance.now();
  const result = trimap(X, {
    ...options,
    onProgress: (p) => {
      const now = cpu();
      phases[p.phase] = (phases[p.phase] ?? 0) + now - mark;
      mark = now;
      if (p.phase !== current) process.stderr.write(`${p.phase} (after ${round(now - t0, 2)} CPU s), peak RSS ${peakRss()} MB\n`);
      current = p.phase;
    },
  });
  for (const key of Object.keys(phases)) phases[key] = round(phases[key], 2);
  return { result, phases, cpu_s: round(cpu() - t0, 2), wall_s: round((performance.now() - wall0) / 1000, 2) };
}

function nonFinite(Y) {
  let bad = 0;
  for (const v of Y) if (!Number.isFinite(v)) bad++;
  return bad;
}

/** DruidJS 0.9 TriMap with its defaults (12/4/3, weight_temp 0.5, lr 0.1), 400 iterations: rows as Float64Array. */
async function druidTrimap(X, seed) {
  const { TriMap } = await import('@saehrimnir/druidjs');
  const rows = Array.from({ length: X.rows }, (_, i) => Float64Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols)));
  const t0 = cpu();
  const wall0 = performance.now();
  const model = new TriMap(rows, { d: 2, seed });
  model.transform(400);
  const Y = Float32Array.from(model.Y.values);
  return { Y, cpu_s: round(cpu() - t0, 2), wall_s: round((performance.now() - wall0) / 1000, 2) };
}

if (mode === 'digits') {
  const { X, labels, name } = loadDigits();
  const rows = [];
  for (const seed of args.seeds.split(',').map(Number)) {
    const { result, phases, cpu_s } = timedTrimap(X, { seed });
    const quality = nonFinite(result.embedding) ? { error: 'non-finite' } : exactQuality(X, result.embedding, labels);
    rows.push(quality);
    console.log(JSON.stringify({ data: name, seed, cpu_s, phases, peak_rss_mb: peakRss(), violated: round(result.violated), quality }));
  }
  const summary = {};
  for (const key of ['knn_recall15', 'trust15', 'label_acc15']) {
    const v = rows.map((r) => r[key]);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    summary[key] = { mean: round(mean), min: Math.min(...v), max: Math.max(...v), reference: REFERENCE[key], mean_minus_reference: round(mean - REFERENCE[key]) };
  }
  console.log(JSON.stringify({ data: name, seeds: args.seeds, summary, node: process.version, date: new Date().toISOString() }));
} else if (mode === 'large') {
  const { X, labels, name } = await loadDefault(Number(args.preambles));
  const seed = Number(args.seed);
  const { result, phases, cpu_s, wall_s } = timedTrimap(X, { seed });
  const peak = peakRss();
  const { layoutQuality } = await import('./quality.mjs');
  const quality = nonFinite(result.embedding) ? { error: 'non-finite' } : layoutQuality(X, result.embedding, labels, Number(args['quality-sample']), seed);
  console.log(JSON.stringify({
    who: 'clamp-viz trimap (defaults)', data: name, n: X.rows, d: X.cols, seed, cpu_s, wall_s, phases, peak_rss_mb: peak,
    preprocessing: result.preprocessing, triplets: result.nTriplets, violated: round(result.violated), quality,
    quality_note: `trust/recall/label on a seeded ${Math.min(Number(args['quality-sample']), X.rows)}-row sample`, node: process.version, date: new Date().toISOString(),
  }));
} else if (mode === 'peer') {
  const common = ['--data', args.data, '--preambles', args.preambles, '--seed', args.seed, '--quality-sample', args['quality-sample']];
  let failed = false;
  for (const who of ['clamp-viz', 'druidjs']) {
    const line = await runChild(fileURLToPath(import.meta.url), ['peer-one', ...common, '--who', who], Number(args.timeout), Number(args['max-rss-mb']));
    if (line.status !== 'ok') failed = true;
    console.log(JSON.stringify({ who, ...line, node: process.version, date: new Date().toISOString() }));
  }
  process.exitCode = failed ? 1 : 0;
} else if (mode === 'peer-one') {
  const digits = args.data === 'digits';
  const { X, labels, name } = digits ? loadDigits() : await loadDefault(Number(args.preambles));
  const seed = Number(args.seed);
  let run;
  if (args.who === 'druidjs') run = { ...(await druidTrimap(X, seed)), version: '@saehrimnir/druidjs 0.9.0 TriMap defaults, 400 iterations' };
  else {
    const r = timedTrimap(X, { seed });
    run = { Y: r.result.embedding, cpu_s: r.cpu_s, wall_s: r.wall_s, phases: r.phases, version: 'clamp-viz trimap defaults' };
  }
  const { layoutQuality } = await import('./quality.mjs');
  const quality = nonFinite(run.Y) ? { error: `${nonFinite(run.Y)} non-finite coordinates` } : digits ? exactQuality(X, run.Y, labels) : layoutQuality(X, run.Y, labels, Number(args['quality-sample']), seed);
  const { Y, ...rest } = run;
  console.log(JSON.stringify({ data: name, n: X.rows, d: X.cols, seed, ...rest, peak_rss_mb: peakRss(), quality }));
} else {
  console.error(`bench/trimap.mjs: unknown mode ${JSON.stringify(mode)} (digits | large | peer)`);
  process.exit(2);
}

