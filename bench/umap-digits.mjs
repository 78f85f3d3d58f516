#!/usr/bin/env node
// UMAP quality on the digits fixture (test/fixtures/digits) for several seeds, plain and supervised, scored with our
// metrics module exactly as umap-learn's reference numbers were (trustworthiness@15, knn_recall15, label_acc15 on all
// 1,797 points). Usage (after `npx tsc -b`): node bench/umap-digits.mjs [--seeds 1871,1,2,3,4]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { knnRecall, labelAccuracy, trustworthiness, umap } from '@clamp-viz/projection';

const args = process.argv.slice(2);
const seeds = (args[args.indexOf('--seeds') + 1] && args.includes('--seeds') ? args[args.indexOf('--seeds') + 1] : '1871,1,2,3,4').split(',').map(Number);
const dir = fileURLToPath(new URL('../test/fixtures/digits/', import.meta.url));
const b = readFileSync(dir + 'digits.f32');
const X = { data: new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)), rows: 1797, cols: 64 };
const labels = Int32Array.from(readFileSync(dir + 'labels.txt', 'utf8').trim().split('\n').map(Number));
const round = (v) => Math.round(v * 1e4) / 1e4;
const stats = (xs) => {
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
  return { mean: round(mean), min: round(Math.min(...xs)), max: round(Math.max(...xs)), sd: round(Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, xs.length - 1))) };
};
for (const supervised of [false, true]) {
  const rows = [];
  for (const seed of seeds) {
    const c0 = process.cpuUsage();
    const r = umap(X, { seed, ...(supervised ? { target: labels } : {}) });
    const c = process.cpuUsage(c0);
    rows.push({ seed, cpu_s: round((c.user + c.system) / 1e6), trustworthiness15: round(trustworthiness(X, r.embedding)), knn_recall15: round(knnRecall(X, r.embedding)), label_acc15: round(labelAccuracy(r.embedding, labels)) });
  }
  const summary = Object.fromEntries(['trustworthiness15', 'knn_recall15', 'label_acc15', 'cpu_s'].map((k) => [k, stats(rows.map((r) => r[k]))]));
  console.log(JSON.stringify({ method: supervised ? 'umap-supervised' : 'umap', data: 'digits 1797×64', seeds, summary, runs: rows }));
}
