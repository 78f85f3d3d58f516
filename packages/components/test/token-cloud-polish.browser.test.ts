import { afterEach, describe, expect, test } from 'vitest';
import { cdp } from 'vitest/browser';
import '../src/token-cloud/token-cloud.js';
import type { TokenCloud } from '../src/token-cloud/token-cloud.component.js';
import { tolRainbowDiscrete } from '../src/color/tol-rainbow-discrete.js';

const mounted: HTMLElement[] = [];
const faces: FontFace[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  for (const f of faces.splice(0)) document.fonts.delete(f);
});

function mount(setup: (el: TokenCloud) => void): TokenCloud {
  const el = document.createElement('token-cloud');
  el.style.cssText = 'display:block;width:300px;height:200px';
  setup(el);
  document.body.append(el);
  mounted.push(el);
  return el;
}

function pointer(el: Element, type: string, x: number, y: number) {
  const r = el.getBoundingClientRect();
  el.dispatchEvent(new PointerEvent(type, { pointerId: 1, clientX: r.left + x, clientY: r.top + y, bubbles: true, composed: true }));
}

/** How dark the darkest pixel of label i's box is (255 − min green): text at full colour is dark, dimmed text light. */
function darkness(el: TokenCloud, i: number): number {
  const img = el.readPixels()!;
  const s = img.width / el.clientWidth;
  const b = el.labelBox(i)!;
  let min = 255;
  for (let y = Math.ceil(b.top * s); y < (b.top + b.height) * s; y++) {
    for (let x = Math.ceil(b.left * s); x < (b.left + b.width) * s; x++) min = Math.min(min, img.data[4 * (y * img.width + x) + 1]!);
  }
  return 255 - min;
}

/** Pixels of label i's box that are not background (white). */
function inked(el: TokenCloud, i: number): number {
  const img = el.readPixels()!;
  const s = img.width / el.clientWidth;
  const b = el.labelBox(i)!;
  let n = 0;
  for (let y = Math.floor(b.top * s); y < Math.ceil((b.top + b.height) * s); y++) {
    for (let x = Math.floor(b.left * s); x < Math.ceil((b.left + b.width) * s); x++) if (img.data[4 * (y * img.width + x) + 1]! < 200) n++;
  }
  return n;
}

/** Labels 0, 1 in cluster 1 and label 2 in cluster 2, far apart, dark-ish text. */
const three = (e: TokenCloud) => Object.assign(e, {
  x: Float32Array.of(0, 10, 5), y: Float32Array.of(0, 0, 10), cluster: Int32Array.of(1, 1, 2), tokens: ['MMMM', 'WWWW', 'HHHH'], fontSize: 20,
});

describe('<token-cloud> hover and legend highlight', () => {
  test('hovering a label dims the labels of other clusters and keeps its own cluster at full colour; hover-dim="false" turns it off', async () => {
    const el = mount(three);
    await el.renderComplete;
    const full = [0, 1, 2].map((i) => darkness(el, i));
    const b = el.labelBox(0)!;
    pointer(el, 'pointermove', b.left + b.width / 2, b.top + b.height / 2);
    await el.renderComplete;
    expect(el.hovered).toBe(0);
    expect(Math.abs(darkness(el, 0) - full[0]!)).toBeLessThan(4);
    expect(Math.abs(darkness(el, 1) - full[1]!)).toBeLessThan(4); // same cluster
    expect(darkness(el, 2)).toBeLessThan(full[2]! * 0.5); // other cluster dimmed
    pointer(el, 'pointerleave', 0, 0);
    await el.renderComplete;
    expect(Math.abs(darkness(el, 2) - full[2]!)).toBeLessThan(4);

    el.setAttribute('hover-dim', 'false');
    await el.renderComplete;
    pointer(el, 'pointermove', b.left + b.width / 2, b.top + b.height / 2);
    await el.renderComplete;
    expect(el.hovered).toBe(0);
    expect(Math.abs(darkness(el, 2) - full[2]!)).toBeLessThan(4);
  });

  test('hovering a legend row dims the other clusters, puts its cluster first in placement, and leaving it restores the picture', async () => {
    // Two labels on one coordinate: the first listed (cluster 1) is centred on it, the other is a dot.
    const el = mount((e) => Object.assign(e, {
      x: Float32Array.of(0, 0, 10), y: Float32Array.of(0, 0, 10), cluster: Int32Array.of(1, 2, 1), tokens: ['MMMM', 'HHHH', 'WWWW'], fontSize: 20, legend: true,
    }));
    await el.renderComplete;
    const centred = (i: number) => {
      const b = el.labelBox(i);
      return b !== null && Math.abs(b.left + b.width / 2 - el.labelPosition(i)!.x) < 1;
    };
    expect([centred(0), centred(1)]).toEqual([true, false]);
    const full = [darkness(el, 0), -1, darkness(el, 2)];
    const row = el.shadowRoot!.querySelector<HTMLElement>('[part=legend-item][data-rank="1"]')!; // cluster 2
    row.dispatchEvent(new PointerEvent('pointerenter'));
    await el.renderComplete;
    expect([centred(0), centred(1)]).toEqual([false, true]);
    const green = parseInt(tolRainbowDiscrete(2)[1]!.slice(3, 5), 16); // cluster 2 = rank 1, at full colour
    expect(Math.abs(darkness(el, 1) - (255 - green))).toBeLessThan(12);
    expect(darkness(el, 2)).toBeLessThan(full[2]! * 0.5); // label 0 is now a dot, label 2 (cluster 1) dimmed text
    row.dispatchEvent(new PointerEvent('pointerleave'));
    await el.renderComplete;
    expect([centred(0), centred(1)]).toEqual([true, false]);
    expect(Math.abs(darkness(el, 0) - full[0]!)).toBeLessThan(4);
    expect(Math.abs(darkness(el, 2) - full[2]!)).toBeLessThan(4);
  });
});

