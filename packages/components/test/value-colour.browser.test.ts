import { tableFromArrays } from 'apache-arrow';
import { interpolateViridis } from 'd3-scale-chromatic';
import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { parseRgb } from '../src/color/parse-rgb.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const rgbOf = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 4) => Array.from(b).every((v, i) => Math.abs(a[i]! - v) <= tol);
function rgbAt(el: ClusterScatter, row: number): number[] {
  const img = el.readPixels()!;
  const dpr = img.width / 80;
  const p = el.pointPosition(row)!;
  const o = 4 * (Math.floor(p.y * dpr) * img.width + Math.floor(p.x * dpr));
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
}

/** Three points of one cluster with values 10, 20, 30 in an Arrow table. */
async function plot(setup: (el: ClusterScatter) => void): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = 'width:80px;height:80px;display:block';
  el.data = tableFromArrays({ x: Float32Array.of(0, 1, 2), y: Float32Array.of(0, 1, 0), cluster_id: Int32Array.of(4, 4, 4), score: Float64Array.of(10, 20, 30) });
  el.pointSize = 8;
  el.legend = true;
  setup(el);
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  return el;
}

describe('<cluster-scatter value-column>', () => {
  test('value-column="score" with color-scheme="viridis" colours each point by its value (min → viridis(0), max → viridis(1))', async () => {
    const el = await plot((el) => {
      el.setAttribute('value-column', 'score');
      el.setAttribute('color-scheme', 'viridis');
    });
    expect(el.valueColumn).toBe('score');
    expect(el.error).toBeNull();
    expect(near(rgbAt(el, 0), rgbOf(parseRgb(interpolateViridis(0))))).toBe(true);
    expect(near(rgbAt(el, 1), rgbOf(parseRgb(interpolateViridis(0.5))), 6)).toBe(true);
    expect(near(rgbAt(el, 2), rgbOf(parseRgb(interpolateViridis(1))))).toBe(true);
  });

  test('with value colouring the legend shows a min→max ramp with the value range as text and no per-cluster swatches', async () => {
    const el = await plot((el) => {
      el.setAttribute('value-column', 'score');
      el.setAttribute('color-scheme', 'viridis');
    });
    const root = el.shadowRoot!;
    const ramp = root.querySelector('[part=legend-ramp]')!;
    expect(ramp).not.toBeNull();
    expect(root.querySelector('[part=legend-min]')!.textContent).toBe('10');
    expect(root.querySelector('[part=legend-max]')!.textContent).toBe('30');
    expect(root.querySelector('[part=legend-ramp-label]')!.textContent).toBe('score');
    expect(ramp.getAttribute('aria-label')).toBe('score: 10 to 30, Viridis colour scale');
    const bar = getComputedStyle(root.querySelector('[part=legend-ramp-bar]')!).backgroundImage;
    expect(bar).toMatch(/^linear-gradient/);
    expect(bar).toContain(`rgb(${rgbOf(parseRgb(interpolateViridis(0))).join(', ')})`);
    expect(root.querySelector('[part=legend-swatch]')).toBeNull(); // a cluster's points have many colours
    expect(root.querySelector('[part=legend-item]')!.textContent).toMatch(/cluster 4\s+3/);
    // Back to categorical: swatches again, no ramp.
    el.colorScheme = 'categorical';
    await el.renderComplete;
    expect(root.querySelector('[part=legend-ramp]')).toBeNull();
    expect(root.querySelector('[part=legend-swatch]')).not.toBeNull();
  });

  test('value-column naming a missing column fires cluster-scatter-error naming value-column and listing the columns', async () => {
    const errors: Error[] = [];
    const el = await plot((el) => {
      el.addEventListener('cluster-scatter-error', (e) => errors.push(e.detail.error));
      el.setAttribute('value-column', 'scroe');
      el.setAttribute('color-scheme', 'viridis');
    });
    expect(el.error).toMatchObject({ name: 'ClusterScatterInputError', param: 'value-column', value: 'scroe' });
    expect(el.error!.message).toMatch(/columns are: x, y, cluster_id, score/);
    expect(errors).toContain(el.error);
  });
});
