/**
 * Point fragment shader: a round sprite with a one-device-pixel antialiased rim (after
 * flekschas/regl-scatterplot `src/point.fs`). Inside the rim the colour is exactly the attribute.
 */
export const POINTS_FRAG = /* glsl */ `
precision highp float;
uniform float pointSize;
varying vec4 vColor;
void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float r = length(p);
  float rim = 2.0 / max(pointSize, 1.0);
  float alpha = 1.0 - smoothstep(1.0 - rim, 1.0, r);
  if (alpha <= 0.0) discard;
  gl_FragColor = vec4(vColor.rgb, vColor.a * alpha);
}
`;
