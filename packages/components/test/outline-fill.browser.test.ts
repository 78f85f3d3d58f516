import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { categoricalColor } from '../src/color/categorical-color.js';
import type { ClusterScatterInputError } from '../src/errors.js';
import { outlineFill, ringTriangles } from '../src/gl/outline-fill.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const rgb = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
/** White background blended with `color` at `alpha` (non-premultiplied "over"), per channel. */
const over = (color: number[], alpha: number) => color.map((c) => c * alpha + 255 * (1 - alpha));
const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 3) => Array.from(b).every((v, i) => Math.abs(a[i]! - v) <= tol);
const WHITE = [255, 255, 255];

/**
 * Two clusters (ids 3 and 8) of 4 points each at the corners of the unit squares [0, 1]² and [2, 3] × [0, 1],
 * each with one box ring [0.25, 0.75]² inside its square (shifted by 2 for id 8). Outline width 0: fills only.
 */
async function plot(setup: (el: ClusterScatter) => void = () => {}) {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = 'width:200px;height:100px;display:block';
  const errors: ClusterScatterInputError[] = [];
  el.addEventListener('cluster-scatter-error', (e) => errors.push(e.detail.error as ClusterScatterInputError));
  Object.assign(el, {
    x: Float32Array.of(0, 1, 0, 1, 2, 3, 2, 3),
    y: Float32Array.of(0, 0, 1, 1, 0, 0, 1, 1),
    cluster: Int32Array.of(3, 3, 3, 3, 8, 8, 8, 8),
    pointSize: 1,
    outlineWidth: 0,
  });
  const box = (dx: number) => Float32Array.of(0.25 + dx, 0.25, 0.75 + dx, 0.25, 0.75 + dx, 0.75, 0.25 + dx, 0.75);
  el.outlines = [{ clusterId: 3, rings: [box(0)] }, { clusterId: 8, rings: [box(2)] }];
  setup(el);
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  return { el, errors };
}

/** RGB at data point (x, y) of the plot, in device pixels (from the element's own point mapping). */
function colorAt(el: ClusterScatter, x: number, y: number): number[] {
  const img = el.readPixels()!;
  const k = img.width / el.getBoundingClientRect().width;
  const a = el.pointPosition(0)!, b = el.pointPosition(5)!; // (0, 0) and (3, 0); (0, 1) is point 2
  const c = el.pointPosition(2)!;
  const px = Math.floor(k * (a.x + (x / 3) * (b.x - a.x)));
  const py = Math.floor(k * (a.y + y * (c.y - a.y)));
  return Array.from({ length: 3 }, (_, ch) => img.data[4 * (py * img.width + px) + ch]!);
}

