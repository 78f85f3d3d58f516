#!/usr/bin/env node
// First-frame diagnostics (not the benchmark): node bench/render/first-frame-profile.mjs [--n 100000] [--rounds 3]
//   [--libs regl-scatterplot,clamp] [--profile] [--top 25]
// Serves bench/render with Vite, warms up like run.mjs (one untimed page at 60k per library), then per round opens a fresh
// page per library (interleaved) and times only the first frame (main.ts `firstFrame`: the same steps and clock as the
// benchmark's first_ms). With --profile, a CDP CPU profile (0.1 ms sampling) is recorded over exactly that window and the
// functions with the most self time are printed ((program) = native/GPU waits, (idle) = waiting for the next frame).
import { createServer } from 'vite';
import { launchChromium } from './launch-chromium.mjs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const n = Number(opt('n', '100000'));
const rounds = Number(opt('rounds', '3'));
const libs = opt('libs', 'regl-scatterplot,clamp').split(',');
const top = Number(opt('top', '25'));
const profile = args.includes('--profile');

const server = await createServer({ configFile: fileURLToPath(new URL('./vite.config.mjs', import.meta.url)), server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await launchChromium();
const open = async () => {
  const page = await browser.newPage({ viewport: { width: 820, height: 640 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => typeof globalThis.firstFrame === 'function', null, { timeout: 120_000 });
  return page;
};

/** Self time (ms) per function of a CDP profile, largest first. */
function selfTimes(p) {
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]);
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? f.url.replace(/^.*\/(?=[^/]+$)/, '').replace(/\?.*$/, '') + ':' + (f.lineNumber + 1) : ''}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return [...self].sort((a, b) => b[1] - a[1]);
}

const results = Object.fromEntries(libs.map((l) => [l, []]));
try {
  { const page = await open(); for (const lib of libs) await page.evaluate((lib) => globalThis.firstFrame(lib, 60_000), lib); await page.close(); }
  for (let r = 0; r < rounds; r++) {
    for (const lib of libs) {
      const page = await open();
      const cdp = profile ? await page.context().newCDPSession(page) : null;
      const done = page.evaluate(([lib, n]) => globalThis.firstFrame(lib, n, true), [lib, n]);
      await page.waitForFunction(() => globalThis.firstFrameReady === true, null, { timeout: 60_000 });
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      await page.evaluate(() => globalThis.firstFrameGo());
      const ms = await done;
      results[lib].push(Math.round(ms));
      console.log(JSON.stringify({ round: r, lib, n, first_ms: Math.round(ms) }));
      if (cdp) {
        const { profile: p } = await cdp.send('Profiler.stop');
        const total = (p.endTime - p.startTime) / 1000;
        console.log(`  profile ${total.toFixed(0)} ms; top self times:`);
        for (const [k, v] of selfTimes(p).slice(0, top)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({ n, rounds, median_first_ms: Object.fromEntries(libs.map((l) => [l, median(results[l])])), first_ms: results }));
