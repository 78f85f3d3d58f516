// The README's first command, checked end to end: the gallery page loads the default dataset with
// @clamp-viz/io, projects it with PCA in a Web Worker and draws coloured points. A real Chromium
// takes a screenshot (the workspace is built by test/global-setup.ts), and the screenshot's pixels are counted.
// The second test checks the linked views: two methods over the same rows share one selection model, which the
// one-sentence view mirrors, and the colour control recolours every plot.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error: plain ESM script without type declarations
import { startGallery } from '../scripts/demo.mjs';
// Pure colour functions of the component (no DOM): the expected colours of the colour control.
import { resolveColorScheme } from '../packages/components/src/color/color-scheme.js';
import { pointColors } from '../packages/components/src/color/point-colors.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await startGallery({ port: 5199, preambles: 60, quiet: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the gallery shows the default dataset projected with PCA as points coloured by cluster', async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 180_000 });
  expect(errors).toEqual([]);

  const status = await page.textContent('#status');
  expect(status).toMatch(/pca/i);
  const preamble = await page.textContent('#sentence-preamble');
  expect(preamble).toContain("Students were outraged over the administration's new");
  expect(await page.locator('#sentence-guesses li').count()).toBe(40);

  // The one-sentence view draws the guesses as text: around each label drawn as text, pixels in that
  // guess's Tol-rainbow cluster colour (the colours pointColors gives the 40 guesses).
  const tokens = await page.evaluate(async () => {
    const cloud = document.querySelector<HTMLElementTagNameMap['token-cloud']>('#sentence-plot')!;
    await cloud.renderComplete;
    const img = cloud.readPixels()!;
    const s = img.width / cloud.clientWidth;
    const boxes: { k: number; rgb: number[][] }[] = [];
    for (let k = 0; k < cloud.labelCount; k++) {
      const b = cloud.labelBox(k);
      if (!b) continue;
      const rgb: number[][] = [];
      for (let y = Math.ceil(b.top * s); y < Math.floor((b.top + b.height) * s); y++) {
        for (let x = Math.ceil(b.left * s); x < Math.floor((b.left + b.width) * s); x++) {
          const o = 4 * (y * img.width + x);
          if (x >= 0 && y >= 0 && x < img.width && y < img.height) rgb.push([img.data[o]!, img.data[o + 1]!, img.data[o + 2]!]);
        }
      }
      boxes.push({ k, rgb });
    }
    return { n: cloud.labelCount, placed: cloud.placedCount, cluster: Array.from(cloud.cluster!), boxes, tag: cloud.tagName };
  });
  expect(tokens.tag).toBe('TOKEN-CLOUD');
  expect(tokens.n).toBe(40);
  expect(tokens.placed).toBeGreaterThan(10);
  const tol = pointColors(40, Int32Array.from(tokens.cluster), null, resolveColorScheme('tol-rainbow')).rgba;
  const withColour = tokens.boxes.filter(({ k, rgb }) => rgb.filter((p) => p.every((v, c) => Math.abs(v - tol[4 * k + c]!) <= 24)).length >= 4);
  expect(withColour.length / tokens.boxes.length).toBeGreaterThan(0.8);

  const shot = await page.locator('#scatter').screenshot();
  mkdirSync(`${root}.cache`, { recursive: true });
  writeFileSync(`${root}.cache/gallery-screenshot.png`, shot);

  const stats = await page.evaluate(async (b64: string) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const img = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    const bg = [px[0], px[1], px[2]].join(',');
    let painted = 0;
    const colours = new Set<string>();
    for (let i = 0; i < px.length; i += 4) {
      const key = `${px[i]},${px[i + 1]},${px[i + 2]}`;
      if (key === bg) continue;
      painted++;
      // Coarse buckets so antialiased edges do not count as colours of their own.
      colours.add(`${px[i]! >> 5},${px[i + 1]! >> 5},${px[i + 2]! >> 5}`);
    }
    return { painted, total: px.length / 4, colours: colours.size };
  }, shot.toString('base64'));

  // Thousands of points cover a visible share of the plot, in many cluster colours.
  expect(stats.painted / stats.total).toBeGreaterThan(0.01);
  expect(stats.colours).toBeGreaterThan(20);

  // The controls: outlines, dark theme and PNG export work on the real page without errors.
  await page.check('#outlines');
  await page.selectOption('#theme', 'dark');
  const png = await page.evaluate(async () => {
    const el = document.querySelector('cluster-scatter')!;
    await el.renderComplete;
    const blob = await el.toPNG({ scale: 2 });
    const bitmap = await createImageBitmap(blob);
    return { type: blob.type, width: bitmap.width, cssWidth: el.getBoundingClientRect().width, theme: el.theme };
  });
  expect(png.type).toBe('image/png');
  expect(png.theme).toBe('dark');
  expect(Math.abs(png.width - 2 * png.cssWidth)).toBeLessThanOrEqual(2);
  expect(errors).toEqual([]);
  await page.close();
});

