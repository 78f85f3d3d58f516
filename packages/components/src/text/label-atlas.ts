import { LabelMetrics } from './label-metrics.js';

/** How a {@link LabelAtlas} draws its texts. */
export interface LabelAtlasOptions {
  /** Font size in CSS px. */
  readonly fontSize: number;
  /** CSS font-family list. */
  readonly fontFamily: string;
  /** CSS font-weight (default 'normal'). */
  readonly fontWeight?: string;
  /** Device pixels per CSS pixel: glyphs are rasterised at fontSize × dpr, 1:1 with screen pixels. */
  readonly devicePixelRatio: number;
  /** Halo (outline) width in CSS px around each glyph (default 2). */
  readonly halo?: number;
  /** Largest texture side in device px (the GPU's MAX_TEXTURE_SIZE; default 4096). */
  readonly maxSize?: number;
  /** Device px² of text the atlas should hold before it first grows (default: 8 rows). */
  readonly area?: number;
}

/** A band of the atlas image to upload: its alpha (coverage) bytes, `width × height` px at (x, y), rows from the top. */
export interface AtlasPatch {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * A glyph atlas filled on demand: texts are rasterised (Canvas2D `fillText`, halo by `strokeText`, on a small
 * scratch canvas whose coverage is copied into an alpha image; the halo copy `half` rows below the glyph copy)
 * only when a frame asks for them with {@link ensure}, into shelf rows of one line height. When no row has room, the least recently
 * used row (no text of it asked for in the current frame, see {@link beginFrame}) is cleared and reused; when
 * every row is in use this frame the image doubles in height (up to `maxSize`), else {@link ensure} gives -1.
 * So the atlas holds the texts of the last few frames, never all n.
 * Changed rows are handed out by {@link takePatches} for `texture.subimage`; {@link version} changes when the
 * image was resized (the texture must be re-created and filled whole). Texts are read, never mutated.
 */
export class LabelAtlas {
  readonly devicePixelRatio: number;
  /** Device px of halo room around the text inside each rect. */
  readonly pad: number;
  readonly metrics: LabelMetrics;
  /** Height of one line box in device px (text ascent + descent + 2 × pad). */
  readonly lineHeight: number;
  readonly texts: readonly string[];
  /** Width of the image in device px. */
  readonly width: number;
  private image: Uint8Array;
  private readonly ctx: CanvasRenderingContext2D;
  private halfRows: number;
  private readonly maxRows: number;
  private readonly rowH: number;
  private readonly halo: number;
  private readonly em: number;
  private rectData = new Float32Array(4 * 64);
  private entryText = new Int32Array(64).fill(-1);
  private entryRow = new Int32Array(64);
  private readonly textEntry: Int32Array;
  private freeEntries: number[] = [];
  private nextEntry = 0;
  private rowX: number[] = [];
  private rowUsed: number[] = [];
  private rowEntries: number[][] = [];
  private stamp = 1;
  private dirtyFrom = Infinity;
  private dirtyTo = -1;
  private held = 0;
  private versionNo = 0;

  constructor(texts: readonly string[], options: LabelAtlasOptions) {
    const dpr = options.devicePixelRatio > 0 ? options.devicePixelRatio : 1;
    this.devicePixelRatio = dpr;
    this.texts = texts;
    this.halo = Math.max(0, options.halo ?? 2) * dpr;
    const size = Math.max(1, options.fontSize) * dpr;
    this.em = size;
    this.metrics = new LabelMetrics(texts, `${options.fontWeight ?? 'normal'} ${size}px ${options.fontFamily}`);
    this.pad = Math.ceil(this.halo) + 1;
    this.lineHeight = this.metrics.ascent + this.metrics.descent + 2 * this.pad;
    this.rowH = this.lineHeight + 1;
    const maxSize = Math.max(64, Math.floor(options.maxSize ?? 4096));
    this.maxRows = Math.max(1, Math.floor(maxSize / 2 / this.rowH));
    const width = Math.min(maxSize, 2048);
    const rows = Math.ceil((options.area ?? 0) / width / this.rowH);
    this.halfRows = Math.min(this.maxRows, Math.max(8, rows));
    this.textEntry = new Int32Array(texts.length).fill(-1);
    this.width = width;
    this.image = new Uint8Array(width * 2 * this.half);
    const scratch = document.createElement('canvas');
    scratch.width = width;
    scratch.height = 2 * this.lineHeight;
    this.ctx = this.context(scratch);
    for (let r = 0; r < this.halfRows; r++) this.addRow();
  }

