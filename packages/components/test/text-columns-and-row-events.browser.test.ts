// Review S3 P2-1 and P2-2: <cluster-scatter> and <token-cloud> default to the `guess` token column (what io, the
// CLI and the notebook use), treat a missing *default* text column as a warning and an explicit one as an error,
// and fire `hover` / `select` with the same fields: `row`/`rows` are dataset rows in both.
import { tableFromArrays } from 'apache-arrow';
import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import '../src/token-cloud/token-cloud.js';
import type { RowHoverDetail, RowSelectDetail, RowSelectEvent } from '../src/selection/row-events.js';
import { createSelectionModel } from '../src/selection/selection-model.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

function mount<K extends 'cluster-scatter' | 'token-cloud'>(tag: K, setup: (el: HTMLElementTagNameMap[K]) => void, parent: HTMLElement = document.body): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.style.cssText = 'display:block;width:300px;height:200px';
  setup(el);
  parent.append(el);
  mounted.push(el);
  return el;
}

function pointer(el: Element, type: string, x: number, y: number, init: PointerEventInit = {}) {
  const r = el.getBoundingClientRect();
  el.dispatchEvent(new PointerEvent(type, { pointerId: 1, button: 0, clientX: r.left + x, clientY: r.top + y, bubbles: true, composed: true, ...init }));
}

/** A CLI-style projection table: x, y, cluster_id, guess, preamble (rows 1 and 3 share a preamble). */
const cliTable = () => tableFromArrays({
  x: Float32Array.of(0, 10, 20, 30), y: Float32Array.of(0, 10, 0, 10), cluster_id: Int32Array.of(1, 2, 1, 2),
  guess: [' the', ' a', 'cat', '\n'], preamble: ['P0', 'P1', 'P0', 'P1'],
});
/** A table without the default text columns. */
const bareTable = () => tableFromArrays({ x: Float32Array.of(0, 10, 20), y: Float32Array.of(0, 10, 0), cluster_id: Int32Array.of(1, 2, 1), word: ['a', 'b', 'c'] });

