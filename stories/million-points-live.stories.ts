import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import { createSelectionModel, HOVER_ANNOUNCE_MS } from '@clamp-viz/components';
import { MILLION, millionInThirtyClusters, millionPoints } from './fixtures/million-points.js';
import {
  clusterCounts, drag, key, legendRows, liveText, pixelsChanged, pointer, preferReducedMotion, rgbAt, rowsOfCluster, scatterOf, sleep,
} from './fixtures/play-helpers.js';

/**
 * Live layouts, auto outlines, touch and the page environment (theme, reduced motion, live region) at
 * 1,000,000 seeded points in 300 Gaussian blobs (30 for the outlines; generated once per page). Each check reads few full
 * frames: a full redraw of 1M points in software WebGL costs about a second.
 */
const meta: Meta = { title: '1M points/Live and environment' };
export default meta;
type Story = StoryObj;
type Scatter = ReturnType<typeof scatterOf>;

/** Rows whose offsets the position checks compare (spread over the data). */
const A = 0, B = 400_001, C = 999_998;

/**
 * How the element draws `layout` (n×2): the screen offsets of rows B and C from row A divided by the
 * layout's data offsets, as [x_B, x_C, -y_B, -y_C]. All four are one common scale when the element
 * draws `layout` (screen y points down); {@link expectFollows} checks that.
 */
function scales(el: Scatter, layout: Float32Array): number[] {
  const [a, b, c] = [A, B, C].map((i) => el.pointPosition(i)!);
  return [
    (b!.x - a!.x) / (layout[2 * B]! - layout[2 * A]!), (c!.x - a!.x) / (layout[2 * C]! - layout[2 * A]!),
    -(b!.y - a!.y) / (layout[2 * B + 1]! - layout[2 * A + 1]!), -(c!.y - a!.y) / (layout[2 * C + 1]! - layout[2 * A + 1]!),
  ];
}

/** Asserts that the element draws `layout`: all of {@link scales} equal (within 0.1 %) and positive. */
async function expectFollows(el: Scatter, layout: Float32Array): Promise<void> {
  const s = scales(el, layout);
  await expect(s[0]).toBeGreaterThan(0);
  await expect(s.map((v) => Math.round((v / s[0]!) * 1000) / 1000)).toEqual([1, 1, 1, 1]);
}

/**
 * Step k of a stream of layouts as a projection worker might send them: `from` rotated by k·25° and
 * stretched along x by 1 + k/4 (a new n×2 array). O(n).
 */
function step(from: Float32Array, k: number): Float32Array {
  const a = (k * 25 * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a), out = new Float32Array(from.length);
  for (let j = 0; j < from.length; j += 2) {
    const x = from[j]!, y = from[j + 1]!;
    out[j] = (1 + k / 4) * (c * x - s * y);
    out[j + 1] = s * x + c * y;
  }
  return out;
}

