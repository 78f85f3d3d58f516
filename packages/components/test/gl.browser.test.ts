import { describe, expect, test } from 'vitest';
import { createRenderer } from '../src/gl/create-renderer.js';
import { createScatterLayer } from '../src/gl/scatter-layer.js';

function canvas(size = 16): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = c.height = size;
  return c;
}

describe('gl layer on a bare canvas', () => {
  test('createRenderer(canvas) prefers WebGL2 and falls back to WebGL1 when asked', () => {
    const r2 = createRenderer(canvas());
    expect(r2.isWebGL2).toBe(true);
    const r1 = createRenderer(canvas(), { preferWebGL2: false });
    expect(r1.isWebGL2).toBe(false);
    expect(r1.gl instanceof WebGL2RenderingContext).toBe(false);
    r1.destroy();
    r2.destroy();
  });

  test('createRenderer(canvas).render() coalesces calls into one frame and rejects after destroy()', async () => {
    const r = createRenderer(canvas());
    let frames = 0;
    r.onFrame(() => frames++);
    const a = r.render();
    const b = r.render();
    expect(a).toBe(b);
    await a;
    expect(frames).toBe(1);
    const gl = r.gl;
    r.destroy();
    r.destroy(); // harmless
    await expect(r.render()).rejects.toMatchObject({ name: 'RendererError', code: 'destroyed' });
    expect(gl.getError()).toBe(gl.NO_ERROR);
  });

  test('createScatterLayer draws a point in its exact colour with an antialiased round edge, on WebGL1 and WebGL2', () => {
    for (const preferWebGL2 of [true, false]) {
      const layer = createScatterLayer(canvas(16), { preferWebGL2 });
      layer.setBackground([0, 0, 0, 1]);
      layer.setPoints(Float32Array.of(0, 0), Uint8Array.of(200, 100, 50, 255));
      layer.setView({ offset: [0, 0], scale: [1, 1] });
      layer.setPointSize(10);
      const { data, width } = layer.readPixels();
      const at = (x: number, y: number) => Array.from(data.subarray(4 * (y * width + x), 4 * (y * width + x) + 3));
      expect(at(8, 8)).toEqual([200, 100, 50]); // centre: exact colour
      expect(at(7, 7)).toEqual([200, 100, 50]);
      expect(at(3, 3)).toEqual([0, 0, 0]); // outside the circle, inside its square sprite
      const rim = at(12, 8); // on the edge: partly covered
      expect(rim[0]).toBeGreaterThan(0);
      expect(rim[0]).toBeLessThan(200);
      const gl = layer.renderer.gl;
      layer.destroy();
      expect(gl.getError()).toBe(gl.NO_ERROR);
    }
  });

  test('ScatterLayer.setPoints grows its buffers and setPositions updates them in place', () => {
    const layer = createScatterLayer(canvas(16));
    layer.setView({ offset: [0, 0], scale: [1, 1] });
    layer.setPointSize(4);
    layer.setPoints(Float32Array.of(-0.5, 0.5), Uint8Array.of(255, 0, 0, 255));
    const many = new Float32Array(2000).fill(0.5); // 1000 points at (0.5, 0.5)
    const colors = new Uint8Array(4000).fill(255);
    for (let i = 0; i < 1000; i++) colors[4 * i + 2] = 0; // yellow
    layer.setPoints(many, colors);
    layer.setPositions(new Float32Array(2000).fill(-0.5));
    const { data, width } = layer.readPixels();
    const at = (x: number, y: number) => Array.from(data.subarray(4 * (y * width + x), 4 * (y * width + x) + 3));
    expect(at(4, 12)).toEqual([255, 255, 0]); // (-0.5, -0.5) → bottom-left quarter
    expect(at(12, 4)).toEqual([255, 255, 255]); // old place is background
    const gl = layer.renderer.gl;
    layer.destroy();
    expect(gl.getError()).toBe(gl.NO_ERROR);
  });
});
