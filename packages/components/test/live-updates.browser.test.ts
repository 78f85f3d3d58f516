import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { categoricalColor } from '../src/color/categorical-color.js';
import type { SelectionController } from '../src/controllers/selection-controller.js';
import { autoOutlines } from '../src/outline/auto-outlines.js';
import { outlineShade } from '../src/outline/outline-segments.js';
import { buildGridIndexAsync } from '../src/pick/build-grid-index.js';
import { observingWorkers } from './observing-workers.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const rgb = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 6) => Array.from(b).every((v, i) => Math.abs(a[i]! - v) <= tol);
const LINE = rgb(categoricalColor(3)).map(outlineShade);
type Image = { width: number; height: number; data: ArrayLike<number> };
const pixel = (img: Image, x: number, y: number) => Array.from({ length: 3 }, (_, c) => img.data[4 * (y * img.width + x) + c]!);
const frames = (k = 2) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(k);
});
const until = (ok: () => boolean) => new Promise<void>((resolve) => {
  const wait = () => (ok() ? resolve() : setTimeout(wait, 20));
  wait();
});
const picking = (el: ClusterScatter) => (el as unknown as { picking: SelectionController }).picking;

async function mount(setup: (el: ClusterScatter) => void, css = 'width:100px;height:100px;display:block'): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = css;
  setup(el);
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  return el;
}

/** Device pixel of data point (x, y), from the element's own mapping of rows a and b (which differ in x and y). */
function toPixel(el: ClusterScatter, x: number, y: number, dpr: number, a: [number, number, number], b: [number, number, number]): [number, number] {
  const pa = el.pointPosition(a[0])!, pb = el.pointPosition(b[0])!;
  const fx = (x - a[1]) / (b[1] - a[1]), fy = (y - a[2]) / (b[2] - a[2]);
  return [Math.floor(dpr * (pa.x + fx * (pb.x - pa.x))), Math.floor(dpr * (pa.y + fy * (pb.y - pa.y)))];
}

