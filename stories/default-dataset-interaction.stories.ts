import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import { ClusterScatterInputError, HOVER_ANNOUNCE_MS, type ClusterScatterSelectEvent } from '@clamp-viz/components';
import { loadLayouts, type Loaded } from './fixtures/default-dataset.js';
import {
  click, clusterCounts, drag, key, legendRows, liveText, pixelsUnlike, pointer, rowsInBox, rowsOfCluster, scatterOf, sleep, squarePath, tooltipOf,
} from './fixtures/play-helpers.js';

/**
 * Interaction on the default dataset (4,000 guesses, PCA in the projection Worker): navigation, hover,
 * selection, legend, events and accessibility. Expected rows come from the data and the element's own
 * `pointPosition`, never from the generator's statistics.
 */
const meta: Meta = {
  title: 'Default dataset/Interaction',
  loaders: [loadLayouts('pca')],
  render: (_, ctx) => {
    const { ds, pca } = ctx.loaded as unknown as Loaded;
    return html`<cluster-scatter style="display:block;width:640px;height:420px" point-size="4"
      .positions=${pca} .cluster=${ds.clusterIds} .tokens=${ds.guesses} .preambles=${ds.preambles}></cluster-scatter>`;
  },
};
export default meta;
type Story = StoryObj;

const loaded = (ctx: { loaded: Record<string, unknown> }) => ctx.loaded as unknown as Loaded;
/** Strongly coloured pixels (far from the white background): dimmed points are pale, so they drop out. */
const strong = (el: ReturnType<typeof scatterOf>) => pixelsUnlike(el.readPixels()!, [255, 255, 255], 90);

export const PanZoomFit: Story = {
  name: 'Pan and zoom: mouse, wheel, touch, keyboard; fit to data',
  parameters: { docs: { description: { story: 'Drag pans, the wheel zooms at the cursor, two touch pointers pinch-zoom, arrows pan a tenth of the plot, `+` zooms, double-click and `0` fit the data again. The check follows one row on screen through each gesture.' } } },
  play: async (ctx) => {
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    const views: unknown[] = [];
    el.addEventListener('view-change', (e) => views.push(e.detail.view));
    const p0 = el.pointPosition(0)!;
    drag(el, [[300, 200], [330, 220], [350, 240]]);
    const p1 = el.pointPosition(0)!;
    await expect(p1.x - p0.x).toBeCloseTo(50, 6);
    await expect(p1.y - p0.y).toBeCloseTo(40, 6);
    const d0 = Math.hypot(el.pointPosition(1)!.x - p1.x, el.pointPosition(1)!.y - p1.y);
    el.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, cancelable: true, clientX: el.getBoundingClientRect().left + 320, clientY: el.getBoundingClientRect().top + 210 }));
    const d1 = Math.hypot(el.pointPosition(1)!.x - el.pointPosition(0)!.x, el.pointPosition(1)!.y - el.pointPosition(0)!.y);
    await expect(d1 / d0).toBeCloseTo(Math.exp(0.4), 3);
    // Pinch: two touch pointers move apart from 100 px to 200 px → ×2.
    const t = { pointerType: 'touch' };
    pointer(el, 'pointerdown', 270, 210, { ...t, pointerId: 11 });
    pointer(el, 'pointerdown', 370, 210, { ...t, pointerId: 12 });
    pointer(el, 'pointermove', 220, 210, { ...t, pointerId: 11 });
    pointer(el, 'pointermove', 420, 210, { ...t, pointerId: 12 });
    pointer(el, 'pointerup', 220, 210, { ...t, pointerId: 11 });
    pointer(el, 'pointerup', 420, 210, { ...t, pointerId: 12 });
    const d2 = Math.hypot(el.pointPosition(1)!.x - el.pointPosition(0)!.x, el.pointPosition(1)!.y - el.pointPosition(0)!.y);
    await expect(d2 / d1).toBeCloseTo(2, 3);
    const before = el.pointPosition(0)!;
    key(el, 'ArrowLeft');
    await expect(el.pointPosition(0)!.x - before.x).toBeCloseTo(64, 6);
    key(el, '0');
    await expect(el.pointPosition(0)!.x).toBeCloseTo(p0.x, 6);
    drag(el, [[300, 200], [350, 250]]);
    el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await expect(el.pointPosition(0)!.y).toBeCloseTo(p0.y, 6);
    await expect(views.length).toBeGreaterThanOrEqual(6);
    await el.renderComplete;
  },
};

