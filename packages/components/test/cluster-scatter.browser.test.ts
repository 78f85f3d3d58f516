import { tableFromArrays } from 'apache-arrow';
import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { categoricalColor } from '../src/color/categorical-color.js';

const WHITE = 0xffffff;
const SIZE = 40;
// Four points at the corners of a unit square, in four clusters (incl. negative and > 255).
const X = Float32Array.of(0, 1, 0, 1);
const Y = Float32Array.of(0, 0, 1, 1);
const CLUSTER = Int32Array.of(0, 1, -3, 300);

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(setup: (el: ClusterScatter) => void): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = `width:${SIZE}px;height:${SIZE}px;position:absolute;left:0;top:0`;
  el.pointSize = 8;
  setup(el);
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  return el;
}

/** RGB of the device pixel under CSS point (x, y) of the element. */
function pixelAt(el: ClusterScatter, x: number, y: number): number {
  const img = el.readPixels()!;
  const dpr = img.width / SIZE;
  const o = 4 * (Math.floor(y * dpr) * img.width + Math.floor(x * dpr));
  return (img.data[o]! << 16) | (img.data[o + 1]! << 8) | img.data[o + 2]!;
}

function pointColorsOnScreen(el: ClusterScatter): number[] {
  return Array.from({ length: el.pointCount }, (_, i) => {
    const p = el.pointPosition(i)!;
    return pixelAt(el, p.x, p.y);
  });
}

const hex = (c: number) => '#' + c.toString(16).padStart(6, '0');
const expected = (ids: ArrayLike<number>) => Array.from(ids, (id) => hex(categoricalColor(id)));

