import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import { gaussianBlobs } from './fixtures/gaussian-blobs.js';
import type { ClusterScatter } from '@clamp-viz/components';

const blobs = gaussianBlobs;

const meta: Meta = { title: 'Components/cluster-scatter/rendering' };
export default meta;
type Story = StoryObj;

const all = (root: HTMLElement) => [...root.querySelectorAll('cluster-scatter')] as ClusterScatter[];
const nextRender = (el: ClusterScatter) =>
  new Promise<{ pointCount: number; drawnCount: number }>((r) => el.addEventListener('cluster-scatter-render', (e) => r(e.detail), { once: true }));

/** 1M points: while the camera moves a seeded ~30k-point sample is drawn, then all points when it stops. */
export const MillionPointsLevelOfDetail: Story = {
  render: () => {
    const d = blobs(1_000_000, 300, 7);
    return html`<cluster-scatter style="height:500px;max-width:700px" point-size="2" outlines="auto" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const [el] = all(canvasElement);
    await el!.renderComplete;
    const moving = nextRender(el!);
    el!.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, clientX: 100, clientY: 100, cancelable: true }));
    await expect((await moving).drawnCount).toBeLessThan(1_000_000);
    const settled = nextRender(el!);
    await expect((await settled).drawnCount).toBe(1_000_000);
  },
};

/** 20 plots on one page share one WebGL context (browsers cap live contexts at about 16). */
export const TwentyPlots: Story = {
  render: () => html`<div style="display:grid;grid-template-columns:repeat(5,140px);gap:6px">${Array.from({ length: 20 }, (_, k) => {
    const d = blobs(2000, 3 + k, k + 1);
    return html`<cluster-scatter style="height:110px" point-size="3" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  })}</div>`,
  play: async ({ canvasElement }) => {
    const els = all(canvasElement);
    await Promise.all(els.map((el) => el.renderComplete));
    await expect(els.length).toBe(20);
    for (const el of els) {
      const img = el.readPixels()!;
      let coloured = 0;
      for (let o = 0; o < img.data.length; o += 4) if (img.data[o] !== 255 || img.data[o + 1] !== 255 || img.data[o + 2] !== 255) coloured++;
      await expect(coloured).toBeGreaterThan(100);
      await expect(el.layer!.renderer.gl.isContextLost()).toBe(false);
    }
  },
};

/** Outlines: computed hulls of each cluster's dense core (left) and given polygons (right). */
export const Outlines: Story = {
  render: () => {
    const d = blobs(20_000, 8, 3);
    const box = (x0: number, y0: number, x1: number, y1: number) => Float32Array.of(x0, y0, x1, y0, x1, y1, x0, y1);
    const given = [{ clusterId: 0, rings: [box(-20, -20, 0, 0)] }, { clusterId: 1, rings: [box(0, 0, 20, 20), box(-5, 5, 0, 10)] }];
    return html`<div style="display:flex;gap:8px">
      <cluster-scatter style="height:360px;width:420px" point-size="2" outlines="auto" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>
      <cluster-scatter style="height:360px;width:420px" point-size="2" .outlines=${given} .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const [auto, given] = all(canvasElement);
    await auto!.renderComplete;
    await given!.renderComplete;
    await expect(auto!.error).toBeNull();
    await expect(given!.error).toBeNull();
    await expect(auto!.outlines).toBe('auto');
  },
};

/** PNG export at 2× the CSS size. */
export const ExportPNG: Story = {
  render: () => {
    const d = blobs(5000, 12, 5);
    return html`<cluster-scatter style="height:240px;width:320px" point-size="3" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const [el] = all(canvasElement);
    await el!.renderComplete;
    const img = await createImageBitmap(await el!.toPNG({ scale: 2 }));
    await expect([img.width, img.height]).toEqual([640, 480]);
  },
};

/** Deep zoom: two points 1e-4 apart, 1e4 from the data centre, drawn apart (float64 positions). */
export const DeepZoom: Story = {
  render: () => html`<cluster-scatter style="height:200px;width:200px" point-size="8"
    .x=${Float64Array.of(0, 1e4, 1e4 + 1e-4)} .y=${Float64Array.of(0, 1e4, 1e4)} .cluster=${Int32Array.of(0, 1, 2)}></cluster-scatter>`,
  play: async ({ canvasElement }) => {
    const [el] = all(canvasElement);
    await el!.renderComplete;
    el!.setView({ centerX: 5e3, centerY: 5e3, pixelsPerUnit: 2e5 });
    await el!.renderComplete;
    await expect(el!.pointPosition(2)!.x - el!.pointPosition(1)!.x).toBeCloseTo(20, 3);
  },
};