  /** Height of the image in device px (both halves). */
  get height(): number { return 2 * this.half; }
  /** Height of the glyph half in device px (halo rect = glyph rect moved down by `half`). */
  get half(): number { return this.halfRows * this.rowH; }
  /** Entry rects `x, y, w, h` (device px, glyph half), 4 per entry; w = 0 for a free entry. */
  get rects(): Float32Array { return this.rectData; }
  /** Disc radius of a label drawn as a dot, device px: max(1.5 CSS px, 0.2 em). */
  get dotRadius(): number { return Math.max(1.5 * this.devicePixelRatio, this.em * 0.2); }
  /** Halo width in device px. */
  get haloWidth(): number { return this.halo; }
  /** Texts held now. */
  get entries(): number { return this.held; }
  /** Changes when the image was resized (then upload it whole). */
  get version(): number { return this.versionNo; }

  /** Starts a frame: texts asked for from now on are this frame's (their rows are not evicted until the next). */
  beginFrame(): void {
    this.stamp++;
  }

  /** The entry holding text t, or -1 when it is not rasterised. O(1). */
  entryOf(t: number): number {
    return this.textEntry[t] ?? -1;
  }

  /**
   * The entry of text t, rasterising it first when needed (amortised O(text length + rows)); marks its row used
   * this frame. -1 when t is out of range or there is no room (every row used this frame at the largest size).
   */
  ensure(t: number): number {
    if (!(t >= 0 && t < this.textEntry.length)) return -1;
    const have = this.textEntry[t]!;
    if (have >= 0) {
      this.rowUsed[this.entryRow[have]!] = this.stamp;
      return have;
    }
    const w = Math.min(this.width, this.metrics.exact(t) + 2 * this.pad);
    const row = this.rowFor(w);
    if (row < 0) return -1;
    const e = this.freeEntries.pop() ?? this.nextEntry++;
    this.reserve(e);
    const x = this.rowX[row]!, y = row * this.rowH;
    this.rowX[row] = x + w + 1;
    this.rowUsed[row] = this.stamp;
    this.rowEntries[row]!.push(e);
    this.rectData.set([x, y, w, this.lineHeight], 4 * e);
    this.entryText[e] = t;
    this.entryRow[e] = row;
    this.textEntry[t] = e;
    this.held++;
    this.draw(this.texts[t]!, x, y, w);
    this.markDirty(row);
    return e;
  }

  /** The bands changed since the last call (glyph and halo copies) as alpha patches (views of the image, valid until the next {@link ensure}); [] when none. O(1). */
  takePatches(): AtlasPatch[] {
    if (this.dirtyTo < 0) return [];
    const y0 = this.dirtyFrom * this.rowH, y1 = Math.min(this.half, (this.dirtyTo + 1) * this.rowH);
    this.dirtyFrom = Infinity;
    this.dirtyTo = -1;
    const width = this.width, height = y1 - y0;
    return [y0, y0 + this.half].map((y) => ({ x: 0, y, width, height, data: this.image.subarray(y * width, (y + height) * width) }));
  }

  /** Marks every row changed (the next {@link takePatches} returns the whole image), e.g. for a new texture. */
  markAllDirty(): void {
    this.dirtyFrom = 0;
    this.dirtyTo = this.halfRows - 1;
  }

