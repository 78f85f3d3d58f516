import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { categoricalColor } from '../src/color/categorical-color.js';
import { createSelectionModel } from '../src/selection/selection-model.js';
import { mountScatter } from './mount-scatter.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const rgb = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
const dimmed = (c: number, alpha = 0.15) => rgb(c).map((v) => Math.round(alpha * v + (1 - alpha) * 255));
const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 3) => Array.from(b).every((v, i) => Math.abs(a[i]! - v) <= tol);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 3×3 lattice, cluster = row (ids 4, 5, 6), tokens t0…t8. */
async function mount(setup: (el: ClusterScatter) => void = () => {}, left = 0): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = `width:120px;height:120px;position:fixed;left:${left}px;top:0`;
  const x = new Float32Array(9), y = new Float32Array(9), cluster = new Int32Array(9);
  for (let i = 0; i < 9; i++) [x[i], y[i], cluster[i]] = [i % 3, Math.floor(i / 3), 4 + Math.floor(i / 3)];
  Object.assign(el, { x, y, cluster, pointSize: 12, tokens: Array.from({ length: 9 }, (_, i) => `t${i}`) });
  return mountScatter(el, setup, mounted);
}

function hoverAt(el: ClusterScatter, i: number): void {
  const p = el.pointPosition(i)!;
  const rect = el.getBoundingClientRect();
  el.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: rect.left + p.x, clientY: rect.top + p.y, bubbles: true, composed: true }));
}

function rgbAt(el: ClusterScatter, i: number): number[] {
  const img = el.readPixels()!;
  const k = img.width / 120;
  const p = el.pointPosition(i)!;
  const o = 4 * (Math.floor(p.y * k) * img.width + Math.floor(p.x * k));
  return Array.from(img.data.subarray(o, o + 3));
}

const live = (el: ClusterScatter) => el.shadowRoot!.querySelector('[part=live]')!.textContent!.trim();

describe('<cluster-scatter> accessibility', () => {
  test('the host has role application, a scatter-plot role description, a label and a description summarising the plot', async () => {
    const el = await mount((el) => el.setAttribute('legend', ''));
    expect(el.getAttribute('role')).toBe('application');
    expect(el.getAttribute('aria-roledescription')).toBe('scatter plot');
    expect(el.getAttribute('aria-label')).toBe('Scatter plot of 9 points in 3 clusters');
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const summary = el.shadowRoot!.getElementById(canvas.getAttribute('aria-describedby')!)!;
    expect(summary.textContent).toBe(el.getAttribute('aria-description'));
    expect(summary.textContent).toMatch(/9 points in 3 clusters\. Colour: categorical by cluster\. 0 points selected\. No clusters hidden\. Arrow keys pan/);
    el.select([0, 4]);
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=legend-item]')[1]!.click(); // hide cluster 5
    await el.renderComplete;
    expect(summary.textContent).toMatch(/2 points selected\. Hidden clusters: 5\./);
    el.colorScheme = 'viridis';
    await el.renderComplete;
    expect(summary.textContent).toMatch(/Colour: Viridis scale of cluster id from 4 to 6\./);
  });

  test('an author-set role and aria-label are kept', async () => {
    const el = await mount((el) => {
      el.setAttribute('role', 'group');
      el.setAttribute('aria-label', 'PCA of tokens');
    });
    el.x = Float32Array.of(0, 1);
    el.y = Float32Array.of(0, 1);
    el.cluster = Int32Array.of(0, 1);
    await el.renderComplete;
    expect(el.getAttribute('role')).toBe('group');
    expect(el.getAttribute('aria-label')).toBe('PCA of tokens');
  });

  test('hover announcements wait until the pointer rests 300 ms and only the plot under the pointer announces', async () => {
    const model = createSelectionModel();
    const a = await mount((el) => (el.selectionModel = model));
    const b = await mount((el) => (el.selectionModel = model), 130);
    hoverAt(a, 0);
    await sleep(100);
    hoverAt(a, 1);
    await sleep(100);
    hoverAt(a, 2);
    await a.updateComplete;
    expect(live(a)).toBe(''); // nothing announced while moving
    await sleep(350);
    await a.updateComplete;
    await b.updateComplete;
    expect(live(a)).toMatch(/^t2, cluster 4$/);
    expect(b.hovered).toBe(2); // linked: the other view shows the hover…
    expect(live(b)).toBe(''); // …but does not announce it again
  });
});

describe('<cluster-scatter hover-dim>', () => {
  test('hovering a point dims the other clusters; moving within its cluster only composites, a new cluster redraws once', async () => {
    const el = await mount();
    expect(el.hoverDim).toBe('auto'); // a small plot: 'auto' dims
    hoverAt(el, 0); // cluster 4
    await el.renderComplete;
    expect(near(rgbAt(el, 1), rgb(categoricalColor(4)))).toBe(true); // same cluster: full colour
    expect(near(rgbAt(el, 4), dimmed(categoricalColor(5)))).toBe(true); // other clusters dimmed
    expect(near(rgbAt(el, 8), dimmed(categoricalColor(6)))).toBe(true);
    const layer = el.layer!;
    const frames = layer.pointFrames;
    hoverAt(el, 2); // same cluster
    await el.renderComplete;
    expect(el.hovered).toBe(2);
    expect(layer.pointFrames).toBe(frames);
    expect(layer.lastFrameKind).toBe('composite');
    hoverAt(el, 4); // cluster 5
    await el.renderComplete;
    expect(layer.pointFrames).toBe(frames + 1);
    expect(near(rgbAt(el, 0), dimmed(categoricalColor(4)))).toBe(true);
    el.dispatchEvent(new PointerEvent('pointerleave', { pointerId: 1, bubbles: true, composed: true }));
    await el.renderComplete;
    expect(near(rgbAt(el, 0), rgb(categoricalColor(4)))).toBe(true); // nothing hovered: nothing dimmed
  });

  test('hover-dim="off" leaves the other clusters at full colour', async () => {
    const el = await mount((el) => el.setAttribute('hover-dim', 'off'));
    expect(el.hoverDim).toBe(false);
    hoverAt(el, 0);
    await el.renderComplete;
    expect(el.hovered).toBe(0);
    expect(near(rgbAt(el, 4), rgb(categoricalColor(5)))).toBe(true);
    el.removeAttribute('hover-dim');
    await el.renderComplete;
    expect(el.hoverDim).toBe('auto');
    expect(near(rgbAt(el, 4), dimmed(categoricalColor(5)))).toBe(true);
  });

  test("hover-dim 'auto' keeps hover to the ring above interactive-points (no full redraw per cluster); hover-dim=\"on\" dims anyway", async () => {
    const el = await mount((el) => el.setAttribute('interactive-points', '2'));
    expect(el.pointCount).toBeGreaterThan(2);
    hoverAt(el, 0);
    await el.renderComplete;
    expect(el.hovered).toBe(0);
    expect(near(rgbAt(el, 4), rgb(categoricalColor(5)))).toBe(true);
    const frames = el.layer!.pointFrames;
    hoverAt(el, 4); // another cluster: still only the overlay changes
    await el.renderComplete;
    expect(el.layer!.pointFrames).toBe(frames);
    el.setAttribute('hover-dim', 'on');
    await el.renderComplete;
    expect(el.hoverDim).toBe(true);
    expect(near(rgbAt(el, 0), dimmed(categoricalColor(4)))).toBe(true);
  });
});
