import type { Buffer, DefaultContext, DrawCommand, Texture2D } from 'regl';
import { createRenderer, type Renderer, type RendererOptions } from '../gl/create-renderer.js';
import { canvasToPNG, readDrawingBuffer, type PixelImage } from '../gl/read-back.js';
import { createDotSprites, type DotList } from './dot-sprites.js';
import type { AtlasPatch } from './label-atlas.js';

/**
 * How a {@link TextLayer} finds sprites in its atlas texture (a `LabelAtlas`): the height of
 * the glyph half (halo rect = glyph rect moved down by `half`) and the entry rects (4 device px per entry, read
 * at every `setSprites`, so an atlas may add entries in place).
 */
export interface AtlasLayout {
  readonly half: number;
  readonly rects: Float32Array;
}

/**
 * Sprites to draw, one textured quad each, in order (later on top). All in device pixels of the plot,
 * y down. `quad`: m×2 top-left corners (the size is the atlas rect's); `sprite`: m atlas entries (rect
 * index of the current atlas); `rgba`: m×4 bytes, the tint (alpha = opacity).
 */
export interface SpriteList {
  readonly count: number;
  readonly quad: Float32Array;
  readonly sprite: Uint32Array;
  readonly rgba: Uint8Array;
}

/**
 * The GL side of `<token-cloud>`: a regl renderer (the page's shared context by default), one glyph-atlas
 * texture and one command drawing textured quads, coloured in the shader: glyph coverage in the sprite's
 * colour over halo coverage in the halo colour (premultiplied alpha). Setters do not draw.
 */
export interface TextLayer {
  readonly renderer: Renderer;
  /** Uses `atlas` with a new empty single-channel (alpha) texture of `width × height`: fill it with {@link updateAtlas}. */
  resizeAtlas(atlas: AtlasLayout & { readonly width: number; readonly height: number }): void;
  /** Copies alpha bands of the atlas into the texture made by {@link resizeAtlas} (`texSubImage2D`; O(patch area)). */
  updateAtlas(patches: readonly AtlasPatch[]): void;
  /** Replaces the sprites (CPU-expanded to 6 vertices each: O(m) upload). */
  setSprites(list: SpriteList): void;
  /** Replaces the dots, drawn before (under) the sprites as point sprites (one vertex each: O(m) upload). */
  setDots(list: DotList): void;
  /** Clear colour, premultiplied RGBA 0–1. */
  setBackground(rgba: readonly [number, number, number, number]): void;
  /** Halo colour, RGBA 0–1 (usually the background, so overlapping text stays readable). */
  setHaloColor(rgba: readonly [number, number, number, number]): void;
  /** Called at the start of every frame, before drawing (e.g. to read the theme). */
  beforeFrame(callback: (() => void) | null): void;
  /** Draws now and reads the drawing buffer (rows from the top). */
  readPixels(): PixelImage;
  /** Draws now and encodes the visible canvas as PNG. */
  toPNG(): Promise<Blob>;
  destroy(): void;
}

const VERT = `
precision highp float;
attribute vec2 position;
attribute vec2 uv;
attribute vec4 color;
uniform vec2 viewport;
uniform vec2 atlasSize;
uniform float haloOffset;
varying vec2 vGlyph;
varying vec2 vHalo;
varying vec4 vColor;
void main() {
  vGlyph = uv / atlasSize;
  vHalo = (uv + vec2(0.0, haloOffset)) / atlasSize;
  vColor = color;
  gl_Position = vec4(position.x / viewport.x * 2.0 - 1.0, 1.0 - position.y / viewport.y * 2.0, 0.0, 1.0);
}`;

const FRAG = `
precision mediump float;
uniform sampler2D atlas;
uniform vec4 haloColor;
varying vec2 vGlyph;
varying vec2 vHalo;
varying vec4 vColor;
void main() {
  float g = texture2D(atlas, vGlyph).a;
  float h = texture2D(atlas, vHalo).a * haloColor.a;
  float a = g + h * (1.0 - g);
  vec3 rgb = vColor.rgb * g + haloColor.rgb * h * (1.0 - g);
  gl_FragColor = vec4(rgb, a) * vColor.a;
}`;

interface Props { count: number; viewport: [number, number] }

/** The two triangles of a quad, as (x, y) corner fractions. */
const CORNERS = [0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1] as const;

/** Creates a {@link TextLayer} on `canvas` (shared context unless `options.shared === false`). */
export function createTextLayer(canvas: HTMLCanvasElement, options: RendererOptions = { shared: true }): TextLayer {
  const renderer = createRenderer(canvas, options);
  try {
    return buildTextLayer(renderer, canvas);
  } catch (error) {
    renderer.destroy();
    throw error;
  }
}

