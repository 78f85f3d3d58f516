#!/usr/bin/env node
// PaCMAP bench: ours (`project({method: 'pacmap'})`) against the PaCMAP of DruidJS 0.9 (the only JavaScript PaCMAP on npm),
// each run in a fresh child process (peak RSS per run, a timeout per run).
// Usage (after `npx tsc -b`):
//   node bench/pacmap.mjs digits [--seeds 1871,1,2] [--only clamp-viz,druidjs]
//     digits (test/fixtures/digits, 1797×64) with the notebook's call PaCMAP(n_neighbors=8, MN_ratio=0.5, FP_ratio=2.0,
//     random_state=seed) per seed, plus our defaults; exact metrics on all rows; a summary line (mean/min/max) against
//     the reference PaCMAP 0.9.1 figures.
//   node bench/pacmap.mjs large [--preambles 100] [--data-seed 1871] [--seed 1871] [--only clamp-viz,druidjs]
//     [--quality-sample 2000] [--timeout 900]
//     the default dataset (preambles × 40 rows × 768), defaults + seed; per-phase CPU s, peak RSS, quality on a seeded
//     sample (bench/quality.mjs).
// Prints one JSON line per run.
import { runChildren } from './run-child.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PaCMAP as DruidPaCMAP } from '@saehrimnir/druidjs';
import { knnRecall, labelAccuracy, project, trustworthiness } from '@clamp-viz/projection';
import { loadBenchData } from './load-data.mjs';
import { layoutQuality } from './quality.mjs';

/** PaCMAP 0.9.1 (GitHub source) on digits: /work/shared/data/reference-digits/README.md (pacmap_seed.f32, pacmap_default.f32). */
const REFERENCE = {
  notebook: { knn_recall15: 0.4815, trustworthiness15: 0.9802, label_acc15: 0.9803, cpu_s: 2.0 },
  defaults: { knn_recall15: 0.4844, trustworthiness15: 0.9807, label_acc15: 0.9751, cpu_s: 2.2 },
};
const NOTEBOOK = { nNeighbors: 8, mnRatio: 0.5, fpRatio: 2 };

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const round = (v) => Math.round(v * 1e4) / 1e4;

if (args[0] === '--child') await child(JSON.parse(args[1]));
else await parent(args[0] ?? 'digits');

async function parent(mode) {
  const only = opt('only', 'clamp-viz,druidjs').split(',');
  const timeout = Number(opt('timeout', 900));
  const runs = [];
  if (mode === 'digits') {
    const seeds = opt('seeds', '1871,1,2').split(',').map(Number);
    for (const who of ['clamp-viz', 'druidjs']) {
      if (!only.includes(who)) continue;
      for (const seed of seeds) runs.push({ mode, who, seed, call: 'notebook' });
      runs.push({ mode, who, seed: seeds[0], call: 'defaults' });
    }
  } else if (mode === 'large') {
    const base = { mode, preambles: Number(opt('preambles', 100)), dataSeed: Number(opt('data-seed', 1871)), seed: Number(opt('seed', 1871)), qualitySample: Number(opt('quality-sample', 2000)) };
    for (const who of ['clamp-viz', 'druidjs']) if (only.includes(who)) runs.push({ ...base, who });
  } else {
    console.error('usage: node bench/pacmap.mjs digits|large [options]');
    process.exit(2);
  }
  // A fresh process per run (time limit, 8 GB RSS cap): see run-child.mjs.
  const lines = await runChildren(fileURLToPath(import.meta.url), runs, timeout);
  if (mode === 'digits') summarise(lines);
}

/** mean/min/max of the three metrics over the notebook-call seeds, per contender, against the reference. */
function summarise(lines) {
  for (const who of ['clamp-viz', 'druidjs']) {
    const mine = lines.filter((l) => l.who === who && l.call === 'notebook');
    if (mine.length === 0) continue;
    const stats = {};
    for (const key of ['knn_recall15', 'trustworthiness15', 'label_acc15', 'cpu_s']) {
      const v = mine.map((l) => l[key]);
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      stats[key] = { mean: round(mean), min: Math.min(...v), max: Math.max(...v), minus_reference: round(mean - REFERENCE.notebook[key]) };
    }
    console.log(JSON.stringify({ summary: who, data: 'digits 1797×64', call: 'notebook', seeds: mine.map((l) => l.seed).join(','), ...stats, reference: REFERENCE.notebook }));
  }
}

async function child(run) {
  let matrix, labels, data;
  if (run.mode === 'digits') {
    const dir = new URL('../test/fixtures/digits/', import.meta.url);
    const b = readFileSync(new URL('digits.f32', dir));
    matrix = { data: new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)), rows: 1797, cols: 64 };
    labels = Int32Array.from(readFileSync(new URL('labels.txt', dir), 'utf8').trim().split('\n').map(Number));
    data = 'digits 1797×64';
  } else {
    ({ matrix, labels, data } = await loadBenchData(run));
  }
  const options = run.call === 'notebook' ? NOTEBOOK : {};
  const line = { ...run, n: matrix.rows, d: matrix.cols, data, node: process.version, date: new Date().toISOString() };
  const phases = {};
  let Y;
  // DruidJS takes rows (Float64Array each); the copy is made before the timer starts.
  const rows = run.who === 'druidjs' ? Array.from({ length: matrix.rows }, (_, i) => Float64Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols))) : null;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (run.who === 'clamp-viz') {
    line.version = 'project({method: "pacmap"})';
    // CPU between phase changes: preprocess (normalise or PCA-100), neighbors (kNN + NN-pair choice), pairs (MN, FP), init, optimize.
    let phase = 'preprocess';
    let c0 = process.cpuUsage();
    const mark = (next) => {
      const c = process.cpuUsage(c0);
      phases[phase] = round((phases[phase] ?? 0) + (c.user + c.system) / 1e6);
      c0 = process.cpuUsage();
      phase = next;
    };
    const r = await project(matrix, { method: 'pacmap', seed: run.seed, ...options, onProgress: (p) => p.phase !== phase && mark(p.phase) });
    mark('');
    delete phases[''];
    Y = r.embedding;
  } else {
    line.version = '@saehrimnir/druidjs 0.9.0 PaCMAP (its defaults: apply_pca, exact kNN, 450 iterations)';
    const p = { seed: run.seed };
    if (run.call === 'notebook') Object.assign(p, { n_neighbors: 8, MN_ratio: 0.5, FP_ratio: 2 });
    const model = new DruidPaCMAP(rows, p);
    model.transform();
    Y = Float32Array.from(model.Y.values);
  }
  const cpu = process.cpuUsage(cpu0);
  line.wall_s = round((performance.now() - t0) / 1000);
  line.cpu_s = round((cpu.user + cpu.system) / 1e6);
  line.phases_cpu_s = phases;
  line.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  let bad = 0;
  for (const v of Y) if (!Number.isFinite(v)) bad++;
  if (bad) line.error = `${bad} non-finite coordinates`;
  else if (run.mode === 'digits') {
    line.knn_recall15 = round(knnRecall(matrix, Y));
    line.trustworthiness15 = round(trustworthiness(matrix, Y));
    line.label_acc15 = round(labelAccuracy(Y, labels));
  } else {
    line.quality = layoutQuality(matrix, Y, labels, run.qualitySample, run.seed);
    line.quality_sample = Math.min(run.qualitySample, matrix.rows);
  }
  process.stdout.write(JSON.stringify(line) + '\n');
}
