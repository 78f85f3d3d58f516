// kNN bench: our NN-descent, our exact blocked kNN and umap-js 1.4's nearest-neighbour step on the default dataset.
// Usage (after `npx tsc -b` at the root): node bench/knn.mjs [--preambles 500] [--data-seed 1871] [--seed 42] [--k 15]
//   [--only exact,nn-descent,umap-js] [--exact-file PATH]
// Each contender runs in its own child process (clean peak RSS); the exact run writes its lists to a temp file
// that the others score recall@k against. With --exact-file, the exact lists are kept in PATH (written by an exact
// run, else read from an earlier one), so `--only nn-descent --exact-file PATH` re-measures NN-descent with recall
// without the 80+ CPU s exact run. Prints one JSON line per contender.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNeighborIndex, createRng } from '@clamp-viz/projection';
import { generateNotebookDataset } from '@clamp-viz/io';
import { UMAP } from 'umap-js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const o = {
  preambles: Number(opt('preambles', 500)),
  dataSeed: Number(opt('data-seed', 1871)),
  seed: Number(opt('seed', 42)),
  k: Number(opt('k', 15)),
};

if (args[0] === '--child') await child(args[1], JSON.parse(args[2]));
else parent();

function parent() {
  const dir = mkdtempSync(join(tmpdir(), 'knn-bench-'));
  const exactFile = opt('exact-file', join(dir, 'exact.i32'));
  const only = opt('only', 'exact,nn-descent,umap-js').split(',');
  try {
    for (const who of ['exact', 'nn-descent', 'umap-js']) {
      if (!only.includes(who)) continue;
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', who, JSON.stringify({ ...o, exactFile })], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 24,
      });
      if (r.status !== 0) {
        console.log(JSON.stringify({ contender: who, error: `exit ${r.status}` }));
        continue;
      }
      process.stdout.write(r.stdout);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function child(who, o) {
  const ds = generateNotebookDataset({ preambles: o.preambles, seed: o.dataSeed });
  const X = ds.matrix;
  const n = X.rows;
  const k = o.k;
  let run;
  let extra = {};
  if (who === 'exact' || who === 'nn-descent') {
    run = () => buildNeighborIndex(X, { k, method: who, seed: o.seed }).knn.indices;
    // The library's defaults (neighbor-index.ts `defaultTreeCount`, `leafSizeFor`), reported for the record.
    if (who === 'nn-descent') {
      extra = {
        n_trees: Math.min(32, 3 + Math.round(Math.sqrt(n) / 100)),
        leaf_size: Math.max(30, Math.min(256, 2 * (k + 1))),
        n_iters_cap: Math.max(5, Math.round(Math.log2(n))),
      };
    }
  } else {
    // umap-js counts self among nNeighbors, so ask for k + 1 and drop self. Its input is number[][] (converted untimed).
    const rows = Array.from({ length: n }, (_, i) => Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols)));
    const umap = new UMAP({ nNeighbors: k + 1, random: createRng(o.seed) });
    run = () => {
      const { knnIndices, knnDistances } = umap.nearestNeighbors(rows);
      const out = new Int32Array(n * k);
      for (let i = 0; i < n; i++) {
        const order = knnIndices[i].map((j, t) => [knnDistances[i][t], j]).filter(([, j]) => j !== i && j >= 0);
        order.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        for (let t = 0; t < k; t++) out[i * k + t] = order[t]?.[1] ?? -1;
      }
      return out;
    };
    extra = { note: 'umap-js UMAP#nearestNeighbors (RP forest + NN-descent), nNeighbors = k + 1, self dropped' };
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const indices = run();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  let recall;
  if (who === 'exact') writeFileSync(o.exactFile, new Uint8Array(indices.buffer, indices.byteOffset, indices.byteLength));
  else {
    try {
      const b = readFileSync(o.exactFile);
      const exact = new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
      let hit = 0;
      for (let i = 0; i < n; i++) {
        const s = new Set(exact.subarray(i * k, i * k + k));
        for (let t = 0; t < k; t++) if (s.has(indices[i * k + t])) hit++;
      }
      recall = hit / (n * k);
    } catch {
      recall = undefined;
    }
  }
  const r3 = (v) => Math.round(v * 1000) / 1000;
  console.log(
    JSON.stringify({
      contender: who,
      n,
      d: X.cols,
      k,
      wall_s: r3(wall),
      cpu_s: r3((cpu.user + cpu.system) / 1e6),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      ...(recall === undefined ? {} : { [`recall@${k}`]: Math.round(recall * 10000) / 10000 }),
      ...extra,
    }),
  );
}
