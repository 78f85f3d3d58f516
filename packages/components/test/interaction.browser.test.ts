import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { categoricalColor } from '../src/color/categorical-color.js';
import { createSelectionModel } from '../src/selection/selection-model.js';
import { mountScatter } from './mount-scatter.js';

const SIZE = 100;
// Four points at the corners of a unit square; points 0 and 1 share cluster 5.
const X = Float32Array.of(0, 1, 0, 1);
const Y = Float32Array.of(0, 0, 1, 1);
const CLUSTER = Int32Array.of(5, 5, 7, 300);
const EVIL = '<img src=x onerror=alert(1)>';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(setup: (el: ClusterScatter) => void = () => {}, left = 0): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = `width:${SIZE}px;height:${SIZE}px;position:fixed;left:${left}px;top:0`;
  Object.assign(el, { x: X, y: Y, cluster: CLUSTER, pointSize: 10, tokens: ['alpha', 'beta', EVIL, 'delta'], preambles: ['p0', 'p1', 'The <b>cat</b> sat.', 'p3'] });
  return mountScatter(el, setup, mounted);
}

function rgbAt(el: ClusterScatter, x: number, y: number): [number, number, number] {
  const img = el.readPixels()!;
  const dpr = img.width / SIZE;
  const o = 4 * (Math.floor(y * dpr) * img.width + Math.floor(x * dpr));
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
}
const rgbOf = (c: number): [number, number, number] => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
const dimmed = (c: number, alpha = 0.15) => rgbOf(c).map((v) => Math.round(alpha * v + (1 - alpha) * 255));
const closeTo = (a: number[], b: number[], tol = 3) => a.every((v, i) => Math.abs(v - b[i]!) <= tol);

function pointer(el: Element, type: string, x: number, y: number, init: PointerEventInit = {}): void {
  const rect = el.getBoundingClientRect();
  el.dispatchEvent(new PointerEvent(type, { pointerId: 1, button: 0, clientX: rect.left + x, clientY: rect.top + y, bubbles: true, composed: true, ...init }));
}

/** Drags a pointer along `path` (CSS px in the element) with the given modifiers. */
function drag(el: Element, path: [number, number][], init: PointerEventInit = {}): void {
  const [first, ...rest] = path;
  pointer(el, 'pointerdown', first![0], first![1], { buttons: 1, ...init });
  for (const [x, y] of rest) pointer(el, 'pointermove', x, y, { buttons: 1, ...init });
  const last = path[path.length - 1]!;
  pointer(el, 'pointerup', last[0], last[1], init);
}

function around(el: ClusterScatter, indices: number[], pad = 8): [number, number][] {
  const ps = indices.map((i) => el.pointPosition(i)!);
  const x0 = Math.min(...ps.map((p) => p.x)) - pad, x1 = Math.max(...ps.map((p) => p.x)) + pad;
  const y0 = Math.min(...ps.map((p) => p.y)) - pad, y1 = Math.max(...ps.map((p) => p.y)) + pad;
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0 + 1]];
}

