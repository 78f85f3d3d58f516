import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import { gaussianBlobs } from './fixtures/gaussian-blobs.js';
import { createSelectionModel } from '@clamp-viz/components';
import type { ClusterScatter } from '@clamp-viz/components';

/** n points in k Gaussian blobs with a token and preamble per point (the first token hostile, shown as text). */
function blobs(n: number, k: number, seed: number) {
  const { positions, cluster } = gaussianBlobs(n, k, seed);
  const tokens = Array.from({ length: Math.min(n, 50_000) }, (_, i) => (i === 0 ? '<img src=x onerror=alert(1)>' : `token${i}`));
  const preambles = tokens.map((_, i) => `Preamble sentence number ${i}.`);
  return { positions, cluster, tokens, preambles };
}

const meta: Meta = { title: 'Components/cluster-scatter/interaction' };
export default meta;
type Story = StoryObj;

const scatterOf = (root: HTMLElement, i = 0) => root.querySelectorAll('cluster-scatter')[i] as ClusterScatter;

function pointer(el: Element, type: string, x: number, y: number, init: PointerEventInit = {}) {
  const r = el.getBoundingClientRect();
  el.dispatchEvent(new PointerEvent(type, { pointerId: 1, button: 0, clientX: r.left + x, clientY: r.top + y, bubbles: true, composed: true, ...init }));
}

function square(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0 + 1]];
}

/** Hover shows token, preamble and cluster as text (the first token is an `<img onerror>` string). */
export const HoverTooltip: Story = {
  render: () => {
    const d = blobs(3000, 12, 1);
    return html`<cluster-scatter style="height:400px;max-width:600px" point-size="5" .positions=${d.positions} .cluster=${d.cluster} .tokens=${d.tokens} .preambles=${d.preambles}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    await el.indexReady;
    const p = el.pointPosition(0)!;
    pointer(el, 'pointermove', p.x, p.y);
    await el.renderComplete;
    const tip = el.shadowRoot!.querySelector('[part=tooltip]')!;
    await expect(el.hovered).toBeGreaterThanOrEqual(0);
    await expect(tip.querySelector('img')).toBeNull();
    await expect(tip.textContent).toContain(el.hovered === 0 ? '<img src=x onerror=alert(1)>' : `token${el.hovered}`);
  },
};

/** Shift+drag lassos (Ctrl adds, Alt removes); `drag-mode="rect"` drags rectangles; Escape clears. */
export const LassoSelection: Story = {
  render: () => {
    const d = blobs(5000, 30, 2);
    return html`<cluster-scatter style="height:400px;max-width:600px" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    await el.indexReady;
    let selected: Uint32Array | null = null;
    el.addEventListener('select', (e) => (selected = e.detail.indices));
    const w = el.clientWidth, h = el.clientHeight;
    const path = square(w * 0.3, h * 0.3, w * 0.7, h * 0.7);
    pointer(el, 'pointerdown', path[0]![0], path[0]![1], { shiftKey: true });
    for (const [x, y] of path.slice(1)) pointer(el, 'pointermove', x, y, { shiftKey: true });
    pointer(el, 'pointerup', path[4]![0], path[4]![1], { shiftKey: true });
    await expect(selected).not.toBeNull();
    await expect(selected!.length).toBeGreaterThan(0);
    const inside = (i: number) => {
      const p = el.pointPosition(i)!;
      return p.x >= w * 0.3 - 1 && p.x <= w * 0.7 + 1 && p.y >= h * 0.3 - 1 && p.y <= h * 0.7 + 1;
    };
    await expect([...selected!].every(inside)).toBe(true); // one assertion: each storybook expect is logged
  },
};

/** A legend with counts: hover highlights a cluster, click hides it. */
export const Legend: Story = {
  render: () => {
    const d = blobs(5000, 12, 3);
    return html`<cluster-scatter legend color-scheme="tol-rainbow" style="height:400px;max-width:600px" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    const items = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=legend-item]');
    await expect(items.length).toBe(12);
    items[0]!.click();
    await el.renderComplete;
    await expect(Array.from(el.hiddenClusterIds)).toEqual([0]);
    items[0]!.click();
  },
};

/** `theme="dark"`: background and text from CSS custom properties. */
export const DarkTheme: Story = {
  render: () => {
    const d = blobs(5000, 30, 4);
    return html`<cluster-scatter theme="dark" legend style="height:400px;max-width:600px" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    const img = el.readPixels()!;
    await expect(Array.from(img.data.subarray(0, 3))).toEqual([0x12, 0x12, 0x12]);
  },
};

/** `transition="600"`: new coordinates for the same rows morph (click the plot's button to flip). */
export const Morph: Story = {
  render: () => {
    const d = blobs(20000, 30, 5);
    const flipped = d.positions.map((v, i) => (i % 2 ? v : -v));
    let flip = false;
    const toggle = (e: Event) => {
      const el = (e.target as HTMLElement).nextElementSibling as ClusterScatter;
      flip = !flip;
      el.positions = flip ? flipped : d.positions;
    };
    return html`<button @click=${toggle}>flip x</button><cluster-scatter transition="600" style="height:400px;max-width:600px" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    const before = el.pointPosition(0)!;
    canvasElement.querySelector('button')!.click();
    await new Promise((r) => setTimeout(r, 800));
    await el.renderComplete;
    const after = el.pointPosition(0)!;
    await expect(Math.abs(after.x - before.x)).toBeGreaterThan(1);
  },
};

/** Two plots linked through `createSelectionModel()`: a lasso in one selects in both. */
export const LinkedViews: Story = {
  render: () => {
    const d = blobs(4000, 20, 6);
    const model = createSelectionModel();
    const other = d.positions.map((v, i) => (i % 2 ? v * 0.5 + Math.sin(v) : v));
    return html`<div style="display:flex;gap:8px">
      <cluster-scatter style="height:320px;flex:1" .selectionModel=${model} .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>
      <cluster-scatter style="height:320px;flex:1" .selectionModel=${model} .positions=${other} .cluster=${d.cluster}></cluster-scatter>
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const a = scatterOf(canvasElement, 0), b = scatterOf(canvasElement, 1);
    await a.renderComplete;
    await b.renderComplete;
    a.select([1, 2, 3]);
    await expect(Array.from(b.selection)).toEqual([1, 2, 3]);
    b.clearSelection();
    await expect(a.selection.length).toBe(0);
  },
};

/**
 * 1,000,000 points in 300 clusters: the picking index builds in a Worker, hover works after it.
 * Not run by the storybook test project (`!test`): '1M points/Interaction' covers 1M hover with checks.
 */
export const MillionPoints: Story = {
  tags: ['!test'],
  render: () => {
    const d = blobs(1_000_000, 300, 7);
    return html`<cluster-scatter legend style="height:500px;max-width:700px" point-size="2" .positions=${d.positions} .cluster=${d.cluster}></cluster-scatter>`;
  },
  play: async ({ canvasElement }) => {
    const el = scatterOf(canvasElement);
    await el.renderComplete;
    await expect(el.pointCount).toBe(1_000_000);
    await el.indexReady;
    const p = el.pointPosition(123_456)!;
    pointer(el, 'pointermove', p.x, p.y);
    await expect(el.hovered).toBeGreaterThanOrEqual(0);
  },
};
