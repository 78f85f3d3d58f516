import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import { createSelectionModel } from '@clamp-viz/components';
import { MILLION, millionPoints } from './fixtures/million-points.js';
import {
  allScatters, click, clusterCounts, drag, key, legendRows, pixelsChanged, pixelsUnlike, pointer, rowsInBox, rowsOfCluster, scatterOf, squarePath, tooltipOf,
} from './fixtures/play-helpers.js';

/**
 * Interaction at 1,000,000 seeded points in 300 Gaussian blobs (typed arrays, generated once per page):
 * hover and click picking, lasso/rectangle selection, the legend and linked views. The picking index is
 * built in a Worker; every check derives its expectation from the arrays passed in.
 */
const meta: Meta = {
  title: '1M points/Interaction',
  render: () => {
    const d = millionPoints();
    return html`<cluster-scatter style="display:block;width:640px;height:440px" point-size="1" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
};
export default meta;
type Story = StoryObj;

const strong = (el: ReturnType<typeof scatterOf>) => pixelsUnlike(el.readPixels()!, [255, 255, 255], 90);

export const HoverClickEvents: Story = {
  name: 'Hover with a custom tooltip, click and Shift+click at 1M',
  parameters: { docs: { description: { story: 'A `tooltipFormatter` names the row and cluster (no per-point strings at 1M). Hover fires `hover` with the row; a click selects it; Shift+click selects its whole cluster (checked against the data).' } } },
  render: () => {
    const d = millionPoints();
    const format = (info: { index: number; cluster: number | null }) => `row ${info.index} · cluster ${info.cluster}`;
    return html`<cluster-scatter style="display:block;width:640px;height:440px" point-size="1" .tooltipFormatter=${format} .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const { cluster } = millionPoints();
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    await el.indexReady;
    await expect(el.pointCount).toBe(MILLION);
    let hovered = -2;
    el.addEventListener('hover', (e) => (hovered = e.detail.index));
    const p = el.pointPosition(654_321)!;
    pointer(el, 'pointermove', p.x, p.y);
    await el.updateComplete;
    const h = el.hovered;
    await expect(h).toBeGreaterThanOrEqual(0);
    await expect(hovered).toBe(h);
    await expect(tooltipOf(el)).toBe(`row ${h} · cluster ${cluster[h]}`);
    click(el, p.x, p.y);
    await expect(Array.from(el.selection)).toEqual([h]);
    click(el, p.x, p.y, { shiftKey: true });
    await expect(Array.from(el.selection)).toEqual(rowsOfCluster(cluster, cluster[h]!));
    key(el, 'Escape');
    await expect(el.selection.length).toBe(0);
  },
};

export const LassoAndRectangle: Story = {
  name: 'Lasso and rectangle selection with modifiers at 1M',
  parameters: { docs: { description: { story: 'A rectangle drag (`drag-mode="rect"`), then Shift+Alt lasso removing part of it; the unselected points are dimmed. The check compares the selection with a brute-force scan of screen positions.' } } },
  play: async ({ canvasElement }) => {
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    await el.indexReady;
    let events = 0;
    el.addEventListener('select', () => events++);
    const full = strong(el);
    el.dragMode = 'rect';
    await el.updateComplete;
    const [x0, y0, x1, y1] = [200, 120, 420, 300];
    drag(el, [[x0, y0], [x1, y1]]);
    const rect = el.selection;
    const expected = rowsInBox(el, x0 + 0.5, y0 + 0.5, x1 - 0.5, y1 - 0.5);
    const loose = rowsInBox(el, x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5);
    await expect(rect.length).toBeGreaterThanOrEqual(expected.length);
    await expect(rect.length).toBeLessThanOrEqual(loose.length);
    const set = new Set(rect);
    await expect(expected.every((i) => set.has(i))).toBe(true);
    await el.renderComplete;
    await expect(strong(el)).toBeLessThan(full);
    drag(el, squarePath(300, 100, 460, 320), { shiftKey: true, altKey: true });
    const left = el.selection;
    await expect(left.length).toBeLessThan(rect.length);
    await expect(left.length).toBeGreaterThan(0);
    const cut = rowsInBox(el, 300.5, 100.5, 459.5, 319.5);
    const leftSet = new Set(left);
    await expect(cut.some((i) => leftSet.has(i))).toBe(false);
    await expect([...left].every((i) => set.has(i))).toBe(true);
    await expect(events).toBe(2);
  },
};

export const LegendFilter: Story = {
  name: 'Legend with 300 clusters: counts, highlight, filter at 1M',
  parameters: { docs: { description: { story: 'The legend lists all 300 clusters with their counts (checked against the data); hovering a row dims the rest; clicking hides the cluster, which a full-plot rectangle then does not select.' } } },
  render: () => {
    const d = millionPoints();
    return html`<cluster-scatter legend drag-mode="rect" style="display:block;width:640px;height:440px" point-size="1" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const { cluster } = millionPoints();
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    await el.indexReady;
    const rows = legendRows(el);
    await expect(rows.map((r) => [r.id, r.count])).toEqual([...clusterCounts(cluster)].sort((a, b) => a[0] - b[0]));
    const full = el.readPixels()!;
    rows[7]!.button.dispatchEvent(new PointerEvent('pointerenter'));
    await el.renderComplete;
    const highlighted = el.readPixels()!;
    // Dimmed points fade towards the background: fewer strong pixels, and a large share of the picture changes.
    await expect(pixelsUnlike(highlighted, [255, 255, 255], 90)).toBeLessThan(pixelsUnlike(full, [255, 255, 255], 90));
    await expect(pixelsChanged(full, highlighted)).toBeGreaterThan(0.3 * pixelsUnlike(full, [255, 255, 255]));
    rows[7]!.button.dispatchEvent(new PointerEvent('pointerleave'));
    rows[7]!.button.click();
    await el.renderComplete;
    await expect(Array.from(el.hiddenClusterIds)).toEqual([rows[7]!.id]);
    drag(el, [[-2, -2], [el.clientWidth + 2, el.clientHeight + 2]]);
    await expect(el.selection.length).toBe(MILLION - rows[7]!.count);
  },
};

export const LinkedViews: Story = {
  name: 'Linked views of 1M rows',
  parameters: { docs: { description: { story: 'Two 1M-point plots of the same rows in two layouts share a `createSelectionModel()`: a lasso in the left plot selects the same rows in the right one; a programmatic selection in the right one shows on the left.' } } },
  render: () => {
    const d = millionPoints();
    const model = createSelectionModel();
    return html`<div style="display:flex;gap:8px">
      <cluster-scatter style="display:block;width:420px;height:360px" point-size="1" .selectionModel=${model} .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>
      <cluster-scatter style="display:block;width:420px;height:360px" point-size="1" .selectionModel=${model} .positions=${d.other} .cluster=${d.cluster}></cluster-scatter>
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const { cluster } = millionPoints();
    const [left, right] = allScatters(canvasElement) as [ReturnType<typeof scatterOf>, ReturnType<typeof scatterOf>];
    await Promise.all([left.renderComplete, right.renderComplete, left.indexReady]);
    drag(left, squarePath(150, 120, 260, 220), { shiftKey: true });
    await expect(left.selection.length).toBeGreaterThan(0);
    await expect(right.selection).toEqual(left.selection);
    const rows = rowsOfCluster(cluster, 42);
    right.select(rows);
    await expect(Array.from(left.selection)).toEqual(rows);
  },
};
