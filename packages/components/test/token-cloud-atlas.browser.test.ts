import { describe, expect, test } from 'vitest';
import { LabelAtlas } from '../src/text/label-atlas.js';

const options = { fontSize: 12, fontFamily: 'sans-serif', devicePixelRatio: 1, halo: 2 };
const texts = Array.from({ length: 5000 }, (_, i) => `token ${i}`);

/** Pixels with coverage inside entry e's glyph rect (and its halo copy). */
function coverage(atlas: LabelAtlas, e: number, image: Uint8Array, halo = false): number {
  const [x, y, w, h] = Array.from(atlas.rects.subarray(4 * e, 4 * e + 4));
  let n = 0;
  for (let r = 0; r < h!; r++) for (let c = 0; c < w!; c++) if (image[(y! + r + (halo ? atlas.half : 0)) * atlas.width + x! + c]! > 0) n++;
  return n;
}

/** The whole image, through takePatches after markAllDirty. */
function image(atlas: LabelAtlas): Uint8Array {
  atlas.markAllDirty();
  const out = new Uint8Array(atlas.width * atlas.height);
  for (const p of atlas.takePatches()) out.set(p.data, p.y * atlas.width);
  return out;
}

describe('LabelAtlas', () => {
  test('ensure rasterises a text once into its rect (glyph and halo copies, the halo wider), entryOf finds it, and only asked-for texts are held', () => {
    const atlas = new LabelAtlas(texts, options);
    expect(atlas.entries).toBe(0);
    expect(atlas.entryOf(7)).toBe(-1);
    const e = atlas.ensure(7);
    expect(e).toBeGreaterThanOrEqual(0);
    expect(atlas.ensure(7)).toBe(e);
    expect(atlas.entryOf(7)).toBe(e);
    expect(atlas.entries).toBe(1);
    expect(atlas.rects[4 * e + 2]).toBe(atlas.metrics.exact(7) + 2 * atlas.pad);
    const img = image(atlas);
    const glyph = coverage(atlas, e, img), halo = coverage(atlas, e, img, true);
    expect(glyph).toBeGreaterThan(20);
    expect(halo).toBeGreaterThan(glyph);
    expect(atlas.ensure(-1)).toBe(-1);
    expect(atlas.ensure(5000)).toBe(-1);
  });

  test('when full, ensure evicts least recently used rows, never a row used in the current frame, so entries stay bounded', () => {
    const atlas = new LabelAtlas(texts, { ...options, maxSize: 256 }); // no room to grow much: eviction must work
    const held: number[] = [];
    for (let frame = 0; frame < 40; frame++) {
      atlas.beginFrame();
      const now: number[] = [];
      for (let k = 0; k < 20; k++) {
        const t = frame * 20 + k;
        const e = atlas.ensure(t);
        expect(e, `text ${t}`).toBeGreaterThanOrEqual(0);
        now.push(t);
      }
      for (const t of now) expect(atlas.entryOf(t), `text ${t} of this frame`).toBeGreaterThanOrEqual(0);
      held.push(atlas.entries);
    }
    expect(Math.max(...held)).toBeLessThan(200); // not 800: old rows were reused
    expect(atlas.entryOf(0)).toBe(-1); // the first frame's texts were evicted
    // A re-asked evicted text is rasterised again with coverage.
    atlas.beginFrame();
    const e = atlas.ensure(0);
    expect(coverage(atlas, e, image(atlas))).toBeGreaterThan(20);
  });

  test('ensure grows the image (new version) when every row is used this frame, keeping earlier entries\' pixels, and gives -1 at the size limit', () => {
    const atlas = new LabelAtlas(texts, { ...options, maxSize: 512 });
    const v0 = atlas.version, h0 = atlas.height;
    atlas.beginFrame();
    const first = atlas.ensure(0);
    const before = coverage(atlas, first, image(atlas));
    let t = 1;
    while (atlas.version === v0) expect(atlas.ensure(t++)).toBeGreaterThanOrEqual(0);
    expect(atlas.height).toBeGreaterThan(h0);
    const img = image(atlas);
    expect(coverage(atlas, first, img)).toBe(before);
    expect(coverage(atlas, first, img, true)).toBeGreaterThan(before);
    let e = 0;
    for (; e >= 0 && t < texts.length; t++) e = atlas.ensure(t);
    expect(e).toBe(-1); // every row of the largest image is in use this frame
    expect(atlas.height).toBeLessThanOrEqual(512);
  });
});
