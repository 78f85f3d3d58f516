import { tableFromArrays } from 'apache-arrow';
import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import { maxDrawSize } from '../src/cluster-scatter/export-png.js';
import type { ClusterScatterInputError } from '../src/errors.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(setup: (el: ClusterScatter) => void = () => {}, css = 'width:60px;height:40px;display:block'): Promise<{ el: ClusterScatter; errors: ClusterScatterInputError[] }> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = css;
  const errors: ClusterScatterInputError[] = [];
  el.addEventListener('cluster-scatter-error', (e) => errors.push(e.detail.error as ClusterScatterInputError));
  Object.assign(el, { x: Float32Array.of(0, 1, 2), y: Float32Array.of(0, 1, 0), cluster: Int32Array.of(0, 1, 1) });
  setup(el);
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  return { el, errors };
}

describe('<cluster-scatter> reports bad settings as cluster-scatter-error naming parameter, value and rule', () => {
  const cases: [string, string, string, RegExp][] = [
    ['drag-mode', 'drag-mode', 'lassoo', /'pan', 'lasso', 'rect'/],
    ['theme', 'theme', 'sepia', /'light', 'dark', 'auto'/],
    ['color-scheme', 'color-scheme', 'nope', /d3-scale-chromatic/],
    ['transition', 'transition', '-5', />= 0/],
    ['transition', 'transition', 'abc', />= 0/],
    ['interactive-points', 'interactive-points', '1.5', /non-negative integer/],
    ['interactive-points', 'interactive-points', '-1', /non-negative integer/],
    ['outlines', 'outlines', 'hull', /'auto'/],
  ];
  for (const [attribute, param, value, rule] of cases) {
    test(`setAttribute('${attribute}', '${value}') fires an error naming ${param}, the value and the rule; a valid value clears it`, async () => {
      const { el, errors } = await mount();
      el.setAttribute(attribute, value);
      await el.renderComplete;
      expect(errors.length).toBeGreaterThanOrEqual(1);
      const e = errors.at(-1)!;
      expect(e.name).toBe('ClusterScatterInputError');
      expect(e.param).toBe(param);
      expect(e.message).toMatch(rule);
      expect(e.message).toContain(attribute === 'transition' || attribute === 'interactive-points' ? String(Number(value)) : value);
      expect(el.error).toBe(e);
      el.removeAttribute(attribute);
      if (attribute === 'drag-mode') el.dragMode = 'pan';
      if (attribute === 'theme') el.theme = 'light';
      if (attribute === 'color-scheme') el.colorScheme = 'categorical';
      if (attribute === 'transition') el.transition = 0;
      if (attribute === 'interactive-points') el.interactivePoints = 30_000;
      await el.renderComplete;
      expect(el.error).toBeNull();
    });
  }

  test('tokens or preambles with a wrong length fire an error naming tokens / preambles and both lengths', async () => {
    const { el, errors } = await mount((el) => (el.tokens = ['a', 'b']));
    expect(errors.at(-1)).toMatchObject({ name: 'ClusterScatterInputError', param: 'tokens' });
    expect(errors.at(-1)!.message).toMatch(/one entry per point \(3\), got 2/);
    el.tokens = ['a', 'b', 'c'];
    el.preambles = ['x'];
    await el.renderComplete;
    expect(el.error).toMatchObject({ param: 'preambles' });
  });

  test('token-column / preamble-column naming a missing Arrow column fire an error listing the columns; the defaults do not', async () => {
    const table = tableFromArrays({ x: Float32Array.of(0, 1), y: Float32Array.of(0, 1), cluster_id: Int32Array.of(0, 1), word: ['a', 'b'] });
    const { el, errors } = await mount((el) => {
      Object.assign(el, { x: null, y: null, cluster: null, data: table });
    });
    expect(errors).toHaveLength(0); // no 'token'/'preamble' column, but those are the defaults
    el.setAttribute('token-column', 'tokn');
    await el.renderComplete;
    expect(el.error).toMatchObject({ param: 'token-column', value: 'tokn' });
    expect(el.error!.message).toMatch(/columns are: x, y, cluster_id, word/);
    el.setAttribute('token-column', 'word');
    el.setAttribute('preamble-column', 'sentence');
    await el.renderComplete;
    expect(el.error).toMatchObject({ param: 'preamble-column', value: 'sentence' });
    el.setAttribute('preamble-column', '');
    await el.renderComplete;
    expect(el.error).toBeNull();
  });

  test('toPNG rejects a scale outside (0, 16] and a scale beyond the GPU size limits with ClusterScatterInputError naming scale', async () => {
    const { el } = await mount(() => {}, 'width:1500px;height:20px;display:block');
    for (const scale of [0, -1, 17, Number.NaN]) await expect(el.toPNG({ scale })).rejects.toMatchObject({ name: 'ClusterScatterInputError', param: 'scale' });
    const max = maxDrawSize(el.layer!.renderer.gl);
    const tooBig = (max + 200) / 1500;
    if (tooBig <= 16) {
      await expect(el.toPNG({ scale: tooBig })).rejects.toMatchObject({ name: 'ClusterScatterInputError', param: 'scale' });
      await expect(el.toPNG({ scale: tooBig })).rejects.toThrow(new RegExp(`at most ${max}`));
    }
    expect(tooBig).toBeLessThanOrEqual(16); // SwiftShader: 8192 → the limit check above really ran
    const ok = await el.toPNG({ scale: 1 });
    expect(ok.size).toBeGreaterThan(0);
  });
});