describe('updatePositions keeps outlines at their data coordinates', () => {
  const ring = Float32Array.of(0.25, 0.25, 0.75, 0.25, 0.75, 0.75, 0.25, 0.75);
  const setup = (el: ClusterScatter) => {
    Object.assign(el, { x: Float32Array.of(0, 1, 0, 1), y: Float32Array.of(0, 0, 1, 1), cluster: Int32Array.of(3, 3, 3, 3), pointSize: 1 });
    el.outlines = [{ clusterId: 3, rings: [ring] }];
  };

  test('updatePositions with every x doubled (new data centre) draws the given box where its data coordinates now are', async () => {
    const el = await mount(setup);
    el.updatePositions(Float32Array.of(0, 0, 2, 0, 0, 1, 2, 1));
    await el.renderComplete;
    const img = el.readPixels()!;
    const dpr = img.width / 100;
    const px = (x: number, y: number) => pixel(img, ...toPixel(el, x, y, dpr, [0, 0, 0], [3, 2, 1]));
    expect(near(px(0.5, 0.25), LINE), 'bottom edge middle').toBe(true);
    expect(near(px(0.25, 0.5), LINE), 'left edge middle').toBe(true);
    expect(near(px(1.0, 0.25), LINE), 'where the old-centre box would be').toBe(false);
  });

  test('updatePositions with every x + 10 under a user view leaves the given box on the same pixels', async () => {
    const el = await mount(setup);
    el.setView({ ...el.view }); // a user view: the same data region stays in view
    await el.renderComplete;
    const before = el.readPixels()!;
    const dpr = before.width / 100;
    const [bx, by] = toPixel(el, 0.5, 0.25, dpr, [0, 0, 0], [3, 1, 1]);
    expect(near(pixel(before, bx, by), LINE)).toBe(true);
    el.updatePositions(Float32Array.of(10, 0, 11, 0, 10, 1, 11, 1));
    await el.renderComplete;
    const after = el.readPixels()!;
    expect(near(pixel(after, bx, by), LINE), 'box still at data (0.5, 0.25)').toBe(true);
  });

  test('updatePositions with outlines="auto" recomputes the hulls for the latest positions (synchronous and Worker paths)', async () => {
    let s = 5;
    const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
    const n = 1500;
    const base = Float32Array.from({ length: 2 * n }, (_, k) => rnd() + (k % 2 === 0 && (k >> 1) % 2 ? 3 : 0));
    const cluster = Int32Array.from({ length: n }, (_, i) => i % 2);
    for (const threshold of [1_000_000, 1000]) {
      const el = await mount((el) => {
        el.setAttribute('outlines', 'auto');
        el.outlineJob.workerThreshold = threshold;
        Object.assign(el, { positions: base, cluster, pointSize: 1 });
      }, 'width:120px;height:80px;display:block');
      await until(() => el._autoOutlines !== null);
      const jobs0 = el.outlineJob.workerJobs;
      await observingWorkers(async (created) => {
        let last = base;
        for (let k = 1; k <= 5; k++) {
          last = base.map((v, j) => (j % 2 === 0 ? v * (1 + k / 10) : v + k));
          el.updatePositions(last);
        }
        const expected = () => {
          const p = el.points;
          return autoOutlines(p.rel, el.summary.rank, el.colors.clusterIds, p.centerX, p.centerY).map((o) => Array.from(o.rings[0]!));
        };
        await until(() => !el.outlineJob.pending && JSON.stringify(el._autoOutlines!.map((o) => Array.from(o.rings[0]!))) === JSON.stringify(expected()));
        await frames(2);
        expect(el.outlineJob.pending).toBe(false);
        // Coalesced: five moves in one task → one job with the latest positions (Worker path), none left over.
        expect(el.outlineJob.workerJobs - jobs0).toBe(threshold === 1000 ? 1 : 0);
        expect(created.filter((u) => /auto-outlines\.worker/.test(u))).toHaveLength(0); // the element's warm Worker is reused
      });
      el.remove();
    }
  });
});

describe('picking index during live layouts', () => {
  test('buildGridIndexAsync with an already aborted signal rejects with AbortError and constructs no Worker', async () => {
    await observingWorkers(async (created) => {
      const controller = new AbortController();
      controller.abort();
      await expect(buildGridIndexAsync(new Float32Array(2 * 60_000), { workerThreshold: 0 }, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
      await expect(buildGridIndexAsync(new Float32Array(20), {}, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
      expect(created).toHaveLength(0);
    });
  });

  test('streaming updatePositions at 60k points keeps one index build at a time and answers hover from the previous index', async () => {
    const n = 60_000, w = 300;
    const lattice = (k: number) => Float32Array.from({ length: 2 * n }, (_, j) => (j % 2 === 0 ? ((j >> 1) % w) * (1 + k / 10) : Math.floor((j >> 1) / w)));
    const el = await mount((el) => Object.assign(el, { positions: lattice(0), pointSize: 1 }));
    await el.indexReady;
    const pick = picking(el);
    const row = 12_345;
    const still = 20 * w + 150; // column 150: relative x = 0.5·(1 + k/10), within 0.3 of any earlier lattice
    await observingWorkers(async (created) => {
      for (let k = 1; k <= 6; k++) {
        el.updatePositions(lattice(k));
        const { rel } = el.points;
        // Never empty while streaming: the previous index answers (positions may be slightly stale).
        expect(pick.nearest(rel[2 * still]!, rel[2 * still + 1]!, 0.45), `move ${k}`).toBe(still);
        await new Promise((r) => setTimeout(r, 0));
      }
      await el.indexReady;
      expect(pick.building).toBe(false);
      expect(created.filter((u) => /grid-index\.worker/.test(u)).length).toBeLessThanOrEqual(3);
    });
    const { rel } = el.points;
    expect(pick.nearest(rel[2 * row]!, rel[2 * row + 1]!, 0.3)).toBe(row); // the latest positions won
  });
});
