/**
 * The `webgl` attribute of both elements: `'1'` draws through the page's shared WebGL 1 context while other
 * elements on the same page keep WebGL 2; switching it re-creates the GL layer; bad values are typed errors.
 * (test/webgl1-fallback.browser.test.ts covers a browser with no WebGL 2 at all.)
 */
import { afterEach, describe, expect, test } from 'vitest';
import '../src/cluster-scatter/cluster-scatter.js';
import '../src/token-cloud/token-cloud.js';
import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';
import type { TokenCloud } from '../src/token-cloud/token-cloud.component.js';
import { categoricalColor } from '../src/color/categorical-color.js';
import { tolRainbowDiscrete } from '../src/color/tol-rainbow-discrete.js';
import { sharedContextUsers } from '../src/gl/shared-context.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const rgb = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 2) => Array.from(b).every((v, i) => Math.abs(a[i]! - v) <= tol);

function rgbAt(el: ClusterScatter, x: number, y: number): number[] {
  const img = el.readPixels()!;
  const k = img.width / el.clientWidth;
  const o = 4 * (Math.floor(y * k) * img.width + Math.floor(x * k));
  return Array.from(img.data.subarray(o, o + 3));
}

async function scatter(webgl?: string): Promise<ClusterScatter> {
  const el = document.createElement('cluster-scatter');
  el.style.cssText = 'width:120px;height:120px;display:block';
  if (webgl !== undefined) el.setAttribute('webgl', webgl);
  Object.assign(el, { x: Float32Array.of(0, 1, 0, 1), y: Float32Array.of(0, 0, 1, 1), cluster: Int32Array.of(3, 5, 7, 9), pointSize: 12 });
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  return el;
}

/** Each of the 4 points is drawn in its cluster's categorical colour. */
function expectClusterColours(el: ClusterScatter): void {
  for (const [i, id] of [[0, 3], [1, 5], [2, 7], [3, 9]] as const) {
    const p = el.pointPosition(i)!;
    expect(near(rgbAt(el, p.x, p.y), rgb(categoricalColor(id))), `point ${i}`).toBe(true);
  }
}

async function cloud(webgl?: string): Promise<TokenCloud> {
  const el = document.createElement('token-cloud');
  el.style.cssText = 'display:block;width:300px;height:200px';
  if (webgl !== undefined) el.setAttribute('webgl', webgl);
  Object.assign(el, { x: Float32Array.of(0, 10, 0), y: Float32Array.of(0, 0, 10), cluster: Int32Array.of(7, 3, 7), tokens: ['alpha', 'beta', 'gamma'], fontSize: 16 });
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  return el;
}

/** Pixels in label i's drawn box within `tol` (sum of |ΔRGB|) of its cluster's Tol colour (ids 3, 7 → ranks 0, 1). */
function labelColourPixels(el: TokenCloud, i: number, tol = 40): number {
  const want = tolRainbowDiscrete(2).map((h) => [1, 3, 5].map((o) => parseInt(h.slice(o, o + 2), 16)))[i === 1 ? 0 : 1]!;
  const img = el.readPixels()!;
  const b = el.labelBox(i)!;
  const s = img.width / el.clientWidth;
  let n = 0;
  for (let y = Math.floor(b.top * s); y < Math.ceil((b.top + b.height) * s); y++) {
    for (let x = Math.floor(b.left * s); x < Math.ceil((b.left + b.width) * s); x++) {
      const o = 4 * (y * img.width + x);
      if (Math.abs(img.data[o]! - want[0]!) + Math.abs(img.data[o + 1]! - want[1]!) + Math.abs(img.data[o + 2]! - want[2]!) <= tol) n++;
    }
  }
  return n;
}