test('the gallery links two methods through one selection model (a lasso in the pca-centers view selects the same rows in the PCA view, the sentence view mirrors it) and the colour control recolours every plot', async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.waitForSelector('body[data-state="ready"][data-linked="ready"]', { timeout: 180_000 });
  expect(await page.textContent('#linked-status')).toMatch(/^pca-centers: projected/);

  // Programmatic selection in the main plot shows in the linked plot.
  const programmatic = await page.evaluate(async () => {
    const main = document.querySelector<HTMLElementTagNameMap['cluster-scatter']>('#scatter')!, linked = document.querySelector<HTMLElementTagNameMap['cluster-scatter']>('#linked')!;
    await Promise.all([main.renderComplete, linked.renderComplete, main.indexReady, linked.indexReady]);
    main.select([30, 10, 20]);
    return { n: [main.pointCount, linked.pointCount], linked: Array.from(linked.selection), status: document.querySelector('#selection-status')!.textContent };
  });
  expect(programmatic.n[0]).toBeGreaterThan(2000);
  expect(programmatic.n[1]).toBe(programmatic.n[0]);
  expect(programmatic.linked).toEqual([10, 20, 30]);
  expect(programmatic.status).toMatch(/^3 rows selected/);

  // A real Shift+drag lasso (Chromium input events) over the middle of the linked plot.
  const linked = page.locator('#linked');
  await linked.scrollIntoViewIfNeeded();
  const box = (await linked.boundingBox())!;
  const [x0, y0, x1, y1] = [box.x + box.width * 0.25, box.y + box.height * 0.25, box.x + box.width * 0.75, box.y + box.height * 0.75];
  await page.keyboard.down('Shift');
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (const [x, y] of [[x1, y0], [x1, y1], [x0, y1], [x0, y0 + 1]] as const) await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const lasso = await page.evaluate(([w0, h0, w1, h1]) => {
    const main = document.querySelector<HTMLElementTagNameMap['cluster-scatter']>('#scatter')!, linked = document.querySelector<HTMLElementTagNameMap['cluster-scatter']>('#linked')!;
    const inside = [...linked.selection].every((i) => {
      const p = linked.pointPosition(i)!;
      return p.x >= w0! - 1 && p.x <= w1! + 1 && p.y >= h0! - 1 && p.y <= h1! + 1;
    });
    return { linked: Array.from(linked.selection), main: Array.from(main.selection), inside, status: document.querySelector('#selection-status')!.textContent };
  }, [box.width * 0.25, box.height * 0.25, box.width * 0.75, box.height * 0.75]);
  expect(lasso.linked.length).toBeGreaterThan(10);
  expect(lasso.linked).not.toEqual([10, 20, 30]);
  expect(lasso.main).toEqual(lasso.linked);
  expect(lasso.inside).toBe(true);
  expect(lasso.status).toContain(`${lasso.linked.length.toLocaleString('en-US')} rows selected`);

  // The one-sentence view: 40 guesses in Tol's rainbow; clicking a guess selects that row in both big plots.
  await page.click('#sentence-guesses li:nth-child(3)');
  const sentence = await page.evaluate(() => {
    const small = document.querySelector<HTMLElementTagNameMap['token-cloud']>('#sentence-plot')!, main = document.querySelector<HTMLElementTagNameMap['cluster-scatter']>('#scatter')!, linked = document.querySelector<HTMLElementTagNameMap['cluster-scatter']>('#linked')!;
    const row = main.selection[0]!;
    return { n: small.labelCount, scheme: small.colorScheme, main: Array.from(main.selection), linked: Array.from(linked.selection), preamble: main.preambles?.[row], token: main.tokens?.[row], third: small.tokens?.[2] };
  });
  expect(sentence.n).toBe(40);
  expect(sentence.scheme).toBe('tol-rainbow');
  expect(sentence.main.length).toBe(1);
  expect(sentence.linked).toEqual(sentence.main);
  expect(sentence.preamble).toContain("Students were outraged over the administration's new");
  expect(sentence.token).toBe(sentence.third);

  // The one-sentence view mirrors the shared selection: the clicked guess and a row of it selected elsewhere.
  const mirrored = await page.evaluate(() => {
    const small = document.querySelector<HTMLElementTagNameMap['token-cloud']>('#sentence-plot')!, main = document.querySelector<HTMLElementTagNameMap['cluster-scatter']>('#scatter')!;
    const afterClick = Array.from(small.selection);
    const marked = [...document.querySelectorAll('#sentence-guesses li')].map((li) => li.getAttribute('aria-selected'));
    const row = main.selection[0]!;
    const outside = Array.from(main.preambles!).findIndex((p) => p !== main.preambles![row]);
    main.select([outside, row - 2, row]); // rows 1 and 3 of the sentence (guesses are consecutive rows)
    return { afterClick, marked: marked.map((m, k) => (m === 'true' ? k : -1)).filter((k) => k >= 0), later: Array.from(small.selection) };
  });
  expect(mirrored.afterClick).toEqual([2]);
  expect(mirrored.marked).toEqual([2]);
  expect(mirrored.later).toEqual([0, 2]);

  // Hover links by dataset row: `hover` events of both element kinds carry `detail.row`, which the page uses to
  // mark the hovered guess, whether the row is hovered in a big plot or on a label of the cloud.
  const hovered = await page.evaluate(async () => {
    const small = document.querySelector<HTMLElementTagNameMap['token-cloud']>('#sentence-plot')!, main = document.querySelector<HTMLElementTagNameMap['cluster-scatter']>('#scatter')!;
    const marked = () => [...document.querySelectorAll('#sentence-guesses li')].flatMap((li, k) => (li.classList.contains('hovered') ? [k] : []));
    const details: { tag: string; row: number; index: number }[] = [];
    document.addEventListener('hover', (e) => details.push({ tag: (e.target as Element).tagName, row: e.detail.row, index: e.detail.index }));
    main.selectionModel.hover(small.labelRows[4]!, main);
    const fromScatter = marked();
    main.selectionModel.hover(-1, main);
    const cleared = marked();
    await small.renderComplete;
    const k = Array.from({ length: small.labelCount }, (_, i) => i).find((i) => small.labelBox(i))!;
    const b = small.labelBox(k)!, r = small.getBoundingClientRect();
    small.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: r.left + b.left + b.width / 2, clientY: r.top + b.top + b.height / 2, bubbles: true, composed: true }));
    const fromCloud = marked();
    small.dispatchEvent(new PointerEvent('pointerleave', { pointerId: 1, bubbles: true, composed: true }));
    return { fromScatter, cleared, k, row: small.labelRows[k]!, fromCloud, left: marked(), hovered: main.hovered, details };
  });
  expect(hovered.fromScatter).toEqual([4]);
  expect(hovered.cleared).toEqual([]);
  expect(hovered.fromCloud).toEqual([hovered.k]);
  expect([hovered.left, hovered.hovered]).toEqual([[], -1]);
  expect(hovered.details).toContainEqual({ tag: 'TOKEN-CLOUD', row: hovered.row, index: hovered.k });
  expect(hovered.details).toContainEqual({ tag: 'CLUSTER-SCATTER', row: hovered.row, index: hovered.row });

  // The colour control applies a scheme to all three plots; the big plot draws each row in the scheme's
  // colour of its cluster id and the guess swatches match, as pointColors computes them.
  await page.click('#clear');
  await page.selectOption('#color', 'magma');
  const colour = await page.evaluate(async () => {
    const els = ['#scatter', '#linked'].map((s) => document.querySelector<HTMLElementTagNameMap['cluster-scatter']>(s)!);
    const [main, linked] = els as [HTMLElementTagNameMap['cluster-scatter'], HTMLElementTagNameMap['cluster-scatter']];
    const small = document.querySelector<HTMLElementTagNameMap['token-cloud']>('#sentence-plot')!;
    await small.renderComplete;
    await Promise.all(els.map((el) => el.renderComplete));
    const img = main.readPixels()!;
    const s = img.width / main.clientWidth;
    const samples: [number, number, number, number][] = [];
    for (let i = 0; i < main.pointCount; i += 7) {
      const p = main.pointPosition(i)!;
      const o = 4 * (Math.floor(p.y * s) * img.width + Math.floor(p.x * s)); // the device pixel under the centre
      if (p.x > 1 && p.y > 1 && p.x < main.clientWidth - 1 && p.y < main.clientHeight - 1) samples.push([i, img.data[o]!, img.data[o + 1]!, img.data[o + 2]!]);
    }
    const swatches = [...document.querySelectorAll<HTMLElement>('#sentence-guesses li .swatch')].map((e) => getComputedStyle(e).backgroundColor.match(/\d+/g)!.map(Number));
    return {
      schemes: [...els, small].map((el) => el.colorScheme), cluster: Array.from(main.cluster!), small: Array.from(small.cluster!), samples, swatches,
      linkedLegend: linked.shadowRoot!.querySelectorAll('[part=legend-item]').length, linkedIds: linked.clusterIds.length,
    };
  });
  expect(colour.schemes).toEqual(['magma', 'magma', 'magma']);
  expect(colour.linkedLegend).toBe(colour.linkedIds);
  const magma = resolveColorScheme('magma');
  const expected = pointColors(colour.cluster.length, Int32Array.from(colour.cluster), null, magma).rgba;
  const near = (a: readonly number[], b: readonly number[]) => a.every((v, c) => Math.abs(v - b[c]!) <= 2);
  const hits = colour.samples.filter(([i, r, g, b]) => near([r, g, b], [expected[4 * i]!, expected[4 * i + 1]!, expected[4 * i + 2]!])).length;
  // Overlapping points hide some rows; most sampled rows show their own magma colour.
  expect(colour.samples.length).toBeGreaterThan(100);
  expect(hits / colour.samples.length).toBeGreaterThan(0.5);
  const small = pointColors(colour.small.length, Int32Array.from(colour.small), null, magma).rgba;
  expect(colour.swatches).toEqual(colour.small.map((_, k) => [small[4 * k]!, small[4 * k + 1]!, small[4 * k + 2]!]));
  expect(errors).toEqual([]);
  await page.close();
});
