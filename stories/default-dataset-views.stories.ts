import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import { categoricalColor, createSelectionModel, type ClusterOutline } from '@clamp-viz/components';
import { distinctPreambles, loadLayouts, rowsOfPreamble, subset, type Loaded } from './fixtures/default-dataset.js';
import {
  allScatters, clusterCounts, drag, pixelsChanged, pixelsUnlike, pointer, preferReducedMotion, rgbAt, rgbOf, rowsOfCluster, scatterOf, sleep, squarePath, tooltipOf, zoomOnto,
} from './fixtures/play-helpers.js';

/**
 * Views of the default dataset (4,000 guesses; PCA and PCA of the cluster centres computed once per page in the projection
 * Worker): morph between methods, linked views, outlines, PNG export, context loss, many plots, deep zoom.
 */
const meta: Meta = { title: 'Default dataset/Views', loaders: [loadLayouts('pca', 'pca-centers')] };
export default meta;
type Story = StoryObj;

const loaded = (ctx: { loaded: Record<string, unknown> }) => ctx.loaded as unknown as Loaded;
const style = 'display:block;width:560px;height:400px';

export const MorphPcaToLda: Story = {
  name: 'Morph between methods (PCA ⇄ PCA of cluster centres)',
  parameters: { docs: { description: { story: 'The same rows, new coordinates: with `transition="700"` the points glide from the PCA layout to the `pca-centers` layout (PCA fitted on the cluster means; button). The check: a frame mid-way differs from the end picture, the end positions are the second layout\'s, and with `prefers-reduced-motion` the change is immediate.' } } },
  render: (_, ctx) => {
    const { ds, pca, centers } = loaded(ctx);
    let second = false;
    const toggle = (e: Event) => {
      const el = (e.target as HTMLElement).parentElement!.querySelector('cluster-scatter')!;
      second = !second;
      el.positions = second ? centers : pca;
      (e.target as HTMLElement).textContent = second ? 'Show PCA' : 'Show PCA of cluster centres';
    };
    return html`<div><button @click=${toggle}>Show PCA of cluster centres</button>
      <cluster-scatter transition="700" point-size="3" style=${style} .positions=${pca} .cluster=${ds.clusterIds} .tokens=${ds.guesses}></cluster-scatter></div>`;
  },
  play: async (ctx) => {
    const { centers } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    const button = ctx.canvasElement.querySelector('button')!;
    await el.renderComplete;
    button.click();
    await el.renderComplete;
    await sleep(150);
    const mid = el.readPixels()!;
    await sleep(900);
    await el.renderComplete;
    const end = el.readPixels()!;
    await expect(pixelsChanged(mid, end)).toBeGreaterThan(200);
    // End positions are the second layout's: screen offsets between rows are proportional to its offsets.
    const [a, b, c] = [0, 1000, 2000].map((i) => el.pointPosition(i)!);
    const s = (b!.x - a!.x) / (centers[2000]! - centers[0]!);
    await expect((c!.x - a!.x) / (centers[4000]! - centers[0]!)).toBeCloseTo(s, 3);
    // Reduced motion: the switch back to PCA jumps (no frame differs after the first one).
    const restore = preferReducedMotion();
    try {
      button.click();
      await el.renderComplete;
      const first = el.readPixels()!;
      await sleep(150);
      await expect(pixelsChanged(first, el.readPixels()!)).toBe(0);
    } finally {
      restore();
    }
  },
};