describe('<cluster-scatter outline-fill>', () => {
  test('outline-fill="0.2" fills each ring in its own cluster colour blended at 20 % over the background; outside stays background', async () => {
    const { el, errors } = await plot((e) => e.setAttribute('outline-fill', '0.2'));
    expect(el.outlineFill).toBe(0.2);
    expect(colorAt(el, 0.5, 0.5)).toSatisfy((c: number[]) => near(c, over(rgb(categoricalColor(3)), 0.2)));
    expect(colorAt(el, 2.5, 0.5)).toSatisfy((c: number[]) => near(c, over(rgb(categoricalColor(8)), 0.2)));
    expect(colorAt(el, 0.1, 0.5)).toEqual(WHITE);
    expect(colorAt(el, 1.5, 0.5)).toEqual(WHITE);
    expect(errors).toEqual([]);
  });

  test('outline-fill="0" (and the default) leaves the picture unchanged; 0.2 then 0 restores it', async () => {
    const { el } = await plot();
    const before = Array.from(el.readPixels()!.data);
    expect(colorAt(el, 0.5, 0.5)).toEqual(WHITE);
    el.outlineFill = 0.2;
    await el.renderComplete;
    expect(colorAt(el, 0.5, 0.5)).not.toEqual(WHITE);
    el.setAttribute('outline-fill', '0');
    await el.renderComplete;
    expect(Array.from(el.readPixels()!.data)).toEqual(before);
  });

  test('the fill is drawn under the points: a point inside a ring keeps its exact colour', async () => {
    const { el } = await plot((e) => {
      Object.assign(e, { x: Float32Array.of(0, 1, 0, 1, 0.5), y: Float32Array.of(0, 0, 1, 1, 0.5), cluster: Int32Array.of(3, 3, 3, 3, 3), pointSize: 12 });
      e.outlines = [{ clusterId: 3, rings: [Float32Array.of(0.25, 0.25, 0.75, 0.25, 0.75, 0.75, 0.25, 0.75)] }];
      e.outlineFill = 0.5;
    });
    const img = el.readPixels()!;
    const k = img.width / el.getBoundingClientRect().width;
    const p = el.pointPosition(4)!;
    const i = 4 * (Math.floor(k * p.y) * img.width + Math.floor(k * p.x));
    expect(Array.from(img.data.subarray(i, i + 3))).toEqual(rgb(categoricalColor(3)));
  });

  test('a legend-hidden cluster loses its fill; a selection dims every fill like unselected points', async () => {
    const { el } = await plot((e) => (e.outlineFill = 0.4));
    el._hidden = new Set([1]); // cluster id 8
    await el.renderComplete;
    expect(colorAt(el, 2.5, 0.5)).toEqual(WHITE);
    expect(colorAt(el, 0.5, 0.5)).toSatisfy((c: number[]) => near(c, over(rgb(categoricalColor(3)), 0.4)));
    el._hidden = new Set();
    el.select([0]);
    await el.renderComplete;
    expect(colorAt(el, 2.5, 0.5)).toSatisfy((c: number[]) => near(c, over(rgb(categoricalColor(8)), 0.4 * 0.15)));
  });

  test.each([['2'], ['-0.1'], ['abc']])('outline-fill="%s" reports a cluster-scatter-error naming outline-fill and draws no fill', async (value) => {
    const { el, errors } = await plot((e) => e.setAttribute('outline-fill', value));
    expect(errors.map((e) => e.param)).toContain('outline-fill');
    expect(errors.find((e) => e.param === 'outline-fill')!.message).toMatch(/\[0, 1\]/);
    expect(colorAt(el, 0.5, 0.5)).toEqual(WHITE);
  });
});

describe('outlineFill / ringTriangles (CPU triangulation)', () => {
  test('ringTriangles triangulates a concave ring once (cached by identity) covering its area', () => {
    const ring = Float32Array.of(0, 0, 4, 0, 4, 4, 2, 1, 0, 4); // arrow-like concave pentagon, area 10
    const tri = ringTriangles(ring);
    expect(ringTriangles(ring)).toBe(tri);
    let area = 0;
    for (let t = 0; t < tri.length; t += 3) {
      const [a, b, c] = [tri[t]!, tri[t + 1]!, tri[t + 2]!];
      area += Math.abs((ring[2 * b]! - ring[2 * a]!) * (ring[2 * c + 1]! - ring[2 * a + 1]!) - (ring[2 * c]! - ring[2 * a]!) * (ring[2 * b + 1]! - ring[2 * a + 1]!)) / 2;
    }
    expect(area).toBeCloseTo(10, 5);
  });

  test('outlineFill centres vertices, colours by the cluster first point, skips hidden ranks and does not mutate rings', () => {
    const ring = Float64Array.of(1, 1, 3, 1, 3, 3);
    const copy = ring.slice();
    const rgba = Uint8Array.of(10, 20, 30, 255, 40, 50, 60, 255);
    const ids = Int32Array.of(5, 9);
    const first = Uint32Array.of(0, 1);
    const f = outlineFill([{ clusterId: 9, rings: [ring] }], 1, 1, ids, first, rgba, new Set());
    expect(f.count).toBe(3);
    expect(Array.from(f.xy).sort()).toEqual([0, 0, 0, 2, 2, 2]);
    expect(Array.from(f.rgba.subarray(0, 4))).toEqual([40, 50, 60, 255]);
    expect(Array.from(f.rank)).toEqual([1, 1, 1]);
    expect(outlineFill([{ clusterId: 9, rings: [ring] }], 0, 0, ids, first, rgba, new Set([1])).count).toBe(0);
    expect(ring).toEqual(copy);
  });
});
