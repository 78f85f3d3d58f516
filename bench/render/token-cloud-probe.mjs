#!/usr/bin/env node
// <token-cloud> scale probe (diagnostics, not the benchmark): node bench/render/token-cloud-probe.mjs [--sizes 5000,20000] [--reps 2]
// Serves bench/render with Vite (sources through scripts/aliases.js) and, in headless Chromium (SwiftShader), mounts an
// 800×500 <token-cloud> given n seeded labels (distinct made-up words, 20 clusters, Gaussian blobs) and prints one JSON line
// per run: update_ms (data handed over → lit update done: validation, display texts, colours), first_ms (→ renderComplete,
// which waits until every placed label's text is drawn), text_ms (same, polled on `textPending`), pan_ms / pan_text_ms (a
// 120-px drag → renderComplete), longest_task_ms and long_tasks (durations of PerformanceObserver 'longtask' entries, > 50 ms,
// from hand-over to the end of the pan), redraw_ms (3 synchronous frames of the settled view, each ending with a 1-px
// readPixels), placed and atlas_entries (texts rasterised in the glyph atlas).
// Each run uses a fresh element in one page; a 2,000-label warm-up run first (Vite transforms, JIT), not printed.
import { createServer } from 'vite';
import { launchChromium } from './launch-chromium.mjs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const sizes = opt('sizes', '5000,20000').split(',').map(Number);
const reps = Number(opt('reps', '2'));
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const server = await createServer({ configFile: here('./vite.config.mjs'), server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const moduleUrl = '/@fs' + here('../../packages/components/src/token-cloud/token-cloud.ts');

/** Runs in the page: one measured mount of n labels. */
async function probe([n, moduleUrl]) {
  await import(moduleUrl);
  let s = 1871 >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const syll = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'shi', 'pen', 'dar', 'ex', 'ion', 'the', 'ing', ' '];
  const x = new Float32Array(n), y = new Float32Array(n), cluster = new Int32Array(n), tokens = [];
  const cx = Array.from({ length: 20 }, () => 10 * gauss()), cy = Array.from({ length: 20 }, () => 10 * gauss());
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() * 20);
    cluster[i] = c;
    x[i] = cx[c] + 2 * gauss();
    y[i] = cy[c] + 2 * gauss();
    let t = '';
    for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) t += syll[Math.floor(rand() * syll.length)];
    tokens.push(t + i.toString(36));
  }
  const long = [];
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); });
  obs.observe({ type: 'longtask', buffered: false });
  const el = document.createElement('token-cloud');
  el.style.cssText = 'display:block;width:800px;height:500px';
  document.body.append(el);
  await el.renderComplete;
  if (!el.layer) throw new Error(`no GL layer: ${el.error?.message}`);
  const t0 = performance.now();
  Object.assign(el, { x, y, cluster, tokens });
  await el.updateComplete;
  const update = performance.now() - t0;
  await el.renderComplete;
  const first = performance.now() - t0;
  while (el.textPending) await el.renderComplete.then(() => new Promise((r) => requestAnimationFrame(r)));
  const text = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  const r = el.getBoundingClientRect();
  const ev = (type, px, py) => el.dispatchEvent(new PointerEvent(type, { pointerId: 1, button: 0, clientX: r.left + px, clientY: r.top + py, bubbles: true }));
  const p0 = performance.now();
  ev('pointerdown', 400, 250);
  ev('pointermove', 460, 280);
  ev('pointermove', 520, 250);
  ev('pointerup', 520, 250);
  await el.renderComplete;
  const pan = performance.now() - p0;
  while (el.textPending) await el.renderComplete.then(() => new Promise((r) => requestAnimationFrame(r)));
  const panText = performance.now() - p0;
  await new Promise((r) => setTimeout(r, 300));
  obs.disconnect();
  const redraw = [];
  for (let k = 0; k < 3; k++) {
    const g = el.layer.renderer.gl, px = new Uint8Array(4), a = performance.now();
    el.layer.renderer.renderNow();
    g.readPixels(0, 0, 1, 1, g.RGBA, g.UNSIGNED_BYTE, px);
    redraw.push(Math.round(performance.now() - a));
  }
  const out = {
    n, update_ms: Math.round(update), first_ms: Math.round(first), text_ms: Math.round(text), pan_ms: Math.round(pan), pan_text_ms: Math.round(panText),
    longest_task_ms: Math.round(Math.max(0, ...long)), long_tasks: long.map(Math.round), placed: el.placedCount, redraw_ms: redraw,
    atlas_entries: el.atlasEntries ?? el.texts?.length ?? null,
  };
  el.remove();
  return out;
}

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 820, height: 640 } });
  page.on('pageerror', (e) => console.error('page error:', e.message)); 
  await page.goto(server.resolvedUrls.local[0] + 'index.html');
  await page.evaluate(probe, [2000, moduleUrl]); // warm-up
  for (const n of sizes) for (let k = 0; k < reps; k++) console.log(JSON.stringify(await page.evaluate(probe, [n, moduleUrl])));
} finally {
  await browser.close();
  await server.close();
}
