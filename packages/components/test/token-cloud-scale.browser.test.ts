import { afterEach, describe, expect, test } from 'vitest';
import '../src/token-cloud/token-cloud.js';
import type { TokenCloud } from '../src/token-cloud/token-cloud.component.js';
import { Slot } from '../src/text/place-labels.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/** n distinct labels (seeded LCG) in 20 Gaussian blobs, 20 clusters. */
function labels(n: number) {
  let s = 1871;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const cx = Array.from({ length: 20 }, () => 10 * gauss()), cy = Array.from({ length: 20 }, () => 10 * gauss());
  const x = new Float32Array(n), y = new Float32Array(n), cluster = new Int32Array(n), tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() * 20);
    cluster[i] = c;
    x[i] = cx[c]! + 2 * gauss();
    y[i] = cy[c]! + 2 * gauss();
    tokens.push(`w${i.toString(36)}`);
  }
  return { x, y, cluster, tokens };
}

async function mountBig(n: number): Promise<TokenCloud> {
  const el = document.createElement('token-cloud');
  el.style.cssText = 'display:block;width:800px;height:500px';
  Object.assign(el, labels(n));
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  return el;
}

/** Pixels of the CSS box that are clearly not white background (RGB sum more than 40 below white; Tol's palest colour is 117 below). */
function inked(el: TokenCloud, img: { width: number; height: number; data: Uint8Array }, b: { left: number; top: number; width: number; height: number }): number {
  const s = img.width / el.clientWidth;
  let n = 0;
  for (let y = Math.max(0, Math.floor(b.top * s)); y < Math.min(img.height, Math.ceil((b.top + b.height) * s)); y++) {
    for (let x = Math.max(0, Math.floor(b.left * s)); x < Math.min(img.width, Math.ceil((b.left + b.width) * s)); x++) {
      const o = 4 * (y * img.width + x);
      if (765 - img.data[o]! - img.data[o + 1]! - img.data[o + 2]! > 40) n++;
    }
  }
  return n;
}

function placedLabels(el: TokenCloud): number[] {
  const out: number[] = [];
  for (let i = 0; i < el.labelCount; i++) if (el.labelBox(i)) out.push(i);
  return out;
}

/** Whether label i's text box lies entirely inside the 800 × 500 plot. */
function wholeInView(el: TokenCloud, i: number): boolean {
  const b = el.labelBox(i)!;
  return b.left >= 0 && b.top >= 0 && b.left + b.width <= 800 && b.top + b.height <= 500;
}

describe('<token-cloud> at 20,000 labels', () => {
  test('20,000 distinct labels: the atlas holds only the placed labels\' texts, every placed label shows its text and every other label in view is a dot', async () => {
    const el = await mountBig(20_000);
    const placed = placedLabels(el);
    expect(el.placedCount).toBe(placed.length);
    expect(placed.length).toBeGreaterThan(100);
    expect(el.atlasEntries).toBeLessThanOrEqual(el.placedCount); // distinct texts: one entry per placed label at most
    expect(el.atlasEntries).toBeGreaterThanOrEqual(el.placedCount);
    expect(el.textPending).toBe(false);
    const img = el.readPixels()!;
    for (const i of placed.filter((i) => wholeInView(el, i))) expect(inked(el, img, el.labelBox(i)!), `label ${i}`).toBeGreaterThan(3);
    // Every label in view that is not drawn as text centred on its anchor is a dot at its anchor.
    const frame = el.lastFrame!;
    let expected = 0;
    for (let i = 0; i < el.labelCount; i++) {
      const p = el.labelPosition(i)!;
      const inView = p.x > -8 && p.y > -8 && p.x < 808 && p.y < 508;
      if (inView && frame.placement.slot[i] !== Slot.Centre) expected++;
    }
    expect(frame.dots.count).toBe(expected);
    expect(expected).toBeGreaterThan(15_000);
    // ... in priority order (here input order), centred on the anchor.
    const dpr = img.width / el.clientWidth;
    let d = 0;
    for (let i = 0; i < el.labelCount && d < frame.dots.count; i++) {
      const p = el.labelPosition(i)!;
      if (!(p.x > -8 && p.y > -8 && p.x < 808 && p.y < 508) || frame.placement.slot[i] === Slot.Centre) continue;
      expect(frame.dots.center[2 * d]! / dpr).toBeCloseTo(p.x, 3);
      expect(frame.dots.center[2 * d + 1]! / dpr).toBeCloseTo(p.y, 3);
      d++;
    }
  });

  test('a label that cannot be placed is drawn as a dot at its anchor (here inside the blank middle of its neighbour\'s text)', async () => {
    const el = document.createElement('token-cloud');
    el.style.cssText = 'display:block;width:330px;height:220px';
    const wide = `M${' '.repeat(12)}M`;
    Object.assign(el, { x: Float32Array.of(0, 0.5, 10), y: Float32Array.of(0, 0, 10), cluster: Int32Array.of(1, 1, 1), tokens: [wide, `${wide}.`, 'x'], fontSize: 40 });
    document.body.append(el);
    mounted.push(el);
    await el.renderComplete;
    expect(el.labelBox(0)).not.toBeNull();
    expect(el.labelBox(1)).toBeNull(); // every candidate box meets label 0's
    const a = el.labelPosition(0)!, b = el.labelPosition(1)!;
    expect(b.x - a.x).toBeGreaterThan(3);
    const img = el.readPixels()!;
    const at = (x: number, y: number) => inked(el, img, { left: x - 0.5, top: y - 0.5, width: 1, height: 1 });
    expect(at(b.x, b.y)).toBeGreaterThan(0); // the dot
    expect(at(b.x + 16, b.y)).toBe(0); // blank text box beside it
    expect(at(a.x - 16, a.y)).toBe(0);
  });

  test('a pan at 20,000 labels places labels not placed before, rasterises their texts (their pixels appear) and keeps the atlas small', async () => {
    const el = await mountBig(20_000);
    const before = new Set(placedLabels(el));
    const v = el.view;
    el.setView({ ...v, centerX: v.centerX + 250 / v.pixelsPerUnit, pixelsPerUnit: v.pixelsPerUnit * 2 });
    await el.renderComplete;
    const after = placedLabels(el);
    const fresh = after.filter((i) => !before.has(i));
    expect(fresh.length).toBeGreaterThan(50);
    expect(el.textPending).toBe(false);
    const img = el.readPixels()!;
    for (const i of fresh.filter((i) => wholeInView(el, i))) expect(inked(el, img, el.labelBox(i)!), `label ${i}`).toBeGreaterThan(3);
    expect(el.atlasEntries).toBeGreaterThanOrEqual(after.length);
    expect(el.atlasEntries).toBeLessThanOrEqual(before.size + after.length); // the old view's texts at most are kept
  });
});
