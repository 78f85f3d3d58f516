import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { categoricalColor } from '../src/color/categorical-color.js';
import { outlineShade } from '../src/outline/outline-segments.js';
import { autoOutlines } from '../src/outline/auto-outlines.js';
import { autoOutlinesAsync } from '../src/outline/auto-outlines-async.js';
import { OutlineWorker } from '../src/outline/outline-worker.js';
import type { ClusterOutline } from '../src/outline/cluster-outline.js';
import { observingWorkers } from './observing-workers.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const rgb = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 6) => Array.from(b).every((v, i) => Math.abs(a[i]! - v) <= tol);
const LINE = rgb(categoricalColor(3)).map(outlineShade);

/** Four cluster-3 points at the unit square's corners and one ring: the box [0.25, 0.75]². */
async function square(setup: (el: ClusterScatter) => void = () => {}): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = 'width:100px;height:100px;display:block';
  const ring = Float32Array.of(0.25, 0.25, 0.75, 0.25, 0.75, 0.75, 0.25, 0.75);
  Object.assign(el, { x: Float32Array.of(0, 1, 0, 1), y: Float32Array.of(0, 0, 1, 1), cluster: Int32Array.of(3, 3, 3, 3), pointSize: 1 });
  el.outlines = [{ clusterId: 3, rings: [ring] }];
  setup(el);
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  return el;
}

/** An RGBA image (rows from the top) with a pixel reader. */
type Image = { width: number; height: number; data: ArrayLike<number> };
const pixel = (img: Image, x: number, y: number) => Array.from({ length: 3 }, (_, c) => img.data[4 * (y * img.width + x) + c]!);

/** Pixels of `color` in column x between rows y0 and y1. */
function countColumn(img: Image, x: number, y0: number, y1: number, color: number[]): number {
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) if (near(pixel(img, x, y), color)) n++;
  return n;
}

/** Device-pixel position of data point (fx, fy) of the unit square, from the element's own mapping. */
function at(el: ClusterScatter, fx: number, fy: number, k: number): [number, number] {
  const a = el.pointPosition(0)!, b = el.pointPosition(3)!;
  return [Math.floor(k * (a.x + fx * (b.x - a.x))), Math.floor(k * (a.y + fy * (b.y - a.y)))];
}

