import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import { gaussianBlobs } from './fixtures/gaussian-blobs.js';

interface Args {
  points: number;
  clusters: number;
  seed: number;
  pointSize: number;
  colorScheme: string;
  background: string;
}

const meta: Meta<Args> = {
  title: 'Components/cluster-scatter',
  args: { points: 5000, clusters: 30, seed: 42, pointSize: 4, colorScheme: 'categorical', background: '#ffffff' },
  argTypes: {
    colorScheme: { control: 'select', options: ['categorical', 'tol-rainbow', 'viridis', 'turbo', 'magma'] },
    background: { control: 'color' },
  },
  render: (args) => {
    const { positions, cluster } = gaussianBlobs(args.points, args.clusters, args.seed);
    return html`<cluster-scatter
      style="height: 400px; max-width: 600px"
      point-size=${args.pointSize}
      color-scheme=${args.colorScheme}
      background=${args.background}
      .positions=${positions}
      .cluster=${cluster}
    ></cluster-scatter>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Waits for the first frame and counts pixels that differ from the white background. */
async function expectDrawnPoints(canvasElement: HTMLElement, points: number, clusters: number): Promise<void> {
  const el = canvasElement.querySelector('cluster-scatter')!;
  await el.renderComplete;
  await expect(el.error).toBeNull();
  await expect(el.pointCount).toBe(points);
  await expect(el.clusterIds.length).toBe(clusters);
  const img = el.readPixels()!;
  let coloured = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (img.data[i] !== 255 || img.data[i + 1] !== 255 || img.data[i + 2] !== 255) coloured++;
  }
  await expect(coloured).toBeGreaterThan(0.02 * img.width * img.height);
}

/** 5,000 points in 30 Gaussian clusters, stable categorical colours. */
export const ThirtyClusters: Story = {
  play: async ({ canvasElement }) => expectDrawnPoints(canvasElement, 5000, 30),
};

/** 20,000 points in 300 clusters: the palette stays distinguishable well past Tol's 23 colours. */
export const ThreeHundredClusters: Story = {
  args: { points: 20000, clusters: 300, pointSize: 3 },
  play: async ({ canvasElement }) => expectDrawnPoints(canvasElement, 20000, 300),
};

/** The notebook's colouring: Tol's discrete rainbow over 12 clusters. */
export const TolRainbow: Story = {
  args: { points: 5000, clusters: 12, colorScheme: 'tol-rainbow' },
  play: async ({ canvasElement }) => expectDrawnPoints(canvasElement, 5000, 12),
};