describe('<cluster-scatter webgl>', () => {
  test('webgl="1" draws the cluster colours with WebGL 1 next to a default element drawing with WebGL 2', async () => {
    const one = await scatter('1');
    const auto = await scatter();
    expect(one.isWebGL2).toBe(false);
    expect(one.layer!.renderer.gl instanceof WebGL2RenderingContext).toBe(false);
    expect(auto.isWebGL2).toBe(true);
    expect(auto.webgl).toBe('auto');
    expect(one.layer!.renderer.gl).not.toBe(auto.layer!.renderer.gl);
    expectClusterColours(one);
    expectClusterColours(auto);
    expect(one.error).toBeNull();
  });

  test('setting webgl on a connected element re-creates its GL layer, which draws the same picture', async () => {
    const el = await scatter();
    el.select([1]);
    await el.renderComplete;
    const before = el.readPixels()!;
    const users = sharedContextUsers();
    const oldLayer = el.layer;
    el.setAttribute('webgl', '1');
    await el.renderComplete;
    expect(el.layer).not.toBe(oldLayer);
    expect(oldLayer!.renderer.destroyed).toBe(true);
    expect(el.isWebGL2).toBe(false);
    expect(sharedContextUsers()).toBe(users); // the WebGL 2 use was given back
    expect(el.selection).toEqual(Uint32Array.of(1));
    const after = el.readPixels()!;
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    expect(near(after.data, before.data)).toBe(true); // points, selection dimming: everything re-uploaded
    el.webgl = 'auto';
    await el.renderComplete;
    expect(el.isWebGL2).toBe(true);
    el.select([]);
    await el.renderComplete;
    expectClusterColours(el);
  });

  test('a bad webgl value fires a ClusterScatterInputError naming webgl and draws as with auto', async () => {
    const errors: Error[] = [];
    const el = document.createElement('cluster-scatter');
    el.addEventListener('cluster-scatter-error', (e) => errors.push(e.detail.error));
    el.style.cssText = 'width:120px;height:120px;display:block';
    el.setAttribute('webgl', '2');
    Object.assign(el, { x: Float32Array.of(0, 1, 0, 1), y: Float32Array.of(0, 0, 1, 1), cluster: Int32Array.of(3, 5, 7, 9), pointSize: 12 });
    document.body.append(el);
    mounted.push(el);
    await el.renderComplete;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'ClusterScatterInputError', param: 'webgl', value: '2' });
    expect(errors[0]!.message).toBe(`webgl = "2": must be one of 'auto', '1'`);
    expect(el.error).toBe(errors[0]);
    expect(el.isWebGL2).toBe(true);
    expectClusterColours(el);
    el.setAttribute('webgl', '1');
    await el.renderComplete;
    expect(el.error).toBeNull();
    expect(el.isWebGL2).toBe(false);
  });

  test('remove() after switching webgl back and forth leaves the shared-context user count as before', async () => {
    const users = sharedContextUsers();
    const el = await scatter('1');
    expect(sharedContextUsers()).toBe(users + 1);
    el.webgl = 'auto';
    await el.renderComplete;
    el.webgl = '1';
    await el.renderComplete;
    expect(sharedContextUsers()).toBe(users + 1);
    el.remove();
    expect(sharedContextUsers()).toBe(users);
    expect(el.isWebGL2).toBeNull();
  });
});

describe('<token-cloud webgl>', () => {
  test('webgl="1" draws each label in its cluster colour with WebGL 1 next to a WebGL 2 cloud', async () => {
    const one = await cloud('1');
    const auto = await cloud();
    expect(one.isWebGL2).toBe(false);
    expect(auto.isWebGL2).toBe(true);
    for (const el of [one, auto]) {
      expect(el.placedCount).toBe(3);
      for (let i = 0; i < 3; i++) expect(labelColourPixels(el, i), `label ${i}`).toBeGreaterThan(10);
    }
  });

  test('switching webgl re-creates the layer, uploads the atlas again and draws the same labels; remove() frees its use', async () => {
    const users = sharedContextUsers();
    const el = await cloud();
    const before = el.readPixels()!;
    el.setAttribute('webgl', '1');
    await el.renderComplete;
    expect(el.isWebGL2).toBe(false);
    expect(sharedContextUsers()).toBe(users + 1);
    const after = el.readPixels()!;
    expect(near(after.data, before.data, 3)).toBe(true);
    for (let i = 0; i < 3; i++) expect(labelColourPixels(el, i), `label ${i}`).toBeGreaterThan(10);
    el.remove();
    expect(sharedContextUsers()).toBe(users);
  });

  test('a bad webgl value fires a TokenCloudInputError naming webgl and draws with WebGL 2', async () => {
    const errors: Error[] = [];
    const el = document.createElement('token-cloud');
    el.addEventListener('token-cloud-error', (e) => errors.push(e.detail.error));
    el.style.cssText = 'display:block;width:300px;height:200px';
    el.setAttribute('webgl', 'webgl1');
    Object.assign(el, { x: Float32Array.of(0, 10, 0), y: Float32Array.of(0, 0, 10), cluster: Int32Array.of(7, 3, 7), tokens: ['alpha', 'beta', 'gamma'], fontSize: 16 });
    document.body.append(el);
    mounted.push(el);
    await el.renderComplete;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'TokenCloudInputError', param: 'webgl', value: 'webgl1' });
    expect(el.error).toBe(errors[0]);
    expect(el.isWebGL2).toBe(true);
    expect(el.placedCount).toBe(3);
  });
});
