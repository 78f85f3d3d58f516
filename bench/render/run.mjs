#!/usr/bin/env node
// Render benchmark runner: serves bench/render with Vite, opens it in headless Debian Chromium
// (software WebGL via SwiftShader) through playwright-core, and runs <cluster-scatter> and
// regl-scatterplot 1.16 side by side in the same browser, each in a fresh page, for each size.
//   node bench/render/run.mjs [--sizes 100000,1000000] [--repeats 1] [--build]
// --build: measure a production build of the page (`vite build`: both libraries bundled and minified, as a user's
// app ships them) served statically, instead of the Vite dev server (our sources as ~100 unbundled modules).
// Prints one JSON line per run and a Markdown table (median frame time) at the end.
import { build, createServer, preview } from 'vite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './launch-chromium.mjs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt('sizes', '100000,1000000').split(',').map(Number);
const repeats = Number(opt('repeats', '1'));
const libs = opt('libs', 'regl-scatterplot,clamp,clamp-full').split(',');

const configFile = fileURLToPath(new URL('./vite.config.mjs', import.meta.url));
const production = args.includes('--build');
const outDir = join(tmpdir(), 'clamp-viz-render-bench');
if (production) await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = production
  ? await preview({ configFile, preview: { port: 0, host: '127.0.0.1' }, build: { outDir } })
  : await createServer({ configFile, server: { port: 0, host: '127.0.0.1' } });
if (!production) await server.listen();
const url = server.resolvedUrls.local[0];
console.error(`render bench: ${production ? 'production build' : 'Vite dev server'} at ${url}`);
const browser = await launchChromium();
// Warm-up page (not timed): lets Vite finish optimising dependencies (which reloads open pages) and transform
// every module once before anything is timed.
{
  const page = await browser.newPage({ viewport: { width: 820, height: 640 } }); // the measured pages' viewport, so the warm-up warms the same GPU-side state
  await page.goto(url);
  await page.waitForFunction(() => typeof globalThis.runBench === 'function', null, { timeout: 120_000 });
  await new Promise((r) => setTimeout(r, 3000));
  // Also makes Vite transform the modules loaded on demand (e.g. the picking-index Worker) before timing.
  for (const lib of libs) await page.evaluate((lib) => globalThis.runBench(lib, 60_000), lib);
  await page.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
try {
  for (const n of sizes) {
    for (let r = 0; r < repeats; r++) {
      for (const lib of libs) {
        const page = await browser.newPage({ viewport: { width: 820, height: 640 } });
        page.on('pageerror', (e) => console.error(`[${lib}] page error:`, e.message));
        await page.goto(url);
        await page.waitForFunction(() => typeof globalThis.runBench === 'function', null, { timeout: 60_000 });
        const result = await page.evaluate(([lib, n]) => globalThis.runBench(lib, n), [lib, n]).catch(async (error) => {
          // A Vite reload (late dependency optimisation) destroys the context: measure again once.
          console.error(`[${lib}] ${error.message.split('\n')[0]}; retrying once`);
          await page.goto(url);
          await page.waitForFunction(() => typeof globalThis.runBench === 'function', null, { timeout: 60_000 });
          return page.evaluate(([lib, n]) => globalThis.runBench(lib, n), [lib, n]);
        });
        const renderer = await page.evaluate(() => {
          const gl = document.createElement('canvas').getContext('webgl');
          const ext = gl?.getExtension('WEBGL_debug_renderer_info');
          return ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : 'unknown';
        });
        const row = { ...result, first_ms: Math.round(result.first_ms), median_frame_ms: Math.round(median(result.frames_ms) * 10) / 10,
          min_frame_ms: Math.round(Math.min(...result.frames_ms)), max_frame_ms: Math.round(Math.max(...result.frames_ms)),
          median_drawn: median(result.frames_drawn), settled_ms: Math.round(result.settled_ms),
          median_hover_ms: result.hover_ms.length ? Math.round(median(result.hover_ms) * 10) / 10 : null,
          hover_ms: result.hover_ms.map((t) => Math.round(t * 10) / 10),
          median_hover_full_ms: result.hover_full_ms?.length ? Math.round(median(result.hover_full_ms) * 10) / 10 : null,
          median_hover_fit_ms: result.hover_fit_ms.length ? Math.round(median(result.hover_fit_ms) * 10) / 10 : null,
          median_hover_fit_full_ms: result.hover_fit_full_ms?.length ? Math.round(median(result.hover_fit_full_ms) * 10) / 10 : null,
          hover_fit_ms: result.hover_fit_ms.map((t) => Math.round(t * 10) / 10),
          frames_ms: result.frames_ms.map((t) => Math.round(t * 10) / 10), renderer, date: new Date().toISOString() };
        console.log(JSON.stringify(row));
        rows.push(row);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('\n| n | library | first frame, all points (ms) | median pan/zoom frame (ms) [min–max] | points drawn per pan/zoom frame (median) | settled frame, all points (ms) | median hover frame, zoomed view (ms) [kind; full redraw] | median hover frame, fitted view (ms) [kind; full redraw] |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.lib} | ${r.first_ms} | ${r.median_frame_ms} [${r.min_frame_ms}–${r.max_frame_ms}] | ${r.median_drawn.toLocaleString('en')} | ${r.settled_ms} (${r.settled_drawn.toLocaleString('en')} points) | ${r.median_hover_ms} [${[...new Set(r.hover_kinds)].join(', ')}; ${r.median_hover_full_ms ?? '–'}] | ${r.median_hover_fit_ms} [${[...new Set(r.hover_fit_kinds)].join(', ')}; ${r.median_hover_fit_full_ms ?? '–'}] |`);
}
