import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import '@clamp-viz/components/token-cloud.js';
import { createSelectionModel, type TokenCloud } from '@clamp-viz/components';
import { NOTEBOOK_SENTENCE } from '@clamp-viz/io';
import { loadLayouts, rowsOfPreamble, type Loaded } from './fixtures/default-dataset.js';
import { click, pixelsUnlike, pointer, scatterOf } from './fixtures/play-helpers.js';

/**
 * `<token-cloud>`: the notebook's one-sentence view (`geom_text` of one preamble's guesses, coloured by cluster
 * with Tol's discrete rainbow) on the default dataset, per method, with hostile and whitespace tokens, 2,000
 * labels, and linked with a `<cluster-scatter>` through one selection model.
 */
const meta: Meta = { title: 'Token cloud', loaders: [loadLayouts('pca', 'pca-centers')] };
export default meta;
type Story = StoryObj;

const loaded = (ctx: { loaded: Record<string, unknown> }) => ctx.loaded as unknown as Loaded;
const style = 'display:block;width:460px;height:320px';
const clouds = (root: ParentNode) => [...root.querySelectorAll('token-cloud')] as TokenCloud[];
const column = (layout: Float32Array, rows: readonly number[], axis: 0 | 1) => Float32Array.from(rows, (r) => layout[2 * r + axis]!);
const box = (el: TokenCloud, i: number) => el.labelBox(i)!;
const centreOf = (el: TokenCloud, i: number): [number, number] => [box(el, i).left + box(el, i).width / 2, box(el, i).top + box(el, i).height / 2];

/** True when no two placed label boxes of `el` overlap. O(placed²). */
function noOverlap(el: TokenCloud): boolean {
  const b = Array.from({ length: el.labelCount }, (_, i) => el.labelBox(i)).filter((v) => v !== null);
  return b.every((p, i) => b.every((q, j) => i === j || p.left >= q.left + q.width || q.left >= p.left + p.width || p.top >= q.top + q.height || q.top >= p.top + p.height));
}

export const OnePreamblePerMethod: Story = {
  name: 'One preamble, PCA and PCA of cluster centres',
  parameters: { docs: { description: { story: "The notebook's sentence view for each method the fixture provides: the 40 guesses of one preamble drawn as text at their coordinates, coloured by cluster (Tol's rainbow over the clusters present). The check: 40 labels in each, most drawn as text, none overlapping, coloured pixels present." } } },
  render: (_, ctx) => {
    const { ds, pca, centers } = loaded(ctx);
    const rows = rowsOfPreamble(ds);
    const cloud = (layout: Float32Array, title: string) => html`<figure style="display:inline-block;margin:4px"><figcaption>${title}</figcaption>
      <token-cloud style=${style} preamble=${NOTEBOOK_SENTENCE} .x=${column(layout, rows, 0)} .y=${column(layout, rows, 1)}
        .cluster=${Int32Array.from(rows, (r) => ds.clusterIds[r]!)} .tokens=${rows.map((r) => ds.guesses[r]!)} .rows=${Uint32Array.from(rows)}></token-cloud></figure>`;
    return html`${cloud(pca, 'PCA')}${cloud(centers, 'PCA of cluster centres')}`;
  },
  play: async (ctx) => {
    for (const el of clouds(ctx.canvasElement)) {
      await el.renderComplete;
      await expect(el.labelCount).toBe(40);
      await expect(el.placedCount).toBeGreaterThan(15);
      await expect(noOverlap(el)).toBe(true);
      await expect(pixelsUnlike(el.readPixels()!, [255, 255, 255], 60)).toBeGreaterThan(500);
      await expect(el.getAttribute('aria-label')).toMatch(/^40 guesses for ‘Students were outraged/);
    }
  },
};

const HOSTILE = ['<img src=x onerror=alert(1)>', ' the', 'the ', '\n', '\t', '', '\u0007bell', 'שלום', 'e\u0301', '🎉', 'averyveryverylongtokenthatgoesonandon'];

