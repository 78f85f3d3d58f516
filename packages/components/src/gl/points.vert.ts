/**
 * Point vertex shader (GLSL ES 1.00, runs on WebGL1 and WebGL2).
 * `position` is relative to the data centre and `positionLo` is its float32 rounding residual; the view
 * centre is likewise split into `offset` + `offsetLo`. clip = ((position − offset) + (positionLo −
 * offsetLo)) · scale: the first difference is exact for points near the view centre (Sterbenz), so
 * positions keep ~float64 precision when zoomed in far (the "fp64 split" of deck.gl's
 * project64). During a morph the start is `prevPosition` (float32 only).
 * `pointSize` is in device pixels (CSS size × devicePixelRatio).
 * `state` bits: 1 selected, 2 hidden (filtered out by the legend; moved outside the clip box).
 * A point is dimmed to `dimAlpha` when a cluster is focused (`focusRank` ≥ 0) and it is not in it, or
 * when a selection exists (`selectionActive`) and it is not selected.
 */
export const POINTS_VERT = /* glsl */ `
precision highp float;
attribute vec2 position;
attribute vec2 positionLo;
attribute vec2 prevPosition;
attribute vec4 color;
attribute float rank;
attribute float state;
uniform vec2 offset;
uniform vec2 offsetLo;
uniform vec2 scale;
uniform float pointSize;
uniform float morph;
uniform float focusRank;
uniform float selectionActive;
uniform float dimAlpha;
varying vec4 vColor;
void main() {
  float hidden = step(1.5, state);
  float selected = mod(state, 2.0);
  vec2 d = (position - offset) + (positionLo - offsetLo);
  vec2 p = morph < 1.0 ? mix(prevPosition - offset, d, morph) : d;
  gl_Position = hidden > 0.5 ? vec4(2.0, 2.0, 2.0, 1.0) : vec4(p * scale, 0.0, 1.0);
  gl_PointSize = pointSize;
  float inFocus = focusRank < -0.5 ? 1.0 : 1.0 - step(0.5, abs(rank - focusRank));
  float inSelection = selectionActive > 0.5 ? selected : 1.0;
  vColor = vec4(color.rgb, color.a * mix(dimAlpha, 1.0, inFocus * inSelection));
}
`;