/** A web font from a local face (no network): a monospace face, much wider than the serif fallback for "iiiiiiii". */
function monoFace(family: string): FontFace {
  const face = new FontFace(family, 'local("DejaVu Sans Mono"), local("Liberation Mono"), local("Noto Sans Mono")');
  faces.push(face);
  return face;
}
const widthIn = (font: string, text: string) => {
  const c = document.createElement('canvas').getContext('2d')!;
  c.font = font;
  return c.measureText(text).width;
};

describe('<token-cloud> fonts and pixel ratio', () => {
  test('a label font that is a web font still loading is waited for: no text is drawn before it loads, then the labels have its width', async () => {
    const face = monoFace('CloudWaitMono');
    document.fonts.add(face);
    expect(face.status).toBe('unloaded');
    const statusAtRender: string[] = [];
    const el = mount((e) => {
      Object.assign(e, { x: Float32Array.of(0, 10), y: Float32Array.of(0, 0), tokens: ['iiiiiiii', 'iii'], fontSize: 16, fontFamily: 'CloudWaitMono, serif' });
      e.addEventListener('token-cloud-render', (ev) => ev.detail.placedCount > 0 && statusAtRender.push(face.status));
    });
    await el.renderComplete;
    expect(face.status).toBe('loaded');
    expect(statusAtRender.length).toBeGreaterThan(0);
    expect(statusAtRender.every((s) => s === 'loaded')).toBe(true);
    const mono = widthIn('16px CloudWaitMono', 'iiiiiiii'), serif = widthIn('16px serif', 'iiiiiiii');
    expect(mono / serif).toBeGreaterThan(1.3); // the fonts really differ
    expect(Math.abs(el.labelBox(0)!.width - mono)).toBeLessThan(2);
  });

  test('when a font face of the label family arrives after the first frame, the labels are rasterised again in it', async () => {
    const el = mount((e) => Object.assign(e, { x: Float32Array.of(0, 10), y: Float32Array.of(0, 0), tokens: ['iiiiiiii', 'iii'], fontSize: 16, fontFamily: 'CloudLateMono, serif' }));
    await el.renderComplete;
    const before = el.labelBox(0)!.width;
    expect(Math.abs(before - widthIn('16px serif', 'iiiiiiii'))).toBeLessThan(2);
    const face = monoFace('CloudLateMono');
    document.fonts.add(face);
    const rendered = new Promise((r) => el.addEventListener('token-cloud-render', r, { once: true }));
    await face.load();
    await rendered;
    await el.renderComplete;
    expect(Math.abs(el.labelBox(0)!.width - widthIn('16px CloudLateMono', 'iiiiiiii'))).toBeLessThan(2);
    expect(el.labelBox(0)!.width / before).toBeGreaterThan(1.3);
  });

  test('a devicePixelRatio change (window moved to a denser screen) redraws the canvas and the text at the new ratio, still sharp', async () => {
    // Chromium fires the resolution media query's `change` when the window changes screens; a CDP metrics override
    // changes devicePixelRatio but fires no event in this headless set-up, so the test fires it on the cloud's own query.
    const queries: MediaQueryList[] = [];
    const realMatchMedia = window.matchMedia;
    window.matchMedia = (q: string) => {
      const list = realMatchMedia.call(window, q);
      queries.push(list);
      return list;
    };
    try {
      const el = mount(three);
      await el.renderComplete;
      const dpr0 = devicePixelRatio;
      const width0 = el.readPixels()!.width;
      const ink0 = inked(el, 0);
      const query = queries.find((q) => q.media.includes(`resolution: ${dpr0}dppx`))!;
      expect(query).toBeDefined();
      await cdp().send('Emulation.setDeviceMetricsOverride', { width: window.top!.innerWidth, height: window.top!.innerHeight, deviceScaleFactor: 2 * dpr0, mobile: false });
      expect(devicePixelRatio).toBe(2 * dpr0);
      query.dispatchEvent(new Event('change'));
      await el.renderComplete;
      expect(el.readPixels()!.width).toBe(2 * width0);
      // Rasterised at the new ratio: four times the device pixels of ink (a stale 1× atlas would give about as many as before).
      expect(inked(el, 0) / ink0).toBeGreaterThan(3);
      expect(inked(el, 0) / ink0).toBeLessThan(5.5);
      expect(queries.some((q) => q.media.includes(`resolution: ${2 * dpr0}dppx`))).toBe(true); // re-armed for the new ratio
    } finally {
      window.matchMedia = realMatchMedia;
      await cdp().send('Emulation.clearDeviceMetricsOverride', {});
    }
  });
});
