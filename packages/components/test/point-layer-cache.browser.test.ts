import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { categoricalColor } from '../src/color/categorical-color.js';
import { createRenderer } from '../src/gl/create-renderer.js';
import { createPointBuffers } from '../src/gl/point-buffers.js';
import { createPointsCommand } from '../src/gl/points-command.js';
import { createScatterLayer } from '../src/gl/scatter-layer.js';
import { mountScatter } from './mount-scatter.js';

function canvas(size: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = c.height = size;
  return c;
}

// Overlapping translucent points (premultiplied blending is what the cache must keep exactly).
const REL = Float32Array.of(-0.3, 0, 0, 0, 0.3, 0.1, 0.05, -0.2);
const RGBA = Uint8Array.of(255, 0, 0, 160, 0, 200, 0, 120, 0, 0, 255, 255, 250, 200, 10, 90);
const BG = [0.1 * 0.6, 0.2 * 0.6, 0.3 * 0.6, 0.6] as const; // translucent background, premultiplied
const VIEW = { offset: [0, 0] as [number, number], scale: [2, 2] as [number, number] };

/** The pre-cache path: clear the default framebuffer and draw the points straight into it. */
function directDraw(size: number, preferWebGL2: boolean): Uint8Array {
  const r = createRenderer(canvas(size), { preferWebGL2 });
  const buffers = createPointBuffers(r.regl);
  buffers.setPositions(REL);
  buffers.setColors(RGBA);
  buffers.setRanks(new Float32Array(4));
  buffers.setStates(new Uint8Array(4));
  const draw = createPointsCommand(r.regl, buffers);
  r.regl.poll();
  r.regl.clear({ color: [...BG] });
  draw({ ...VIEW, offsetLo: [0, 0], pointSize: 24, morph: 1, focusRank: -1, selectionActive: 0, dimAlpha: 0.15, first: 0, count: 4, ringColor: [0, 0, 0, 1] });
  const out = new Uint8Array(size * size * 4);
  r.gl.readPixels(0, 0, size, size, r.gl.RGBA, r.gl.UNSIGNED_BYTE, out);
  r.destroy();
  return out;
}

/** Flips rows back to GL order (ScatterLayer.readPixels returns rows from the top). */
function glOrder(data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let y = 0; y < size; y++) out.set(data.subarray((size - 1 - y) * size * 4, (size - y) * size * 4), y * size * 4);
  return out;
}

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/** 9 points on a 3×3 lattice in 3 clusters, 120 px plot, 12-px points, optional outlines. */
async function mount(setup: (el: ClusterScatter) => void = () => {}): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = 'width:120px;height:120px;position:fixed;left:0;top:0';
  const x = new Float32Array(9), y = new Float32Array(9), cluster = new Int32Array(9);
  for (let i = 0; i < 9; i++) [x[i], y[i], cluster[i]] = [i % 3, Math.floor(i / 3), Math.floor(i / 3)];
  Object.assign(el, { x, y, cluster, pointSize: 12 });
  return mountScatter(el, setup, mounted);
}

function hoverAt(el: ClusterScatter, i: number): void {
  const p = el.pointPosition(i)!;
  const rect = el.getBoundingClientRect();
  el.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: rect.left + p.x, clientY: rect.top + p.y, bubbles: true, composed: true }));
}

/** RGB of the drawing buffer at CSS point (x, y) (readPixels draws a frame: composite when nothing changed). */
function rgbAt(el: ClusterScatter, x: number, y: number): number[] {
  const img = el.readPixels()!;
  const k = img.width / 120;
  const o = 4 * (Math.floor(y * k) * img.width + Math.floor(x * k));
  return Array.from(img.data.subarray(o, o + 3));
}
const rgb = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];

/** The ring of the highlight spans 0.62–1 of its radius (max(1.8 × 12, 12 + 6) = 21.6 px across: 6.7–10.8 px from the centre). */
const RING = 8;
/** Ring pixels: the foreground (black) up to antialiasing. */
const isRing = (c: number[]) => c.every((v) => v < 40);