export const HoverTooltip: Story = {
  name: 'Hover tooltip: token, preamble, cluster; custom formatter',
  parameters: { docs: { description: { story: "Hovering shows the nearest guess's token, its preamble and cluster as text. A `tooltipFormatter` replaces the text (still text, never HTML). The check compares the tooltip with the dataset row under the pointer." } } },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    await el.indexReady;
    const p = el.pointPosition(123)!;
    pointer(el, 'pointermove', p.x, p.y);
    await el.renderComplete;
    const h = el.hovered;
    await expect(h).toBeGreaterThanOrEqual(0);
    const q = el.pointPosition(h)!;
    await expect(Math.hypot(q.x - p.x, q.y - p.y)).toBeLessThanOrEqual(5);
    const tip = tooltipOf(el)!;
    await expect(tip).toContain(ds.guesses[h]!);
    await expect(tip).toContain(ds.preambles[h]!.slice(0, 100));
    await expect(tip).toContain(`cluster ${ds.clusterIds[h]}`);
    el.tooltipFormatter = (info) => `<b>${info.token}</b> #${info.cluster} (row ${info.index})`;
    await el.updateComplete;
    await expect(tooltipOf(el)).toBe(`<b>${ds.guesses[h]}</b> #${ds.clusterIds[h]} (row ${h})`);
    await expect(el.shadowRoot!.querySelector('[part=tooltip] b')).toBeNull();
    pointer(el, 'pointerleave', -10, -10);
    await el.updateComplete;
    await expect(el.hovered).toBe(-1);
    await expect(tooltipOf(el)).toBeNull();
  },
};

export const ClickSelect: Story = {
  name: 'Click selects a point, Shift+click its whole cluster, Ctrl adds',
  parameters: { docs: { description: { story: "A click selects the picked guess; Shift+click selects every row of its cluster; Ctrl+click adds; a click on empty space clears. The check compares `selection` with the rows of the data's cluster." } } },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    await el.indexReady;
    const a = el.pointPosition(40)!;
    click(el, a.x, a.y);
    await expect(el.selection.length).toBe(1);
    const picked = el.selection[0]!;
    const pp = el.pointPosition(picked)!;
    await expect(Math.hypot(pp.x - a.x, pp.y - a.y)).toBeLessThanOrEqual(5);
    click(el, a.x, a.y, { shiftKey: true });
    await expect(Array.from(el.selection)).toEqual(rowsOfCluster(ds.clusterIds, ds.clusterIds[picked]!));
    const clusterRows = rowsOfCluster(ds.clusterIds, ds.clusterIds[picked]!);
    const other = ds.clusterIds.findIndex((c, i) => c !== ds.clusterIds[picked] && Math.hypot(el.pointPosition(i)!.x - pp.x, el.pointPosition(i)!.y - pp.y) > 40);
    const b = el.pointPosition(other)!;
    click(el, b.x, b.y, { ctrlKey: true });
    const added = [...el.selection].filter((i) => !clusterRows.includes(i));
    await expect(added.length).toBe(1);
    await expect(clusterRows.every((i) => el.selection.includes(i))).toBe(true);
    const pb = el.pointPosition(added[0]!)!;
    await expect(Math.hypot(pb.x - b.x, pb.y - b.y)).toBeLessThanOrEqual(5);
    click(el, 2, 2);
    await expect(el.selection.length).toBe(0);
  },
};

