import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { categoricalColor } from '../src/color/categorical-color.js';
import { sharedContextUsers } from '../src/gl/shared-context.js';
import { SETTLE_MS } from '../src/controllers/lod-controller.js';
import { outlineShade } from '../src/outline/outline-segments.js';
import { FULL_CULL_MIN } from '../src/gl/scatter-layer.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(size: number, setup: (el: ClusterScatter) => void, parent: HTMLElement = document.body): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = `width:${size}px;height:${size}px;display:block`;
  el.pointSize = 8;
  setup(el);
  parent.append(el);
  mounted.push(el);
  await el.renderComplete;
  return el;
}

const rgb = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 3) => Array.from(b).every((v, i) => Math.abs(a[i]! - v) <= tol);

/** RGB under CSS point (x, y) of the element's *visible* canvas (what the page shows). */
function shownAt(el: ClusterScatter, x: number, y: number): number[] {
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const k = canvas.width / el.getBoundingClientRect().width;
  return Array.from(canvas.getContext('2d')!.getImageData(Math.floor(x * k), Math.floor(y * k), 1, 1).data.subarray(0, 3));
}

/** Seeded points in `k` blobs (mulberry32). */
function blobs(n: number, k: number, seed = 7): { positions: Float32Array; cluster: Int32Array } {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const positions = new Float32Array(2 * n), cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    positions[2 * i] = 3 * c + rnd() - 0.5;
    positions[2 * i + 1] = (c % 2) * 3 + rnd() - 0.5;
    cluster[i] = c;
  }
  return { positions, cluster };
}

const nextRender = (el: ClusterScatter) =>
  new Promise<{ pointCount: number; drawnCount: number }>((r) => el.addEventListener('cluster-scatter-render', (e) => r(e.detail), { once: true }));

