#!/usr/bin/env node
// UMAP bench: our UMAP against umap-js 1.4 (and embedding-atlas's WebAssembly UMAP when installed) on the same data,
// each contender in a fresh child process; plus a transform check (fit 90 %, transform the other 10 %).
// Usage (after `npx tsc -b`): node bench/umap.mjs [--preambles 500] [--data-seed 1871] [--seed 1871]
//   [--only clamp-viz,umap-js,embedding-atlas,transform] [--quality-sample 2000] [--atlas-dir DIR]
// --atlas-dir: a folder where `npm i --legacy-peer-deps embedding-atlas@0.26.0` was run (default bench/.peers/embedding-atlas,
// filled by `pnpm bench:peers`; skipped with a note when absent).
// Prints one JSON line per contender: {contender, n, d, cpu_s, wall_s, peak_rss_mb, phases_cpu_s?, quality, ...}.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRng, project, umap } from '@clamp-viz/projection';
import { loadBenchData } from './load-data.mjs';
import { layoutQuality } from './quality.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const o = {
  preambles: Number(opt('preambles', 500)),
  dataSeed: Number(opt('data-seed', 1871)),
  seed: Number(opt('seed', 1871)),
  qualitySample: Number(opt('quality-sample', 2000)),
  // `pnpm bench:peers` installs embedding-atlas 0.26 here (outside the workspace: its peers do not resolve under pnpm).
  atlasDir: opt('atlas-dir', fileURLToPath(new URL('./.peers/embedding-atlas', import.meta.url))),
};

if (args[0] === '--child') await child(args[1], JSON.parse(args[2]));
else parent();

function parent() {
  const only = opt('only', 'clamp-viz,umap-js,embedding-atlas,transform').split(',');
  for (const who of ['clamp-viz', 'umap-js', 'embedding-atlas', 'transform']) {
    if (!only.includes(who)) continue;
    if (who === 'embedding-atlas' && !(o.atlasDir && existsSync(join(o.atlasDir, 'node_modules/embedding-atlas/dist/umap.js')))) {
      console.log(JSON.stringify({ contender: who, status: 'skipped: pass --atlas-dir DIR with embedding-atlas@0.26.0 installed' }));
      continue;
    }
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', who, JSON.stringify(o)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) console.log(JSON.stringify({ contender: who, status: `failed (exit ${r.status})` }));
    else process.stdout.write(r.stdout);
  }
}

async function child(who, o) {
  const { matrix, labels, data } = await loadBenchData(o);
  const line = { contender: who, n: matrix.rows, d: matrix.cols, data, node: process.version, date: new Date().toISOString() };
  if (who === 'transform') {
    Object.assign(line, transformCheck(matrix, labels, o.seed));
  } else {
    const run = await contender(who, matrix, o, line);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const Y = await run();
    const cpu = process.cpuUsage(cpu0);
    line.wall_s = round((performance.now() - t0) / 1000);
    line.cpu_s = round((cpu.user + cpu.system) / 1e6);
    line.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
    let bad = 0;
    for (const v of Y) if (!Number.isFinite(v)) bad++;
    line.quality = bad ? { error: `${bad} non-finite coordinates` } : layoutQuality(matrix, Y, labels, o.qualitySample, o.seed);
  }
  process.stdout.write(JSON.stringify(line) + '\n');
}

/** Returns the timed call for a contender; untimed conversions (number[][] for umap-js) happen here. */
async function contender(who, matrix, o, line) {
  const seed = o.seed;
  if (who === 'clamp-viz') {
    line.version = 'umap (project, defaults, seed)';
    const phases = {};
    let phase = '';
    let c0 = process.cpuUsage();
    const mark = (next) => {
      const c = process.cpuUsage(c0);
      if (phase) phases[phase] = round((phases[phase] ?? 0) + (c.user + c.system) / 1e6);
      c0 = process.cpuUsage();
      phase = next;
    };
    line.phases_cpu_s = phases;
    return async () => {
      c0 = process.cpuUsage();
      phase = 'neighbors+graph';
      // Phase events arrive at the end of each stage: neighbors+graph → 'graph', spectral → 'init', SGD → last 'epochs'.
      const r = await project(matrix, {
        method: 'umap',
        seed,
        onProgress: (p) => {
          if (p.phase === 'graph' && phase !== 'init') mark('init');
          else if (p.phase === 'init') mark('epochs');
        },
      });
      mark('');
      return r.embedding;
    };
  }
  const rows = Array.from({ length: matrix.rows }, (_, i) => Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols)));
  if (who === 'umap-js') {
    const { UMAP } = await import('umap-js');
    line.version = 'umap-js 1.4 defaults (random = our seeded generator)';
    return () => Float32Array.from(new UMAP({ random: createRng(seed) }).fit(rows).flat());
  }
  const mod = await import(pathToFileURL(join(o.atlasDir, 'node_modules/embedding-atlas/dist/umap.js')).href);
  line.version = 'embedding-atlas 0.26 createUMAP defaults';
  return async () => {
    const u = await mod.createUMAP(matrix.rows, matrix.cols, 2, matrix.data, { seed });
    await u.run();
    const out = Float32Array.from(u.embedding);
    u.destroy?.();
    return out;
  };
}

/** Fit on 90 % (rows with i % 10 ≠ 3), transform the rest; 15-NN label accuracy of held-out vs in-sample points. */
function transformCheck(matrix, labels, seed) {
  const d = matrix.cols;
  const trainIdx = [];
  const testIdx = [];
  for (let i = 0; i < matrix.rows; i++) (i % 10 === 3 ? testIdx : trainIdx).push(i);
  const pick = (idx) => {
    const data = new Float32Array(idx.length * d);
    idx.forEach((r, t) => data.set(matrix.data.subarray(r * d, (r + 1) * d), t * d));
    return { data, rows: idx.length, cols: d };
  };
  const fit = umap(pick(trainIdx), { seed });
  const c0 = process.cpuUsage();
  const Y = fit.model.transform(pick(testIdx));
  const c = process.cpuUsage(c0);
  const trainLabels = Int32Array.from(trainIdx, (i) => labels[i]);
  const k = 15;
  const acc = (points, own, skipSelf) => {
    let same = 0;
    const n = trainIdx.length;
    const dist = new Float64Array(n);
    const order = new Int32Array(n);
    points.forEach(([x, y, label, self]) => {
      for (let j = 0; j < n; j++) {
        dist[j] = (x - fit.embedding[2 * j]) ** 2 + (y - fit.embedding[2 * j + 1]) ** 2;
        order[j] = j;
      }
      order.sort((p, q) => dist[p] - dist[q]);
      let taken = 0;
      for (let s = 0; taken < k; s++) {
        if (skipSelf && order[s] === self) continue;
        if (own[order[s]] === label) same++;
        taken++;
      }
    });
    return round(same / (points.length * k));
  };
  const rng = createRng(seed);
  const inSample = Array.from({ length: 1000 }, () => {
    const j = Math.floor(rng() * trainIdx.length);
    return [fit.embedding[2 * j], fit.embedding[2 * j + 1], trainLabels[j], j];
  });
  const heldOut = testIdx.map((r, t) => [Y[2 * t], Y[2 * t + 1], labels[r], -1]);
  return { transform_rows: testIdx.length, transform_cpu_s: round((c.user + c.system) / 1e6), label_acc15_in_sample: acc(inSample, trainLabels, true), label_acc15_held_out: acc(heldOut, trainLabels, false) };
}

function round(v) {
  return Math.round(v * 1000) / 1000;
}