export const LassoAndRectangle: Story = {
  name: 'Lasso and rectangle selection with modifiers',
  parameters: { docs: { description: { story: 'Shift+drag lassos; with `drag-mode="rect"` plain drags select rectangles; Ctrl/Meta adds, Alt removes. The check compares each selection with the rows whose screen position lies in the shape.' } } },
  play: async (ctx) => {
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    await el.indexReady;
    const w = el.clientWidth, h = el.clientHeight;
    const inside = (x0: number, y0: number, x1: number, y1: number) => rowsInBox(el, x0 + 0.5, y0 + 0.5, x1 - 0.5, y1 - 0.5);
    const within = (sel: Uint32Array, boxes: number[][]) =>
      [...sel].every((i) => { const p = el.pointPosition(i)!; return boxes.some(([x0, y0, x1, y1]) => p.x >= x0! - 0.5 && p.x <= x1! + 0.5 && p.y >= y0! - 0.5 && p.y <= y1! + 0.5); });
    const A = [w * 0.2, h * 0.2, w * 0.5, h * 0.6], B = [w * 0.45, h * 0.3, w * 0.8, h * 0.8];
    drag(el, squarePath(A[0]!, A[1]!, A[2]!, A[3]!), { shiftKey: true });
    const lasso = el.selection;
    await expect(lasso.length).toBeGreaterThan(0);
    await expect(within(lasso, [A])).toBe(true);
    await expect(inside(A[0]!, A[1]!, A[2]!, A[3]!).every((i) => lasso.includes(i))).toBe(true);
    el.dragMode = 'rect';
    await el.updateComplete;
    drag(el, [[B[0]!, B[1]!], [B[2]!, B[3]!]], { ctrlKey: true });
    const union = el.selection;
    await expect(within(union, [A, B])).toBe(true);
    await expect(inside(B[0]!, B[1]!, B[2]!, B[3]!).every((i) => union.includes(i))).toBe(true);
    drag(el, [[B[0]!, B[1]!], [B[2]!, B[3]!]], { altKey: true });
    const rest = el.selection;
    await expect(rest.length).toBeGreaterThan(0);
    await expect([...rest].every((i) => lasso.includes(i))).toBe(true);
    await expect(inside(B[0]!, B[1]!, B[2]!, B[3]!).some((i) => rest.includes(i))).toBe(false);
  },
};

export const ProgrammaticSelectionDimming: Story = {
  name: 'Programmatic selection dims the rest',
  parameters: { docs: { description: { story: '`select(rows)` with the rows of the largest cluster: a `select` event with those rows, the other points drawn at `--cluster-scatter-dim-opacity`. A bad row index throws a typed error naming `indices[k]`.' } } },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    const [biggest] = [...clusterCounts(ds.clusterIds)].sort((a, b) => b[1] - a[1])[0]!;
    const rows = rowsOfCluster(ds.clusterIds, biggest);
    let got: Uint32Array | null = null;
    el.addEventListener('select', (e) => (got = e.detail.indices));
    const full = strong(el);
    el.select([...rows].reverse());
    await el.renderComplete;
    await expect(Array.from(got!)).toEqual(rows);
    const dimmed = strong(el);
    await expect(dimmed).toBeLessThan(full * 0.6);
    await expect(dimmed).toBeGreaterThan(0);
    await expect(() => el.select([0, ds.clusterIds.length])).toThrow(ClusterScatterInputError);
    await expect(() => el.select([0, ds.clusterIds.length])).toThrow(/indices\[1\]/);
    el.clearSelection();
    await el.renderComplete;
    await expect(strong(el)).toBe(full);
  },
};

