import type { Buffer, DefaultContext, DrawCommand, Regl } from 'regl';
import type { OutlineFill } from './outline-fill.js';

/** Inputs of one fill draw (camera as for points, see points.vert.ts). */
export interface OutlineFillProps {
  offset: [number, number];
  /** Float32 rounding residual of `offset`. */
  offsetLo: [number, number];
  scale: [number, number];
  /** Fill opacity in [0, 1] (`outline-fill`). */
  opacity: number;
  /** Focused cluster rank or −1: other clusters' fills are dimmed like their points. */
  focusRank: number;
  /** 1 while a selection exists: every fill is dimmed like the unselected points. */
  selectionActive: number;
  /** Dimming factor of points out of focus / selection. */
  dimAlpha: number;
}

/**
 * Fill vertex/fragment shaders: clip = (p − offset − offsetLo) · scale, colour = the cluster colour at
 * `opacity`, times `dimAlpha` when another cluster is focused or a selection exists (the points' rule).
 */
const FILL_VERT = /* glsl */ `
precision highp float;
attribute vec2 position;
attribute vec4 color;
attribute float rank;
uniform vec2 offset;
uniform vec2 offsetLo;
uniform vec2 scale;
uniform float opacity;
uniform float focusRank;
uniform float selectionActive;
uniform float dimAlpha;
varying vec4 vColor;
void main() {
  gl_Position = vec4(((position - offset) - offsetLo) * scale, 0.0, 1.0);
  float inFocus = focusRank < -0.5 ? 1.0 : 1.0 - step(0.5, abs(rank - focusRank));
  float inSelection = selectionActive > 0.5 ? 0.0 : 1.0;
  vColor = vec4(color.rgb, opacity * mix(dimAlpha, 1.0, inFocus * inSelection));
}`;

const FILL_FRAG = /* glsl */ `
precision highp float;
varying vec4 vColor;
void main() { gl_FragColor = vColor; }`;

/**
 * The outline fill of one plot on a (possibly shared) regl context: its own vertex buffers, uploaded by
 * {@link OutlineFillLayer.set}, drawn by {@link OutlineFillLayer.draw} under the points (the scatter layer
 * calls it in its points pass, so the fill lives in the cached point layer). O(triangles) per draw.
 */
export interface OutlineFillLayer {
  /** Uploads new triangles (replaces the previous ones) and bumps {@link version}. */
  set(fill: OutlineFill): void;
  /** Draws the triangles when there are any and `props.opacity` > 0. */
  draw(props: OutlineFillProps): void;
  /** Vertices uploaded. */
  readonly count: number;
  /** Bumped by every {@link set}: part of the point-layer cache key. */
  readonly version: number;
  /** Frees the buffers (needed in a shared context). */
  destroy(): void;
}

/** Creates an {@link OutlineFillLayer} in `regl`: triangles alpha-blended (non-premultiplied, as the points). */
export function createOutlineFillLayer(regl: Regl): OutlineFillLayer {
  const xy: Buffer = regl.buffer({ usage: 'dynamic', type: 'float', length: 0 });
  const rgba: Buffer = regl.buffer({ usage: 'dynamic', type: 'uint8', length: 0 });
  const rank: Buffer = regl.buffer({ usage: 'dynamic', type: 'float', length: 0 });
  let count = 0;
  let version = 0;
  const prop = <K extends keyof OutlineFillProps>(k: K) => regl.prop<OutlineFillProps, K>(k);
  const command: DrawCommand<DefaultContext, OutlineFillProps> = regl<Record<string, unknown>, object, OutlineFillProps>({
    vert: FILL_VERT,
    frag: FILL_FRAG,
    primitive: 'triangles',
    attributes: {
      position: { buffer: xy, size: 2 },
      color: { buffer: rgba, size: 4, normalized: true },
      rank: { buffer: rank, size: 1 },
    },
    uniforms: {
      offset: prop('offset'),
      offsetLo: prop('offsetLo'),
      scale: prop('scale'),
      opacity: prop('opacity'),
      focusRank: prop('focusRank'),
      selectionActive: prop('selectionActive'),
      dimAlpha: prop('dimAlpha'),
    },
    count: () => count,
    depth: { enable: false },
    blend: { enable: true, func: { srcRGB: 'src alpha', dstRGB: 'one minus src alpha', srcAlpha: 'one', dstAlpha: 'one minus src alpha' } },
  });
  return {
    set(fill) {
      xy({ usage: 'dynamic', type: 'float', data: fill.xy });
      rgba({ usage: 'dynamic', type: 'uint8', data: fill.rgba });
      rank({ usage: 'dynamic', type: 'float', data: fill.rank });
      count = fill.count;
      version++;
    },
    draw(props) {
      if (count > 0 && props.opacity > 0) command(props);
    },
    get count() {
      return count;
    },
    get version() {
      return version;
    },
    destroy() {
      xy.destroy();
      rgba.destroy();
      rank.destroy();
    },
  };
}
