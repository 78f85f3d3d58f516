import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import type { ClusterScatter } from '@clamp-viz/components';
import { generateNotebookDataset, NOTEBOOK_SENTENCE } from '@clamp-viz/io';
import { pca } from '@clamp-viz/projection';

/**
 * The bundled default dataset (seeded, notebook-shaped: preambles × 40 guesses, 768-d, ~300 clusters),
 * projected with PCA as the notebook's first cluster-agnostic view: every guess coloured by cluster, with the
 * token and its preamble in the tooltip; the single-sentence view is the same plot restricted to one preamble.
 */
const meta: Meta = { title: 'Notebook views/default dataset' };
export default meta;
type Story = StoryObj;

const ds = generateNotebookDataset({ preambles: 60 });
const { embedding } = pca(ds.matrix);

export const EveryGuessByCluster: Story = {
  render: () => html`<cluster-scatter
    style="display:block;width:720px;height:480px"
    legend
    point-size="4"
    .positions=${embedding}
    .cluster=${ds.clusterIds}
    .tokens=${ds.guesses}
    .preambles=${ds.preambles}
  ></cluster-scatter>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('cluster-scatter') as ClusterScatter;
    await el.renderComplete;
    await expect(el.error).toBeNull();
    await expect(el.pointCount).toBe(60 * 40);
    await expect(el.clusterIds.length).toBeGreaterThan(40);
  },
};

const rows = ds.preambles.flatMap((p, i) => (p === NOTEBOOK_SENTENCE ? [i] : []));
const sentence = {
  positions: Float32Array.from(rows.flatMap((r) => [embedding[2 * r]!, embedding[2 * r + 1]!])),
  cluster: Int32Array.from(rows.map((r) => ds.clusterIds[r]!)),
  tokens: rows.map((r) => ds.guesses[r]!),
  preambles: rows.map((r) => ds.preambles[r]!),
};

export const OneSentenceTolRainbow: Story = {
  render: () => html`<cluster-scatter
    style="display:block;width:480px;height:360px"
    color-scheme="tol-rainbow"
    point-size="10"
    legend
    .positions=${sentence.positions}
    .cluster=${sentence.cluster}
    .tokens=${sentence.tokens}
    .preambles=${sentence.preambles}
  ></cluster-scatter>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('cluster-scatter') as ClusterScatter;
    await el.renderComplete;
    await expect(el.error).toBeNull();
    await expect(el.pointCount).toBe(40);
  },
};