describe('<cluster-scatter>', () => {
  test('x/y/cluster typed arrays draw each point in its cluster colour on the background', async () => {
    const el = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: CLUSTER }));
    expect(pointColorsOnScreen(el).map(hex)).toEqual(expected(CLUSTER));
    expect(hex(pixelAt(el, SIZE / 2, SIZE / 2))).toBe(hex(WHITE)); // centre of the square is empty
    expect(hex(pixelAt(el, 1, 1))).toBe(hex(WHITE));
    // The data is fitted with padding: corners land inside the element, not on its border.
    const p0 = el.pointPosition(0)!;
    const p3 = el.pointPosition(3)!;
    expect(p0.x).toBeGreaterThan(4);
    expect(p3.x).toBeLessThan(SIZE - 4);
    expect(p3.y).toBeLessThan(p0.y); // data y points up
  });

  test('an Arrow Table with x-column/y-column/cluster-column gives the same pixels as typed arrays', async () => {
    const typed = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: CLUSTER }));
    const table = tableFromArrays({ px: Float64Array.from(X), py: Float64Array.from(Y), label: CLUSTER });
    const arrow = await mount((el) => {
      el.setAttribute('x-column', 'px');
      el.setAttribute('y-column', 'py');
      el.setAttribute('cluster-column', 'label');
      el.data = table;
    });
    expect(arrow.error).toBeNull();
    expect(Array.from(arrow.readPixels()!.data)).toEqual(Array.from(typed.readPixels()!.data));
  });

  test('interleaved positions (n×2) give the same pixels as x/y', async () => {
    const typed = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: CLUSTER }));
    const positions = Float32Array.of(0, 0, 1, 0, 0, 1, 1, 1);
    const inter = await mount((el) => Object.assign(el, { positions, cluster: CLUSTER }));
    expect(Array.from(inter.readPixels()!.data)).toEqual(Array.from(typed.readPixels()!.data));
  });

  test('replacing cluster and x re-renders with the new colours and positions', async () => {
    const el = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: CLUSTER }));
    const before = el.pointPosition(1)!;
    el.cluster = Int32Array.of(5, 6, 7, 8);
    el.x = Float32Array.of(0, 0.5, 0, 1);
    await el.renderComplete;
    expect(pointColorsOnScreen(el).map(hex)).toEqual(expected([5, 6, 7, 8]));
    expect(hex(pixelAt(el, before.x, before.y))).toBe(hex(WHITE)); // old place of point 1 is now empty
  });

  test('updatePositions(xy) moves points in place and keeps their colours', async () => {
    const el = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: CLUSTER }));
    el.updatePositions(Float32Array.of(1, 1, 0, 1, 1, 0, 0, 0)); // mirror the square
    await el.renderComplete;
    expect(pointColorsOnScreen(el).map(hex)).toEqual(expected(CLUSTER));
    expect(el.pointPosition(0)!.x).toBeGreaterThan(el.pointPosition(1)!.x);
    expect(() => el.updatePositions(Float32Array.of(1, 2, 3))).toThrow(/positions = Float32Array\(3\).*even length/);
    expect(() => el.updatePositions(Float32Array.of(0, 0, 1, 0, 0, NaN, 1, 1))).toThrow(/positions\[5\] \(point 2\) = NaN: coordinates must be finite/);
  });

  test('cluster set before any coordinates waits for updatePositions(xy) of a new size, which replaces the layout', async () => {
    const el = await mount((el) => (el.cluster = CLUSTER));
    expect(el.error).toBeNull();
    expect(el.pointCount).toBe(0);
    el.updatePositions(Float32Array.of(0, 0, 1, 0, 0, 1, 1, 1));
    await el.renderComplete;
    expect(el.pointCount).toBe(4);
    expect(pointColorsOnScreen(el).map(hex)).toEqual(expected(CLUSTER));
  });

  test('color-scheme="tol-rainbow" and background="black" use Tol colours on a black background', async () => {
    const el = await mount((el) => {
      Object.assign(el, { x: X, y: Y, cluster: Int32Array.of(2, 0, 1, 2) });
      el.setAttribute('color-scheme', 'tol-rainbow');
      el.setAttribute('background', 'black');
    });
    expect(pointColorsOnScreen(el).map(hex)).toEqual(['#dc050c', '#1965b0', '#f7f056', '#dc050c']);
    expect(pixelAt(el, SIZE / 2, SIZE / 2)).toBe(0);
  });

  test('color-scheme="viridis" with value colours the lowest value #440154 and the highest #fde725', async () => {
    const el = await mount((el) => {
      Object.assign(el, { x: X, y: Y, cluster: CLUSTER, value: Float32Array.of(3, 1, 2, 9) });
      el.colorScheme = 'viridis';
    });
    const colors = pointColorsOnScreen(el).map(hex);
    expect(colors[1]).toBe('#440154');
    expect(colors[3]).toBe('#fde725');
  });

  test('a NaN coordinate fires cluster-scatter-error naming x[2], draws no points and shows the message as text', async () => {
    const errors: Error[] = [];
    const el = await mount((el) => {
      el.addEventListener('cluster-scatter-error', (e) => errors.push(e.detail.error));
      Object.assign(el, { x: Float32Array.of(0, 1, NaN), y: Float32Array.of(0, 1, 2) });
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'ClusterScatterInputError', param: 'x[2]' });
    expect(el.pointCount).toBe(0);
    expect(new Set(Array.from(el.readPixels()!.data))).toEqual(new Set([255]));
    el.setAttribute('x-column', '<img src=x onerror=alert(1)>');
    el.data = tableFromArrays({ a: Float32Array.of(1) });
    await el.renderComplete;
    const line = el.shadowRoot!.querySelector('[part=error]')!;
    expect(line.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(line.children).toHaveLength(0); // text, not HTML
    el.x = el.y = null;
    el.data = null;
    await el.renderComplete;
    expect(el.error).toBeNull();
  });

  test('an unknown color-scheme or background fires an error naming it but still draws the points', async () => {
    const errors: Error[] = [];
    const el = await mount((el) => {
      el.addEventListener('cluster-scatter-error', (e) => errors.push(e.detail.error));
      Object.assign(el, { x: X, y: Y, cluster: CLUSTER });
      el.setAttribute('color-scheme', 'rainbowz');
      el.setAttribute('background', 'not-a-colour');
    });
    expect(errors.map((e) => (e as unknown as { param: string }).param).sort()).toEqual(['background', 'color-scheme']);
    expect(pointColorsOnScreen(el).map(hex)).toEqual(expected(CLUSTER)); // categorical fallback on white
    el.setAttribute('color-scheme', 'categorical');
    el.setAttribute('background', 'white');
    el.setAttribute('point-size', '-1');
    await el.renderComplete;
    expect(el.error).toMatchObject({ param: 'point-size', value: -1 });
    el.pointSize = 8;
    await el.renderComplete;
    expect(el.error).toBeNull();
  });

  test('the canvas has role="img" and an aria-label with the point and cluster counts', async () => {
    const el = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: Int32Array.of(4, 4, 9, 9) }));
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('Scatter plot of 4 points in 2 clusters');
  });

  test('wheel zooms around the cursor, drag pans, resetView() fits again', async () => {
    const el = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: CLUSTER }));
    const fitted = el.pointPosition(3)!;
    const p0 = el.pointPosition(0)!;
    const views: unknown[] = [];
    el.addEventListener('view-change', (e) => views.push(e.detail.view));
    el.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, clientX: p0.x, clientY: p0.y, bubbles: true, cancelable: true }));
    await el.renderComplete;
    expect(el.pointPosition(0)!.x).toBeCloseTo(p0.x, 6); // the point under the cursor stays put
    expect(el.pointPosition(3)!.x).toBeGreaterThan(fitted.x); // others move away
    el.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 7, button: 0, clientX: 10, clientY: 10, bubbles: true }));
    el.dispatchEvent(new PointerEvent('pointermove', { pointerId: 7, clientX: 16, clientY: 6, bubbles: true }));
    el.dispatchEvent(new PointerEvent('pointerup', { pointerId: 7, clientX: 16, clientY: 6, bubbles: true }));
    await el.renderComplete;
    expect(el.pointPosition(0)!.x).toBeCloseTo(p0.x + 6, 6);
    expect(el.pointPosition(0)!.y).toBeCloseTo(p0.y - 4, 6);
    expect(views.length).toBeGreaterThanOrEqual(2);
    el.resetView();
    await el.renderComplete;
    expect(el.pointPosition(3)).toEqual(fitted);
    expect(hex(pixelAt(el, fitted.x, fitted.y))).toBe(expected([300])[0]);
  });

  test('resizing the element resizes the canvas and refits the data', async () => {
    const el = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: CLUSTER }));
    el.style.width = el.style.height = `${2 * SIZE}px`;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.renderComplete;
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas.width).toBe(Math.round(2 * SIZE * devicePixelRatio));
    expect(el.pointPosition(3)!.x).toBeGreaterThan(SIZE);
  });

  test('disconnecting destroys GL resources without GL errors; reconnecting renders again', async () => {
    const el = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: CLUSTER }));
    const gl = el.layer!.renderer.gl;
    expect(el.layer!.renderer.isWebGL2).toBe(true); // WebGL2 is preferred
    el.remove();
    expect(el.readPixels()).toBeNull();
    expect(gl.getError()).toBe(gl.NO_ERROR);
    document.body.append(el);
    await el.renderComplete;
    expect(pointColorsOnScreen(el).map(hex)).toEqual(expected(CLUSTER));
    el.remove();
    el.remove(); // a second disconnect is harmless
    expect(gl.getError()).toBe(gl.NO_ERROR);
  });

  test('after webglcontextlost and restored the plot re-creates its resources and draws the same pixels', async () => {
    const el = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: CLUSTER }));
    const before = Array.from(el.readPixels()!.data);
    const gl0 = el.layer!.renderer.gl; // the page's shared context
    const canvas = gl0.canvas as HTMLCanvasElement;
    const ext = gl0.getExtension('WEBGL_lose_context')!;
    const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
    ext.loseContext();
    await lost;
    await new Promise((r) => setTimeout(r, 20)); // restoreContext is ignored inside the lost event's task
    const restored = new Promise((r) => canvas.addEventListener('webglcontextrestored', r, { once: true }));
    ext.restoreContext();
    await restored;
    await el.renderComplete;
    expect(Array.from(el.readPixels()!.data)).toEqual(before);
  });

  test('toPNG() resolves to a PNG blob', async () => {
    const el = await mount((el) => Object.assign(el, { x: X, y: Y, cluster: CLUSTER }));
    const blob = await el.toPNG();
    expect(blob.type).toBe('image/png');
    expect(blob.size).toBeGreaterThan(50);
  });
});
