// Review S3 P2-3: <token-cloud> given a whole dataset table without `preamble` reports a typed error instead of
// laying out every row each frame; with a preamble the same table works; frames lay out only labels near the view.
import { tableFromArrays } from 'apache-arrow';
import { afterEach, describe, expect, test } from 'vitest';
import '../src/token-cloud/token-cloud.js';
import type { TokenCloud } from '../src/token-cloud/token-cloud.component.js';
import { MAX_CLOUD_LABELS } from '../src/token-cloud/resolve-token-data.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

function mount(setup: (el: TokenCloud) => void): TokenCloud {
  const el = document.createElement('token-cloud');
  el.style.cssText = 'display:block;width:400px;height:300px';
  setup(el);
  document.body.append(el);
  mounted.push(el);
  return el;
}

/** A dataset-sized table from typed arrays: n rows on a 1000-wide grid, 7 clusters, 1000 preambles cycled (`p0`…). */
function datasetTable(n: number) {
  const x = new Float32Array(n), y = new Float32Array(n), cluster_id = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = i % 1000;
    y[i] = Math.floor(i / 1000);
    cluster_id[i] = i % 7;
  }
  const preamble = Array.from({ length: n }, (_, i) => `p${i % 1000}`);
  const guess = Array.from({ length: n }, (_, i) => `g${i}`);
  return tableFromArrays({ x, y, cluster_id, guess, preamble });
}

describe('<token-cloud> whole-table cap', () => {
  test(`data with more than MAX_CLOUD_LABELS rows and no preamble fires token-cloud-error on preamble and draws nothing; setting preamble draws that sentence`, async () => {
    const n = 2 * MAX_CLOUD_LABELS;
    const errors: Error[] = [];
    const rendered: number[] = [];
    const el = mount((e) => {
      e.addEventListener('token-cloud-error', (ev) => errors.push(ev.detail.error));
      e.addEventListener('token-cloud-render', (ev) => rendered.push(ev.detail.labelCount));
      e.data = datasetTable(n);
    });
    await el.renderComplete;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'TokenCloudInputError', param: 'preamble', value: '', code: 'too-many-labels' });
    expect(errors[0]!.message).toContain(`data has ${n} rows; set preamble to show one sentence, or pass at most ${MAX_CLOUD_LABELS} labels`);
    expect(el.error).toBe(errors[0]);
    expect(el.labelCount).toBe(0);
    expect(el.placedCount).toBe(0);
    expect(rendered.every((c) => c === 0)).toBe(true);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).toContain('set preamble');

    el.preamble = 'p42';
    await el.renderComplete;
    expect(el.error).toBeNull();
    expect(el.labelCount).toBe(n / 1000);
    expect(Array.from(el.labelRows.subarray(0, 3))).toEqual([42, 1042, 2042]);
    expect(el.placedCount).toBeGreaterThan(0);
    expect(el.displayText(1)).toBe('g1042');
  });

  test('after zooming in, a frame lays out only the labels near the view, and hover still picks a label there', async () => {
    // 2,500 labels on a 50 × 50 grid; zoomed 1.25^12 ≈ 15× around the centre, a small share of them are near the view.
    const side = 50, n = side * side;
    const x = Float32Array.from({ length: n }, (_, i) => i % side), y = Float32Array.from({ length: n }, (_, i) => Math.floor(i / side));
    const el = mount((e) => Object.assign(e, { x, y, tokens: Array.from({ length: n }, (_, i) => `t${i}`) }));
    await el.renderComplete;
    expect(el.lastFrame!.order.length).toBe(n); // fitted: everything is in view
    for (let k = 0; k < 12; k++) el.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
    await el.renderComplete;
    const frame = el.lastFrame!;
    const inside = (i: number) => {
      const p = el.labelPosition(i)!;
      return p.x >= 0 && p.x <= 400 && p.y >= 0 && p.y <= 300;
    };
    const visible = Array.from({ length: n }, (_, i) => i).filter(inside);
    expect(visible.length).toBeGreaterThan(10);
    expect(frame.order.length).toBeLessThan(n / 4);
    const laidOut = new Set(frame.order);
    expect(visible.every((i) => laidOut.has(i))).toBe(true); // nothing visible is left out
    const placed = visible.find((i) => el.labelBox(i));
    expect(placed).toBeDefined();
    const b = el.labelBox(placed!)!;
    const r = el.getBoundingClientRect();
    el.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: r.left + b.left + b.width / 2, clientY: r.top + b.top + b.height / 2, bubbles: true, composed: true }));
    expect(el.hovered).toBe(placed);
  });
});
