import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import { categoricalColor, resolveColorScheme, type ClusterOutline } from '@clamp-viz/components';
import { MILLION, millionPoints, millionTable } from './fixtures/million-points.js';
import { allScatters, key, pixelsChanged, pixelsUnlike, rgbAt, rgbOf, scatterOf, sleep, zoomOnto } from './fixtures/play-helpers.js';

/**
 * Data, colour and rendering features at 1,000,000 seeded points in 300 Gaussian blobs (generated once
 * per page): Arrow input with continuous colour and the dark theme, morph, given outlines with PNG
 * export, keyboard/accessibility with context loss and deep zoom, and 20 plots sharing 1M rows.
 */
const meta: Meta = { title: '1M points/Data and views' };
export default meta;
type Story = StoryObj;

/** Parses '#rrggbb' or 'rgb(r, g, b)' (d3 interpolator output). */
function cssRgb(s: string): [number, number, number] {
  if (s.startsWith('#')) return rgbOf(parseInt(s.slice(1, 7), 16));
  const m = s.match(/\d+/g)!;
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}

export const ArrowContinuousDark: Story = {
  name: 'Arrow table, continuous colour (magma), dark theme at 1M',
  parameters: { docs: { description: { story: 'An Arrow `Table` of 1M rows with columns `umap_x`, `umap_y`, `cluster` chosen by attribute; a numeric `value` (distance from the origin) through d3 `interpolateMagma`; `theme="dark"`. The check reads the dark background, then zooms onto the farthest point: magma(1).' } } },
  render: () => html`<cluster-scatter theme="dark" color-scheme="magma" point-size="4" x-column="umap_x" y-column="umap_y" cluster-column="cluster"
    style="display:block;width:600px;height:420px" .data=${millionTable()} .value=${millionPoints().value}></cluster-scatter>`,
  play: async ({ canvasElement }) => {
    const { value } = millionPoints();
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    await expect(el.error).toBeNull();
    await expect(el.pointCount).toBe(MILLION);
    await expect(el.clusterIds.length).toBe(300);
    await expect(rgbAt(el, 1, 1)).toEqual([0x12, 0x12, 0x12]);
    let top = 0;
    for (let i = 1; i < MILLION; i++) if (value[i]! > value[top]!) top = i;
    const magma = resolveColorScheme('magma');
    if (magma.kind !== 'continuous') throw new Error('magma is continuous');
    const p = await zoomOnto(el, top, 24);
    await expect(rgbAt(el, p.x, p.y)).toEqual(cssRgb(magma.interpolate(1)));
  },
};

export const Morph: Story = {
  name: 'Morph to another layout at 1M',
  parameters: { docs: { description: { story: 'All 1M rows move to a second layout (x mirrored, y sheared) with `transition="6000"` (slow, so the check sees it move). The check: two frames early in the morph differ from the start and from each other; the target positions are the second layout.' } } },
  render: () => {
    const d = millionPoints();
    return html`<cluster-scatter transition="6000" point-size="1" style="display:block;width:600px;height:420px" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const { other } = millionPoints();
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    const start = el.readPixels()!;
    el.positions = other;
    await el.renderComplete;
    // Two pictures 0.7 s apart, early in the 6 s morph: both differ from the start and from each other
    // (the points glide, they do not jump). The end positions (the second layout) are checked below.
    await sleep(700);
    const early = el.readPixels()!;
    await sleep(700);
    const later = el.readPixels()!;
    await expect(pixelsChanged(start, early)).toBeGreaterThan(1000);
    await expect(pixelsChanged(early, later)).toBeGreaterThan(1000);
    const [a, b, c] = [0, 1, 2].map((i) => el.pointPosition(i)!);
    const s = (b!.x - a!.x) / (other[2]! - other[0]!);
    await expect((c!.x - a!.x) / (other[4]! - other[0]!)).toBeCloseTo(s, 3);
  },
};

export const OutlinesAndExport: Story = {
  name: 'Given outlines and PNG export at 1M',
  parameters: { docs: { description: { story: "Outlines given as polygons (each of clusters 0–9's bounding box, from the data) over 1M points, then `toPNG({scale: 1.5})` with every point drawn. The check: outlines change the picture, the PNG has the scaled size and is mostly points." } } },
  render: () => {
    const d = millionPoints();
    return html`<cluster-scatter point-size="1" style="display:block;width:480px;height:360px" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const { positions, cluster } = millionPoints();
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    const plain = el.readPixels()!;
    const given: ClusterOutline[] = Array.from({ length: 10 }, (_, id) => {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (let r = 0; r < MILLION; r++) {
        if (cluster[r] !== id) continue;
        x0 = Math.min(x0, positions[2 * r]!); x1 = Math.max(x1, positions[2 * r]!);
        y0 = Math.min(y0, positions[2 * r + 1]!); y1 = Math.max(y1, positions[2 * r + 1]!);
      }
      return { clusterId: id, rings: [Float32Array.of(x0, y0, x1, y0, x1, y1, x0, y1)] };
    });
    el.outlines = given;
    await el.renderComplete;
    await expect(el.error).toBeNull();
    await expect(pixelsChanged(plain, el.readPixels()!)).toBeGreaterThan(200);
    const bitmap = await createImageBitmap(await el.toPNG({ scale: 1.5 }));
    await expect([bitmap.width, bitmap.height]).toEqual([720, 540]);
    const c = new OffscreenCanvas(720, 540).getContext('2d')!;
    c.drawImage(bitmap, 0, 0);
    await expect(pixelsUnlike(c.getImageData(0, 0, 720, 540), [255, 255, 255])).toBeGreaterThan(0.2 * 720 * 540);
  },
};

