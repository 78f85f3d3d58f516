#!/usr/bin/env node
// ClusterPlot bench: `project({method: 'clusterplot'})`, each run in a fresh child process (peak RSS per run, a timeout per run).
// There is no JavaScript ClusterPlot to compare with; the reference is the Python ClusterPlot (ormalkai/ClusterPlot cd93408) run
// in /work/shared/docs/clusterplot.md §7.
// Usage (after `npx tsc -b`):
//   node bench/clusterplot.mjs digits [--seeds 1871,1,2] [--calls defaults,threshold18]
//     digits (test/fixtures/digits, 1797×64): the notebook's call (birch_threshold left at the reference default 0.3, so one
//     anchor per row) per seed, plus our defaults (scale-aware BIRCH threshold) and threshold 18 for the first seed; exact
//     metrics on all rows; a summary line of the notebook-call seeds against the reference. With --calls, only those calls
//     (names of CALLS: defaults, threshold18, sameCluster, kmeansAuto, notebook) on the first seed.
//   node bench/clusterplot.mjs large [--calls defaults] [--preambles 500] [--data-seed 1871] [--seed 1871] [--quality-sample 2000] [--timeout 900]
//     the default dataset (preambles × 40 rows × 768), each call of --calls (default: our defaults) + seed; per-phase CPU s, peak RSS, anchors, quality on
//     a seeded sample (bench/quality.mjs).
// Prints one JSON line per run.
import { runChildren } from './run-child.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { knnRecall, labelAccuracy, project, trustworthiness } from '@clamp-viz/projection';
import { loadBenchData } from './load-data.mjs';
import { layoutQuality } from './quality.mjs';

/** The reference ClusterPlot on digits with the notebook call (clusterplot.md §7): per-point rows, seed 1871. */
const REFERENCE = { knn_recall15: 0.5144, trustworthiness15: 0.9775, label_acc15: 0.9705, cpu_s: 70.6 };
const CALLS = {
  notebook: { anchors: { method: 'birch', threshold: 0.3 } },
  defaults: {},
  threshold18: { anchors: { method: 'birch', threshold: 18 } },
  // Candidate defaults (task S3-M): threshold from the median same-cluster 1-NN distance; k-means with clamp(round(√m_c/2), 1, 16).
  sameCluster: { anchors: { method: 'birch', thresholdFrom: 'same-cluster' } },
  kmeansAuto: { anchors: { method: 'kmeans', perCluster: 'auto' } },
};

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const round = (v) => Math.round(v * 1e4) / 1e4;

if (args[0] === '--child') await child(JSON.parse(args[1]));
else await parent(args[0] ?? 'digits');

async function parent(mode) {
  const timeout = Number(opt('timeout', 900));
  const runs = [];
  if (mode === 'digits') {
    const seeds = opt('seeds', '1871,1,2').split(',').map(Number);
    if (opt('calls', null) === null) for (const seed of seeds) runs.push({ mode, seed, call: 'notebook' });
    for (const call of opt('calls', 'defaults,threshold18').split(',')) runs.push({ mode, seed: seeds[0], call });
  } else if (mode === 'large') {
    for (const call of opt('calls', 'defaults').split(',')) runs.push({ mode, call, preambles: Number(opt('preambles', 500)), dataSeed: Number(opt('data-seed', 1871)), seed: Number(opt('seed', 1871)), qualitySample: Number(opt('quality-sample', 2000)) });
  } else {
    console.error('usage: node bench/clusterplot.mjs digits|large [options]');
    process.exit(2);
  }
  // A fresh process per run (time limit, 8 GB RSS cap): see run-child.mjs.
  const lines = await runChildren(fileURLToPath(import.meta.url), runs, timeout);
  if (mode === 'digits') {
    const mine = lines.filter((l) => l.call === 'notebook');
    if (mine.length === 0) return;
    const stats = {};
    for (const key of ['knn_recall15', 'trustworthiness15', 'label_acc15', 'cpu_s']) {
      const v = mine.map((l) => l[key]);
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      stats[key] = { mean: round(mean), min: Math.min(...v), max: Math.max(...v), minus_reference: round(mean - REFERENCE[key]) };
    }
    console.log(JSON.stringify({ summary: 'clamp-viz', data: 'digits 1797×64', call: 'notebook', seeds: mine.map((l) => l.seed).join(','), ...stats, reference: REFERENCE }));
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
  const line = { ...run, n: matrix.rows, d: matrix.cols, data, clusters: new Set(labels).size, node: process.version, date: new Date().toISOString() };
  const phases = {};
  let phase = 'validate';
  let c0 = process.cpuUsage();
  const mark = (next) => {
    const c = process.cpuUsage(c0);
    phases[phase] = round((phases[phase] ?? 0) + (c.user + c.system) / 1e6);
    c0 = process.cpuUsage();
    phase = next;
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // Progress events come after each phase's work; charge the CPU since the last event to the phase that reported.
  const r = await project(matrix, { method: 'clusterplot', clusters: labels, seed: run.seed, ...CALLS[run.call], onProgress: (p) => { phase = p.phase; mark(p.phase); } });
  const cpu = process.cpuUsage(cpu0);
  line.wall_s = round((performance.now() - t0) / 1000);
  line.cpu_s = round((cpu.user + cpu.system) / 1e6);
  line.phases_cpu_s = phases;
  line.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  const model = r.model;
  line.anchors = model.anchors.length / 2;
  line.birch_threshold = model.birchThreshold === undefined ? null : round(model.birchThreshold);
  line.loss_first_last = [round(model.losses[0] ?? NaN), round(model.losses[model.losses.length - 1] ?? NaN)];
  line.polygons = model.polygons.reduce((s, p) => s + p.rings.length, 0);
  const Y = r.embedding;
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
