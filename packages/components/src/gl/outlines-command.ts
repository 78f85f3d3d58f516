import type { Buffer, DefaultContext, DrawCommand, Regl } from 'regl';

/** Inputs of one outlines draw. */
export interface OutlinesProps {
  offset: [number, number];
  /** Float32 rounding residual of `offset` (see points.vert.ts). */
  offsetLo: [number, number];
  scale: [number, number];
  /** Line width in device pixels. */
  width: number;
  /** RGBA 0–1 used for every line when its alpha > 0 (else each segment's own colour). */
  color: [number, number, number, number];
  /** Vertices to draw (6 per segment, see outline-quads.ts). */
  count: number;
}

/**
 * Outline vertex shader: each segment a→b (relative to the data centre, like points) becomes a
 * screen-space rectangle `width` device pixels wide, extended by half the width past both ends;
 * the fragment shader rounds those ends, so consecutive segments meet in round joins and every
 * ring is closed without gaps (the "capsule" construction of screen-space line renderers such as
 * regl-line / deck.gl's PathLayer, rounded in the fragment shader). Clip = (p − offset) · scale.
 * `vAlong` is the fragment's distance along the segment from a and `vAcross` across it (pixels).
 */
const OUTLINES_VERT = /* glsl */ `
precision highp float;
attribute vec2 a;
attribute vec2 b;
attribute vec2 corner;
attribute vec4 color;
uniform vec2 offset;
uniform vec2 offsetLo;
uniform vec2 scale;
uniform vec2 viewport;
uniform float width;
varying vec4 vColor;
varying vec2 vAlongAcross;
varying float vLength;
void main() {
  vec2 halfView = viewport * 0.5;
  vec2 pa = ((a - offset) - offsetLo) * scale * halfView;
  vec2 pb = ((b - offset) - offsetLo) * scale * halfView;
  vec2 d = pb - pa;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float w = 0.5 * width;
  float along = corner.x * len + (corner.x * 2.0 - 1.0) * w;
  vec2 p = pa + dir * along + nrm * (corner.y * w);
  gl_Position = vec4(p / halfView, 0.0, 1.0);
  vColor = color;
  vAlongAcross = vec2(along, corner.y * w);
  vLength = len;
}`;

/** Outline fragment shader: solid colour, the parts past either end cut to a half disc (round cap/join). */
const OUTLINES_FRAG = /* glsl */ `
precision highp float;
uniform float width;
uniform vec4 overrideColor;
varying vec4 vColor;
varying vec2 vAlongAcross;
varying float vLength;
void main() {
  float u = vAlongAcross.x;
  float past = u < 0.0 ? -u : max(u - vLength, 0.0);
  if (past > 0.0 && past * past + vAlongAcross.y * vAlongAcross.y > 0.25 * width * width) discard;
  gl_FragColor = overrideColor.a > 0.0 ? overrideColor : vColor;
}`;

/**
 * A regl command drawing `count` vertices of the outline quads (`vertices`: 6 floats per vertex,
 * `rgba`: 4 bytes per vertex, see outline-quads.ts) as lines `width` device pixels wide with round
 * joins; alpha-blended on top of the points. O(segments) per draw.
 */
export function createOutlinesCommand(regl: Regl, vertices: Buffer, rgba: Buffer): DrawCommand<DefaultContext, OutlinesProps> {
  const prop = <K extends keyof OutlinesProps>(k: K) => regl.prop<OutlinesProps, K>(k);
  return regl<Record<string, unknown>, object, OutlinesProps>({
    vert: OUTLINES_VERT,
    frag: OUTLINES_FRAG,
    primitive: 'triangles',
    attributes: {
      a: { buffer: vertices, size: 2, stride: 24, offset: 0 },
      b: { buffer: vertices, size: 2, stride: 24, offset: 8 },
      corner: { buffer: vertices, size: 2, stride: 24, offset: 16 },
      color: { buffer: rgba, size: 4, normalized: true },
    },
    uniforms: {
      offset: prop('offset'),
      offsetLo: prop('offsetLo'),
      scale: prop('scale'),
      width: prop('width'),
      overrideColor: prop('color'),
      viewport: (context: DefaultContext) => [context.drawingBufferWidth, context.drawingBufferHeight],
    },
    count: prop('count'),
    depth: { enable: false },
    blend: { enable: true, func: { srcRGB: 'src alpha', dstRGB: 'one minus src alpha', srcAlpha: 'one', dstAlpha: 'one minus src alpha' } },
  });
}
