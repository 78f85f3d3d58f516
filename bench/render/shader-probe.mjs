#!/usr/bin/env node
// Shader probe runner (diagnostics, not the benchmark):
//   node bench/render/shader-probe.mjs [--sizes 1000000] [--reps 7] [--variants current,solid] [--zoom 1]
// Serves bench/render with Vite and runs shader-probe.ts in headless Chromium (SwiftShader); prints the median
// all-point frame time per variant (interleaved reps in one page) as one JSON line per size.
import { createServer } from 'vite';
import { launchChromium } from './launch-chromium.mjs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const sizes = opt('sizes', '1000000').split(',').map(Number);
const reps = Number(opt('reps', '7'));
const zoom = Number(opt('zoom', '1'));
const variants = opt('variants', 'current,solid,size1,solid1').split(',');
const server = await createServer({ configFile: fileURLToPath(new URL('./vite.config.mjs', import.meta.url)), server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 820, height: 640 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(server.resolvedUrls.local[0] + 'shader-probe.html');
  await page.waitForFunction(() => typeof globalThis.probe === 'function', null, { timeout: 120_000 });
  for (const n of sizes) console.log(JSON.stringify(await page.evaluate(([n, reps, variants, zoom]) => globalThis.probe(n, reps, variants, zoom), [n, reps, variants, zoom])));
} finally {
  await browser.close();
  await server.close();
}