describe('cached point layer', () => {
  test('ScatterLayer composites the cached points to the same bytes as drawing them straight to the screen, WebGL1 and WebGL2', () => {
    for (const preferWebGL2 of [true, false]) {
      const size = 32;
      const layer = createScatterLayer(canvas(size), { preferWebGL2 });
      layer.setBackground(BG);
      layer.setPoints(REL, RGBA);
      layer.setView(VIEW);
      layer.setPointSize(24);
      const full = layer.readPixels();
      expect(layer.lastFrameKind).toBe('full');
      const frames = layer.pointFrames;
      const again = layer.readPixels();
      expect(layer.lastFrameKind).toBe('composite');
      expect(layer.pointFrames).toBe(frames);
      const reference = directDraw(size, preferWebGL2);
      expect(reference.some((v, i) => v !== reference[i % 4])).toBe(true); // not a flat picture
      expect(glOrder(full.data, size)).toEqual(reference);
      expect(glOrder(again.data, size)).toEqual(reference);
      const gl = layer.renderer.gl;
      layer.destroy();
      expect(gl.getError()).toBe(gl.NO_ERROR);
    }
  });

  test('ScatterLayer redraws the points when a buffer, the view, the size, the style or the background changes, not for the highlight or outlines', () => {
    const c = canvas(24);
    const layer = createScatterLayer(c);
    layer.setPoints(REL, RGBA);
    layer.setView(VIEW);
    layer.setPointSize(6);
    layer.readPixels();
    const cases: [string, () => void, 'full' | 'composite'][] = [
      ['highlight', () => layer.setStyle({ highlight: 1, ringColor: [1, 0, 0, 1] }), 'composite'],
      ['outlines', () => layer.setOutlines(Float32Array.of(-0.5, -0.5, 0.5, 0.5), Uint8Array.of(0, 0, 0, 255, 0, 0, 0, 255)), 'composite'],
      ['outline width', () => layer.setStyle({ outlineWidth: 4 }), 'composite'],
      ['states', () => layer.setStates(Uint8Array.of(1, 0, 0, 0)), 'full'],
      ['selection', () => layer.setStyle({ selectionActive: true }), 'full'],
      ['focus', () => layer.setStyle({ focusRank: 0 }), 'full'],
      ['dim', () => layer.setStyle({ dimAlpha: 0.3 }), 'full'],
      ['colours', () => layer.setColors(RGBA), 'full'],
      ['positions', () => layer.setPositions(REL), 'full'],
      ['view', () => layer.setView({ offset: [0.1, 0], scale: [2, 2] }), 'full'],
      ['point size', () => layer.setPointSize(8), 'full'],
      ['background', () => layer.setBackground([0, 0, 0, 1]), 'full'],
      ['draw count', () => layer.setDrawCount(2), 'full'],
      ['size', () => void (c.width = 30), 'full'],
      ['invalidate', () => layer.invalidate(), 'full'],
      ['nothing', () => {}, 'composite'],
    ];
    for (const [name, change, kind] of cases) {
      const before = layer.pointFrames;
      change();
      layer.readPixels();
      expect([name, layer.lastFrameKind]).toEqual([name, kind]);
      expect(layer.pointFrames - before).toBe(kind === 'full' ? 1 : 0);
    }
    layer.destroy();
  });

  test('<cluster-scatter hover-dim="off">: hovering points after the first frame composites (no point draw) and rings the hovered point; selecting redraws', async () => {
    const kinds: string[] = [];
    const el = await mount((e) => {
      e.setAttribute('hover-dim', 'off'); // hover across clusters then changes only the overlay
      e.addEventListener('cluster-scatter-render', (ev) => kinds.push(ev.detail.frameKind));
    });
    expect(el.hoverDim).toBe(false);
    const layer = el.layer!;
    const draws = layer.pointFrames;
    const a = el.pointPosition(4)!, b = el.pointPosition(0)!;
    const colorA = rgb(categoricalColor(1)), colorB = rgb(categoricalColor(0));
    expect(rgbAt(el, a.x + RING, a.y)).toEqual([255, 255, 255]); // no ring yet: background beside the point
    hoverAt(el, 4);
    await el.renderComplete;
    expect(el.hovered).toBe(4);
    expect(layer.lastFrameKind).toBe('composite');
    expect(kinds.at(-1)).toBe('composite');
    expect(isRing(rgbAt(el, a.x + RING, a.y))).toBe(true); // ring in the foreground colour
    expect(rgbAt(el, a.x, a.y)).toEqual(colorA); // hovered point's own colour inside the ring
    hoverAt(el, 0);
    await el.renderComplete;
    expect(el.hovered).toBe(0);
    expect(isRing(rgbAt(el, b.x + RING, b.y))).toBe(true);
    expect(rgbAt(el, b.x, b.y)).toEqual(colorB);
    expect(rgbAt(el, a.x + RING, a.y)).toEqual([255, 255, 255]); // the old ring is gone
    expect(rgbAt(el, a.x, a.y)).toEqual(colorA);
    expect(layer.pointFrames).toBe(draws); // the points were not drawn again
    el.select([4]);
    await el.renderComplete;
    expect(layer.lastFrameKind).toBe('full');
    expect(layer.pointFrames).toBe(draws + 1);
    const dimmed = colorB.map((v) => Math.round(0.15 * v + 0.85 * 255));
    expect(rgbAt(el, b.x, b.y)).toEqual(colorB); // hovered: drawn on top undimmed
    expect(rgbAt(el, el.pointPosition(1)!.x, el.pointPosition(1)!.y).every((v, i) => Math.abs(v - dimmed[i]!) <= 2)).toBe(true);
  });

  test('<cluster-scatter>: a composited frame with hover and outlines equals a full redraw, also after a theme change and a PNG export', async () => {
    const el = await mount((e) => Object.assign(e, { outlines: 'auto', outlineWidth: 3 }));
    hoverAt(el, 2);
    await el.renderComplete;
    const layer = el.layer!;
    const compare = () => {
      const composite = el.readPixels()!;
      expect(layer.lastFrameKind).toBe('composite');
      layer.invalidate();
      const full = el.readPixels()!;
      expect(layer.lastFrameKind).toBe('full');
      expect(composite.data).toEqual(full.data);
      return full;
    };
    compare();
    el.style.setProperty('--cluster-scatter-background', '#202040');
    el.refreshView(false);
    await el.renderComplete;
    expect(layer.lastFrameKind).toBe('full'); // the background is part of the cached layer
    const img = compare();
    expect(Array.from(img.data.subarray(0, 3))).toEqual([0x20, 0x20, 0x40]);
    const png = await el.toPNG({ scale: 2 });
    expect(png.size).toBeGreaterThan(0);
    const after = compare();
    expect(after.width).toBe(img.width); // back at the plot's own size, not the export's
    expect(after.data).toEqual(img.data);
  });

  test('plots sharing one context keep their own cached layers; removing one frees its texture', async () => {
    const red = await mount((e) => Object.assign(e, { cluster: new Int32Array(9).fill(0) }));
    const before = red.layer!.renderer.regl.stats.textureCount;
    const blue = await mount((e) => Object.assign(e, { cluster: new Int32Array(9).fill(1), style: 'width:120px;height:120px;position:fixed;left:130px;top:0' }));
    expect(blue.layer!.renderer.gl).toBe(red.layer!.renderer.gl);
    expect(red.layer!.renderer.regl.stats.textureCount).toBe(before + 1);
    hoverAt(red, 4); // red composites after blue drew into the shared canvas
    await red.renderComplete;
    expect(red.layer!.lastFrameKind).toBe('composite');
    const p = red.pointPosition(1)!;
    const shown = red.shadowRoot!.querySelector('canvas')!.getContext('2d')!;
    const k = shown.canvas.width / 120;
    expect(Array.from(shown.getImageData(Math.floor(p.x * k), Math.floor(p.y * k), 1, 1).data.subarray(0, 3))).toEqual(rgb(categoricalColor(0)));
    const regl = red.layer!.renderer.regl;
    blue.remove();
    expect(regl.stats.textureCount).toBe(before);
    expect(regl.stats.framebufferCount).toBeGreaterThanOrEqual(1);
    expect(red.layer!.renderer.gl.getError()).toBe(red.layer!.renderer.gl.NO_ERROR);
  });
});