describe('default text columns: `guess` and `preamble` in both elements', () => {
  test('<cluster-scatter>.data = a CLI table shows its guess and preamble in the tooltip with no token-column set', async () => {
    const el = mount('cluster-scatter', (e) => (e.data = cliTable()));
    await el.renderComplete;
    expect(el.tokenColumn).toBe('guess');
    el.selectionModel.hover(2);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=tooltip]')!.textContent).toBe('cat\nP0\ncluster 1');
    expect(el.error).toBeNull();
    expect(el.warnings).toEqual([]);
  });

  test('<token-cloud>.data = a CLI table with preamble="P1" draws that preamble\'s guesses with no token-column set', async () => {
    const el = mount('token-cloud', (e) => Object.assign(e, { data: cliTable(), preamble: 'P1' }));
    await el.renderComplete;
    expect(el.error).toBeNull();
    expect(Array.from(el.labelRows)).toEqual([1, 3]);
    expect([el.displayText(0), el.displayText(1)]).toEqual(['␣a', '↵']);
    expect(el.warnings).toEqual([]);
  });

  test('<cluster-scatter> with a table missing the default columns draws, shows no token, and warns listing the columns', async () => {
    const warnings: Error[] = [];
    const el = mount('cluster-scatter', (e) => {
      e.addEventListener('cluster-scatter-warning', (ev) => warnings.push(ev.detail.warning));
      e.data = bareTable();
    });
    await el.renderComplete;
    expect(el.error).toBeNull();
    expect(el.pointCount).toBe(3);
    expect(warnings.map((w) => w)).toMatchObject([
      { name: 'ClusterScatterInputError', param: 'token-column', value: 'guess' },
      { name: 'ClusterScatterInputError', param: 'preamble-column', value: 'preamble' },
    ]);
    expect(warnings[0]!.message).toMatch(/columns are: x, y, cluster_id, word/);
    expect(el.warnings).toHaveLength(2);
    el.selectionModel.hover(1);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=tooltip]')!.textContent).toBe('point 1\ncluster 2');
    el.tokenColumn = 'word'; // pointing at a real column clears that warning
    await el.renderComplete;
    expect(el.warnings.map((w) => (w as unknown as { param: string }).param)).toEqual(['preamble-column']);
  });

  test('<token-cloud> with a table missing the default columns draws ∅ labels, keeps error null and warns listing the columns', async () => {
    const warnings: Error[] = [];
    const el = mount('token-cloud', (e) => {
      e.addEventListener('token-cloud-warning', (ev) => warnings.push(ev.detail.warning));
      e.data = bareTable();
    });
    await el.renderComplete;
    expect(el.error).toBeNull();
    expect(el.labelCount).toBe(3);
    expect(el.placedCount).toBeGreaterThan(0);
    expect([0, 1, 2].map((i) => el.displayText(i))).toEqual(['∅', '∅', '∅']);
    expect(warnings).toMatchObject([
      { name: 'TokenCloudInputError', param: 'token-column', value: 'guess' },
      { name: 'TokenCloudInputError', param: 'preamble-column', value: 'preamble' },
    ]);
    expect(warnings[0]!.message).toMatch(/columns are: x, y, cluster_id, word/);
    expect(el.warnings).toHaveLength(2);
  });

  test('an explicitly set token-column or preamble-column that is not in data is an error naming it, in both elements', async () => {
    const scatter = mount('cluster-scatter', (e) => (e.data = bareTable()));
    const cloud = mount('token-cloud', (e) => (e.data = bareTable()));
    await Promise.all([scatter.renderComplete, cloud.renderComplete]);
    for (const el of [scatter, cloud]) el.setAttribute('token-column', 'tokn');
    await Promise.all([scatter.renderComplete, cloud.renderComplete]);
    expect(scatter.error).toMatchObject({ name: 'ClusterScatterInputError', param: 'token-column', value: 'tokn' });
    expect(cloud.error).toMatchObject({ name: 'TokenCloudInputError', param: 'token-column', value: 'tokn' });
    expect(cloud.error!.message).toMatch(/columns are: x, y, cluster_id, word/);
    expect(cloud.labelCount).toBe(0); // the cloud draws nothing on a data error
    for (const el of [scatter, cloud]) {
      el.setAttribute('token-column', 'word');
      el.setAttribute('preamble-column', 'sentence');
    }
    await Promise.all([scatter.renderComplete, cloud.renderComplete]);
    expect(scatter.error).toMatchObject({ param: 'preamble-column', value: 'sentence' });
    expect(cloud.error).toMatchObject({ param: 'preamble-column', value: 'sentence' });
    for (const el of [scatter, cloud]) el.setAttribute('preamble-column', '');
    await Promise.all([scatter.renderComplete, cloud.renderComplete]);
    expect([scatter.error, cloud.error]).toEqual([null, null]);
    expect([scatter.warnings, cloud.warnings]).toEqual([[], []]);
    expect(cloud.displayText(1)).toBe('b');
  });
});