  private rowFor(w: number): number {
    const width = this.width;
    for (let r = 0; r < this.halfRows; r++) if (this.rowX[r]! + w <= width) return r;
    let lru = -1;
    for (let r = 0; r < this.halfRows; r++) {
      if (this.rowUsed[r]! < this.stamp && (lru < 0 || this.rowUsed[r]! < this.rowUsed[lru]!)) lru = r;
    }
    if (lru >= 0) {
      this.clearRow(lru);
      if (this.rowX[lru]! + w <= width) return lru;
    }
    return this.grow() ? this.rowFor(w) : -1;
  }

  private clearRow(r: number): void {
    for (const e of this.rowEntries[r]!) {
      this.textEntry[this.entryText[e]!] = -1;
      this.entryText[e] = -1;
      this.rectData.fill(0, 4 * e, 4 * e + 4);
      this.freeEntries.push(e);
      this.held--;
    }
    this.rowEntries[r] = [];
    const y = r * this.rowH, W = this.width;
    this.image.fill(0, y * W, (y + this.rowH) * W);
    this.image.fill(0, (y + this.half) * W, (y + this.half + this.rowH) * W);
    this.rowX[r] = 0;
    this.markDirty(r);
  }

  /** Doubles the rows (at most maxRows), keeping every entry where it is. False when at the limit. */
  private grow(): boolean {
    if (this.halfRows >= this.maxRows) return false;
    const old = this.image, oldHalf = this.half, W = this.width;
    const added = Math.min(this.maxRows, 2 * this.halfRows) - this.halfRows;
    for (let k = 0; k < added; k++) this.addRow();
    this.halfRows += added;
    this.image = new Uint8Array(W * 2 * this.half);
    this.image.set(old.subarray(0, oldHalf * W), 0);
    this.image.set(old.subarray(oldHalf * W), this.half * W);
    this.versionNo++;
    this.markAllDirty();
    return true;
  }

  private addRow(): void {
    this.rowX.push(0);
    this.rowUsed.push(0);
    this.rowEntries.push([]);
  }

  private reserve(e: number): void {
    if (e < this.entryText.length) return;
    const n = 2 * this.entryText.length;
    const rects = new Float32Array(4 * n);
    rects.set(this.rectData);
    this.rectData = rects;
    const text = new Int32Array(n).fill(-1);
    text.set(this.entryText);
    this.entryText = text;
    const row = new Int32Array(n);
    row.set(this.entryRow);
    this.entryRow = row;
  }

  private context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.font = this.metrics.font;
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    ctx.fillStyle = ctx.strokeStyle = '#ffffff';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2 * this.halo;
    return ctx;
  }

  /**
   * Rasterises `text` on the scratch canvas (glyph copy on top, halo + glyph copy below, each clipped to its w × h
   * box so an overhang cannot bleed into a neighbour) and copies the coverage to (x, y) and (x, y + half). O(w × h).
   */
  private draw(text: string, x: number, y: number, w: number): void {
    const ctx = this.ctx, h = this.lineHeight, base = this.pad + this.metrics.ascent;
    ctx.clearRect(0, 0, w, 2 * h);
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, w, h);
    ctx.rect(0, h, w, h);
    ctx.clip();
    ctx.fillText(text, this.pad, base);
    if (this.halo > 0) ctx.strokeText(text, this.pad, h + base);
    ctx.fillText(text, this.pad, h + base);
    ctx.restore();
    this.copyIn(ctx.getImageData(0, 0, w, 2 * h).data, w, x, y);
  }

  /** Copies the alpha of a w × 2h RGBA block (glyph rows, then halo rows) to (x, y) and (x, y + half). */
  private copyIn(rgba: Uint8ClampedArray, w: number, x: number, y: number): void {
    const W = this.width, h = this.lineHeight, image = this.image;
    for (let r = 0; r < 2 * h; r++) {
      const to = (r < h ? y + r : y + this.half + r - h) * W + x;
      for (let c = 0, q = 4 * r * w + 3; c < w; c++, q += 4) image[to + c] = rgba[q]!;
    }
  }

  private markDirty(row: number): void {
    this.dirtyFrom = Math.min(this.dirtyFrom, row);
    this.dirtyTo = Math.max(this.dirtyTo, row);
  }
}
