/**
 * Fragment shader of the hover highlight: the point's colour inside a ring of `ringColor`
 * (the theme's foreground) about a quarter of the radius wide, antialiased like points.frag.
 */
export const HIGHLIGHT_FRAG = /* glsl */ `
precision highp float;
uniform float pointSize;
uniform vec4 ringColor;
varying vec4 vColor;
void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float r = length(p);
  float rim = 2.0 / max(pointSize, 1.0);
  float alpha = 1.0 - smoothstep(1.0 - rim, 1.0, r);
  if (alpha <= 0.0) discard;
  float ring = smoothstep(0.62 - rim, 0.62, r);
  vec4 c = mix(vec4(vColor.rgb, 1.0), ringColor, ring);
  gl_FragColor = vec4(c.rgb, c.a * alpha);
}
`;
