import type { DefaultContext, DrawCommand } from 'regl';
import { createPointBuffers, type PointBuffers } from './point-buffers.js';
import { createPointsCommand, type PointsProps } from './points-command.js';
import { createRenderer, type Renderer, type RendererOptions } from './create-renderer.js';

/** Pixels read back from the drawing buffer: RGBA bytes, rows from the top. */
export interface PixelImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * Everything GL a scatter plot needs: a renderer, the point buffers and the points command.
 * Knows nothing about lit or the DOM beyond its canvas. State setters do not draw; call
 * `renderer.render()` (scheduled) or {@link ScatterLayer.readPixels} (immediate).
 */
export interface ScatterLayer {
  readonly renderer: Renderer;
  /** Replaces all points: n×2 positions relative to the data centre and n×4 colours. */
  setPoints(rel: Float32Array, rgba: Uint8Array): void;
  /** Updates positions in place (same n as the last {@link setPoints}). */
  setPositions(rel: Float32Array): void;
  setColors(rgba: Uint8Array): void;
  setView(uniforms: { offset: [number, number]; scale: [number, number] }): void;
  /** Point diameter in device pixels. */
  setPointSize(devicePixels: number): void;
  /** Clear colour, RGBA in [0, 1] (premultiplied by the caller if translucent). */
  setBackground(rgba: readonly [number, number, number, number]): void;
  /** Draws now and reads the whole drawing buffer (no preserveDrawingBuffer needed). */
  readPixels(): PixelImage;
  destroy(): void;
}

/** Creates a {@link ScatterLayer} on `canvas`; see {@link createRenderer} for errors. */
export function createScatterLayer(canvas: HTMLCanvasElement, options?: RendererOptions): ScatterLayer {
  const renderer = createRenderer(canvas, options);
  const { regl } = renderer;
  const buffers: PointBuffers = createPointBuffers(regl);
  const drawPoints: DrawCommand<DefaultContext, PointsProps> = createPointsCommand(regl, buffers);
  let background: [number, number, number, number] = [1, 1, 1, 1];
  const props: PointsProps = { offset: [0, 0], scale: [1, 1], pointSize: 4, count: 0 };

  renderer.onFrame(() => {
    regl.clear({ color: background, depth: 1 });
    props.count = buffers.count;
    if (props.count > 0) drawPoints(props);
  });

  return {
    renderer,
    setPoints(rel, rgba) {
      buffers.setPositions(rel);
      buffers.setColors(rgba);
    },
    setPositions(rel) {
      buffers.setPositions(rel);
    },
    setColors(rgba) {
      buffers.setColors(rgba);
    },
    setView(uniforms) {
      props.offset = uniforms.offset;
      props.scale = uniforms.scale;
    },
    setPointSize(devicePixels) {
      props.pointSize = devicePixels;
    },
    setBackground(rgba) {
      background = [rgba[0], rgba[1], rgba[2], rgba[3]];
    },
    readPixels() {
      renderer.renderNow();
      // gl.readPixels in the same task as the draw (regl.read insists on preserveDrawingBuffer).
      const gl = renderer.gl;
      const width = gl.drawingBufferWidth;
      const height = gl.drawingBufferHeight;
      const raw = new Uint8Array(width * height * 4);
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, raw);
      const data = new Uint8Array(raw.length);
      const row = width * 4;
      for (let y = 0; y < height; y++) data.set(raw.subarray((height - 1 - y) * row, (height - y) * row), y * row);
      return { width, height, data };
    },
    destroy() {
      renderer.destroy();
    },
  };
}