describe('<cluster-scatter> outlines as thick lines', () => {
  test('outline-width sets the line width in CSS px × devicePixelRatio across a horizontal edge', async () => {
    const el = await square();
    const dpr = el.readPixels()!.width / 100;
    for (const width of [1, 2, 5]) {
      el.outlineWidth = width;
      await el.renderComplete;
      const img = el.readPixels()!;
      const [x, y] = at(el, 0.5, 0.25, dpr); // middle of the bottom edge
      expect(countColumn(img, x, y - 12, y + 12, LINE), `width ${width}`).toBe(Math.round(width * dpr));
    }
    expect(el.outlineWidth).toBe(5);
    el.setAttribute('outline-width', '0');
    await el.renderComplete;
    const [x, y] = at(el, 0.5, 0.25, dpr);
    expect(countColumn(el.readPixels()!, x, y - 12, y + 12, LINE)).toBe(0); // 0 hides the outlines
    el.setAttribute('outline-width', '-1');
    await el.renderComplete;
    expect(el.error?.message).toMatch(/outline-width/);
  });

  test('a ring is closed (its last-to-first edge is drawn) with round joins filling the outer corners', async () => {
    const el = await square((el) => (el.outlineWidth = 16));
    const img = el.readPixels()!;
    const k = img.width / 100;
    for (const [fx, fy] of [[0.5, 0.25], [0.75, 0.5], [0.5, 0.75], [0.25, 0.5]] as const) {
      const [x, y] = at(el, fx, fy, k);
      expect(near(pixel(img, x, y), LINE), `edge at ${fx}, ${fy}`).toBe(true);
    }
    // Outer corner at (0.25, 0.25), bottom-left on screen (outward = −x, +y), half width 8 px: the pixel whose centre
    // is within ±0.5 px of (−o, +o) from the vertex. o = 2: inside the round join (butt ends leave it empty);
    // o = 6.9: ≥ 9 px from the vertex, outside the join, though inside the square that square ends would fill.
    const a = el.pointPosition(0)!, b = el.pointPosition(3)!;
    const vx = k * (a.x + 0.25 * (b.x - a.x)), vy = k * (a.y + 0.25 * (b.y - a.y));
    const out = (o: number) => pixel(img, Math.round(vx - o * k - 0.5), Math.round(vy + o * k - 0.5));
    expect(near(out(2), LINE)).toBe(true);
    expect(near(out(6.9), [255, 255, 255])).toBe(true);
    expect(near(pixel(img, ...at(el, 0.5, 0.5, k)), [255, 255, 255])).toBe(true); // the inside stays empty
  });

  test('--cluster-scatter-outline draws every outline in that colour', async () => {
    const el = await square((el) => el.style.setProperty('--cluster-scatter-outline', 'rgb(200, 0, 100)'));
    const img = el.readPixels()!;
    expect(near(pixel(img, ...at(el, 0.5, 0.25, img.width / 100)), [200, 0, 100])).toBe(true);
  });

  test('toPNG({scale: 2}) doubles the outline width', async () => {
    const el = await square((el) => (el.outlineWidth = 3));
    const widthIn = async (scale: number) => {
      const bitmap = await createImageBitmap(await el.toPNG({ scale }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      c.drawImage(bitmap, 0, 0);
      const img = c.getImageData(0, 0, bitmap.width, bitmap.height);
      const [x, y] = at(el, 0.5, 0.25, scale);
      return countColumn(img, x, y - 20, y + 20, LINE);
    };
    expect(await widthIn(1)).toBe(3);
    expect(await widthIn(2)).toBe(6);
  });
});

/** Seeded points in `k` round blobs (mulberry32). */
function blobs(n: number, k: number, seed = 5): { rel: Float32Array; rank: Float32Array; cluster: Int32Array } {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rel = new Float32Array(2 * n), rank = new Float32Array(n), cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k, r = Math.sqrt(rnd()), t = 2 * Math.PI * rnd();
    rel[2 * i] = 4 * c + r * Math.cos(t);
    rel[2 * i + 1] = r * Math.sin(t);
    rank[i] = c;
    cluster[i] = c;
  }
  return { rel, rank, cluster };
}

describe('outlines="auto" off the main thread', () => {
  test('autoOutlinesAsync(..., {workerThreshold: 0}) computes in a module Worker the same rings as autoOutlines, inputs intact', async () => {
    const { rel, rank } = blobs(6000, 3);
    const ids = Int32Array.of(10, 20, 30);
    const before = rel.slice();
    await observingWorkers(async (created) => {
      const outlines = await autoOutlinesAsync(rel, rank, ids, 5, -2, { workerThreshold: 0 });
      expect(created).toHaveLength(1);
      expect(created[0]).toMatch(/auto-outlines\.worker/);
      const sync = autoOutlines(rel, rank, ids, 5, -2);
      expect(outlines.map((o) => o.clusterId)).toEqual([10, 20, 30]);
      expect(outlines.map((o) => o.rings.map((r) => Array.from(r)))).toEqual(sync.map((o) => o.rings.map((r) => Array.from(r))));
    });
    expect(rel).toEqual(before); // neither mutated nor detached
    expect(rank.length).toBe(6000);
  });

  test('autoOutlinesAsync rejects with AbortError when its signal aborts', async () => {
    const { rel, rank } = blobs(30_000, 4);
    const controller = new AbortController();
    const pending = autoOutlinesAsync(rel, rank, Int32Array.of(0, 1, 2, 3), 0, 0, { workerThreshold: 0 }, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('OutlineWorker.run reuses one warm Worker for consecutive jobs; an abort terminates it and the next run starts another', async () => {
    const a = blobs(6000, 3), b = blobs(5000, 2, 11);
    const worker = new OutlineWorker();
    await observingWorkers(async (created) => {
      const rings = (o: readonly ClusterOutline[]) => o.map((x) => x.rings.map((r) => Array.from(r)));
      const first = await worker.run(a.rel, a.rank, Int32Array.of(0, 1, 2), 1, 2);
      const second = await worker.run(b.rel, b.rank, Int32Array.of(7, 8), 0, 0);
      expect(created.filter((u) => /auto-outlines\.worker/.test(u))).toHaveLength(1);
      expect(rings(first)).toEqual(rings(autoOutlines(a.rel, a.rank, Int32Array.of(0, 1, 2), 1, 2)));
      expect(rings(second)).toEqual(rings(autoOutlines(b.rel, b.rank, Int32Array.of(7, 8), 0, 0)));
      expect(worker.busy).toBe(false);
      const controller = new AbortController();
      const aborted = worker.run(a.rel, a.rank, Int32Array.of(0, 1, 2), 0, 0, {}, controller.signal);
      expect(worker.busy).toBe(true);
      controller.abort();
      await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
      expect(worker.busy).toBe(false);
      const third = await worker.run(b.rel, b.rank, Int32Array.of(7, 8), 0, 0);
      expect(rings(third)).toEqual(rings(second));
      expect(created.filter((u) => /auto-outlines\.worker/.test(u))).toHaveLength(2);
      expect(created).not.toContain('load error');
      const pending = worker.run(a.rel, a.rank, Int32Array.of(0, 1, 2), 0, 0);
      worker.dispose(); // a running job is rejected, not left pending
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    });
    expect(a.rel.length).toBe(12_000); // inputs not detached
  });

  test('<cluster-scatter outlines="auto"> above the threshold draws the Worker\'s hulls once they arrive, and drops a stale job on new data', async () => {
    const { rel, cluster } = blobs(3000, 2);
    const el = document.createElement('cluster-scatter');
    el.style.cssText = 'width:120px;height:80px;display:block';
    el.setAttribute('outlines', 'auto');
    el.outlineJob.workerThreshold = 1000;
    Object.assign(el, { positions: rel, cluster, pointSize: 1 });
    await observingWorkers(async (created) => {
      document.body.append(el);
      mounted.push(el);
      await el.updateComplete;
      expect(el.outlineJob.pending).toBe(true);
      expect(el._autoOutlines).toBeNull();
      el.positions = rel.map((v) => v * 2); // new data while the first job runs: it is aborted
      await el.updateComplete;
      await new Promise<void>((resolve) => {
        const wait = () => (el._autoOutlines ? resolve() : setTimeout(wait, 20));
        wait();
      });
      expect(created.filter((u) => /auto-outlines\.worker/.test(u))).toHaveLength(2);
      expect(created).not.toContain('load error');
    });
    await el.renderComplete;
    const p = el.points;
    const sync = autoOutlines(p.rel, el.summary.rank, el.colors.clusterIds, p.centerX, p.centerY);
    expect(el._autoOutlines!.map((o) => Array.from(o.rings[0]!))).toEqual(sync.map((o) => Array.from(o.rings[0]!)));
    expect(el.outlineSegments.xy.length).toBeGreaterThan(0);
    // The outline shows on screen: some pixels in cluster 0's outline shade.
    const img = el.readPixels()!;
    const shade = rgb(categoricalColor(0)).map(outlineShade);
    let hits = 0;
    for (let o = 0; o < img.data.length; o += 4) if (near(img.data.subarray(o, o + 3), shade, 4)) hits++;
    expect(hits).toBeGreaterThan(10);
    expect(el.error).toBeNull();
  });

  test('disconnecting <cluster-scatter outlines="auto"> abandons a pending Worker job; reconnecting computes the hulls again', async () => {
    const { rel, cluster } = blobs(3000, 2, 9);
    const el = document.createElement('cluster-scatter');
    el.style.cssText = 'width:120px;height:80px;display:block';
    el.setAttribute('outlines', 'auto');
    el.outlineJob.workerThreshold = 1000;
    Object.assign(el, { positions: rel, cluster, pointSize: 1 });
    document.body.append(el);
    mounted.push(el);
    await el.updateComplete;
    expect(el.outlineJob.pending).toBe(true);
    el.remove();
    expect(el.outlineJob.pending).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(el._autoOutlines).toBeNull(); // the aborted job delivered nothing
    document.body.append(el);
    await el.updateComplete;
    await new Promise<void>((resolve) => {
      const wait = () => (el._autoOutlines ? resolve() : setTimeout(wait, 20));
      wait();
    });
    expect(el._autoOutlines!.map((o) => o.clusterId)).toEqual([0, 1]);
  });
});