export const KeyboardContextLossDeepZoom: Story = {
  name: 'Accessibility, context loss and deep zoom at 1M',
  parameters: { docs: { description: { story: "The canvas's ARIA label counts 1M points in 300 clusters; arrows pan; the shared WebGL context is lost and restored (same pixels after); keyboard zoom ×1.25⁸⁰ (≈ 6·10⁷) onto one point draws it in its cluster colour where `pointPosition` says." } } },
  render: () => {
    const d = millionPoints();
    return html`<cluster-scatter point-size="5" style="display:block;width:480px;height:360px" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const { cluster } = millionPoints();
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    await expect(el.shadowRoot!.querySelector('canvas')!.getAttribute('aria-label')).toBe('Scatter plot of 1000000 points in 300 clusters');
    const p = el.pointPosition(0)!;
    key(el, 'ArrowRight');
    await expect(p.x - el.pointPosition(0)!.x).toBeCloseTo(48, 6);
    key(el, 'Home');
    await sleep(200);
    await el.renderComplete;
    const before = el.readPixels()!;
    const gl = el.layer!.renderer.gl;
    const canvas = gl.canvas as HTMLCanvasElement;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
    ext.loseContext();
    await lost;
    await sleep(20);
    const restored = new Promise((r) => canvas.addEventListener('webglcontextrestored', r, { once: true }));
    ext.restoreContext();
    await restored;
    await el.renderComplete;
    await expect(pixelsChanged(before, el.readPixels()!)).toBe(0);
    const i = 765_432;
    const q = await zoomOnto(el, i, 80);
    const img = el.readPixels()!;
    await expect(rgbAt(el, q.x, q.y, img)).toEqual(rgbOf(categoricalColor(cluster[i]!)));
    await expect(rgbAt(el, q.x + 6, q.y, img)).toEqual([255, 255, 255]);
  },
};

export const TwentyPlotsMillionRows: Story = {
  name: '20 plots sharing 1M rows on one page',
  parameters: { docs: { description: { story: '1M rows split into 20 plots of 50,000 points, all drawn through one shared WebGL context (browsers cap live contexts at about 16). The check: every plot draws its 50,000 points.' } } },
  render: () => {
    const d = millionPoints();
    const k = MILLION / 20;
    return html`<div style="display:grid;grid-template-columns:repeat(5,150px);gap:6px">${Array.from({ length: 20 }, (_, j) => html`<cluster-scatter
      style="display:block;height:110px" point-size="1" .positions=${d.positions.subarray(2 * j * k, 2 * (j + 1) * k)} .cluster=${d.cluster.subarray(j * k, (j + 1) * k)}></cluster-scatter>`)}</div>`;
  },
  play: async ({ canvasElement }) => {
    const els = allScatters(canvasElement);
    await Promise.all(els.map((el) => el.renderComplete));
    await expect(els.map((el) => el.pointCount)).toEqual(Array(20).fill(MILLION / 20));
    const drawn = els.map((el) => pixelsUnlike(el.readPixels()!, [255, 255, 255]));
    await expect(drawn.every((n) => n > 0.2 * 150 * 110)).toBe(true);
  },
};
