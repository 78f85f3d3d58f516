import { afterEach, describe, expect, test } from 'vitest';
import '../src/token-cloud/token-cloud.js';
import '../src/cluster-scatter/cluster-scatter.js';
import type { TokenCloud } from '../src/token-cloud/token-cloud.component.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { createSelectionModel } from '../src/selection/selection-model.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

function mount<T extends HTMLElement>(tag: 'token-cloud' | 'cluster-scatter', setup: (el: T) => void): T {
  const el = document.createElement(tag) as unknown as T;
  el.style.cssText = 'display:block;width:300px;height:200px';
  setup(el);
  document.body.append(el);
  mounted.push(el);
  return el;
}

function pointer(el: Element, type: string, x: number, y: number, init: PointerEventInit = {}) {
  const r = el.getBoundingClientRect();
  el.dispatchEvent(new PointerEvent(type, { pointerId: 1, button: 0, clientX: r.left + x, clientY: r.top + y, bubbles: true, composed: true, ...init }));
}
const click = (el: Element, x: number, y: number, init: PointerEventInit = {}) => {
  pointer(el, 'pointerdown', x, y, init);
  pointer(el, 'pointerup', x, y, init);
};
const centreOf = (el: TokenCloud, i: number) => {
  const b = el.labelBox(i)!;
  return [b.left + b.width / 2, b.top + b.height / 2] as const;
};

describe('<token-cloud> hover and tooltip', () => {
  test('hovering a hostile token shows it as text in the tooltip and creates no img element', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const el = mount<TokenCloud>('token-cloud', (e) => Object.assign(e, {
      x: Float32Array.of(0, 10), y: Float32Array.of(0, 0), cluster: Int32Array.of(1, 2), tokens: [hostile, ' the\n'], preamble: 'P <b>bold</b>', maxTokenLength: 40,
    }));
    const hovers: number[] = [];
    el.addEventListener('hover', (e) => hovers.push(e.detail.index));
    await el.renderComplete;
    expect(el.displayText(0)).toBe(hostile); // drawn as these characters
    pointer(el, 'pointermove', ...centreOf(el, 0));
    await el.updateComplete;
    const tip = el.shadowRoot!.querySelector('[part=tooltip]')!;
    expect(tip.textContent).toContain(hostile);
    expect(tip.textContent).toContain('P <b>bold</b>');
    expect(el.shadowRoot!.querySelector('img, b')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(hovers).toEqual([0]);
    // Whitespace and controls are visible in the tooltip too.
    pointer(el, 'pointermove', ...centreOf(el, 1));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=tooltip]')!.textContent!.split('\n')[0]).toBe('␣the↵');
    pointer(el, 'pointerleave', 0, 0);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=tooltip]')).toBeNull();
    expect(hovers).toEqual([0, 1, -1]);
  });

  test('a tooltipFormatter gets the raw token and local index; its text is shown as text', async () => {
    const el = mount<TokenCloud>('token-cloud', (e) => Object.assign(e, {
      x: Float32Array.of(0, 10), y: Float32Array.of(0, 0), tokens: ['a', 'b'], rows: Uint32Array.of(40, 41),
      tooltipFormatter: (info: { index: number; token: string | null }) => `<i>${info.index}:${info.token}</i>`,
    }));
    await el.renderComplete;
    pointer(el, 'pointermove', ...centreOf(el, 1));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=tooltip]')!.textContent).toBe('<i>1:b</i>');
    expect(el.shadowRoot!.querySelector('i')).toBeNull();
  });
});

describe('<token-cloud> linked with <cluster-scatter> through one selection model', () => {
  test('selecting in the cloud selects those dataset rows in the scatter, and the scatter\'s selection shows in the cloud', async () => {
    const model = createSelectionModel();
    const n = 12;
    const scatter = mount<ClusterScatter>('cluster-scatter', (e) => {
      Object.assign(e, { x: Float32Array.from({ length: n }, (_, i) => i), y: Float32Array.from({ length: n }, (_, i) => (i * 7) % 5), cluster: Int32Array.from({ length: n }, (_, i) => i % 3) });
      e.selectionModel = model;
    });
    // The cloud shows dataset rows 5, 7, 9 (clusters 2, 1, 0 in the scatter's data) and 8 (cluster 2).
    const cloud = mount<TokenCloud>('token-cloud', (e) => {
      Object.assign(e, { x: Float32Array.of(0, 10, 0, 10), y: Float32Array.of(0, 0, 10, 10), cluster: Int32Array.of(2, 1, 0, 2), tokens: ['five', 'seven', 'nine', 'eight'], rows: Uint32Array.of(5, 7, 9, 8) });
      e.selectionModel = model;
    });
    const selects: number[][] = [];
    cloud.addEventListener('select', (e) => selects.push(Array.from(e.detail.rows)));
    await Promise.all([scatter.renderComplete, cloud.renderComplete]);

    click(cloud, ...centreOf(cloud, 1));
    expect(Array.from(scatter.selection)).toEqual([7]);
    expect(Array.from(cloud.selection)).toEqual([1]);
    click(cloud, ...centreOf(cloud, 0), { shiftKey: true }); // Shift+click: the label's whole cluster (in this cloud)
    expect(Array.from(scatter.selection)).toEqual([5, 8]);
    expect(Array.from(cloud.selection)).toEqual([0, 3]);

    scatter.select([9, 0, 7]); // rows outside the cloud are ignored there
    expect(Array.from(cloud.selection)).toEqual([1, 2]);
    expect(Array.from(cloud.selectedRows)).toEqual([7, 9]);

    cloud.focus();
    cloud.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(scatter.selection.length).toBe(0);
    expect(cloud.selection.length).toBe(0);
    expect(selects).toEqual([[7], [5, 8], [7, 9], []]);

    // Hover links too: a row hovered in the scatter hovers its label here.
    model.hover(9, scatter);
    expect(cloud.hovered).toBe(2);
    pointer(cloud, 'pointermove', ...centreOf(cloud, 3));
    expect(scatter.hovered).toBe(8);
  });

  test('with a selection, the unselected labels are drawn dimmed and the selected ones at full colour', async () => {
    const cloud = mount<TokenCloud>('token-cloud', (e) => Object.assign(e, {
      x: Float32Array.of(0, 10), y: Float32Array.of(0, 0), cluster: Int32Array.of(1, 1), tokens: ['MMMM', 'MMMM'], fontSize: 20,
    }));
    await cloud.renderComplete;
    const darkness = (i: number) => {
      const img = cloud.readPixels()!;
      const s = img.width / cloud.clientWidth;
      const b = cloud.labelBox(i)!;
      let min = 255;
      for (let y = Math.ceil(b.top * s); y < (b.top + b.height) * s; y++) {
        for (let x = Math.ceil(b.left * s); x < (b.left + b.width) * s; x++) min = Math.min(min, img.data[4 * (y * img.width + x) + 1]!);
      }
      return 255 - min;
    };
    const [a0, b0] = [darkness(0), darkness(1)];
    expect(Math.abs(a0 - b0)).toBeLessThan(4);
    cloud.select([0]);
    await cloud.renderComplete;
    expect(Math.abs(darkness(0) - a0)).toBeLessThan(4);
    expect(darkness(1)).toBeLessThan(b0 * 0.5);
    expect(cloud.getAttribute('aria-description')).toContain('1 selected');
  });
});
