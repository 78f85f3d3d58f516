/**
 * Point vertex shader (GLSL ES 1.00, runs on WebGL1 and WebGL2).
 * `position` is relative to the data centre; clip = (position - offset) · scale.
 * `pointSize` is in device pixels (CSS size × devicePixelRatio).
 */
export const POINTS_VERT = /* glsl */ `
precision highp float;
attribute vec2 position;
attribute vec4 color;
uniform vec2 offset;
uniform vec2 scale;
uniform float pointSize;
varying vec4 vColor;
void main() {
  gl_Position = vec4((position - offset) * scale, 0.0, 1.0);
  gl_PointSize = pointSize;
  vColor = color;
}
`;
