import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { tableFromArrays } from 'apache-arrow';
import '@clamp-viz/components/cluster-scatter.js';
import { categoricalColor, resolveColorScheme, tolRainbowDiscrete } from '@clamp-viz/components';
import { loadLayouts, rowsOfPreamble, subset, type Loaded } from './fixtures/default-dataset.js';
import { clusterCounts, legendRows, pixelsUnlike, pointer, rgbAt, rgbOf, scatterOf, tooltipOf, zoomOnto } from './fixtures/play-helpers.js';

/**
 * The default dataset (`generateNotebookDataset`, 100 preambles × 40 guesses = 4,000 rows, 768-d),
 * projected once per page in the projection Web Worker: how data goes in and how it is coloured.
 * Every check derives its expectation from the arrays passed in, not from the generator.
 */
const meta: Meta = { title: 'Default dataset/Data and colour', loaders: [loadLayouts('pca')] };
export default meta;
type Story = StoryObj;

const loaded = (ctx: { loaded: Record<string, unknown> }) => ctx.loaded as unknown as Loaded;
const style = 'display:block;width:640px;height:420px';
const distinct = (a: Int32Array) => [...new Set(a)].sort((x, y) => x - y);

/** Parses '#rrggbb' or 'rgb(r, g, b)' (d3 interpolator output). */
function cssRgb(s: string): [number, number, number] {
  if (s.startsWith('#')) return rgbOf(parseInt(s.slice(1, 7), 16));
  const m = s.match(/\d+/g)!;
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}
const near = (a: readonly number[], b: readonly number[], tol = 3) => a.every((v, i) => Math.abs(v - b[i]!) <= tol);