export const LinkedPcaAndLda: Story = {
  name: 'Linked views: PCA and PCA of cluster centres share one selection model',
  parameters: { docs: { description: { story: 'Two plots of the same rows (PCA left, `pca-centers` right) with one `createSelectionModel()`. A lasso in the left plot selects the same rows on the right; hovering a point on the right shows its tooltip on the left too.' } } },
  render: (_, ctx) => {
    const { ds, pca, centers } = loaded(ctx);
    const model = createSelectionModel();
    return html`<div style="display:flex;gap:8px">
      <cluster-scatter style="display:block;width:440px;height:360px" .selectionModel=${model} .positions=${pca} .cluster=${ds.clusterIds} .tokens=${ds.guesses} .preambles=${ds.preambles}></cluster-scatter>
      <cluster-scatter style="display:block;width:440px;height:360px" .selectionModel=${model} .positions=${centers} .cluster=${ds.clusterIds} .tokens=${ds.guesses} .preambles=${ds.preambles}></cluster-scatter>
    </div>`;
  },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const [left, right] = allScatters(ctx.canvasElement) as [ReturnType<typeof scatterOf>, ReturnType<typeof scatterOf>];
    await Promise.all([left.indexReady, right.indexReady, left.renderComplete, right.renderComplete]);
    let rightEvent: Uint32Array | null = null;
    right.addEventListener('select', (e) => (rightEvent = e.detail.indices));
    drag(left, squarePath(100, 80, 300, 260), { shiftKey: true });
    await expect(left.selection.length).toBeGreaterThan(0);
    await expect(Array.from(right.selection)).toEqual(Array.from(left.selection));
    await expect(Array.from(rightEvent!)).toEqual(Array.from(left.selection));
    const p = right.pointPosition(321)!;
    pointer(right, 'pointermove', p.x, p.y);
    await left.updateComplete;
    await expect(left.hovered).toBe(right.hovered);
    await expect(tooltipOf(left)).toContain(ds.guesses[right.hovered]!);
  },
};

/** Each given cluster's bounding box in `layout` as a one-ring outline (data coordinates). O(n·k). */
function boxOutlines(cluster: Int32Array, layout: Float32Array, ids: readonly number[]): ClusterOutline[] {
  return ids.map((id) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const r of rowsOfCluster(cluster, id)) {
      x0 = Math.min(x0, layout[2 * r]!); x1 = Math.max(x1, layout[2 * r]!);
      y0 = Math.min(y0, layout[2 * r + 1]!); y1 = Math.max(y1, layout[2 * r + 1]!);
    }
    return { clusterId: id, rings: [Float32Array.of(x0, y0, x1, y0, x1, y1, x0, y1)] };
  });
}

