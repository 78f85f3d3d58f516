#!/usr/bin/env node
// Auto-outlines probe (diagnostics, not the benchmark): node bench/render/outlines-probe.mjs [--sizes 1000000] [--reps 3]
//   [--modes worker,main,element] [--data bench|story] [--cold]
// Times autoOutlines in Node and, in headless Chromium (SwiftShader not involved: no drawing), autoOutlinesAsync in a
// module Worker (`browser-worker`) and autoOutlines on the page's thread (`browser-main`) on the same seeded data
// (data.ts: n points in 300 clusters), served by Vite as the render bench is. One JSON line per size and place, with
// the hull summary (outline count, vertices, total area) so the places can be checked to give the same hulls.
// --cold skips the untimed warm-up call in the page (so the first worker run includes Vite transforming its modules).
// --fresh measures every place and repeat in a new page (cold JIT everywhere; Vite's transforms warmed once).
import { createServer } from 'vite';
import { launchChromium } from './launch-chromium.mjs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const sizes = opt('sizes', '1000000').split(',').map(Number);
const reps = Number(opt('reps', '3'));
const modes = opt('modes', 'worker,main').split(',');
const data = opt('data', 'bench');
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const server = await createServer({ configFile: here('./vite.config.mjs'), server: { port: 0, host: '127.0.0.1' } });
await server.listen();
try {
  const { autoOutlines } = await server.ssrLoadModule(here('../../packages/components/src/outline/auto-outlines.ts'));
  const { outlinesInput, outlinesSummary } = await server.ssrLoadModule(here('./outlines-input.ts'));
  for (const n of sizes) {
    const { rel, rank, ids } = outlinesInput(n, data);
    const ms = [];
    let summary;
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      const outlines = autoOutlines(rel, rank, ids, 0, 0);
      ms.push(Math.round(performance.now() - t0));
      summary = outlinesSummary(outlines);
    }
    console.log(JSON.stringify({ where: 'node', data, n, ms, ...summary }));
  }
  const browser = await launchChromium();
  try {
    const open = async () => {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      page.on('console', (m) => m.type() === 'error' && console.error('page console:', m.text()));
      await page.goto(server.resolvedUrls.local[0] + 'outlines-probe.html');
      await page.waitForFunction(() => typeof globalThis.outlinesProbe === 'function', null, { timeout: 120_000 });
      return page;
    };
    const measure = async (page, n, reps, m) => {
      for (const row of await page.evaluate(([n, reps, m, d]) => globalThis.outlinesProbe(n, reps, m, d), [n, reps, m, data])) {
        console.log(JSON.stringify({ ...row, data, ...(args.includes('--fresh') ? { fresh: true } : {}) }));
      }
    };
    if (args.includes('--fresh')) {
      // Every place measured cold: a new page (new isolates) per size, place and repeat, no warm-up.
      const warm = await open(); // Vite transforms every module once (not timed)
      await warm.evaluate((m) => globalThis.outlinesProbe(3000, 1, m), ['main', 'worker']);
      await warm.close();
      for (const n of sizes) for (let r = 0; r < reps; r++) for (const m of modes) {
        const page = await open();
        await measure(page, n, 1, [m]);
        await page.close();
      }
    } else {
      const page = await open();
      if (!args.includes('--cold')) await page.evaluate((m) => globalThis.outlinesProbe(30_000, 1, m), modes); // warm-up
      for (const n of sizes) await measure(page, n, reps, modes);
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