function buildTextLayer(renderer: Renderer, canvas: HTMLCanvasElement): TextLayer {
  const regl = renderer.regl;
  let texture: Texture2D = regl.texture({ width: 1, height: 2 });
  let atlas: AtlasLayout | null = null;
  const position: Buffer = regl.buffer({ usage: 'dynamic', type: 'float', length: 0 });
  const uv: Buffer = regl.buffer({ usage: 'dynamic', type: 'float', length: 0 });
  const color: Buffer = regl.buffer({ usage: 'dynamic', type: 'uint8', length: 0 });
  let count = 0;
  let background: [number, number, number, number] = [1, 1, 1, 1];
  let halo: [number, number, number, number] = [1, 1, 1, 1];
  let before: (() => void) | null = null;
  const dots = createDotSprites(regl);
  const draw: DrawCommand<DefaultContext, Props> = regl<Record<string, unknown>, object, Props>({
    vert: VERT,
    frag: FRAG,
    attributes: {
      position: { buffer: position, size: 2 },
      uv: { buffer: uv, size: 2 },
      color: { buffer: color, size: 4, normalized: true },
    },
    uniforms: {
      viewport: regl.prop<Props, 'viewport'>('viewport'),
      atlasSize: () => [texture.width, texture.height],
      haloOffset: () => atlas?.half ?? 0,
      haloColor: () => halo,
      atlas: () => texture,
    },
    count: regl.prop<Props, 'count'>('count'),
    depth: { enable: false },
    blend: { enable: true, func: { src: 'one', dst: 'one minus src alpha' } },
  });

  renderer.onFrame(() => {
    before?.();
    regl.clear({ color: background });
    const gl = renderer.gl;
    const viewport: [number, number] = [gl.drawingBufferWidth, gl.drawingBufferHeight];
    dots.draw(viewport, halo);
    if (count > 0 && atlas) draw({ count, viewport });
  });

  const layer: TextLayer = {
    renderer,
    resizeAtlas(next) {
      atlas = next;
      texture.destroy();
      texture = regl.texture({ width: next.width, height: next.height, format: 'alpha', min: 'nearest', mag: 'nearest', wrapS: 'clamp', wrapT: 'clamp' });
    },
    updateAtlas(patches) {
      for (const p of patches) {
        if (p.width > 0 && p.height > 0) texture.subimage({ width: p.width, height: p.height, format: 'alpha', data: p.data }, p.x, p.y);
      }
    },
    setSprites(list) {
      const m = list.count;
      const pos = new Float32Array(12 * m), tex = new Float32Array(12 * m), rgba = new Uint8Array(24 * m);
      const rects = atlas?.rects;
      let k = 0;
      for (let i = 0; i < m; i++) {
        const e = list.sprite[i]!;
        const ax = rects?.[4 * e] ?? 0, ay = rects?.[4 * e + 1] ?? 0, w = rects?.[4 * e + 2] ?? 0, h = rects?.[4 * e + 3] ?? 0;
        if (w === 0) continue;
        const x0 = list.quad[2 * i]!, y0 = list.quad[2 * i + 1]!;
        const r = list.rgba[4 * i]!, g = list.rgba[4 * i + 1]!, b = list.rgba[4 * i + 2]!, a = list.rgba[4 * i + 3]!;
        for (let c = 0; c < 6; c++) {
          const cx = CORNERS[2 * c]!, cy = CORNERS[2 * c + 1]!;
          pos[2 * k] = x0 + cx * w;
          pos[2 * k + 1] = y0 + cy * h;
          tex[2 * k] = ax + cx * w;
          tex[2 * k + 1] = ay + cy * h;
          rgba[4 * k] = r;
          rgba[4 * k + 1] = g;
          rgba[4 * k + 2] = b;
          rgba[4 * k + 3] = a;
          k++;
        }
      }
      position({ usage: 'dynamic', type: 'float', data: pos.subarray(0, 2 * k) });
      uv({ usage: 'dynamic', type: 'float', data: tex.subarray(0, 2 * k) });
      color({ usage: 'dynamic', type: 'uint8', data: rgba.subarray(0, 4 * k) });
      count = k;
    },
    setDots(list) {
      dots.set(list);
    },
    setBackground(rgba) {
      background = [rgba[0], rgba[1], rgba[2], rgba[3]];
    },
    setHaloColor(rgba) {
      halo = [rgba[0], rgba[1], rgba[2], rgba[3]];
    },
    beforeFrame(callback) {
      before = callback;
    },
    readPixels() {
      renderer.renderNow();
      return readDrawingBuffer(renderer.gl);
    },
    toPNG() {
      renderer.renderNow();
      return canvasToPNG(canvas);
    },
    destroy() {
      try {
        if (renderer.shared && !renderer.destroyed && !renderer.gl.isContextLost() && renderer.regl === regl) {
          texture.destroy();
          position.destroy();
          uv.destroy();
          color.destroy();
          dots.destroy();
        }
      } catch {
        // the shared context was lost: its resources are gone already
      }
      renderer.destroy();
    },
  };
  return layer;
}
