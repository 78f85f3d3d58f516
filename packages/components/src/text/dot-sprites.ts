import type { Buffer, DefaultContext, DrawCommand, Regl } from 'regl';

/**
 * Dots to draw (labels shown without text), in order, device px of the plot, y down: `center` m×2 disc
 * centres, `rgba` m×4 bytes (alpha = opacity); `radius` and `halo` in device px (the halo ring is drawn in
 * the layer's halo colour around each disc).
 */
export interface DotList {
  readonly count: number;
  readonly center: Float32Array;
  readonly rgba: Uint8Array;
  readonly radius: number;
  readonly halo: number;
}

/** The regl side of {@link DotList}s: one buffer pair and one `points` command (one vertex per dot). */
export interface DotSprites {
  set(list: DotList): void;
  /** Draws the dots (no-op when none); blending as the text sprites (premultiplied alpha). */
  draw(viewport: [number, number], haloColor: readonly number[]): void;
  destroy(): void;
}

const VERT = `
precision highp float;
attribute vec2 position;
attribute vec4 color;
uniform vec2 viewport;
uniform float pointSize;
varying vec4 vColor;
void main() {
  vColor = color;
  gl_PointSize = pointSize;
  gl_Position = vec4(position.x / viewport.x * 2.0 - 1.0, 1.0 - position.y / viewport.y * 2.0, 0.0, 1.0);
}`;

// Coverage of the disc and of the disc + halo, antialiased over one pixel; glyph-over-halo as the text shader.
const FRAG = `
precision mediump float;
uniform float size;
uniform float radius;
uniform float halo;
uniform vec4 haloColor;
varying vec4 vColor;
void main() {
  float d = length(gl_PointCoord - 0.5) * size;
  float g = clamp(radius + 0.5 - d, 0.0, 1.0);
  float h = clamp(radius + halo + 0.5 - d, 0.0, 1.0) * haloColor.a;
  float a = g + h * (1.0 - g);
  vec3 rgb = vColor.rgb * g + haloColor.rgb * h * (1.0 - g);
  gl_FragColor = vec4(rgb, a) * vColor.a;
}`;

interface Props { count: number; viewport: [number, number]; haloColor: readonly number[] }

/**
 * Creates {@link DotSprites} on `regl`: point sprites sized `2 × (radius + halo) + 2` px, shaded analytically
 * (no texture), so a dot costs one vertex, not a textured quad's six: at 20,000 dots this is what keeps a
 * software-rendered frame short. `set` is O(m) (one upload per attribute).
 */
export function createDotSprites(regl: Regl): DotSprites {
  const position: Buffer = regl.buffer({ usage: 'dynamic', type: 'float', length: 0 });
  const color: Buffer = regl.buffer({ usage: 'dynamic', type: 'uint8', length: 0 });
  let count = 0, radius = 1, halo = 0;
  const command: DrawCommand<DefaultContext, Props> = regl<Record<string, unknown>, object, Props>({
    vert: VERT,
    frag: FRAG,
    primitive: 'points',
    attributes: { position: { buffer: position, size: 2 }, color: { buffer: color, size: 4, normalized: true } },
    uniforms: {
      viewport: regl.prop<Props, 'viewport'>('viewport'),
      haloColor: regl.prop<Props, 'haloColor'>('haloColor'),
      pointSize: () => 2 * (radius + halo) + 2,
      size: () => 2 * (radius + halo) + 2, // (the same value; a uniform shared by both stages would need one precision)
      radius: () => radius,
      halo: () => halo,
    },
    count: regl.prop<Props, 'count'>('count'),
    depth: { enable: false },
    blend: { enable: true, func: { src: 'one', dst: 'one minus src alpha' } },
  });
  return {
    set(list) {
      position({ usage: 'dynamic', type: 'float', data: list.center.subarray(0, 2 * list.count) });
      color({ usage: 'dynamic', type: 'uint8', data: list.rgba.subarray(0, 4 * list.count) });
      count = list.count;
      radius = list.radius;
      halo = list.halo;
    },
    draw(viewport, haloColor) {
      if (count > 0) command({ count, viewport, haloColor });
    },
    destroy() {
      position.destroy();
      color.destroy();
    },
  };
}
