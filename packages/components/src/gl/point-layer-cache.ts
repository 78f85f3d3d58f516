import type { Buffer, DrawCommand, Framebuffer2D, Regl, Texture2D } from 'regl';

/** What the last frame of a {@link PointLayerCache} did: drew the points (`'full'`) or reused them (`'composite'`). */
export type FrameKind = 'full' | 'composite';

/**
 * The point layer of a plot kept in an offscreen RGBA8 texture (one per plot, at the drawing-buffer
 * size; in a shared context every plot owns its own texture). {@link update} re-draws the points into
 * the texture only when their inputs changed: the caller passes a key of every number the points pass
 * depends on (camera, size, point size, style uniforms, background, drawn prefix, a version bumped by
 * buffer uploads); an equal key reuses the texture. {@link composite} then copies the texture to the
 * current framebuffer (one full-screen triangle, no blending, nearest texels at pixel centres: the bytes
 * equal those a direct draw would leave, premultiplied alpha included), and overlays are drawn on top.
 * Cost: a full frame = points + one copy; a cached frame = one copy. Memory: 4 bytes per device pixel.
 */
export interface PointLayerCache {
  /**
   * Makes the texture `width`×`height` and current for `key`: when the key or size differs from the
   * cached one (or after {@link invalidate}), clears the texture to `background` and runs `draw` with
   * the texture bound as framebuffer. Returns the frame kind. O(1) + the draw.
   */
  update(key: readonly number[], width: number, height: number, background: readonly [number, number, number, number], draw: () => void): FrameKind;
  /** Copies the cached layer to the bound (default) framebuffer. */
  composite(): void;
  /** Forgets the cached picture: the next {@link update} draws. */
  invalidate(): void;
  /** Frees the texture, framebuffer and copy buffer (needed in a shared context). */
  destroy(): void;
}

const COPY_VERT = /* glsl */ `
precision highp float;
attribute vec2 corner;
void main() { gl_Position = vec4(corner, 0.0, 1.0); }`;

const COPY_FRAG = /* glsl */ `
precision highp float;
uniform sampler2D layer;
uniform vec2 size;
void main() { gl_FragColor = texture2D(layer, gl_FragCoord.xy / size); }`;

/** Creates a {@link PointLayerCache} in `regl` (WebGL1 or 2: RGBA UNSIGNED_BYTE, no mipmaps, clamped). */
export function createPointLayerCache(regl: Regl): PointLayerCache {
  const texture: Texture2D = regl.texture({ width: 1, height: 1, format: 'rgba', type: 'uint8', min: 'nearest', mag: 'nearest', wrap: 'clamp' });
  const fbo: Framebuffer2D = regl.framebuffer({ color: texture, depth: false, stencil: false });
  const corners: Buffer = regl.buffer(Float32Array.of(-1, -1, 3, -1, -1, 3)); // one triangle covering the viewport
  let width = 1, height = 1;
  let cachedKey: number[] | null = null;
  const copy: DrawCommand = regl({
    vert: COPY_VERT,
    frag: COPY_FRAG,
    attributes: { corner: { buffer: corners, size: 2 } },
    uniforms: { layer: texture, size: () => [width, height] },
    count: 3,
    depth: { enable: false },
    blend: { enable: false },
  });
  const sameKey = (key: readonly number[]) => cachedKey !== null && cachedKey.length === key.length && key.every((v, i) => Object.is(v, cachedKey![i]));
  return {
    update(key, w, h, background, draw) {
      if (w === width && h === height && sameKey(key)) return 'composite';
      if (w !== width || h !== height) {
        fbo.resize(w, h);
        width = w;
        height = h;
      }
      fbo.use(() => {
        regl.clear({ color: [background[0], background[1], background[2], background[3]] });
        draw();
      });
      cachedKey = [...key];
      return 'full';
    },
    composite() {
      copy();
    },
    invalidate() {
      cachedKey = null;
    },
    destroy() {
      cachedKey = null;
      fbo.destroy();
      texture.destroy();
      corners.destroy();
    },
  };
}
