import { afterEach, describe, expect, test } from 'vitest';
import '../src/token-cloud/token-cloud.js';
import type { TokenCloud } from '../src/token-cloud/token-cloud.component.js';
import { tolRainbowDiscrete } from '../src/color/tol-rainbow-discrete.js';
import { sharedContextUsers } from '../src/gl/shared-context.js';
import { tableFromArrays } from 'apache-arrow';
import { loseAndRestoreContext } from './lose-context.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

function mount(setup: (el: TokenCloud) => void, style = 'width:300px;height:200px'): TokenCloud {
  const el = document.createElement('token-cloud');
  el.style.cssText = `display:block;${style}`;
  setup(el);
  document.body.append(el);
  mounted.push(el);
  return el;
}

const hex = (h: string) => [1, 3, 5].map((o) => parseInt(h.slice(o, o + 2), 16));

/** Pixels inside the CSS box (x0, y0, x1, y1) whose RGB is within `tol` of `rgb`. */
function countColour(el: TokenCloud, img: { width: number; height: number; data: Uint8Array }, box: [number, number, number, number], rgb: number[], tol = 40): number {
  const s = img.width / el.clientWidth;
  let n = 0;
  for (let y = Math.max(0, Math.floor(box[1] * s)); y < Math.min(img.height, Math.ceil(box[3] * s)); y++) {
    for (let x = Math.max(0, Math.floor(box[0] * s)); x < Math.min(img.width, Math.ceil(box[2] * s)); x++) {
      const o = 4 * (y * img.width + x);
      if (Math.abs(img.data[o]! - rgb[0]!) + Math.abs(img.data[o + 1]! - rgb[1]!) + Math.abs(img.data[o + 2]! - rgb[2]!) <= tol) n++;
    }
  }
  return n;
}

describe('<token-cloud> drawing', () => {
  test('draws each token as text in its cluster colour (Tol rainbow by rank) around its coordinate and nowhere else', async () => {
    const el = mount((e) => Object.assign(e, {
      x: Float32Array.of(0, 10, 0), y: Float32Array.of(0, 0, 10), cluster: Int32Array.of(7, 3, 7), tokens: ['alpha', 'beta', 'gamma'], fontSize: 16,
    }));
    await el.renderComplete;
    const img = el.readPixels()!;
    expect(el.placedCount).toBe(3);
    const colours = tolRainbowDiscrete(2).map(hex); // ids 3, 7 → ranks 0, 1
    for (let i = 0; i < 3; i++) {
      const b = el.labelBox(i)!;
      const p = el.labelPosition(i)!;
      expect(Math.abs(b.left + b.width / 2 - p.x)).toBeLessThan(1); // centred on the coordinate, like geom_text
      const rgb = colours[i === 1 ? 0 : 1]!;
      const other = colours[i === 1 ? 1 : 0]!;
      const box: [number, number, number, number] = [b.left, b.top, b.left + b.width, b.top + b.height];
      expect(countColour(el, img, box, rgb)).toBeGreaterThan(10);
      expect(countColour(el, img, box, other)).toBe(0);
    }
    // Nowhere else: the corners of the plot are background.
    expect(countColour(el, img, [0, 0, 20, 20], [255, 255, 255], 3)).toBe(400 * (img.width / el.clientWidth) ** 2);
  });
});

/** Three labels in two clusters (ids 3 and 7), font 16. */
const three = (e: TokenCloud) => Object.assign(e, {
  x: Float32Array.of(0, 10, 0), y: Float32Array.of(0, 0, 10), cluster: Int32Array.of(7, 3, 7), tokens: ['alpha', 'beta', 'gamma'], fontSize: 16,
});
const [RANK0, RANK1] = tolRainbowDiscrete(2).map(hex) as [number[], number[]];
const boxOf = (el: TokenCloud, i: number): [number, number, number, number] => {
  const b = el.labelBox(i)!;
  return [b.left, b.top, b.left + b.width, b.top + b.height];
};