describe('<cluster-scatter> rendering at scale', () => {
  test('while the camera moves only a budget-sized sample is drawn; all points once it settles', async () => {
    const data = blobs(40_000, 5);
    const el = await mount(120, (el) => Object.assign(el, data, { interactivePoints: 2000, pointSize: 2 }));
    const frame = nextRender(el);
    el.dispatchEvent(new WheelEvent('wheel', { deltaY: 200, clientX: 60, clientY: 60, cancelable: true })); // zoom out
    const moving = await frame;
    expect(moving.pointCount).toBe(40_000);
    expect(moving.drawnCount).toBeGreaterThanOrEqual(2000);
    expect(moving.drawnCount).toBeLessThan(4000);
    const settled = nextRender(el);
    await new Promise((r) => setTimeout(r, SETTLE_MS + 50));
    expect((await settled).drawnCount).toBe(40_000);
    expect(el.layer!.drawnCount).toBe(40_000);
  });

  test('interactive-points="0" draws every point in every frame', async () => {
    const data = blobs(10_000, 3);
    const el = await mount(80, (el) => Object.assign(el, data, { interactivePoints: 0 }));
    const frame = nextRender(el);
    el.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, clientX: 40, clientY: 40, cancelable: true }));
    expect((await frame).drawnCount).toBe(10_000);
  });

  test('the sampled draw order keeps every point pickable and the hover ring on the right point', async () => {
    const data = blobs(3000, 3);
    const el = await mount(100, (el) => Object.assign(el, data, { interactivePoints: 100 }));
    await el.indexReady;
    // Row 2999 is the last row but, in the random draw order, not the last point drawn: its colour still shows.
    el.selectionModel.hover(2999, null);
    await el.renderComplete;
    const p = el.pointPosition(2999)!;
    expect(near(shownAt(el, p.x, p.y), rgb(categoricalColor(data.cluster[2999]!)), 8)).toBe(true);
  });

  test('a zoomed-in settled frame of a culled large set shows every point inside the view, up to its edges', async () => {
    // 80 × 50 lattice (4,000 points, above interactive-points = 500): stored in the chunked grid order and
    // drawn only where grid cells meet the view.
    const x = new Float32Array(4000), y = new Float32Array(4000), cluster = new Int32Array(4000);
    for (let i = 0; i < 4000; i++) [x[i], y[i], cluster[i]] = [i % 80, Math.floor(i / 80), i % 7];
    const el = await mount(100, (el) => Object.assign(el, { x, y, cluster, interactivePoints: 500, pointSize: 4 }));
    el.setView({ centerX: -6.3, centerY: -2.7, pixelsPerUnit: 9 }); // about 11 × 11 lattice cells in view
    await new Promise((r) => setTimeout(r, SETTLE_MS + 50));
    await el.renderComplete;
    expect(el.layer!.drawnCount).toBe(4000);
    let inView = 0;
    for (let i = 0; i < 4000; i++) {
      const p = el.pointPosition(i)!;
      if (p.x < 0.5 || p.y < 0.5 || p.x > 99.5 || p.y > 99.5) continue;
      inView++;
      expect(near(shownAt(el, p.x, p.y), rgb(categoricalColor(cluster[i]!)), 8), `point ${i} at ${p.x}, ${p.y}`).toBe(true);
    }
    expect(inView).toBeGreaterThan(100);
  });

  test('interactive-points="0" on a large set culls to the view yet shows every in-view point, drawing all each frame', async () => {
    // 200 × 100 lattice (20,000 points = FULL_CULL_MIN): stored sorted by grid cell, rows ascending within a cell.
    const n = FULL_CULL_MIN;
    const x = new Float32Array(n), y = new Float32Array(n), cluster = new Int32Array(n);
    for (let i = 0; i < n; i++) [x[i], y[i], cluster[i]] = [i % 200, Math.floor(i / 200), i % 7];
    const el = await mount(100, (el) => Object.assign(el, { x, y, cluster, interactivePoints: 0, pointSize: 4 }));
    const frame = nextRender(el);
    el.setView({ centerX: 31.7, centerY: -12.3, pixelsPerUnit: 9 }); // about 11 × 11 lattice cells in view
    expect((await frame).drawnCount).toBe(n); // no level of detail
    expect(el.layer!.submittedCount).toBeLessThan(n / 4); // but only the cells meeting the view are submitted
    let inView = 0;
    for (let i = 0; i < n; i++) {
      const p = el.pointPosition(i)!;
      if (p.x < 0.5 || p.y < 0.5 || p.x > 99.5 || p.y > 99.5) continue;
      inView++;
      expect(near(shownAt(el, p.x, p.y), rgb(categoricalColor(cluster[i]!)), 8), `point ${i} at ${p.x}, ${p.y}`).toBe(true);
    }
    expect(inView).toBeGreaterThan(100);
  });

  test('20 plots on one page all render their own colours through one shared WebGL context', async () => {
    const grid = document.createElement('div');
    grid.style.cssText = 'display:grid;grid-template-columns:repeat(5,50px);gap:2px';
    document.body.append(grid);
    mounted.push(grid);
    const els: ClusterScatter[] = [];
    for (let k = 0; k < 20; k++) {
      els.push(await mount(50, (el) => Object.assign(el, { x: Float32Array.of(0), y: Float32Array.of(0), cluster: Int32Array.of(k), pointSize: 20 }), grid));
    }
    expect(sharedContextUsers()).toBeGreaterThanOrEqual(20);
    await Promise.all(els.map((el) => el.renderComplete));
    els.forEach((el, k) => {
      expect(near(shownAt(el, 25, 25), rgb(categoricalColor(k))), `plot ${k}`).toBe(true);
      expect(near(shownAt(el, 2, 2), [255, 255, 255]), `plot ${k} background`).toBe(true);
    });
    expect(els[0]!.layer!.renderer.gl.isContextLost()).toBe(false);
    for (const el of els) el.remove();
    expect(sharedContextUsers()).toBe(0);
  });

  test('toPNG({scale}) encodes scale × the CSS size with the points drawn', async () => {
    const el = await mount(40, (el) => Object.assign(el, { x: Float32Array.of(0), y: Float32Array.of(0), cluster: Int32Array.of(4) }));
    const blob = await el.toPNG({ scale: 3 });
    expect(blob.type).toBe('image/png');
    const img = await createImageBitmap(blob);
    expect([img.width, img.height]).toEqual([120, 120]);
    const c = new OffscreenCanvas(120, 120).getContext('2d')!;
    c.drawImage(img, 0, 0);
    expect(near(c.getImageData(60, 60, 1, 1).data, rgb(categoricalColor(4)))).toBe(true);
    expect(near(c.getImageData(60 + 3 * 4 - 4, 60, 1, 1).data, rgb(categoricalColor(4)))).toBe(true); // radius scaled: 4 CSS px = 12 px
    expect(near(c.getImageData(2, 2, 1, 1).data, [255, 255, 255])).toBe(true);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas.width).toBe(Math.round(40 * devicePixelRatio)); // the plot itself is back at its own size
    await expect(el.toPNG({ scale: 0 })).rejects.toThrow(/scale/);
  });

  test('two points 1e-4 apart at ~1e4 from the data centre land on distinct pixels when zoomed in', async () => {
    const x = Float64Array.of(0, 1e4, 1e4 + 1e-4), y = Float64Array.of(0, 1e4, 1e4);
    const el = await mount(100, (el) => Object.assign(el, { x, y, cluster: Int32Array.of(0, 1, 2), pointSize: 4 }));
    const centre = (1e4 + 1e4 + 1e-4) / 2 - (0 + 1e4 + 1e-4) / 2; // the pair's midpoint, relative to the data centre
    el.setView({ centerX: centre, centerY: 1e4 - 5e3, pixelsPerUnit: 1e5 }); // 1e-4 data units = 10 CSS px
    await el.renderComplete;
    const a = el.pointPosition(1)!, b = el.pointPosition(2)!;
    expect(b.x - a.x).toBeCloseTo(10, 3);
    expect(near(shownAt(el, a.x, a.y), rgb(categoricalColor(1)))).toBe(true);
    expect(near(shownAt(el, b.x, b.y), rgb(categoricalColor(2)))).toBe(true);
    expect(near(shownAt(el, (a.x + b.x) / 2, a.y), [255, 255, 255])).toBe(true);
  });

  test('outlines draws given polygons as lines in a darker shade of the cluster colour', async () => {
    const x = Float32Array.of(0, 1, 0, 1), y = Float32Array.of(0, 0, 1, 1);
    const ring = Float32Array.of(0.25, 0.25, 0.75, 0.25, 0.75, 0.75, 0.25, 0.75);
    const el = await mount(100, (el) => Object.assign(el, { x, y, cluster: Int32Array.of(3, 3, 3, 3), pointSize: 4, outlines: [{ clusterId: 3, rings: [ring] }] }));
    const a = el.pointPosition(0)!, b = el.pointPosition(3)!; // (0,0) and (1,1) on screen
    const at = (fx: number, fy: number) => [a.x + fx * (b.x - a.x), a.y + fy * (b.y - a.y)] as const;
    const hit = (fx: number, fy: number) => {
      const [sx, sy] = at(fx, fy);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) if (near(shownAt(el, sx + dx, sy + dy), rgb(categoricalColor(3)).map(outlineShade), 6)) return true;
      return false;
    };
    expect(hit(0.5, 0.25)).toBe(true); // bottom edge
    expect(hit(0.75, 0.5)).toBe(true); // right edge
    expect(near(shownAt(el, ...at(0.5, 0.5)), [255, 255, 255])).toBe(true); // inside is empty
    el.outlines = [{ clusterId: 3, rings: [Float32Array.of(1, 2, 3)] }];
    await el.renderComplete;
    expect(el.error?.message).toMatch(/outlines\[0\]\.rings\[0\]/);
  });

  test('outlines="auto" outlines each cluster\'s dense core, not its far outliers', async () => {
    const data = blobs(4000, 2);
    const positions = data.positions.slice();
    positions[0] = -3; // one outlier of cluster 0, far left of its blob
    const el = await mount(160, (el) => {
      el.setAttribute('outlines', 'auto');
      Object.assign(el, { positions, cluster: data.cluster, pointSize: 1 });
    });
    expect(el.outlines).toBe('auto');
    const centre0 = el.pointPosition(2)!; // a cluster-0 point near its blob
    const outlier = el.pointPosition(0)!;
    const row = (y: number, x0: number, x1: number, c: number) => {
      let hits = 0;
      for (let x = Math.floor(x0); x < x1; x++) if (near(shownAt(el, x, y), rgb(categoricalColor(c)).map(outlineShade), 6)) hits++;
      return hits;
    };
    expect(el.error).toBeNull();
    // Some outline pixels of cluster 0 exist, and none between the outlier and the blob.
    expect(row(centre0.y, 0, 160, 0)).toBeGreaterThan(0);
    expect(row(outlier.y, outlier.x + 3, outlier.x + (centre0.x - outlier.x) / 2, 0)).toBe(0);
  });
});
