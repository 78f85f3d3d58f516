#!/usr/bin/env node
// Cold first-frame JS of <cluster-scatter> in Node (diagnostics): runs once, in this fresh process, the per-point work
// the element does between data assignment and the first draw (resolvePointData, pointColors, clusterSummary,
// pointStates, spatialOrder, the gathers into draw order), on the benchmark's data, and prints the CPU time
// (process.cpuUsage, so other jobs on the machine inflate it less than wall time) of each step.
//   node bench/render/cold-js.mjs [--n 100000] [--root packages/components/dist] [--budget 30000] [--old-layer]
// Run it several times (each run is one cold process); --root can point at another build to compare.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const n = Number(opt('n', '100000'));
const budget = Number(opt('budget', '30000'));
const root = pathToFileURL(resolve(opt('root', new URL('../../packages/components/dist', import.meta.url).pathname)) + '/').href;
const load = (p) => import(new URL(p, root).href);
const { resolvePointData } = await load('data/resolve-point-data.js');
const { pointColors } = await load('color/point-colors.js');
const { clusterSummary } = await load('legend/cluster-summary.js');
const { pointStates } = await load('selection/point-states.js');
const { spatialOrder } = await load('gl/spatial-order.js');
const { gatherRows } = await load('gl/draw-order.js');

// The benchmark's data (bench/render/data.ts makeData, seed 42).
function makeData(n, seed = 42) {
  let a = seed >>> 0;
  const rng = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const centres = Float64Array.from({ length: 600 }, () => (rng() - 0.5) * 1.6);
  const xy = new Float32Array(2 * n), cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rng() * 300);
    const r = 0.03 * Math.sqrt(-2 * Math.log(1 - rng()));
    const t = 2 * Math.PI * rng();
    xy[2 * i] = Math.max(-1, Math.min(1, centres[2 * c] + r * Math.cos(t)));
    xy[2 * i + 1] = Math.max(-1, Math.min(1, centres[2 * c + 1] + r * Math.sin(t)));
    cluster[i] = c;
  }
  return { xy, cluster };
}
const data = makeData(n);
const times = {};
let last = process.cpuUsage();
const step = (name, f) => {
  const out = f();
  const now = process.cpuUsage();
  times[name] = Math.round((now.user + now.system - last.user - last.system) / 100) / 10;
  last = now;
  return out;
};
const points = step('resolvePointData', () => resolvePointData({ positions: data.xy, cluster: data.cluster }));
const colors = step('pointColors', () => pointColors(points.n, points.cluster, null, { kind: 'categorical' }));
const summary = step('clusterSummary', () => clusterSummary(points.n, points.cluster, colors.clusterIds));
const states = step('pointStates', () => pointStates(points.n, new Uint32Array(0), summary.rank, new Set()));
{
  const order = step('spatialOrder', () => (n > budget ? spatialOrder(points.rel, budget) : null));
  step('gather positions', () => gatherRows(points.rel, order?.order ?? null, 2));
  step('gather colours', () => gatherRows(colors.rgba, order?.order ?? null, 4));
  if (args.includes('--old-layer')) { // before task S3-A the layer also gathered ranks and states for every new data set
    step('gather ranks', () => gatherRows(summary.rank, order?.order ?? null, 1));
    step('gather states', () => gatherRows(states, order?.order ?? null, 1));
  }
}
const total = Object.values(times).reduce((a, b) => a + b, 0);
console.log(JSON.stringify({ n, root: opt('root', 'dist'), cpu_ms: times, total_ms: Math.round(total * 10) / 10 }));