export const LiveLayout: Story = {
  name: 'Live layout: updatePositions streaming 1M rows, hover afterwards',
  parameters: { docs: { description: { story: 'A projection worker streams intermediate layouts; each goes to `updatePositions(xy)` (positions uploaded in place: colours, selection kept; picking index rebuilt in a Worker). Three layouts (the data turning and stretching), the last two back to back. The check: after each, the drawn positions are that layout\'s; the selection survives; the picture changes; hover picks the right row of the final layout.' } } },
  render: () => {
    const d = millionPoints();
    const model = createSelectionModel();
    model.select(Uint32Array.from(rowsOfCluster(d.cluster, 17))); // selected from the first frame on
    return html`<cluster-scatter point-size="1" style="display:block;width:560px;height:400px" .selectionModel=${model} .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const { positions, cluster } = millionPoints();
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    await expectFollows(el, positions);
    const rows = rowsOfCluster(cluster, 17);
    await expect(Array.from(el.selection)).toEqual(rows);
    const first = el.readPixels()!;
    const layouts = [1, 2, 3].map((k) => step(positions, k));
    let renders = 0;
    el.addEventListener('cluster-scatter-render', () => renders++);
    el.updatePositions(layouts[0]!);
    await el.renderComplete;
    await expectFollows(el, layouts[0]!);
    el.updatePositions(layouts[1]!);
    el.updatePositions(layouts[2]!);
    await el.renderComplete;
    await expectFollows(el, layouts[2]!);
    await expect(renders).toBeGreaterThanOrEqual(2);
    await expect(el.pointCount).toBe(MILLION);
    await expect(Array.from(el.selection)).toEqual(rows);
    await expect(pixelsChanged(first, el.readPixels()!)).toBeGreaterThan(1000);
    // Hover on the final layout: the index (built in a Worker) follows the last positions.
    await el.indexReady;
    let hovered = -2;
    el.addEventListener('hover', (e) => (hovered = e.detail.index));
    const p = el.pointPosition(654_321)!;
    pointer(el, 'pointermove', p.x, p.y);
    await el.updateComplete;
    const h = el.hovered;
    await expect(h).toBeGreaterThanOrEqual(0);
    await expect(hovered).toBe(h);
    const q = el.pointPosition(h)!;
    await expect(Math.hypot(q.x - p.x, q.y - p.y)).toBeLessThanOrEqual(el.pointSize / 2 + 3);
    await sleep(HOVER_ANNOUNCE_MS + 50); // hover announcements are debounced
    await el.updateComplete;
    await expect(liveText(el)).toBe(`point ${h}, cluster ${cluster[h]}`);
  },
};

export const AutoOutlines: Story = {
  name: "Outlines 'auto' at 1M (hulls in a Worker)",
  parameters: { docs: { description: { story: "`outlines=\"auto\"` over 1M points in 30 clusters: the concave hull of each cluster's dense core, computed in a Worker (the plot stays interactive meanwhile) and drawn when ready. The check: the job is pending right after the change and hover answers meanwhile, then the outlines change the picture, one per cluster, without an error. (30 clusters keep the check short: the hull work grows with the cluster count.)" } } },
  render: () => {
    const d = millionInThirtyClusters();
    return html`<cluster-scatter point-size="1" style="display:block;width:560px;height:400px" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const { cluster } = millionInThirtyClusters();
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    const plain = el.readPixels()!;
    el.outlines = 'auto';
    await el.updateComplete;
    await expect(el.outlineJob.pending).toBe(true); // off the main thread: the page still answers
    await el.indexReady; // built meanwhile in its own Worker
    const p = el.pointPosition(A)!;
    pointer(el, 'pointermove', p.x, p.y);
    await expect(el.hovered).toBeGreaterThanOrEqual(0);
    pointer(el, 'pointerleave', -10, -10);
    for (let t = 0; t < 600 && el._autoOutlines === null; t++) await sleep(100);
    await el.renderComplete;
    await expect(el.error).toBeNull();
    const hulls = el._autoOutlines!;
    await expect(new Set(hulls.map((o) => o.clusterId))).toEqual(new Set(clusterCounts(cluster).keys()));
    await expect(pixelsChanged(plain, el.readPixels()!)).toBeGreaterThan(2000);
  },
};

export const TouchPanViewChange: Story = {
  name: 'Touch pinch, drag-pan and view-change at 1M; live region',
  parameters: { docs: { description: { story: 'A mouse drag pans, two touch pointers pinch-zoom, a one-finger touch drag pans, each firing `view-change` with the new view; `0` fits again. Then the polite live region announces the hovered point, a selection, its clearing with `Escape` and a legend filter. The check follows rows on screen through each gesture.' } } },
  render: () => {
    const d = millionPoints();
    return html`<cluster-scatter legend point-size="1" style="display:block;width:560px;height:400px" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const { cluster } = millionPoints();
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    const views: { pixelsPerUnit: number }[] = [];
    el.addEventListener('view-change', (e) => views.push(e.detail.view));
    const gap = () => Math.hypot(el.pointPosition(B)!.x - el.pointPosition(A)!.x, el.pointPosition(B)!.y - el.pointPosition(A)!.y);
    const p0 = el.pointPosition(A)!, d0 = gap();
    drag(el, [[280, 200], [300, 215], [320, 230]]);
    const p1 = el.pointPosition(A)!;
    await expect([p1.x - p0.x, p1.y - p0.y].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([40, 30]);
    const t = { pointerType: 'touch' };
    pointer(el, 'pointerdown', 230, 200, { ...t, pointerId: 21 });
    pointer(el, 'pointerdown', 330, 200, { ...t, pointerId: 22 });
    pointer(el, 'pointermove', 205, 200, { ...t, pointerId: 21 });
    pointer(el, 'pointermove', 355, 200, { ...t, pointerId: 22 });
    pointer(el, 'pointerup', 205, 200, { ...t, pointerId: 21 });
    pointer(el, 'pointerup', 355, 200, { ...t, pointerId: 22 });
    await expect(gap() / d0).toBeCloseTo(1.5, 3);
    await expect(views[views.length - 1]!.pixelsPerUnit / views[0]!.pixelsPerUnit).toBeCloseTo(1.5, 3);
    const p2 = el.pointPosition(A)!;
    drag(el, [[200, 200], [180, 190], [160, 180]], { ...t, pointerId: 23 });
    const p3 = el.pointPosition(A)!;
    await expect([p3.x - p2.x, p3.y - p2.y].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([-40, -20]);
    const before = views.length;
    key(el, '0');
    await expect(views.length).toBe(before + 1);
    await expect(el.pointPosition(A)!.x).toBeCloseTo(p0.x, 6);
    await el.renderComplete;
    // The live region (text only): hover, selection, Escape, legend filter.
    await el.indexReady;
    const p = el.pointPosition(C)!;
    pointer(el, 'pointermove', p.x, p.y);
    await sleep(HOVER_ANNOUNCE_MS + 50); // hover announcements are debounced
    await el.updateComplete;
    const h = el.hovered;
    await expect(liveText(el)).toBe(`point ${h}, cluster ${cluster[h]}`);
    el.select(rowsOfCluster(cluster, cluster[h]!));
    await el.updateComplete;
    await expect(liveText(el)).toBe(`${clusterCounts(cluster).get(cluster[h]!)} points selected`);
    key(el, 'Escape');
    await el.updateComplete;
    await expect(liveText(el)).toBe('Selection cleared');
    const row = legendRows(el)[3]!;
    row.button.click();
    await el.updateComplete;
    await expect(liveText(el)).toBe(`cluster ${row.id} hidden`);
  },
};

export const ThemeAndReducedMotion: Story = {
  name: "theme='auto', CSS custom properties and reduced motion at 1M",
  parameters: { docs: { description: { story: '`theme="auto"` follows `prefers-color-scheme`; a `--cluster-scatter-background` set on the element re-themes it at run time. With `transition="5000"` but `prefers-reduced-motion: reduce`, new coordinates for all 1M rows are drawn at once, without a morph. The check reads the background pixel and compares frames.' } } },
  render: () => {
    const d = millionPoints();
    return html`<cluster-scatter theme="auto" transition="5000" point-size="1" style="display:block;width:480px;height:360px" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const { other } = millionPoints();
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    await expect(rgbAt(el, 1, 1)).toEqual(dark ? [0x12, 0x12, 0x12] : [255, 255, 255]);
    // One run-time change of both: a background from CSS, and all 1M rows moving under reduced motion.
    const restore = preferReducedMotion();
    try {
      el.style.setProperty('--cluster-scatter-background', '#002b36');
      el.positions = other;
      await el.renderComplete;
      const first = el.readPixels()!;
      await expect(rgbAt(el, 1, 1, first)).toEqual([0x00, 0x2b, 0x36]);
      await expectFollows(el, other);
      await sleep(300);
      await el.renderComplete;
      await expect(pixelsChanged(first, el.readPixels()!)).toBe(0);
    } finally {
      restore();
    }
  },
};