describe('hover and select carry dataset rows as row / rows in both elements', () => {
  test('a listener on a common ancestor reads row / rows from both elements for a hover and a selection of a shared model', async () => {
    const model = createSelectionModel();
    const wrap = document.createElement('div');
    document.body.append(wrap);
    mounted.push(wrap);
    const n = 10;
    const scatter = mount('cluster-scatter', (e) => {
      Object.assign(e, { x: Float32Array.from({ length: n }, (_, i) => i), y: Float32Array.from({ length: n }, (_, i) => i % 3), cluster: Int32Array.from({ length: n }, (_, i) => i % 2) });
      e.selectionModel = model;
    }, wrap);
    const cloud = mount('token-cloud', (e) => {
      Object.assign(e, { x: Float32Array.of(0, 10, 20), y: Float32Array.of(0, 5, 0), tokens: ['six', 'two', 'nine'], rows: Uint32Array.of(6, 2, 9) });
      e.selectionModel = model;
    }, wrap);
    const hovers: (RowHoverDetail & { from: string })[] = [];
    const selects: (RowSelectDetail & { from: string })[] = [];
    // `hover` is typed globally (RowHoverEvent): detail.row compiles on any ancestor.
    wrap.addEventListener('hover', (e) => hovers.push({ ...e.detail, from: (e.target as Element).tagName }));
    wrap.addEventListener('select', (e) => selects.push({ ...(e as RowSelectEvent).detail, from: (e.target as Element).tagName }));
    await Promise.all([scatter.renderComplete, cloud.renderComplete]);

    model.hover(9);
    const byTag = (tag: string) => hovers.find((h) => h.from === tag)!;
    expect(byTag('CLUSTER-SCATTER')).toMatchObject({ row: 9, rows: Uint32Array.of(9), index: 9, indices: Uint32Array.of(9) });
    expect(byTag('TOKEN-CLOUD')).toMatchObject({ row: 9, rows: Uint32Array.of(9), index: 2, indices: Uint32Array.of(2) });

    model.select(Uint32Array.of(2, 3, 6));
    const scatterSel = selects.find((s) => s.from === 'CLUSTER-SCATTER')!, cloudSel = selects.find((s) => s.from === 'TOKEN-CLOUD')!;
    expect(Array.from(scatterSel.rows)).toEqual([2, 3, 6]);
    expect(Array.from(scatterSel.indices)).toEqual([2, 3, 6]);
    expect(Array.from(cloudSel.rows)).toEqual([2, 6]); // the rows this cloud shows, ascending
    expect(Array.from(cloudSel.indices)).toEqual([0, 1]); // its labels of rows 6 and 2

    // A pointer hover in the cloud: the scatter hovers the same dataset row, both events say so in `row`.
    hovers.length = 0;
    const b = cloud.labelBox(1)!;
    pointer(cloud, 'pointermove', b.left + b.width / 2, b.top + b.height / 2);
    expect(hovers.map((h) => [h.from, h.row, h.index])).toEqual(expect.arrayContaining([['TOKEN-CLOUD', 2, 1], ['CLUSTER-SCATTER', 2, 2]]));
    pointer(cloud, 'pointerleave', 0, 0);
    expect(hovers.slice(-2).map((h) => [h.row, h.rows.length, h.index, h.indices.length])).toEqual([[-1, 0, -1, 0], [-1, 0, -1, 0]]);
  });

  test('<token-cloud drag-mode="rect"> selects the labels whose anchors are inside a plain drag, as dataset rows', async () => {
    const cloud = mount('token-cloud', (e) => {
      Object.assign(e, { x: Float32Array.of(0, 10, 20, 30), y: Float32Array.of(0, 0, 0, 0), tokens: ['a', 'b', 'c', 'd'], rows: Uint32Array.of(40, 41, 42, 43) });
      e.setAttribute('drag-mode', 'rect');
    });
    const rows: number[][] = [];
    cloud.addEventListener('select', (e) => rows.push(Array.from(e.detail.rows)));
    await cloud.renderComplete;
    const p1 = cloud.labelPosition(1)!, p2 = cloud.labelPosition(2)!;
    pointer(cloud, 'pointerdown', p1.x - 3, p1.y - 20);
    pointer(cloud, 'pointermove', (p1.x + p2.x) / 2, p1.y);
    pointer(cloud, 'pointermove', p2.x + 3, p2.y + 20);
    pointer(cloud, 'pointerup', p2.x + 3, p2.y + 20);
    expect(Array.from(cloud.selection)).toEqual([1, 2]);
    expect(rows).toEqual([[41, 42]]);
    cloud.setAttribute('drag-mode', 'box');
    await cloud.updateComplete;
    expect(cloud.error).toMatchObject({ name: 'TokenCloudInputError', param: 'drag-mode', value: 'box' });
  });
});
