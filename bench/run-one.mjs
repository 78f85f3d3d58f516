// One bench run in a fresh process (spawned by run.mjs): load data, time one projection, measure quality,
// print one JSON object on stdout. Peak RSS is this process's maxRSS, so it covers data + method.
import { listMethods, project } from '@clamp-viz/projection';
import { loadBenchData } from './load-data.mjs';
import { PEERS } from './peers.mjs';
import { layoutQuality } from './quality.mjs';

process.on('uncaughtException', (error) => {
  process.stderr.write(`bench-error: ${error?.name ?? 'Error'}: ${String(error?.message ?? error).split('\n')[0]}\n`);
  process.exit(1);
});

const o = JSON.parse(process.argv[2]);
const { matrix, labels, data } = await loadBenchData(o);

let run;
if (o.peer) {
  const peer = PEERS[o.peer];
  const prepared = peer.prepare(matrix);
  run = () => peer.run(prepared);
} else {
  const info = listMethods().find((m) => m.name === o.method);
  const options = { method: o.method, seed: o.seed, ...(info?.needsClusters || labels ? { clusters: labels } : {}) };
  run = async () => (await project(matrix, options)).embedding;
}

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const Y = await run();
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const peak = process.resourceUsage().maxRSS / 1024;

let bad = 0;
for (const v of Y) if (!Number.isFinite(v)) bad++;
const quality = bad > 0 ? { error: `${bad} non-finite coordinates` } : layoutQuality(matrix, Y, labels, o.qualitySample, o.seed);
const r3 = (v) => Math.round(v * 1000) / 1000;
process.stdout.write(
  JSON.stringify({
    method: o.peer ?? o.method,
    n: matrix.rows,
    d: matrix.cols,
    wall_s: r3(wall),
    cpu_s: r3((cpu.user + cpu.system) / 1e6),
    peak_rss_mb: Math.round(peak),
    quality,
    quality_sample: Math.min(o.qualitySample, matrix.rows),
    data,
  }) + '\n',
);
