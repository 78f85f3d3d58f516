import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import type { SelectionController } from '../src/controllers/selection-controller.js';
import { observingWorkers } from './observing-workers.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const picking = (el: ClusterScatter) => (el as unknown as { picking: SelectionController }).picking;

/** n points on a 300-wide lattice, cluster = row mod 3. */
function lattice(n: number, scale = 1): { positions: Float32Array; cluster: Int32Array } {
  const positions = Float32Array.from({ length: 2 * n }, (_, j) => (j % 2 === 0 ? ((j >> 1) % 300) * scale : Math.floor((j >> 1) / 300)));
  return { positions, cluster: Int32Array.from({ length: n }, (_, i) => i % 3) };
}

async function mount(n: number): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = 'width:120px;height:90px;display:block';
  Object.assign(el, lattice(n), { legend: true, pointSize: 2 });
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  await el.indexReady;
  return el;
}

const clickLegend = (el: ClusterScatter, rank: number) => (el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=legend-item]')[rank]!).click();

describe('<cluster-scatter> keeps its state across DOM moves and same-cluster data', () => {
  test('moving the element in the DOM keeps legend filters, the user zoom and the picking index (no second build)', async () => {
    const el = await mount(60_000);
    clickLegend(el, 1);
    await el.renderComplete;
    expect(Array.from(el.hiddenClusterIds)).toEqual([1]);
    el.setView({ centerX: 10, centerY: -5, pixelsPerUnit: el.view.pixelsPerUnit * 4 });
    await el.renderComplete;
    const view = { ...el.view };
    const other = document.createElement('div');
    document.body.append(other);
    mounted.push(other);
    await observingWorkers(async (created) => {
      other.append(el); // disconnect + connect
      await el.renderComplete;
      await el.indexReady;
      expect(created.filter((u) => /grid-index/.test(u))).toHaveLength(0);
    });
    expect(Array.from(el.hiddenClusterIds)).toEqual([1]);
    expect(el.view).toEqual(view);
    expect(el.shadowRoot!.querySelectorAll('[part=legend-item]')[1]!.getAttribute('aria-pressed')).toBe('false');
    const { rel } = el.points;
    expect(picking(el).nearest(rel[2 * 3]!, rel[2 * 3 + 1]!, 0.3)).toBe(3); // the kept index answers
    expect(el.layer).not.toBeNull();
    expect(el.readPixels()!.width).toBeGreaterThan(0);
  });

  test('replacing positions with the same cluster ids keeps legend filters; different ids clear them', async () => {
    const el = await mount(900);
    clickLegend(el, 2);
    await el.renderComplete;
    expect(Array.from(el.hiddenClusterIds)).toEqual([2]);
    el.positions = lattice(900, 2).positions; // new coordinates, same clusters
    await el.renderComplete;
    expect(Array.from(el.hiddenClusterIds)).toEqual([2]);
    expect(el.shadowRoot!.querySelectorAll('[part=legend-item]')[2]!.getAttribute('aria-pressed')).toBe('false');
    el.cluster = Int32Array.from({ length: 900 }, (_, i) => 10 + (i % 4)); // other clusters
    await el.renderComplete;
    expect(Array.from(el.hiddenClusterIds)).toEqual([]);
  });
});
