import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { categoricalColor } from '../src/color/categorical-color.js';
import { acquireSharedContext, sharedContextUsers } from '../src/gl/shared-context.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const rgb = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 4) => Array.from(b).every((v, i) => Math.abs(a[i]! - v) <= tol);
const centre = (el: ClusterScatter) => {
  const img = el.readPixels()!;
  const o = 4 * (Math.floor(img.height / 2) * img.width + Math.floor(img.width / 2));
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
};

function create(id: number, setup: (el: ClusterScatter) => void = () => {}): ClusterScatter {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = 'width:40px;height:40px;display:block';
  Object.assign(el, { x: Float32Array.of(0), y: Float32Array.of(0), cluster: Int32Array.of(id), pointSize: 30 });
  setup(el);
  document.body.append(el);
  mounted.push(el);
  return el;
}

describe('<cluster-scatter> and a lost shared WebGL context', () => {
  test('a plot created while the shared context is lost reports it, holds no context use, and draws once the context is restored', async () => {
    const first = create(1);
    await first.renderComplete;
    const gl = first.layer!.renderer.gl;
    const canvas = gl.canvas as HTMLCanvasElement;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
    ext.loseContext();
    await lost;
    const users = sharedContextUsers();
    const late = create(2);
    await late.updateComplete;
    expect(late.layer).toBeNull();
    expect(late.error).toMatchObject({ name: 'RendererError' });
    expect(sharedContextUsers()).toBe(users); // the failed attempt gave its use back
    await new Promise((r) => setTimeout(r, 20)); // restoreContext is ignored inside the lost event's task
    const restored = new Promise((r) => canvas.addEventListener('webglcontextrestored', r, { once: true }));
    ext.restoreContext();
    await restored;
    await new Promise((r) => setTimeout(r, 0));
    await late.renderComplete;
    await first.renderComplete;
    expect(late.layer).not.toBeNull();
    expect(late.error).toBeNull();
    expect(near(centre(late), rgb(categoricalColor(2)))).toBe(true);
    expect(near(centre(first), rgb(categoricalColor(1)))).toBe(true);
  });
});

describe('<cluster-scatter> destroy', () => {
  test('remove() returns regl buffer/texture/framebuffer/elements counts to their start values and leaves no Worker running', async () => {
    const probe = acquireSharedContext();
    const regl = probe.regl;
    const counts = () => ({ ...regl.stats, maxUniformsCount: 0, maxAttributesCount: 0, shaderCount: 0 });
    const start = counts();
    const live = new Set<Worker>();
    const NativeWorker = globalThis.Worker;
    globalThis.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        live.add(this);
      }
      override terminate(): void {
        live.delete(this);
        super.terminate();
      }
    };
    try {
      const n = 60_000;
      const positions = Float32Array.from({ length: 2 * n }, (_, j) => (j % 2 === 0 ? (j >> 1) % 300 : Math.floor((j >> 1) / 300)));
      const cluster = Int32Array.from({ length: n }, (_, i) => i % 5);
      const el = create(0, (el) => {
        Object.assign(el, { x: null, y: null, positions, cluster, pointSize: 2 });
        el.setAttribute('outlines', 'auto');
      });
      await el.renderComplete;
      el.select([1, 2, 3]);
      await el.renderComplete;
      expect(counts()).not.toEqual(start);
      expect(live.size).toBeGreaterThan(0); // the outline (and index) workers are running
      el.remove();
      expect(counts()).toEqual(start);
      expect(live.size).toBe(0);
      await new Promise((r) => setTimeout(r, 300));
      expect(live.size).toBe(0);
      expect(probe.gl.getError()).toBe(probe.gl.NO_ERROR);
    } finally {
      globalThis.Worker = NativeWorker;
      probe.release();
    }
  });
});