export const LegendHoverFilter: Story = {
  name: 'Legend: counts, hover highlight, click filter',
  parameters: { docs: { description: { story: "The legend lists every cluster with its count; hovering a row dims the other clusters, clicking hides the cluster (its points can no longer be picked or selected). Counts are checked against the data." } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<cluster-scatter legend style="display:block;width:640px;height:420px" .positions=${pca} .cluster=${ds.clusterIds}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    await el.indexReady;
    const counts = clusterCounts(ds.clusterIds);
    const rows = legendRows(el);
    await expect(rows.length).toBe(counts.size);
    await expect(rows.map((r) => [r.id, r.count])).toEqual([...counts].sort((a, b) => a[0] - b[0]));
    const big = rows.reduce((a, b) => (b.count > a.count ? b : a));
    const full = strong(el);
    big.button.dispatchEvent(new PointerEvent('pointerenter'));
    await el.renderComplete;
    await expect(strong(el)).toBeLessThan(full * 0.6);
    big.button.dispatchEvent(new PointerEvent('pointerleave'));
    big.button.click();
    await el.renderComplete;
    await expect(Array.from(el.hiddenClusterIds)).toEqual([big.id]);
    await expect(big.button.getAttribute('aria-pressed')).toBe('false');
    el.dragMode = 'rect';
    await el.updateComplete;
    drag(el, [[-5, -5], [el.clientWidth + 5, el.clientHeight + 5]]);
    await expect(el.selection.length).toBe(ds.clusterIds.length - big.count);
    await expect([...el.selection].some((i) => ds.clusterIds[i] === big.id)).toBe(false);
    big.button.click();
    await el.renderComplete;
    await expect(el.hiddenClusterIds.length).toBe(0);
  },
};

export const TypedEvents: Story = {
  name: 'Typed, bubbling, composed events',
  parameters: { docs: { description: { story: '`hover`, `select` and `view-change` bubble out of the element (composed) to a page listener with row indices. The check listens on the wrapper.' } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<div id="wrap"><cluster-scatter style="display:block;width:640px;height:420px" .positions=${pca} .cluster=${ds.clusterIds}></cluster-scatter></div>`;
  },
  play: async (ctx) => {
    const wrap = ctx.canvasElement.querySelector<HTMLDivElement>('#wrap')!;
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    await el.indexReady;
    const seen: string[] = [];
    let hovered = -2, selected: Uint32Array | null = null;
    wrap.addEventListener('hover', (e) => { seen.push('hover'); hovered = e.detail.index; });
    wrap.addEventListener('select', (e) => { seen.push('select'); selected = (e as ClusterScatterSelectEvent).detail.indices; });
    wrap.addEventListener('view-change', (e) => { seen.push('view-change'); void e.detail.view.pixelsPerUnit; });
    const p = el.pointPosition(7)!;
    pointer(el, 'pointermove', p.x, p.y);
    await expect(hovered).toBe(el.hovered);
    click(el, p.x, p.y);
    await expect(selected).toBeInstanceOf(Uint32Array);
    await expect(Array.from(selected!)).toEqual([el.hovered]);
    key(el, 'ArrowUp');
    await expect(seen).toEqual(['hover', 'select', 'view-change']);
  },
};

export const Accessibility: Story = {
  name: 'Accessibility: role, description, keyboard, Escape, live region',
  parameters: { docs: { description: { story: 'The canvas is an image labelled with point and cluster counts; the element takes keyboard focus; arrows pan, `Escape` clears the selection; a polite live region announces the hovered guess and selection changes.' } } },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    await el.indexReady;
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    await expect(canvas.getAttribute('role')).toBe('img');
    await expect(canvas.getAttribute('aria-label')).toBe(`Scatter plot of ${ds.clusterIds.length} points in ${clusterCounts(ds.clusterIds).size} clusters`);
    await expect(el.tabIndex).toBe(0);
    el.focus();
    await expect(document.activeElement === el || el.matches(':focus')).toBe(true);
    const p = el.pointPosition(5)!;
    pointer(el, 'pointermove', p.x, p.y);
    await sleep(HOVER_ANNOUNCE_MS + 50); // hover announcements are debounced
    await el.updateComplete;
    await expect(liveText(el)).toContain(ds.guesses[el.hovered]!);
    el.select([1, 2, 3]);
    await el.updateComplete;
    await expect(liveText(el)).toBe('3 points selected');
    key(el, 'Escape');
    await el.updateComplete;
    await expect(el.selection.length).toBe(0);
    await expect(liveText(el)).toBe('Selection cleared');
    const before = el.pointPosition(5)!;
    key(el, 'ArrowDown');
    await expect(before.y - el.pointPosition(5)!.y).toBeCloseTo(el.clientHeight / 10, 6);
    await sleep(0);
  },
};
