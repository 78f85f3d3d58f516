import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';

/** Seeded generator (mulberry32), so every run draws the same picture. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n points in k isotropic Gaussian blobs with random centres: interleaved n×2 positions + ids. */
function gaussianBlobs(n: number, k: number, seed: number): { positions: Float32Array; cluster: Int32Array } {
  const rng = mulberry32(seed);
  const centres = Float64Array.from({ length: 2 * k }, () => (rng() - 0.5) * 40);
  const positions = new Float32Array(2 * n);
  const cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rng() * k);
    const r = Math.sqrt(-2 * Math.log(1 - rng()));
    const a = 2 * Math.PI * rng();
    positions[2 * i] = centres[2 * c]! + r * Math.cos(a);
    positions[2 * i + 1] = centres[2 * c + 1]! + r * Math.sin(a);
    cluster[i] = c;
  }
  return { positions, cluster };
}

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
