#!/usr/bin/env node
// clamp-viz bench harness. See bench/README.md.
//   node bench/run.mjs --method pca --preambles 500 [--seed 1871] [--quality-sample 2000] [--peer ml-pca] [--timeout 120]
// Each run (the method, then the peer if any) happens in a fresh child process; one JSON line per run on stdout.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HELP = `usage: node bench/run.mjs [--method pca] [--preambles 250 | --embeddings FILE [--clusters FILE]]
                         [--seed 1871] [--data-seed 1871] [--quality-sample 2000]
                         [--peer ml-pca|ml-pca-cov] [--peer-only] [--timeout 120]
Prints one JSON line per run: {method, n, d, wall_s, cpu_s, peak_rss_mb, quality, node, date, ...}.
Needs the built packages: run \`npx tsc -b\` (or \`pnpm bench\`, which builds first).`;

const int = (name, value) => {
  const n = Number(value);
  if (!Number.isInteger(n)) fail(`--${name} ${JSON.stringify(value)}: must be an integer`);
  return n;
};
function fail(message) {
  process.stderr.write(`bench: error: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      method: { type: 'string', default: 'pca' },
      preambles: { type: 'string', default: '250' },
      seed: { type: 'string', default: '1871' },
      'data-seed': { type: 'string', default: '1871' },
      'quality-sample': { type: 'string', default: '2000' },
      embeddings: { type: 'string' },
      clusters: { type: 'string' },
      peer: { type: 'string' },
      'peer-only': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '120' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  fail(error.message);
}
if (args.help) {
  process.stdout.write(HELP + '\n');
  process.exit(0);
}
const dist = fileURLToPath(new URL('../packages/projection/dist/index.js', import.meta.url));
if (!existsSync(dist)) fail('packages/projection/dist is missing: run `npx tsc -b` first');

const { PEERS } = await import('./peers.mjs');
if (args.peer && !PEERS[args.peer]) fail(`--peer ${JSON.stringify(args.peer)}: known peers are ${Object.keys(PEERS).join(', ')}`);
const timeout = int('timeout', args.timeout);
const base = {
  method: args.method,
  seed: int('seed', args.seed),
  dataSeed: int('data-seed', args['data-seed']),
  preambles: int('preambles', args.preambles),
  qualitySample: int('quality-sample', args['quality-sample']),
  ...(args.embeddings ? { embeddings: args.embeddings } : {}),
  ...(args.clusters ? { clusters: args.clusters } : {}),
};

const runs = [];
if (!args['peer-only']) runs.push(base);
if (args.peer) runs.push({ ...base, peer: args.peer });
let failed = false;
for (const o of runs) {
  const line = await runChild(o);
  if (line.status && line.status !== 'ok') failed = true;
  process.stdout.write(JSON.stringify({ ...line, node: process.version, date: new Date().toISOString() }) + '\n');
}
process.exitCode = failed ? 1 : 0;

/** Runs run-one.mjs in a fresh process; resolves to its JSON result or a {status} line on timeout/crash. */
function runChild(o) {
  const script = fileURLToPath(new URL('./run-one.mjs', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', script, JSON.stringify(o)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    const name = o.peer ?? o.method;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ method: name, status: `timeout after ${timeout} s` });
    }, timeout * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && out.trim()) resolve({ ...JSON.parse(out.trim().split('\n').pop()), status: 'ok' });
      else if (code !== null) {
        const lines = err.trim().split('\n');
        const reason = (lines.find((l) => l.startsWith('bench-error: ')) ?? lines[lines.length - 1] ?? '').replace(/^bench-error: /, '');
        resolve({ method: name, status: `failed (exit ${code}): ${reason}` });
      }
    });
  });
}
