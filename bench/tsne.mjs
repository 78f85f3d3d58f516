#!/usr/bin/env node
// t-SNE bench (issue 5). Needs the built packages: `npx tsc -b` (or `npx tsc -b packages/projection packages/io`).
//   node bench/tsne.mjs digits [--seeds 1871,1,2] [--method auto|fft|exact]
//       digits quality (knn_recall15, trust15, label_acc15) per seed, mean and spread, vs openTSNE 0.594 / 0.990 / 0.974
//   node bench/tsne.mjs large [--preambles 500] [--seed 1871] [--method auto|fft|exact] [--quality-sample 2000]
//       the default dataset (preambles × 40 rows × 768): CPU s per phase, peak RSS, quality on a seeded subsample
//   node bench/tsne.mjs peer [--peer druidjs|keckelt-tsne] [--preambles 100] [--seed 1871] [--timeout 600] [--peer-only]
//       ours (`large`, default method) then the JS peer (bench/tsne-peers.mjs) on the same data, each in its own child
//       process killed after --timeout s ("timeout after S s") or above --max-rss-mb (default 6000; protects the shared box
//       from O(n²) peers); the peer's layout is scored with the same quality sample
// One JSON line per run on stdout. Run each mode in its own process (peak RSS is per process).
import { spawn } from 'node:child_process';
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
    peer: { type: 'string', default: 'druidjs' },
    timeout: { type: 'string', default: '600' },
    'peer-only': { type: 'boolean', default: false },
    'max-rss-mb': { type: 'string', default: '6000' },
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
    const line = await runChild(run.argv, timeout, Number(args['max-rss-mb']));
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

/** Runs this script with `argv` in a fresh process; resolves to its last JSON line + status 'ok', or a {status} on timeout/crash. */
function runChild(argv, timeoutS, maxRssMb) {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', script, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => {
      err += b;
      process.stderr.write(b);
    });
    let timedOut = false;
    let maxSeenMb = 0;
    let cpuSoFar = 0;
    const t0 = performance.now();
    const stop = (status) => {
      timedOut = true;
      clearTimeout(timer);
      clearInterval(watch);
      child.kill('SIGKILL');
      resolve({ status, cpu_s_so_far: cpuSoFar, max_rss_seen_mb: maxSeenMb });
    };
    const timer = setTimeout(() => stop(`timeout after ${timeoutS} s`), timeoutS * 1000);
    // Resident set of the child, polled each second from /proc (Linux); stop it before it starves the shared machine.
    const watch = setInterval(() => {
      let rssMb = 0;
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        rssMb = m ? Math.round(Number(m[1]) / 1024) : 0;
        // utime + stime (fields 14, 15 after the command name) in clock ticks, 100 per second on Linux
        const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        cpuSoFar = (Number(f[11]) + Number(f[12])) / 100;
      } catch {
        return;
      }
      maxSeenMb = Math.max(maxSeenMb, rssMb);
      if (rssMb > maxRssMb) stop(`stopped: RSS ${rssMb} MB > --max-rss-mb ${maxRssMb} after ${Math.round((performance.now() - t0) / 1000)} s`);
    }, 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      if (timedOut) return;
      if (code === 0 && out.trim()) resolve({ ...JSON.parse(out.trim().split('\n').pop()), status: 'ok' });
      else {
        const lines = err.trim().split('\n').filter((l) => l.trim());
        const reason = lines.find((l) => /Error|error:/.test(l)) ?? lines[lines.length - 1] ?? '';
        resolve({ status: `failed (exit ${code ?? signal}): ${reason.trim()}` });
      }
    });
  });
}
