#!/usr/bin/env node
// Probe runner (diagnostics, not the benchmark): node bench/render/probe.mjs [--sizes 1000000] [--reps 5] [--full] [--cold]
// --full also times the unzoomed view; --cold skips the warm-up probe, so the first size measures a cold page (JIT, shaders).
// Serves bench/render with Vite and runs probe.ts in headless Chromium (SwiftShader), printing one JSON line per size and view.
import { createServer } from 'vite';
import { launchChromium } from './launch-chromium.mjs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const sizes = opt('sizes', '1000000').split(',').map(Number);
const reps = Number(opt('reps', '5'));
const server = await createServer({ configFile: fileURLToPath(new URL('./vite.config.mjs', import.meta.url)), server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const url = server.resolvedUrls.local[0] + 'probe.html';
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 820, height: 640 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => typeof globalThis.probe === 'function', null, { timeout: 120_000 });
  if (!args.includes('--cold')) await page.evaluate(() => globalThis.probe(20_000, 1, false)); // warm-up
  for (const n of sizes) for (const zoomed of [true, ...(args.includes('--full') ? [false] : [])]) {
    console.log(JSON.stringify(await page.evaluate(([n, reps, zoomed]) => globalThis.probe(n, reps, zoomed), [n, reps, zoomed])));
  }
} finally {
  await browser.close();
  await server.close();
}