describe('<token-cloud> view, export and lifecycle', () => {
  test('a pan drag moves the text with the pointer: the label box and its coloured pixels shift by the drag', async () => {
    const el = mount(three);
    await el.renderComplete;
    const before = el.labelBox(1)!;
    const r = el.getBoundingClientRect();
    const ev = (type: string, x: number, y: number) => el.dispatchEvent(new PointerEvent(type, { pointerId: 1, button: 0, clientX: r.left + x, clientY: r.top + y, bubbles: true }));
    ev('pointerdown', 150, 100);
    ev('pointermove', 170, 110);
    ev('pointermove', 180, 120);
    ev('pointerup', 180, 120);
    await el.renderComplete;
    const after = el.labelBox(1)!;
    expect(after.left - before.left).toBeCloseTo(30, 0);
    expect(after.top - before.top).toBeCloseTo(20, 0);
    const img = el.readPixels()!;
    expect(countColour(el, img, boxOf(el, 1), RANK0)).toBeGreaterThan(10);
    expect(countColour(el, img, [before.left, before.top, before.left + 10, before.top + before.height], RANK0)).toBe(0);
  });

  test('toPNG({scale: 2}) returns a PNG twice the CSS size with the labels re-rasterised in their colours, and the plot stays as it was', async () => {
    const el = mount(three);
    await el.renderComplete;
    const shown = el.readPixels()!;
    const blob = await el.toPNG({ scale: 2 });
    expect(blob.type).toBe('image/png');
    const bitmap = await createImageBitmap(blob);
    expect([bitmap.width, bitmap.height]).toEqual([600, 400]);
    const c = new OffscreenCanvas(600, 400).getContext('2d')!;
    c.drawImage(bitmap, 0, 0);
    const data = new Uint8Array(c.getImageData(0, 0, 600, 400).data.buffer);
    const png = { width: 600, height: 400, data };
    expect(countColour(el, png, boxOf(el, 1), RANK0)).toBeGreaterThan(40); // 2× the pixels of the 1× text
    expect(countColour(el, png, boxOf(el, 0), RANK1)).toBeGreaterThan(40);
    const again = el.readPixels()!;
    expect(again.width).toBe(shown.width);
    expect(again.data.every((v, k) => v === shown.data[k])).toBe(true); // (toEqual on 240k bytes is slow)
    await expect(el.toPNG({ scale: 0 })).rejects.toMatchObject({ name: 'TokenCloudInputError', param: 'scale' });
  });

  test('after a WebGL context loss and restore the cloud draws its labels again', async () => {
    const el = mount(three);
    await el.renderComplete;
    await loseAndRestoreContext(el.layer!.renderer.gl);
    await el.renderComplete;
    expect(el.layer).not.toBeNull();
    expect(el.error).toBeNull();
    expect(countColour(el, el.readPixels()!, boxOf(el, 1), RANK0)).toBeGreaterThan(10);
  });

  test('removing the element frees its GL resources and its use of the shared context without GL errors', async () => {
    const el = mount(three);
    await el.renderComplete;
    const gl = el.layer!.renderer.gl;
    const users = sharedContextUsers();
    el.remove();
    expect(sharedContextUsers()).toBe(users - 1);
    expect(el.layer).toBeNull();
    expect(gl.getError()).toBe(gl.NO_ERROR);
    document.body.append(el); // reconnecting draws again
    await el.renderComplete;
    expect(countColour(el, el.readPixels()!, boxOf(el, 1), RANK0)).toBeGreaterThan(10);
    expect(gl.getError()).toBe(gl.NO_ERROR);
  });

  test('an Arrow table with a preamble attribute draws only that preamble\'s guesses, names it in the aria label, and maps labels to table rows', async () => {
    const data = tableFromArrays({
      preamble: ['The cat sat on the', 'Other', 'The cat sat on the'], guess: [' mat', ' x', '\n'],
      x: Float32Array.of(0, 5, 10), y: Float32Array.of(0, 5, 10), cluster_id: Int32Array.of(1, 1, 2),
    });
    const el = mount((e) => Object.assign(e, { data, preamble: 'The cat sat on the', fontSize: 16 }));
    await el.renderComplete;
    expect(el.labelCount).toBe(2);
    expect(Array.from(el.labelRows)).toEqual([0, 2]);
    expect(el.getAttribute('aria-label')).toBe('2 guesses for ‘The cat sat on the’ in 2 clusters');
    expect([el.displayText(0), el.displayText(1)]).toEqual(['␣mat', '↵']);
    const img = el.readPixels()!;
    expect(countColour(el, img, boxOf(el, 0), RANK0)).toBeGreaterThan(10);
    expect(countColour(el, img, boxOf(el, 1), RANK1)).toBeGreaterThan(5); // the ↵ glyph is drawn
  });

  test('bad data fires token-cloud-error naming the parameter and rule, shows the error and draws nothing', async () => {
    const errors: Error[] = [];
    const el = mount((e) => {
      e.addEventListener('token-cloud-error', (ev) => errors.push(ev.detail.error));
      Object.assign(e, { x: Float32Array.of(0, NaN), y: Float32Array.of(0, 1), tokens: ['a', 'b'] });
    });
    await el.renderComplete;
    expect(errors[0]).toMatchObject({ name: 'TokenCloudInputError', param: 'x[1]' });
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).toContain('x[1]');
    expect(el.labelCount).toBe(0);
    el.x = Float32Array.of(0, 1);
    el.tokens = ['a', 42 as unknown as string];
    await el.renderComplete;
    expect(errors[1]).toMatchObject({ name: 'TokenCloudInputError', param: 'tokens[1]' });
    el.tokens = ['a', 'b'];
    await el.renderComplete;
    expect(el.error).toBeNull();
    expect(el.labelCount).toBe(2);
  });

  test('new coordinates with transition morph the labels: a mid frame sits between the old and new positions', async () => {
    const el = mount((e) => { three(e); e.transition = 400; });
    await el.renderComplete;
    const a0 = el.labelPosition(1)!, b0 = el.labelPosition(2)!;
    el.x = Float32Array.of(0, 0, 10);
    el.y = Float32Array.of(0, 10, 0);
    await el.renderComplete;
    await new Promise((r) => setTimeout(r, 150));
    const a = el.labelPosition(1)!;
    await new Promise((r) => setTimeout(r, 400));
    await el.renderComplete;
    const a1 = el.labelPosition(1)!;
    expect(Math.hypot(a1.x - a0.x, a1.y - a0.y)).toBeGreaterThan(50);
    expect(Math.hypot(a.x - a0.x, a.y - a0.y)).toBeGreaterThan(1);
    expect(Math.hypot(a.x - a1.x, a.y - a1.y)).toBeGreaterThan(1);
    expect(b0).not.toBeNull();
  });
});
