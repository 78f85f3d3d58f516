// Diagnostic probe (not the benchmark): times synchronous all-point frames of n seeded points (as main.ts)
// drawn with variants of the point shaders in one WebGL2 context (800×600, point size 3), interleaved, so
// the variants share the machine's load. Each frame: clear, draw all n, 1-pixel readPixels. Driven by
// shader-probe.mjs. Variants are listed in VARIANTS (name → vertex/fragment source).
import { createRenderer } from '@clamp-viz/components';
import { POINTS_VERT } from '../../packages/components/src/gl/points.vert.js';
import { POINTS_FRAG } from '../../packages/components/src/gl/points.frag.js';
import { makeData } from './data.js';

const SOLID_FRAG = `precision highp float;
varying vec4 vColor;
void main() { gl_FragColor = vColor; }`;

const NO_DISCARD_FRAG = POINTS_FRAG.replace('if (alpha <= 0.0) discard;', '');
const SQ_FRAG = `precision highp float;
uniform float pointSize;
varying vec4 vColor;
void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float r2 = dot(p, p);
  float rim = 2.0 / max(pointSize, 1.0);
  float inner = 1.0 - rim;
  float alpha = r2 <= inner * inner ? 1.0 : 1.0 - smoothstep(inner, 1.0, sqrt(r2));
  gl_FragColor = vec4(vColor.rgb, vColor.a * alpha);
}`;
const MIN_VERT = `precision highp float;
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
}`;

const VARIANTS: Record<string, { vert: string; frag: string; size?: number }> = {
  nodiscard: { vert: POINTS_VERT, frag: NO_DISCARD_FRAG },
  r2: { vert: POINTS_VERT, frag: SQ_FRAG },
  minvert: { vert: MIN_VERT, frag: POINTS_FRAG },
  minsolid: { vert: MIN_VERT, frag: SOLID_FRAG },
  current: { vert: POINTS_VERT, frag: POINTS_FRAG },
  solid: { vert: POINTS_VERT, frag: SOLID_FRAG },
  size1: { vert: POINTS_VERT, frag: POINTS_FRAG, size: 1 },
  solid1: { vert: POINTS_VERT, frag: SOLID_FRAG, size: 1 },
};
(globalThis as unknown as { extraVariants: typeof VARIANTS }).extraVariants = VARIANTS;

async function probe(n: number, reps: number, names: string[], zoom: number): Promise<Record<string, unknown>> {
  const canvas = document.createElement('canvas');
  canvas.width = 800;
  canvas.height = 600;
  document.body.append(canvas);
  const renderer = createRenderer(canvas); // own WebGL2 context, regl-wrapped
  const { regl, gl } = renderer;
  const data = makeData(n);
  const rgba = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) rgba.set([(data.cluster[i]! * 37) & 255, (data.cluster[i]! * 91) & 255, (data.cluster[i]! * 13) & 255, 255], 4 * i);
  const position = regl.buffer(data.xy), color = regl.buffer(rgba);
  const zeros = regl.buffer(new Float32Array(2 * n)), rank = regl.buffer(new Float32Array(n)), state = regl.buffer(new Float32Array(n));
  const commands = Object.fromEntries(names.map((name) => {
    const v = VARIANTS[name]!;
    return [name, regl({
      vert: v.vert, frag: v.frag, primitive: 'points', count: n,
      attributes: {
        position: { buffer: position, size: 2 }, positionLo: { constant: [0, 0] }, prevPosition: { buffer: zeros, size: 2 },
        color: { buffer: color, size: 4, normalized: true }, rank: { buffer: rank, size: 1 }, state: { buffer: state, size: 1 },
      },
      uniforms: {
        offset: [0, 0], offsetLo: [0, 0], scale: [0.75 * 0.9 * zoom, 0.9 * zoom], pointSize: v.size ?? 3, morph: 1, focusRank: -1,
        selectionActive: 0, dimAlpha: 0.15, ringColor: [0, 0, 0, 1],
      },
      depth: { enable: false },
      blend: { enable: true, func: { srcRGB: 'src alpha', dstRGB: 'one minus src alpha', srcAlpha: 'one', dstAlpha: 'one minus src alpha' } },
    })];
  }));
  const one = new Uint8Array(4);
  const times: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  const frame = (name: string) => {
    regl.poll();
    regl.clear({ color: [1, 1, 1, 1] });
    commands[name]!();
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, one);
  };
  for (const name of names) frame(name); // warm-up (program link, pipeline)
  for (let r = 0; r < reps; r++) {
    for (const name of names) {
      const s = performance.now();
      frame(name);
      times[name]!.push(performance.now() - s);
      await new Promise((res) => setTimeout(res, 0));
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  renderer.destroy();
  canvas.remove();
  return { n, zoom, ...Object.fromEntries(names.map((k) => [k, Math.round(med(times[k]!))])) };
}

(globalThis as unknown as { probe: typeof probe }).probe = probe;