export const HostileAndWhitespaceTokens: Story = {
  name: 'Hostile and whitespace tokens',
  parameters: { docs: { description: { story: 'LM tokens as they are: leading/trailing spaces as ␣, newline ↵, tab ⇥, controls as escapes, empty as ∅, long tokens cut with … (full text in the tooltip), markup drawn as text. The check: display texts, and hovering the markup token shows it as text with no img element created.' } } },
  render: () => html`<token-cloud style=${style} font-size="14" max-token-length="30" .x=${Float32Array.from(HOSTILE, (_, i) => (i % 4) * 3)}
    .y=${Float32Array.from(HOSTILE, (_, i) => Math.floor(i / 4) * 2)} .cluster=${Int32Array.from(HOSTILE, (_, i) => i % 5)} .tokens=${HOSTILE}></token-cloud>`,
  play: async (ctx) => {
    const el = clouds(ctx.canvasElement)[0]!;
    await el.renderComplete;
    await expect(HOSTILE.map((_, i) => el.displayText(i))).toEqual([
      '<img src=x onerror=alert(1)>', '␣the', 'the␣', '↵', '⇥', '∅', '\\u{07}bell', 'שלום', 'e\u0301', '🎉', 'averyveryverylongtokenthatgoe…',
    ]);
    pointer(el, 'pointermove', ...centreOf(el, 0));
    await el.updateComplete;
    await expect(el.shadowRoot!.querySelector('[part=tooltip]')!.textContent).toContain(HOSTILE[0]);
    await expect(document.querySelector('img')).toBeNull();
  },
};

export const TwoThousandLabels: Story = {
  name: '2,000 labels',
  parameters: { docs: { description: { story: 'The first 2,000 guesses of the default dataset (PCA): labels that would overlap are drawn as dots (still hoverable); zooming in places more of them. The check: a subset of the labels is placed with no overlap, and zooming in places more.' } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    const rows = Array.from({ length: 2000 }, (_, i) => i);
    return html`<token-cloud style="display:block;width:640px;height:420px" .x=${column(pca, rows, 0)} .y=${column(pca, rows, 1)}
      .cluster=${ds.clusterIds.slice(0, 2000)} .tokens=${ds.guesses.slice(0, 2000)}></token-cloud>`;
  },
  play: async (ctx) => {
    const el = clouds(ctx.canvasElement)[0]!;
    await el.renderComplete;
    const before = el.placedCount;
    await expect(before).toBeGreaterThan(30);
    await expect(noOverlap(el)).toBe(true);
    for (let k = 0; k < 4; k++) el.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
    await el.renderComplete;
    await expect(noOverlap(el)).toBe(true);
    await expect(el.placedCount).not.toBe(before);
  },
};

export const LinkedWithScatter: Story = {
  name: 'Linked with <cluster-scatter>',
  parameters: { docs: { description: { story: 'One selection model for the whole-dataset scatter and the one-sentence cloud (which maps its labels to dataset rows through `rows`): clicking a guess selects that row in the scatter; selecting rows in the scatter highlights their guesses.' } } },
  render: (_, ctx) => {
    const { ds, pca } = loaded(ctx);
    const rows = rowsOfPreamble(ds);
    const model = createSelectionModel();
    return html`<cluster-scatter style="display:inline-block;width:420px;height:320px" point-size="3" .selectionModel=${model}
      .positions=${pca} .cluster=${ds.clusterIds} .tokens=${ds.guesses}></cluster-scatter>
      <token-cloud style="display:inline-block;width:420px;height:320px" preamble=${NOTEBOOK_SENTENCE} .selectionModel=${model}
        .x=${column(pca, rows, 0)} .y=${column(pca, rows, 1)} .cluster=${Int32Array.from(rows, (r) => ds.clusterIds[r]!)}
        .tokens=${rows.map((r) => ds.guesses[r]!)} .rows=${Uint32Array.from(rows)}></token-cloud>`;
  },
  play: async (ctx) => {
    const { ds } = loaded(ctx);
    const rows = rowsOfPreamble(ds);
    const scatter = scatterOf(ctx.canvasElement);
    const el = clouds(ctx.canvasElement)[0]!;
    await Promise.all([scatter.renderComplete, el.renderComplete]);
    const k = [...Array(40).keys()].find((i) => el.labelBox(i) !== null)!;
    click(el, ...centreOf(el, k));
    await expect(Array.from(scatter.selection)).toEqual([rows[k]]);
    scatter.select([rows[3]!, rows[5]!, 0]);
    await expect(Array.from(el.selection)).toEqual(rows[0] === 0 ? [0, 3, 5] : [3, 5]);
    scatter.clearSelection();
    await expect(el.selection.length).toBe(0);
  },
};