describe('<cluster-scatter> interaction', () => {
  test('hovering a point fires hover with its index, rings it and shows token, preamble and cluster as text', async () => {
    const hovers: number[] = [];
    const el = await mount((el) => el.addEventListener('hover', (e) => hovers.push(e.detail.index)));
    const p = el.pointPosition(2)!;
    pointer(el, 'pointermove', p.x + 2, p.y - 1);
    await el.renderComplete;
    expect(hovers).toEqual([2]);
    expect(el.hovered).toBe(2);
    const tip = el.shadowRoot!.querySelector('[part=tooltip]')!;
    expect(tip.textContent).toBe(`${EVIL}\nThe <b>cat</b> sat.\ncluster 7`);
    expect(tip.querySelector('img, b')).toBeNull(); // text, never HTML
    await new Promise((r) => setTimeout(r, 350)); // hover announcements wait for the pointer to rest (300 ms)
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=live]')!.textContent).toContain(EVIL);
    expect(closeTo(rgbAt(el, p.x + 7, p.y), [0x1a, 0x1a, 0x1a], 8)).toBe(true); // the ring, in the foreground colour
    expect(rgbAt(el, p.x, p.y)).toEqual(rgbOf(categoricalColor(7)));
    pointer(el, 'pointerleave', -5, -5);
    await el.renderComplete;
    expect(hovers).toEqual([2, -1]);
    expect(el.shadowRoot!.querySelector('[part=tooltip]')).toBeNull();
    expect(rgbAt(el, p.x + 7, p.y)).toEqual([255, 255, 255]);
  });

  test('tooltipFormatter(info) replaces the tooltip text, still as text', async () => {
    const el = await mount((el) => (el.tooltipFormatter = (info) => `#${info.index} ${info.token} in ${info.cluster}`));
    const p = el.pointPosition(2)!;
    pointer(el, 'pointermove', p.x, p.y);
    await el.renderComplete;
    expect(el.shadowRoot!.querySelector('[part=tooltip]')!.textContent).toBe(`#2 ${EVIL} in 7`);
  });

  test('Shift+drag lassos points and fires select with their indices; Ctrl adds, Alt removes; Escape clears', async () => {
    const selects: number[][] = [];
    const el = await mount((el) => el.addEventListener('select', (e) => selects.push(Array.from(e.detail.indices))));
    drag(el, around(el, [0, 1]), { shiftKey: true });
    await el.renderComplete;
    expect(selects).toEqual([[0, 1]]);
    expect(el.shadowRoot!.querySelector('[part=sketch]')).toBeNull(); // the sketch is gone after release
    // unselected points are dimmed towards the background, selected keep their colour
    const p2 = el.pointPosition(2)!, p0 = el.pointPosition(0)!;
    expect(closeTo(rgbAt(el, p2.x, p2.y), dimmed(categoricalColor(7)))).toBe(true);
    expect(rgbAt(el, p0.x, p0.y)).toEqual(rgbOf(categoricalColor(5)));
    drag(el, around(el, [3]), { shiftKey: true, ctrlKey: true });
    drag(el, around(el, [0]), { shiftKey: true, altKey: true });
    expect(selects.slice(1)).toEqual([[0, 1, 3], [1, 3]]);
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(selects.at(-1)).toEqual([]);
    expect(el.selection).toHaveLength(0);
    await el.renderComplete;
    expect(rgbAt(el, p2.x, p2.y)).toEqual(rgbOf(categoricalColor(7)));
  });

  test('drag-mode="rect" selects the points in the dragged rectangle', async () => {
    const el = await mount((el) => el.setAttribute('drag-mode', 'rect'));
    const a = el.pointPosition(2)!, b = el.pointPosition(3)!; // top row
    drag(el, [[a.x - 6, a.y - 6], [(a.x + b.x) / 2, a.y], [b.x + 6, b.y + 6]]);
    expect(Array.from(el.selection)).toEqual([2, 3]);
  });

  test('click selects a point, Shift+click its whole cluster, click on empty space clears', async () => {
    const el = await mount();
    const p1 = el.pointPosition(1)!;
    pointer(el, 'pointerdown', p1.x, p1.y);
    pointer(el, 'pointerup', p1.x + 1, p1.y);
    expect(Array.from(el.selection)).toEqual([1]);
    pointer(el, 'pointerdown', p1.x, p1.y, { shiftKey: true });
    pointer(el, 'pointerup', p1.x, p1.y, { shiftKey: true });
    expect(Array.from(el.selection)).toEqual([0, 1]); // cluster 5
    pointer(el, 'pointerdown', SIZE / 2, SIZE / 2);
    pointer(el, 'pointerup', SIZE / 2, SIZE / 2);
    expect(el.selection).toHaveLength(0);
  });

  test('select(indices) selects programmatically and rejects an index out of range by name', async () => {
    const el = await mount();
    const events: number[][] = [];
    el.addEventListener('select', (e) => events.push(Array.from(e.detail.indices)));
    el.select([3, 0, 3]);
    el.select([2], 'add');
    expect(events).toEqual([[0, 3], [0, 2, 3]]);
    expect(() => el.select([1, 4])).toThrow(/indices\[1\] = 4: must be an integer row index in \[0, 4\)/);
    el.clearSelection();
    expect(events.at(-1)).toEqual([]);
  });

  test('the legend lists clusters with counts; hovering a row dims the others, clicking hides its cluster', async () => {
    const el = await mount((el) => (el.legend = true));
    const items = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=legend-item]')];
    expect(items.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).toEqual(['cluster 5 2 points', 'cluster 7 1 points', 'cluster 300 1 points']);
    items[1]!.dispatchEvent(new PointerEvent('pointerenter'));
    await el.renderComplete;
    const p0 = el.pointPosition(0)!, p2 = el.pointPosition(2)!;
    expect(closeTo(rgbAt(el, p0.x, p0.y), dimmed(categoricalColor(5)))).toBe(true);
    expect(rgbAt(el, p2.x, p2.y)).toEqual(rgbOf(categoricalColor(7)));
    items[1]!.dispatchEvent(new PointerEvent('pointerleave'));
    items[0]!.click();
    await el.renderComplete;
    expect(Array.from(el.hiddenClusterIds)).toEqual([5]);
    expect(items[0]!.getAttribute('aria-pressed')).toBe('false');
    expect(rgbAt(el, p0.x, p0.y)).toEqual([255, 255, 255]); // filtered out
    drag(el, around(el, [0, 1, 2, 3]), { shiftKey: true });
    expect(Array.from(el.selection)).toEqual([2, 3]); // hidden points are not selectable
  });

  test('keyboard: the element is focusable, arrows pan a tenth of the plot, + zooms, 0 refits', async () => {
    const el = await mount();
    expect(el.tabIndex).toBe(0);
    const views: unknown[] = [];
    el.addEventListener('view-change', (e) => views.push(e.detail.view));
    const p = el.pointPosition(0)!;
    const key = (k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    key('ArrowLeft');
    expect(el.pointPosition(0)!.x).toBeCloseTo(p.x + SIZE / 10, 6);
    key('0');
    expect(el.pointPosition(0)).toEqual(p);
    key('+');
    expect(el.pointPosition(0)!.x).toBeLessThan(p.x); // zoomed around the centre: corners move out
    expect(views).toHaveLength(3);
  });

  test('a two-finger pinch zooms around the fingers\' midpoint and cancels the one-finger pan', async () => {
    const el = await mount();
    const a = el.pointPosition(0)!, b = el.pointPosition(1)!;
    const touch = { pointerType: 'touch' };
    pointer(el, 'pointerdown', 30, 50, { ...touch, pointerId: 1 });
    pointer(el, 'pointerdown', 70, 50, { ...touch, pointerId: 2 });
    pointer(el, 'pointermove', 90, 50, { ...touch, pointerId: 2 }); // 40 px apart → 60 px, midpoint 50 → 60
    pointer(el, 'pointerup', 90, 50, { ...touch, pointerId: 2 });
    pointer(el, 'pointerup', 30, 50, { ...touch, pointerId: 1 });
    const a2 = el.pointPosition(0)!, b2 = el.pointPosition(1)!;
    expect(b2.x - a2.x).toBeCloseTo(1.5 * (b.x - a.x), 6);
    // the data under the old midpoint (50, 50) moved with the fingers to the new midpoint (60, 50)
    expect(a2.x).toBeCloseTo(60 + 1.5 * (a.x - 50), 6);
    expect(el.selection).toHaveLength(0); // no click, no selection
  });

  test('transition morphs points from the old to the new coordinates with the same rows', async () => {
    const el = await mount((el) => (el.transition = 300));
    const start = el.pointPosition(0)!;
    el.x = Float32Array.of(0.5, 1, 0, 1); // point 0 moves to the empty middle of the bottom row; bounds stay
    await el.renderComplete;
    const end = el.pointPosition(0)!;
    expect(end.x).toBeGreaterThan(start.x + 20);
    expect(rgbAt(el, start.x, start.y)).toEqual(rgbOf(categoricalColor(5))); // first frame: still at the old place
    expect(rgbAt(el, end.x, end.y)).toEqual([255, 255, 255]);
    await new Promise((r) => setTimeout(r, 450));
    await el.renderComplete;
    expect(rgbAt(el, end.x, end.y)).toEqual(rgbOf(categoricalColor(5)));
    expect(rgbAt(el, start.x, start.y)).toEqual([255, 255, 255]);
  });

  test('with prefers-reduced-motion: reduce, transition jumps straight to the new coordinates', async () => {
    const el = await mount((el) => (el.transition = 300));
    const start = el.pointPosition(0)!;
    const real = window.matchMedia;
    // The user setting cannot be toggled from inside the page; answer the one query the morph asks.
    window.matchMedia = ((q: string) => ({ ...real.call(window, q), matches: q.includes('reduced-motion: reduce') })) as typeof matchMedia;
    try {
      el.x = Float32Array.of(0.5, 1, 0, 1);
      await el.renderComplete;
      const end = el.pointPosition(0)!;
      expect(rgbAt(el, end.x, end.y)).toEqual(rgbOf(categoricalColor(5))); // first frame already at the end
      expect(rgbAt(el, start.x, start.y)).toEqual([255, 255, 255]);
    } finally {
      window.matchMedia = real;
    }
  });

  test('theme="dark" and --cluster-scatter-background switch the background colour', async () => {
    const el = await mount((el) => el.setAttribute('theme', 'dark'));
    expect(rgbAt(el, SIZE / 2, SIZE / 2)).toEqual([0x12, 0x12, 0x12]);
    el.style.setProperty('--cluster-scatter-background', 'rgb(0, 0, 255)');
    expect(rgbAt(el, SIZE / 2, SIZE / 2)).toEqual([0, 0, 255]);
    el.setAttribute('background', 'red'); // the attribute wins over the theme
    await el.renderComplete;
    expect(rgbAt(el, SIZE / 2, SIZE / 2)).toEqual([255, 0, 0]);
  });

  test('two elements sharing createSelectionModel() show each other\'s lasso selection and hover', async () => {
    const model = createSelectionModel();
    const a = await mount((el) => (el.selectionModel = model));
    const b = await mount((el) => (el.selectionModel = model), SIZE + 10);
    const seenByB: number[][] = [];
    b.addEventListener('select', (e) => {
      expect(e.detail.indices).toEqual(e.detail.rows); // a scatter's indices are its rows
      seenByB.push(Array.from(e.detail.rows));
    });
    drag(a, around(a, [2, 3]), { shiftKey: true });
    expect(seenByB).toEqual([[2, 3]]);
    expect(Array.from(b.selection)).toEqual([2, 3]);
    const p = a.pointPosition(1)!;
    pointer(a, 'pointermove', p.x, p.y);
    expect(b.hovered).toBe(1);
    await b.renderComplete;
    expect(b.shadowRoot!.querySelector('[part=tooltip]')!.textContent).toContain('beta');
  });
});
