import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import '@clamp-viz/components/token-cloud.js';
import { categoricalColor, type ClusterScatter, type TokenCloud } from '@clamp-viz/components';
import { NOTEBOOK_SENTENCE } from '@clamp-viz/io';
import { loadLayouts, rowsOfPreamble, type Loaded } from './fixtures/default-dataset.js';
import { allScatters, pixelsChanged, pixelsUnlike, pointer, rgbAt, rgbOf, sleep, tooltipOf } from './fixtures/play-helpers.js';

/**
 * WebGL 2 with a WebGL 1 fallback: `webgl="1"` makes an element draw with WebGL 1 (what users of old browsers and
 * devices see) through the page's shared WebGL 1 context, while other elements on the page keep WebGL 2.
 */
const meta: Meta = { title: 'WebGL 1', loaders: [loadLayouts('pca')] };
export default meta;
type Story = StoryObj;

const loaded = (ctx: { loaded: Record<string, unknown> }) => ctx.loaded as unknown as Loaded;
const plotStyle = 'display:block;width:400px;height:320px';
const column = (layout: Float32Array, rows: readonly number[], axis: 0 | 1) => Float32Array.from(rows, (r) => layout[2 * r + axis]!);
const near = (a: readonly number[], b: readonly number[], tol = 2) => a.every((v, i) => Math.abs(v - b[i]!) <= tol);

/** Rows (of the first `limit`) whose drawn centre pixel is exactly their cluster's categorical colour. O(limit). */
function rowsInClusterColour(el: ClusterScatter, cluster: Int32Array, limit: number): number {
  const img = el.readPixels()!;
  let n = 0;
  for (let i = 0; i < limit; i++) {
    const p = el.pointPosition(i)!;
    if (near(rgbAt(el, p.x, p.y, img), rgbOf(categoricalColor(cluster[i]!)))) n++;
  }
  return n;
}

export const DefaultDatasetOnWebGL1: Story = {
  name: 'Default dataset on WebGL 1 (webgl="1"), next to WebGL 2',
  parameters: {
    docs: {
      description: {
        story: 'The default dataset (4,000 guesses, PCA) with `outlines="auto"` in a `<cluster-scatter webgl="1">` (left) and the same plot '
          + 'with the default `webgl="auto"` (right, WebGL 2 here), and the notebook sentence in a `<token-cloud webgl="1">`. The check: '
          + 'the WebGL 1 elements report `isWebGL2 === false` while the right plot has WebGL 2; both plots draw the same picture (points in '
          + 'their cluster colours, outlines); hovering a point shows its tooltip and ring; the cloud draws its 40 labels in colour and '
          + 'hovering a label shows its token.',
      },
    },
  },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    const rows = rowsOfPreamble(ds);
    return html`<div style="display:flex;gap:8px">
        <figure style="margin:0"><figcaption>webgl="1"</figcaption>
          <cluster-scatter webgl="1" outlines="auto" point-size="3" style=${plotStyle} .positions=${pca} .cluster=${ds.clusterIds}
            .tokens=${ds.guesses} .preambles=${ds.preambles}></cluster-scatter></figure>
        <figure style="margin:0"><figcaption>webgl="auto"</figcaption>
          <cluster-scatter outlines="auto" point-size="3" style=${plotStyle} .positions=${pca} .cluster=${ds.clusterIds}
            .tokens=${ds.guesses} .preambles=${ds.preambles}></cluster-scatter></figure>
      </div>
      <token-cloud webgl="1" style="display:block;width:600px;height:320px" preamble=${NOTEBOOK_SENTENCE}
        .x=${column(pca, rows, 0)} .y=${column(pca, rows, 1)} .cluster=${Int32Array.from(rows, (r) => ds.clusterIds[r]!)}
        .tokens=${rows.map((r) => ds.guesses[r]!)} .rows=${Uint32Array.from(rows)}></token-cloud>`;
  },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const [one, two] = allScatters(ctx.canvasElement) as [ClusterScatter, ClusterScatter];
    const cloud = ctx.canvasElement.querySelector('token-cloud') as TokenCloud;
    // 'auto' outlines come from a Worker: wait until both plots have drawn them (the picture stops changing).
    for (const el of [one, two]) {
      await el.renderComplete;
      for (let k = 0, last = el.readPixels()!; k < 40; k++) {
        await sleep(50);
        await el.renderComplete;
        const now = el.readPixels()!;
        if (k > 2 && pixelsChanged(last, now) === 0) break;
        last = now;
      }
    }
    await expect(one.isWebGL2).toBe(false);
    await expect(two.isWebGL2).toBe(true);
    await expect(one.error).toBeNull();
    await expect(one.pointCount).toBe(ds.guesses.length);
    const a = one.readPixels()!, b = two.readPixels()!;
    await expect(pixelsUnlike(a, [255, 255, 255])).toBeGreaterThan(5000);
    await expect(pixelsChanged(a, b)).toBeLessThan(0.01 * a.width * a.height); // WebGL 1 draws what WebGL 2 draws
    // Without outline lines (outline-width 0), points are drawn in their cluster colours, as with WebGL 2.
    one.outlineWidth = two.outlineWidth = 0;
    await one.renderComplete;
    await two.renderComplete;
    await expect(pixelsChanged(a, one.readPixels()!)).toBeGreaterThan(200); // the outlines were drawn
    const coloured = rowsInClusterColour(one, ds.clusterIds, 1000);
    await expect(coloured).toBeGreaterThan(150); // about a quarter of the rows are on top at their centre
    await expect(coloured).toBe(rowsInClusterColour(two, ds.clusterIds, 1000));
    one.outlineWidth = two.outlineWidth = 2;

    // Hover on the WebGL 1 plot: the nearest point's tooltip, and its ring changes the picture.
    const p = one.pointPosition(0)!;
    const before = one.readPixels()!;
    pointer(one, 'pointermove', p.x, p.y);
    await one.renderComplete;
    await expect(one.hovered).toBeGreaterThanOrEqual(0);
    const q = one.pointPosition(one.hovered)!;
    await expect(Math.hypot(q.x - p.x, q.y - p.y)).toBeLessThan(3);
    await expect(tooltipOf(one)).toContain(ds.guesses[one.hovered]!);
    await expect(pixelsChanged(before, one.readPixels()!)).toBeGreaterThan(10);
    pointer(one, 'pointerleave', -10, -10);

    // The WebGL 1 token cloud: 40 labels, most drawn as coloured text; hovering one shows its token.
    await cloud.renderComplete;
    await expect(cloud.isWebGL2).toBe(false);
    await expect(cloud.error).toBeNull();
    await expect(cloud.labelCount).toBe(40);
    await expect(cloud.placedCount).toBeGreaterThan(15);
    await expect(pixelsUnlike(cloud.readPixels()!, [255, 255, 255], 60)).toBeGreaterThan(500);
    const i = Array.from({ length: 40 }, (_, k) => k).find((k) => cloud.labelBox(k) !== null)!;
    const box = cloud.labelBox(i)!;
    pointer(cloud, 'pointermove', box.left + box.width / 2, box.top + box.height / 2);
    await cloud.renderComplete;
    await expect(cloud.hovered).toBe(i);
    await expect(cloud.shadowRoot!.querySelector('[part=tooltip]')!.textContent).toContain(cloud.displayText(i)!.replace(/…$/, '')); // the whole token, whitespace made visible alike
  },
};
