import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@clamp-viz/components/cluster-scatter.js';
import { pointColors, resolveColorScheme, type ClusterScatter } from '@clamp-viz/components';
import type { NotebookDataset } from '@clamp-viz/io';
import type { ProjectionResult } from '@clamp-viz/projection';
import { defaultClusterplot, defaultDataset } from './fixtures/default-dataset.js';
import { scatterOf } from './fixtures/play-helpers.js';

/**
 * ClusterPlot (Malkai et al. 2021) of the default dataset, computed in the projection Worker: its point layout and its
 * blobs (`result.outlines`) drawn by `<cluster-scatter>` with `outline-fill="0.2"`, one colour per cluster for points
 * and blob (clusterplot.md §9).
 */
const meta: Meta = {
  title: 'Default dataset/ClusterPlot',
  loaders: [async () => ({ ds: defaultDataset(), cp: await defaultClusterplot() })],
};
export default meta;
type Story = StoryObj;

interface Loaded {
  ds: NotebookDataset;
  cp: ProjectionResult;
}
const loaded = (ctx: { loaded: Record<string, unknown> }) => ctx.loaded as unknown as Loaded;


/** Even-odd point-in-ring test (interleaved ring, implicitly closed). */
function inRing(ring: Float32Array, x: number, y: number): boolean {
  let inside = false;
  const m = ring.length / 2;
  for (let a = 0, b = m - 1; a < m; b = a++) {
    const ax = ring[2 * a]!, ay = ring[2 * a + 1]!, bx = ring[2 * b]!, by = ring[2 * b + 1]!;
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

/** Shoelace area of a closed ring (signed). */
function ringArea(ring: Float32Array): number {
  let s = 0;
  const m = ring.length / 2;
  for (let a = 0; a < m; a++) {
    const b = (a + 1) % m;
    s += ring[2 * a]! * ring[2 * b + 1]! - ring[2 * b]! * ring[2 * a + 1]!;
  }
  return s / 2;
}

/** Distance from (x, y) to the nearest edge of a closed ring. */
function edgeDistance(ring: Float32Array, x: number, y: number): number {
  const m = ring.length / 2;
  let best = Infinity;
  for (let a = 0; a < m; a++) {
    const b = (a + 1) % m;
    const ax = ring[2 * a]!, ay = ring[2 * a + 1]!, dx = ring[2 * b]! - ax, dy = ring[2 * b + 1]! - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

/** Data → device-pixel mapping of the plot, fitted per axis from the drawn positions of the extreme rows (the element's own mapping). */
function pixelMapping(el: ClusterScatter, layout: Float32Array, k: number) {
  const n = layout.length / 2;
  const axis = (c: 0 | 1) => {
    let lo = 0, hi = 0;
    for (let r = 1; r < n; r++) {
      if (layout[2 * r + c]! < layout[2 * lo + c]!) lo = r;
      if (layout[2 * r + c]! > layout[2 * hi + c]!) hi = r;
    }
    const key = c === 0 ? 'x' : 'y';
    const a = el.pointPosition(lo)![key], b = el.pointPosition(hi)![key];
    const scale = (b - a) / (layout[2 * hi + c]! - layout[2 * lo + c]!);
    return (v: number) => Math.floor(k * (a + (v - layout[2 * lo + c]!) * scale));
  };
  const fx = axis(0), fy = axis(1);
  return (x: number, y: number): [number, number] => [fx(x), fy(y)];
}

export const Blobs: Story = {
  name: 'Blobs: outlines filled at 20 % under the points',
  parameters: {
    docs: {
      description: {
        story:
          "`project(X, {method: 'clusterplot', clusters})` in the projection Worker returns the layout and `outlines`; the plot draws them with `outline-fill=\"0.2\"` (filled blob in the cluster's colour under its points, plus the outline). The check: at sample points inside exactly one blob and away from every point the pixel is the background blended with that cluster's colour at 20 %; outside every blob it is the background; `outline-fill=\"0\"` removes the fill.",
      },
    },
  },
  render: (_, ctx) => {
    const { ds, cp } = loaded(ctx);
    return html`<cluster-scatter point-size="2" outline-width="1.5" outline-fill="0.2" style="display:block;width:560px;height:420px"
      .positions=${cp.embedding} .cluster=${ds.clusterIds} .tokens=${ds.guesses} .outlines=${cp.outlines ?? null}></cluster-scatter>`;
  },
  play: async (ctx) => {
    const { ds, cp } = loaded(ctx);
    const el = scatterOf(ctx.canvasElement);
    await el.renderComplete;
    const outlines = cp.outlines!;
    await expect(outlines.length).toBeGreaterThan(50);
    el.outlineWidth = 0; // fills only, so samples near an edge are not covered by lines
    el.outlineFill = 0;
    await el.renderComplete;
    const plain = el.readPixels()!;
    el.outlineFill = 0.2;
    await el.renderComplete;
    const filled = el.readPixels()!;
    const k = filled.width / el.clientWidth;
    const toPixel = pixelMapping(el, cp.embedding, k);
    const at = (img: typeof filled, [px, py]: [number, number]) => Array.from(img.data.subarray(4 * (py * img.width + px), 4 * (py * img.width + px) + 3));
    // Sample a grid over the data; keep pixels that show background without fill (no point there).
    const xs = cp.embedding.filter((_, i) => i % 2 === 0), ys = cp.embedding.filter((_, i) => i % 2 === 1);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // The plot's own colours (categorical by cluster id): the fill must use the colour of its cluster's points.
    const colors = pointColors(cp.rows, ds.clusterIds, null, resolveColorScheme('categorical'));
    const firstRow = new Map<number, number>();
    ds.clusterIds.forEach((id, r) => firstRow.has(id) || firstRow.set(id, r));
    const rgbOf = (id: number) => Array.from(colors.rgba.subarray(4 * firstRow.get(id)!, 4 * firstRow.get(id)! + 3));
    const margin = 2 / Math.abs(toPixel(1, 0)[0] - toPixel(0, 0)[0]);
    let inside = 0, insideOk = 0, outside = 0, outsideOk = 0;
    const sample = (x: number, y: number) => {
      const p = toPixel(x, y);
      if (p[0] < 0 || p[1] < 0 || p[0] >= filled.width || p[1] >= filled.height) return;
      if (at(plain, p).some((v) => v !== 255)) return; // a point (or its rim) is drawn there
      // Skip samples within 2 device pixels of any ring edge (rasterisation and rounding decide those).
      if (outlines.some((o) => o.rings.some((r) => edgeDistance(r, x, y) < margin))) return;
      const hits = outlines.filter((o) => o.rings.some((r) => inRing(r, x, y)));
      const got = at(filled, p);
      if (hits.length === 0) {
        outside++;
        if (got.every((v) => v === 255)) outsideOk++;
      } else if (hits.length === 1) {
        inside++;
        const want = rgbOf(hits[0]!.clusterId).map((c) => c * 0.2 + 255 * 0.8);
        if (got.every((v, c) => Math.abs(v - want[c]!) <= 3)) insideOk++;
      }
    };
    // Outside: a coarse grid over the data. Inside: a 16×16 grid over the bounding box of each of the 20 largest rings
    // (most ClusterPlot blobs of this dataset are only a few pixels wide at this size).
    for (let gx = 0; gx <= 40; gx++) for (let gy = 0; gy <= 40; gy++) sample(x0 + ((x1 - x0) * gx) / 40, y0 + ((y1 - y0) * gy) / 40);
    const rings = outlines.flatMap((o) => o.rings).sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a))).slice(0, 20);
    for (const ring of rings) {
      const rx = ring.filter((_, i) => i % 2 === 0), ry = ring.filter((_, i) => i % 2 === 1);
      const [bx0, bx1, by0, by1] = [Math.min(...rx), Math.max(...rx), Math.min(...ry), Math.max(...ry)];
      for (let gx = 1; gx < 16; gx++) for (let gy = 1; gy < 16; gy++) sample(bx0 + ((bx1 - bx0) * gx) / 16, by0 + ((by1 - by0) * gy) / 16);
    }
    await expect(inside).toBeGreaterThan(20);
    await expect(outside).toBeGreaterThan(30);
    await expect(insideOk / inside).toBeGreaterThan(0.97);
    await expect(outsideOk / outside).toBeGreaterThan(0.97);
    await expect(ds.clusterIds.length).toBe(cp.rows);
  },
};
