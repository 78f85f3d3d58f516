/** How {@link buildGlyphAtlas} draws the labels. */
export interface GlyphAtlasOptions {
  /** Font size in CSS px. */
  readonly fontSize: number;
  /** CSS font-family list. */
  readonly fontFamily: string;
  /** CSS font-weight (default 'normal'). */
  readonly fontWeight?: string;
  /** Device pixels per CSS pixel: glyphs are rasterised at fontSize × dpr, so they map 1:1 to screen pixels. */
  readonly devicePixelRatio: number;
  /** Halo (outline) width in CSS px around each glyph (default 2). */
  readonly halo?: number;
  /** Largest texture side in device px (the GPU's MAX_TEXTURE_SIZE; default 4096). */
  readonly maxSize?: number;
}

/**
 * Every distinct label rasterised once, plus a dot sprite, in one canvas for a texture: the top half
 * holds glyph coverage, the bottom half (same layout, offset by `half` rows) the halo coverage, both in
 * the alpha channel (white on transparent), tinted in the shader.
 */
export interface GlyphAtlas {
  readonly canvas: HTMLCanvasElement;
  /** Height of one half in device px (halo rect = glyph rect moved down by `half`). */
  readonly half: number;
  /** (n+1)×4 device-px rects `x, y, w, h` in the glyph half: entries 0…n−1 the texts, entry n the dot. w = 0: did not fit. */
  readonly rects: Float32Array;
  /** Index of the dot sprite (= number of texts). */
  readonly dot: number;
  readonly devicePixelRatio: number;
  /** Texts that did not fit in `maxSize` (drawn as dots by the caller). */
  readonly overflow: number;
  /** The CSS `font` shorthand used (at device size). */
  readonly font: string;
  /** Device px of halo room around the text inside each rect (the text's own box is the rect inset by it). */
  readonly pad: number;
}

/**
 * Rasterises `texts` with Canvas2D `fillText` (the browser's own shaping: any script, combining marks,
 * RTL, emoji outlines) at `fontSize × devicePixelRatio` and shelf-packs them, all boxes one line tall
 * (font ascent + descent + halo). Labels drawn from it are exact at constant screen size (no SDF needed:
 * text never scales). The halo is `strokeText` with round joins, `2 × halo` device px wide. Texts are
 * taken as given (pass them through `displayToken` first). O(total text length + texture area); a new canvas.
 */
export function buildGlyphAtlas(texts: readonly string[], options: GlyphAtlasOptions): GlyphAtlas {
  const dpr = options.devicePixelRatio > 0 ? options.devicePixelRatio : 1;
  const halo = Math.max(0, options.halo ?? 2) * dpr;
  const size = Math.max(1, options.fontSize) * dpr;
  const font = `${options.fontWeight ?? 'normal'} ${size}px ${options.fontFamily}`;
  const maxSize = Math.max(64, Math.floor(options.maxSize ?? 4096));
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  ctx.font = font;
  const probe = ctx.measureText('Hgjy');
  const ascent = Math.ceil(probe.fontBoundingBoxAscent || probe.actualBoundingBoxAscent || size * 0.8);
  const descent = Math.ceil(probe.fontBoundingBoxDescent || probe.actualBoundingBoxDescent || size * 0.25);
  const pad = Math.ceil(halo) + 1;
  const h = ascent + descent + 2 * pad;
  const n = texts.length;
  const widths = new Float32Array(n + 1);
  let area = 0;
  for (let i = 0; i < n; i++) {
    widths[i] = Math.min(maxSize, Math.ceil(ctx.measureText(texts[i]!).width) + 2 * pad);
    area += (widths[i]! + 1) * (h + 1);
  }
  const dotRadius = Math.max(1.5 * dpr, size * 0.2);
  widths[n] = Math.ceil(2 * (dotRadius + halo)) + 2;
  area += (widths[n]! + 1) * (h + 1);
  const width = Math.min(maxSize, Math.max(256, 2 ** Math.ceil(Math.log2(Math.sqrt(area) * 1.2))));
  const rects = new Float32Array(4 * (n + 1));
  // Shelf packing: the dot first (it must always fit), then the texts in order; rows of height h + 1.
  let x = 0, y = 0, overflow = 0;
  const halfLimit = Math.floor(maxSize / 2);
  const pack = (i: number) => {
    const w = widths[i]!;
    if (x + w > width) {
      x = 0;
      y += h + 1;
    }
    if (y + h > halfLimit) {
      overflow++;
      return;
    }
    rects.set([x, y, w, h], 4 * i);
    x += w + 1;
  };
  pack(n);
  for (let i = 0; i < n; i++) pack(i);
  const half = Math.min(halfLimit, y + h + 1);
  canvas.width = width;
  canvas.height = 2 * half;
  ctx.font = font; // resizing resets the context state
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillStyle = ctx.strokeStyle = '#ffffff';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 2 * halo;
  for (let i = 0; i < n; i++) {
    const [rx, ry, rw] = [rects[4 * i]!, rects[4 * i + 1]!, rects[4 * i + 2]!];
    if (rw === 0) continue;
    ctx.save();
    ctx.beginPath();
    ctx.rect(rx, ry, rw, h);
    ctx.rect(rx, ry + half, rw, h);
    ctx.clip(); // a glyph overhanging its measured box must not bleed into a neighbour
    ctx.fillText(texts[i]!, rx + pad, ry + pad + ascent);
    if (halo > 0) ctx.strokeText(texts[i]!, rx + pad, ry + half + pad + ascent);
    ctx.fillText(texts[i]!, rx + pad, ry + half + pad + ascent);
    ctx.restore();
  }
  const [dx, dy, dw] = [rects[4 * n]!, rects[4 * n + 1]!, rects[4 * n + 2]!];
  for (const [oy, r] of [[0, dotRadius], [half, dotRadius + halo]] as const) {
    ctx.beginPath();
    ctx.arc(dx + dw / 2, dy + oy + h / 2, r, 0, 2 * Math.PI);
    ctx.fill();
  }
  return { canvas, half, rects, dot: n, devicePixelRatio: dpr, overflow, font, pad };
}