export const ArrowTableColumns: Story = {
  name: 'Arrow table with chosen columns',
  parameters: { docs: { description: { story: 'Data as an Arrow `Table` with columns `pca_x`, `pca_y`, `cluster_id`, `guess`, `preamble`, picked with `x-column`, `y-column`, `token-column`. The play check hovers a row and reads its guess and preamble from the table in the tooltip.' } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    const n = ds.clusterIds.length;
    const table = tableFromArrays({
      pca_x: Float32Array.from({ length: n }, (_, i) => pca[2 * i]!),
      pca_y: Float32Array.from({ length: n }, (_, i) => pca[2 * i + 1]!),
      cluster_id: ds.clusterIds,
      guess: ds.guesses,
      preamble: ds.preambles,
    });
    return html`<cluster-scatter style=${style} x-column="pca_x" y-column="pca_y" token-column="guess" .data=${table}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    await el.indexReady;
    await expect(el.error).toBeNull();
    await expect(el.pointCount).toBe(ds.clusterIds.length);
    await expect(Array.from(el.clusterIds)).toEqual(distinct(ds.clusterIds));
    const p = el.pointPosition(17)!;
    pointer(el, 'pointermove', p.x, p.y);
    await el.renderComplete;
    const h = el.hovered;
    await expect(h).toBeGreaterThanOrEqual(0);
    await expect(tooltipOf(el)).toContain(ds.guesses[h]!);
    await expect(tooltipOf(el)).toContain(`cluster ${ds.clusterIds[h]}`);
  },
};

export const TypedArraysAndLiveLayout: Story = {
  name: 'Typed arrays, live layout updates',
  parameters: { docs: { description: { story: 'Data as typed arrays (`x`, `y` Float32Array, `cluster` Int32Array). `updatePositions(xy)` moves the points in place, as a projection worker streaming layouts would; the check compares screen positions before and after a halving of every coordinate.' } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    const x = Float32Array.from({ length: ds.clusterIds.length }, (_, i) => pca[2 * i]!);
    const y = Float32Array.from({ length: ds.clusterIds.length }, (_, i) => pca[2 * i + 1]!);
    return html`<cluster-scatter style=${style} .x=${x} .y=${y} .cluster=${ds.clusterIds}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const { ds, pca } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    await expect(el.pointCount).toBe(ds.clusterIds.length);
    const a0 = el.pointPosition(0)!, a1 = el.pointPosition(1)!;
    const rendered: number[] = [];
    el.addEventListener('cluster-scatter-render', (e) => rendered.push(e.detail.pointCount));
    el.updatePositions(pca.map((v) => v / 2));
    await el.renderComplete;
    const b0 = el.pointPosition(0)!, b1 = el.pointPosition(1)!;
    // The view stays fitted to the data: relative geometry is kept, so the pair's screen offset is unchanged in direction.
    const before = Math.atan2(a1.y - a0.y, a1.x - a0.x), after = Math.atan2(b1.y - b0.y, b1.x - b0.x);
    await expect(Math.abs(before - after)).toBeLessThan(1e-3);
    await expect(rendered.length).toBeGreaterThan(0);
    await expect(el.error).toBeNull();
  },
};

export const AllClustersCategorical: Story = {
  name: 'All clusters, categorical palette, legend counts',
  parameters: { docs: { description: { story: "Every guess coloured by cluster with the categorical palette (stable colour per cluster id, no 256 cap), with the legend. The check: one legend row per distinct id with the data's count, each swatch `categoricalColor(id)`, all swatches distinct." } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<cluster-scatter style=${style} legend point-size="3" .positions=${pca} .cluster=${ds.clusterIds}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    const counts = clusterCounts(ds.clusterIds);
    const rows = legendRows(el);
    await expect(rows.map((r) => [r.id, r.count])).toEqual([...counts].sort((a, b) => a[0] - b[0]));
    const swatches = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=legend-swatch]')].map((s) => s.style.background);
    await expect(new Set(swatches).size).toBe(rows.length);
    const first = el.shadowRoot!.querySelector<HTMLElement>('[part=legend-swatch]')!;
    await expect(getComputedStyle(first).backgroundColor).toBe(`rgb(${rgbOf(categoricalColor(rows[0]!.id)).join(', ')})`);
    await expect(pixelsUnlike(el.readPixels()!, [255, 255, 255])).toBeGreaterThan(2000);
  },
};

export const OneSentenceTolRainbow: Story = {
  name: "One sentence, Tol's discrete rainbow",
  parameters: { docs: { description: { story: "The notebook's one-sentence view: the 40 guesses of \"Students were outraged over the administration's new\" coloured with `factor(cluster_id)` and Tol's discrete rainbow. The check: legend swatches are `tolRainbowDiscrete(k)` in ascending id order." } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    const s = subset(ds, pca, rowsOfPreamble(ds));
    return html`<cluster-scatter style="display:block;width:480px;height:360px" color-scheme="tol-rainbow" point-size="10" legend
      .positions=${s.positions} .cluster=${s.cluster} .tokens=${s.tokens} .preambles=${s.preambles}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    await expect(el.pointCount).toBe(40);
    const ids = distinct(Int32Array.from(rowsOfPreamble(ds), (r) => ds.clusterIds[r]!));
    const expected = tolRainbowDiscrete(Math.min(ids.length, 23)).map((c) => `rgb(${cssRgb(c).join(', ')})`);
    const swatches = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=legend-swatch]')].map((s) => getComputedStyle(s).backgroundColor);
    if (ids.length <= 23) await expect(swatches).toEqual(expected);
    await expect(legendRows(el).map((r) => r.id)).toEqual(ids);
  },
};

export const ContinuousColumn: Story = {
  name: 'Continuous colour from a numeric column (viridis)',
  parameters: { docs: { description: { story: "`value` = the dataset's per-row cluster responsibility, mapped min→max through d3's `interpolateViridis` (`color-scheme=\"viridis\"`). The check zooms onto the row with the largest value and reads its pixel: viridis(1)." } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<cluster-scatter style=${style} color-scheme="viridis" point-size="5" .positions=${pca} .cluster=${ds.clusterIds} .value=${ds.probabilities}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    let top = 0, low = 0;
    ds.probabilities.forEach((v, i) => {
      if (v > ds.probabilities[top]!) top = i;
      if (v < ds.probabilities[low]!) low = i;
    });
    const viridis = resolveColorScheme('viridis');
    if (viridis.kind !== 'continuous') throw new Error('viridis is continuous');
    const p = await zoomOnto(el, top);
    await expect(rgbAt(el, p.x, p.y)).toEqual(cssRgb(viridis.interpolate(1)));
    el.resetView();
    await el.renderComplete;
    const q = await zoomOnto(el, low);
    await expect(rgbAt(el, q.x, q.y)).toEqual(cssRgb(viridis.interpolate(0)));
  },
};

export const ContinuousClusterId: Story = {
  name: "Continuous colour by cluster id (turbo), as the notebook's geom_point",
  parameters: { docs: { description: { story: 'Without `value`, continuous schemes map the cluster id min→max, as ggplot does for a numeric `cluster_id`. The check: the smallest id is turbo(0), the largest turbo(1) (legend swatches).' } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<cluster-scatter style=${style} color-scheme="turbo" legend point-size="3" .positions=${pca} .cluster=${ds.clusterIds}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    const turbo = resolveColorScheme('turbo');
    if (turbo.kind !== 'continuous') throw new Error('turbo is continuous');
    const sw = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=legend-swatch]')].map((s) => getComputedStyle(s).backgroundColor.match(/\d+/g)!.map(Number));
    await expect(near(sw[0]!, cssRgb(turbo.interpolate(0)))).toBe(true);
    await expect(near(sw[sw.length - 1]!, cssRgb(turbo.interpolate(1)))).toBe(true);
  },
};

export const Themes: Story = {
  name: 'Light and dark themes through CSS custom properties',
  parameters: { docs: { description: { story: 'Left `theme="dark"`, right a page-set `--cluster-scatter-background`. The check reads the background pixel of each, then switches the left plot to light and the right one to another colour at run time.' } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    return html`<div style="display:flex;gap:8px">
      <cluster-scatter theme="dark" legend style="display:block;width:420px;height:360px" .positions=${pca} .cluster=${ds.clusterIds} .tokens=${ds.guesses}></cluster-scatter>
      <cluster-scatter style="display:block;width:420px;height:360px;--cluster-scatter-background:#fdf6e3;--cluster-scatter-foreground:#586e75" .positions=${pca} .cluster=${ds.clusterIds}></cluster-scatter>
    </div>`;
  },
  play: async (ctx) => {
    const dark = scatterOf(ctx.canvasElement, 0), custom = scatterOf(ctx.canvasElement, 1);
    await dark.renderComplete;
    await custom.renderComplete;
    await expect(rgbAt(dark, 1, 1)).toEqual([0x12, 0x12, 0x12]);
    await expect(rgbAt(custom, 1, 1)).toEqual([0xfd, 0xf6, 0xe3]);
    const legend = dark.shadowRoot!.querySelector('[part=legend]')!;
    await expect(getComputedStyle(legend).color).toBe('rgb(236, 236, 236)');
    dark.theme = 'light';
    custom.style.setProperty('--cluster-scatter-background', '#002b36');
    await dark.renderComplete;
    custom.requestUpdate();
    await custom.renderComplete;
    await expect(rgbAt(dark, 1, 1)).toEqual([255, 255, 255]);
    await expect(rgbAt(custom, 1, 1)).toEqual([0x00, 0x2b, 0x36]);
  },
};

export const ValueColumnRank: Story = {
  name: 'Continuous colour from a numeric Arrow column (value-column), legend ramp',
  parameters: { docs: { description: { story: "An Arrow `Table` with each guess's rank within its preamble (`rank`, Int32: 0 = most likely) and its cluster `probability`; `value-column=\"rank\"` with `color-scheme=\"magma\"` and the legend, which shows a min→max ramp. The check: the ramp names the column and its range from the data; a last-ranked guess is drawn magma(1); switching to `probability` relabels the ramp; a text column or a missing one is rejected with an error naming it." } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    const n = ds.clusterIds.length;
    const rank = new Int32Array(n);
    for (let i = 1; i < n; i++) rank[i] = ds.preambles[i] === ds.preambles[i - 1] ? rank[i - 1]! + 1 : 0;
    const table = tableFromArrays({
      pca_x: Float32Array.from({ length: n }, (_, i) => pca[2 * i]!),
      pca_y: Float32Array.from({ length: n }, (_, i) => pca[2 * i + 1]!),
      cluster_id: ds.clusterIds,
      guess: ds.guesses,
      rank,
      probability: ds.probabilities,
    });
    return html`<cluster-scatter style=${style} x-column="pca_x" y-column="pca_y" token-column="guess" value-column="rank" color-scheme="magma" legend point-size="5" .data=${table}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    await expect(el.error).toBeNull();
    const table = el.data!;
    const rank = table.getChild('rank')!.toArray() as Int32Array;
    const maxRank = Math.max(...rank);
    const ramp = () => el.shadowRoot!.querySelector('[part=legend-ramp]');
    await expect(ramp()?.getAttribute('aria-label')).toMatch(new RegExp(`^rank: 0 to ${maxRank},`));
    await expect(el.shadowRoot!.querySelector('[part=legend-max]')!.textContent).toBe(String(maxRank));
    const magma = resolveColorScheme('magma');
    if (magma.kind !== 'continuous') throw new Error('magma is continuous');
    const last = rank.indexOf(maxRank);
    const p = await zoomOnto(el, last, 24);
    await expect(rgbAt(el, p.x, p.y)).toEqual(cssRgb(magma.interpolate(1)));
    el.valueColumn = 'probability';
    await el.renderComplete;
    await expect(el.error).toBeNull();
    await expect(ramp()?.getAttribute('aria-label')).toMatch(/^probability: /);
    el.valueColumn = 'guess';
    await el.renderComplete;
    await expect(el.error?.message).toMatch(/"guess".*numeric/);
    el.valueColumn = 'nope';
    await el.renderComplete;
    await expect(el.error?.message).toMatch(/value-column.*nope/);
    el.valueColumn = 'rank';
    await el.renderComplete;
    await expect(el.error).toBeNull();
  },
};
