/**
 * Widths of label texts in one CSS font (at device size), for placing labels before (or without) rasterising
 * them: {@link estimate} sums per-character advances from a table filled lazily with one `measureText` per
 * distinct character (O(text length), no shaping, so kerning, ligatures and clusters make it approximate);
 * {@link exact} is the browser's `measureText(text).width`, rounded up. Both cached per text index, in device px.
 * The texts are read, never mutated.
 */
export class LabelMetrics {
  readonly font: string;
  /** Font ascent and descent in device px (from the font box, else the ink box of "Hgjy"). */
  readonly ascent: number;
  readonly descent: number;
  private readonly texts: readonly string[];
  private readonly ctx: CanvasRenderingContext2D;
  private readonly advance = new Map<string, number>();
  private readonly estimates: Float32Array;
  private readonly exacts: Float32Array;
  private widest = -1;

  /** `font`: CSS shorthand at device size, e.g. `normal 24px sans-serif`. */
  constructor(texts: readonly string[], font: string) {
    this.texts = texts;
    this.font = font;
    this.ctx = scratchContext();
    this.ctx.font = font;
    const size = parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '12');
    const probe = this.ctx.measureText('Hgjy');
    this.ascent = Math.ceil(probe.fontBoundingBoxAscent || probe.actualBoundingBoxAscent || size * 0.8);
    this.descent = Math.ceil(probe.fontBoundingBoxDescent || probe.actualBoundingBoxDescent || size * 0.25);
    this.estimates = new Float32Array(texts.length).fill(NaN);
    this.exacts = new Float32Array(texts.length).fill(NaN);
  }

  /** Estimated width of text t (device px): the sum of its characters' advances. O(length) the first time, then O(1). */
  estimate(t: number): number {
    let w = this.estimates[t]!;
    if (w === w) return w; // not NaN: cached
    const exact = this.exacts[t]!;
    if (exact === exact) return (this.estimates[t] = exact);
    w = 0;
    for (const c of this.texts[t] ?? '') {
      let a = this.advance.get(c);
      if (a === undefined) {
        this.ctx.font = this.font;
        a = this.ctx.measureText(c).width;
        this.advance.set(c, a);
      }
      w += a;
    }
    return (this.estimates[t] = Math.ceil(w));
  }

  /** The measured width of text t (device px, rounded up): one `measureText` the first time, then O(1). */
  exact(t: number): number {
    let w = this.exacts[t]!;
    if (w === w) return w;
    this.ctx.font = this.font;
    w = Math.ceil(this.ctx.measureText(this.texts[t] ?? '').width);
    this.exacts[t] = w;
    this.estimates[t] = w;
    return w;
  }

  /** Whether text t was measured exactly already. */
  measured(t: number): boolean {
    return this.exacts[t] === this.exacts[t];
  }

  /** The largest estimated width over all texts (device px). O(total text length) once, then O(1). */
  maxEstimate(): number {
    if (this.widest < 0) {
      let m = 0;
      for (let t = 0; t < this.texts.length; t++) m = Math.max(m, this.estimate(t));
      this.widest = m;
    }
    return this.widest;
  }
}

/** A 2-D context used only to measure (an HTML canvas, like the atlas's, so web fonts resolve the same way). */
function scratchContext(): CanvasRenderingContext2D {
  return document.createElement('canvas').getContext('2d')!;
}
