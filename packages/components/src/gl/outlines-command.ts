import type { Buffer, DefaultContext, DrawCommand, Regl } from 'regl';

/** Inputs of one outlines draw. */
export interface OutlinesProps {
  offset: [number, number];
  scale: [number, number];
  count: number;
}

/**
 * A regl command drawing `count` vertices of `xy`/`rgba` as 1-device-pixel line segments (pairs of
 * vertices), clip = (xy − offset) · scale as for points; alpha-blended on top of the points.
 */
export function createOutlinesCommand(regl: Regl, xy: Buffer, rgba: Buffer): DrawCommand<DefaultContext, OutlinesProps> {
  return regl<Record<string, unknown>, object, OutlinesProps>({
    vert: /* glsl */ `
precision highp float;
attribute vec2 position;
attribute vec4 color;
uniform vec2 offset;
uniform vec2 scale;
varying vec4 vColor;
void main() {
  gl_Position = vec4((position - offset) * scale, 0.0, 1.0);
  vColor = color;
}`,
    frag: /* glsl */ `
precision highp float;
varying vec4 vColor;
void main() { gl_FragColor = vColor; }`,
    primitive: 'lines',
    attributes: { position: { buffer: xy, size: 2 }, color: { buffer: rgba, size: 4, normalized: true } },
    uniforms: { offset: regl.prop<OutlinesProps, 'offset'>('offset'), scale: regl.prop<OutlinesProps, 'scale'>('scale') },
    count: regl.prop<OutlinesProps, 'count'>('count'),
    depth: { enable: false },
    lineWidth: 1,
    blend: { enable: true, func: { srcRGB: 'src alpha', dstRGB: 'one minus src alpha', srcAlpha: 'one', dstAlpha: 'one minus src alpha' } },
  });
}
