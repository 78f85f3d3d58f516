/**
 * The element on a browser without WebGL2: `getContext('webgl2')` returns null before the component
 * module (and its shared context) loads. Each browser test file runs in its own page with its own module
 * graph, so this does not leak into other files; `isWebGL2 === false` below proves the patch took effect
 * before the shared context was created.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { loseAndRestoreContext } from './lose-context.js';
import { mountScatter } from './mount-scatter.js';

const nativeGetContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, options?: unknown) {
  return type === 'webgl2' ? null : (nativeGetContext as (t: string, o?: unknown) => RenderingContext | null).call(this, type, options);
} as typeof HTMLCanvasElement.prototype.getContext;

let categoricalColor: (id: number) => number;
let outlineShade: (c: number) => number;
let acquireSharedContext: typeof import('../src/gl/shared-context.js').acquireSharedContext;
let sharedContextUsers: () => number;
beforeAll(async () => {
  await import('../src/cluster-scatter/cluster-scatter.js');
  ({ categoricalColor } = await import('../src/color/categorical-color.js'));
  ({ outlineShade } = await import('../src/outline/outline-segments.js'));
  ({ acquireSharedContext, sharedContextUsers } = await import('../src/gl/shared-context.js'));
});

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const rgb = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 6) => Array.from(b).every((v, i) => Math.abs(a[i]! - v) <= tol);
function rgbAt(el: ClusterScatter, x: number, y: number): number[] {
  const img = el.readPixels()!;
  const k = img.width / 120;
  const o = 4 * (Math.floor(y * k) * img.width + Math.floor(x * k));
  return Array.from(img.data.subarray(o, o + 3));
}

async function mount(setup: (el: ClusterScatter) => void = () => {}): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = 'width:120px;height:120px;display:block';
  Object.assign(el, { x: Float32Array.of(0, 1, 0, 1), y: Float32Array.of(0, 0, 1, 1), cluster: Int32Array.of(3, 5, 7, 9), pointSize: 12 });
  return mountScatter(el, setup, mounted);
}

describe('<cluster-scatter> on WebGL1 (no webgl2 context)', () => {
  test('draws each point in its cluster colour with isWebGL2 === false', async () => {
    const el = await mount();
    expect(el.layer!.renderer.isWebGL2).toBe(false);
    expect(el.layer!.renderer.gl instanceof WebGL2RenderingContext).toBe(false);
    for (const [i, id] of [[0, 3], [1, 5], [2, 7], [3, 9]] as const) {
      const p = el.pointPosition(i)!;
      expect(near(rgbAt(el, p.x, p.y), rgb(categoricalColor(id)), 2), `point ${i}`).toBe(true);
    }
  });

  test('hovering a point draws the ring around it (foreground colour 8 px from its centre)', async () => {
    const el = await mount();
    const p = el.pointPosition(1)!;
    expect(rgbAt(el, p.x + 8, p.y)).toEqual([255, 255, 255]);
    const rect = el.getBoundingClientRect();
    el.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: rect.left + p.x, clientY: rect.top + p.y, bubbles: true, composed: true }));
    await el.renderComplete;
    expect(el.hovered).toBe(1);
    expect(rgbAt(el, p.x + 8, p.y).every((v) => v < 40)).toBe(true);
  });

  test('draws given outlines as thick lines', async () => {
    const el = await mount((el) => {
      el.outlines = [{ clusterId: 3, rings: [Float32Array.of(0.25, 0.25, 0.75, 0.25, 0.75, 0.75, 0.25, 0.75)] }];
      el.outlineWidth = 4;
    });
    const a = el.pointPosition(0)!, b = el.pointPosition(3)!;
    const x = a.x + 0.5 * (b.x - a.x), y = a.y + 0.25 * (b.y - a.y); // middle of the bottom edge
    expect(near(rgbAt(el, x, y), rgb(categoricalColor(3)).map(outlineShade))).toBe(true);
  });

  test('survives context loss and restore with the same pixels', async () => {
    const el = await mount();
    const before = Array.from(el.readPixels()!.data);
    await loseAndRestoreContext(el.layer!.renderer.gl);
    await el.renderComplete;
    expect(el.layer!.renderer.isWebGL2).toBe(false);
    expect(Array.from(el.readPixels()!.data)).toEqual(before);
  });

  test('remove() frees every buffer/texture/framebuffer it made and leaves no GL error', async () => {
    const probe = acquireSharedContext();
    expect(probe.isWebGL2).toBe(false);
    const stats = () => ({ ...probe.regl.stats, maxUniformsCount: 0, maxAttributesCount: 0, shaderCount: 0 });
    const start = stats();
    const users = sharedContextUsers();
    const el = await mount((el) => el.setAttribute('outlines', 'auto'));
    el.select([0, 1]);
    await el.renderComplete;
    expect(stats()).not.toEqual(start);
    el.remove();
    expect(stats()).toEqual(start);
    expect(sharedContextUsers()).toBe(users);
    expect(probe.gl.getError()).toBe(probe.gl.NO_ERROR);
    probe.release();
  });
});
