import { afterEach, expect, test } from 'vitest';
import { cdp } from 'vitest/browser';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { mountScatter } from './mount-scatter.js';

const mounted: HTMLElement[] = [];
afterEach(async () => {
  for (const el of mounted.splice(0)) el.remove();
  await cdp().send('Emulation.setEmulatedMedia', { features: [] });
});

async function mount(setup: (el: ClusterScatter) => void): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = 'width:100px;height:100px;position:fixed;left:0;top:0';
  return mountScatter(el, setup, mounted);
}

function hoverAt(el: Element, x: number, y: number): void {
  const rect = el.getBoundingClientRect();
  el.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: rect.left + x, clientY: rect.top + y, bubbles: true, composed: true }));
}

const emulate = (name: string, value: string) => cdp().send('Emulation.setEmulatedMedia', { features: [{ name, value }] });
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

test('hover picks the right one of two Float64 points 1e-4 apart at ~5e3 from the data centre (below float32 spacing)', async () => {
  // Relative to the data centre, the two points are 5e3 − 5e-5 and 5e3 + 5e-5: the same float32 value.
  const el = await mount((el) => Object.assign(el, { x: Float64Array.of(0, 1e4, 1e4 + 1e-4), y: Float64Array.of(0, 1e4, 1e4), cluster: Int32Array.of(0, 1, 2), pointSize: 4 }));
  el.setView({ centerX: 5e3, centerY: 5e3, pixelsPerUnit: 1e5 }); // 1e-4 data units = 10 CSS px
  await el.renderComplete;
  const a = el.pointPosition(1)!, b = el.pointPosition(2)!;
  expect(b.x - a.x).toBeCloseTo(10, 3);
  hoverAt(el, a.x + 1, a.y);
  expect(el.hovered).toBe(1);
  hoverAt(el, b.x - 1, b.y);
  expect(el.hovered).toBe(2);
  hoverAt(el, (a.x + b.x) / 2, a.y + 30); // far from both
  expect(el.hovered).toBe(-1);
});

test('theme="auto" repaints dark as soon as prefers-color-scheme changes to dark (emulated through CDP)', async () => {
  await emulate('prefers-color-scheme', 'light');
  const el = await mount((el) => {
    el.theme = 'auto';
    Object.assign(el, { x: Float32Array.of(0), y: Float32Array.of(0), cluster: Int32Array.of(0), pointSize: 4 });
  });
  const corner = () => {
    const c = el.shadowRoot!.querySelector('canvas')!;
    return Array.from(c.getContext('2d')!.getImageData(1, 1, 1, 1).data.subarray(0, 3));
  };
  expect(corner()).toEqual([255, 255, 255]);
  let frames = 0;
  el.addEventListener('cluster-scatter-render', () => frames++);
  await emulate('prefers-color-scheme', 'dark');
  await nextFrame();
  await el.renderComplete;
  expect(frames).toBeGreaterThan(0); // repainted without any property change
  expect(corner()).toEqual([0x12, 0x12, 0x12]); // the dark theme's background
});

test('with emulated prefers-reduced-motion: reduce, a transition jumps to the new coordinates', async () => {
  await emulate('prefers-reduced-motion', 'reduce');
  const el = await mount((el) => Object.assign(el, { x: Float32Array.of(0, 1), y: Float32Array.of(0, 1), cluster: Int32Array.of(0, 1), transition: 5000 }));
  el.x = Float32Array.of(1, 0);
  await el.renderComplete;
  await el.renderComplete;
  // Without reduced motion a 5 s morph would still be at its start; the morph uniform is at the end at once.
  const img = el.readPixels()!;
  const at = (i: number) => {
    const p = el.pointPosition(i)!;
    const k = img.width / 100;
    const o = 4 * (Math.floor(p.y * k) * img.width + Math.floor(p.x * k));
    return Array.from(img.data.subarray(o, o + 3));
  };
  expect(at(0)).not.toEqual([255, 255, 255]);
  expect(at(1)).not.toEqual([255, 255, 255]);
  expect(at(0)).not.toEqual(at(1));
});