export const Outlines: Story = {
  name: "Cluster outlines: given polygons and 'auto'",
  parameters: { docs: { description: { story: "Left: `outlines=\"auto\"` (concave hull of each cluster's dense core). Right: given polygons — the bounding box of each of the five largest clusters, from the data. The check: outlines change the picture and raise no error; a malformed ring is rejected with an error naming it." } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<div style="display:flex;gap:8px">
      <cluster-scatter style="display:block;width:440px;height:360px" point-size="2" .positions=${pca} .cluster=${ds.clusterIds}></cluster-scatter>
      <cluster-scatter style="display:block;width:440px;height:360px" point-size="2" .positions=${pca} .cluster=${ds.clusterIds}></cluster-scatter>
    </div>`;
  },
  play: async (ctx) => {
    const { ds, pca } = loaded(ctx);
    const [auto, given] = allScatters(ctx.canvasElement) as [ReturnType<typeof scatterOf>, ReturnType<typeof scatterOf>];
    await auto.renderComplete;
    await given.renderComplete;
    const plainAuto = auto.readPixels()!, plainGiven = given.readPixels()!;
    const largest = [...clusterCounts(ds.clusterIds)].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id]) => id);
    const boxes = boxOutlines(ds.clusterIds, pca, largest);
    auto.outlines = 'auto';
    given.outlines = boxes;
    await auto.renderComplete;
    await given.renderComplete;
    await expect(auto.error).toBeNull();
    await expect(given.error).toBeNull();
    await expect(pixelsChanged(plainAuto, auto.readPixels()!)).toBeGreaterThan(100);
    await expect(pixelsChanged(plainGiven, given.readPixels()!)).toBeGreaterThan(100);
    given.outlines = [{ clusterId: 0, rings: [Float32Array.of(0, 0, 1)] }];
    await given.renderComplete;
    await expect(given.error?.message).toMatch(/outlines\[0\]\.rings\[0\]/);
    given.outlines = boxes;
    await given.renderComplete;
    await expect(given.error).toBeNull();
  },
};

export const ExportPNG: Story = {
  name: 'PNG export at a chosen scale',
  parameters: { docs: { description: { story: '`toPNG({scale: 3})` renders the current view at 3× the CSS size. The check decodes the PNG: its size, and that thousands of its pixels are points, not background.' } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<cluster-scatter style="display:block;width:400px;height:300px" point-size="3" .positions=${pca} .cluster=${ds.clusterIds}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    const blob = await el.toPNG({ scale: 3 });
    await expect(blob.type).toBe('image/png');
    const bitmap = await createImageBitmap(blob);
    await expect([bitmap.width, bitmap.height]).toEqual([1200, 900]);
    const c = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    c.drawImage(bitmap, 0, 0);
    await expect(pixelsUnlike(c.getImageData(0, 0, 1200, 900), [255, 255, 255])).toBeGreaterThan(5000);
    await expect(el.toPNG({ scale: 0 })).rejects.toThrow();
  },
};

export const ContextLoss: Story = {
  name: 'Survives WebGL context loss',
  parameters: { docs: { description: { story: "The page's shared WebGL context is lost and restored (`WEBGL_lose_context`); the plot re-creates its resources and draws the same pixels." } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<cluster-scatter style=${style} .positions=${pca} .cluster=${ds.clusterIds}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    const before = el.readPixels()!;
    const gl = el.layer!.renderer.gl;
    const canvas = gl.canvas as HTMLCanvasElement;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
    ext.loseContext();
    await lost;
    await sleep(20); // restoreContext is ignored inside the lost event's task
    const restored = new Promise((r) => canvas.addEventListener('webglcontextrestored', r, { once: true }));
    ext.restoreContext();
    await restored;
    await el.renderComplete;
    await expect(pixelsChanged(before, el.readPixels()!)).toBe(0);
    await expect(el.layer!.renderer.gl.isContextLost()).toBe(false);
  },
};

export const TwentySentences: Story = {
  name: '20 plots on a page: one per preamble',
  parameters: { docs: { description: { story: "Small multiples of the notebook's one-sentence view: 20 preambles, each plot its 40 guesses in Tol's rainbow, all drawn through one shared WebGL context. The check: every plot draws its 40 points." } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<div style="display:grid;grid-template-columns:repeat(5,150px);gap:6px">${distinctPreambles(ds).slice(0, 20).map((pre) => {
      const s = subset(ds, pca, rowsOfPreamble(ds, pre));
      return html`<cluster-scatter style="display:block;height:120px" color-scheme="tol-rainbow" point-size="6" title=${pre} .positions=${s.positions} .cluster=${s.cluster} .tokens=${s.tokens}></cluster-scatter>`;
    })}</div>`;
  },
  play: async (ctx) => {
    const els = allScatters(ctx.canvasElement);
    await Promise.all(els.map((el) => el.renderComplete));
    await expect(els.length).toBe(20);
    await expect(els.map((el) => el.pointCount)).toEqual(Array(20).fill(40));
    const drawn = els.map((el) => pixelsUnlike(el.readPixels()!, [255, 255, 255]));
    await expect(drawn.every((n) => n > 150)).toBe(true);
    await expect(els.every((el) => !el.layer!.renderer.gl.isContextLost())).toBe(true);
  },
};

export const DeepZoom: Story = {
  name: 'Deep zoom keeps float precision',
  parameters: { docs: { description: { story: 'Keyboard zoom ×1.25⁸⁰ (≈ 6·10⁷) onto one guess: the point stays drawn where `pointPosition` says, in its cluster colour (coordinates relative to the view centre on the GPU).' } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<cluster-scatter style="display:block;width:400px;height:300px" point-size="8" .positions=${pca} .cluster=${ds.clusterIds}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    const i = 1234;
    const p = await zoomOnto(el, i, 80);
    const img = el.readPixels()!;
    await expect(rgbAt(el, p.x, p.y, img)).toEqual(rgbOf(categoricalColor(ds.clusterIds[i]!)));
    await expect(rgbAt(el, p.x + 2, p.y - 1, img)).toEqual(rgbOf(categoricalColor(ds.clusterIds[i]!)));
    await expect(rgbAt(el, p.x + 8, p.y, img)).toEqual([255, 255, 255]);
  },
};
