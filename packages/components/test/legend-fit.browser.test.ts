import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/** A 20×20 lattice filling [0, 1]², 8 clusters (ids 0…7 by column band), in a 400×300 plot. */
async function mount(legend: boolean): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = 'width:400px;height:300px;position:fixed;left:0;top:0';
  const n = 400;
  const x = new Float32Array(n), y = new Float32Array(n), cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) [x[i], y[i], cluster[i]] = [(i % 20) / 19, Math.floor(i / 20) / 19, Math.floor((i % 20) / 2.5)];
  Object.assign(el, { x, y, cluster, pointSize: 6, legend });
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  await el.updateComplete;
  await el.renderComplete;
  return el;
}

describe('<cluster-scatter legend> fit', () => {
  test('with a legend, the fitted view keeps every point left of the legend panel; without one the data is centred', async () => {
    const plain = await mount(false);
    const xs = (el: ClusterScatter) => Array.from({ length: 400 }, (_, i) => el.pointPosition(i)!.x);
    const plainXs = xs(plain);
    expect(Math.abs((Math.min(...plainXs) + Math.max(...plainXs)) / 2 - 200)).toBeLessThan(1);
    plain.remove();

    const el = await mount(true);
    const legend = el.renderRoot.querySelector<HTMLElement>('[part="legend"]')!;
    const legendLeft = legend.getBoundingClientRect().left - el.getBoundingClientRect().left;
    expect(legendLeft).toBeGreaterThan(200); // the legend sits on the right, narrower than half the plot
    expect(Math.max(...xs(el)) + el.pointSize / 2).toBeLessThanOrEqual(legendLeft);
    expect(Math.min(...xs(el))).toBeGreaterThanOrEqual(0);
    // Refitting (keyboard `0`) after a zoom returns to the same legend-aware view.
    const fitted = el.view;
    el.setView({ ...fitted, pixelsPerUnit: fitted.pixelsPerUnit * 3 });
    el.resetView();
    await el.renderComplete;
    expect(el.view.centerX).toBeCloseTo(fitted.centerX, 9);
    expect(el.view.pixelsPerUnit).toBeCloseTo(fitted.pixelsPerUnit, 9);
  });
});
