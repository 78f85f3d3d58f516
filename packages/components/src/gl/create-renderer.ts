import createREGL from 'regl';
import type { Regl } from 'regl';
import { RendererError } from '../errors.js';
import { acquireSharedContext } from './shared-context.js';

/** A WebGL context wrapped by regl, with on-demand (requestAnimationFrame-coalesced) rendering. */
export interface Renderer {
  readonly regl: Regl;
  /** The WebGL context drawn with (`gl.canvas` is the page's shared offscreen canvas when {@link shared}). */
  readonly gl: WebGLRenderingContext | WebGL2RenderingContext;
  /** The visible canvas (a 2-D canvas receiving each frame when {@link shared}). */
  readonly canvas: HTMLCanvasElement;
  /** True when drawing through the page's shared context (see shared-context.ts). */
  readonly shared: boolean;
  /** True when the context is WebGL2 (preferred); false for the WebGL1 fallback. */
  readonly isWebGL2: boolean;
  readonly destroyed: boolean;
  /** Sizes the drawing buffer to `round(css × dpr)` device pixels; true when it changed. */
  resize(cssWidth: number, cssHeight: number, devicePixelRatio: number): boolean;
  /** Registers a draw callback run on every frame, in order; returns an unsubscribe function. */
  onFrame(callback: () => void): () => void;
  /**
   * Schedules one frame (many calls before it coalesce into one) and resolves after it is drawn.
   * Rejects with `RendererError` code `'destroyed'` after {@link destroy}.
   */
  render(): Promise<void>;
  /** Runs the frame callbacks synchronously (for read-back and export). */
  renderNow(): void;
  /** Frees every GL resource made through this renderer; further calls are harmless no-ops. */
  destroy(): void;
}

export interface RendererOptions {
  /** Try WebGL2 first (default true); WebGL1 is the fallback either way. */
  preferWebGL2?: boolean;
  /** Keep the drawing buffer after compositing (default false; read-back uses `renderNow`). Own context only. */
  preserveDrawingBuffer?: boolean;
  /**
   * Draw through the page's one shared WebGL context and copy each frame into `canvas` with a 2-D
   * context (default false: `canvas` gets its own WebGL context). Use it when a page may hold many
   * plots (browsers keep ~16 live contexts). `canvas` must not have a context of another kind.
   */
  shared?: boolean;
}

/**
 * Creates a regl renderer on `canvas` (no DOM insertion, no global listeners, no render loop).
 * Follows the resource/command split of regl (regl-project/regl README) and the renderer object of
 * flekschas/regl-scatterplot `src/renderer.js` (render/resize/onFrame/destroy).
 * @throws RendererError code `'webgl-unavailable'` when neither WebGL2 nor WebGL1 is available.
 */
export function createRenderer(canvas: HTMLCanvasElement, options: RendererOptions = {}): Renderer {
  if (options.shared) return createSharedRenderer(canvas, options.preferWebGL2 ?? true);
  const attributes: WebGLContextAttributes = {
    alpha: true,
    antialias: false,
    depth: false,
    stencil: false,
    premultipliedAlpha: true,
    preserveDrawingBuffer: options.preserveDrawingBuffer ?? false,
  };
  let gl: WebGLRenderingContext | WebGL2RenderingContext | null = null;
  let isWebGL2 = false;
  if (options.preferWebGL2 ?? true) {
    gl = canvas.getContext('webgl2', attributes);
    isWebGL2 = gl !== null;
  }
  gl ??= canvas.getContext('webgl', attributes);
  if (!gl) throw new RendererError('webgl-unavailable', 'WebGL is not available in this browser (tried webgl2 and webgl)');
  const regl = createREGL({ gl: gl as WebGLRenderingContext });

  const callbacks = new Set<() => void>();
  let destroyed = false;

  const renderNow = () => {
    if (destroyed || gl!.isContextLost()) return;
    regl.poll();
    for (const callback of callbacks) callback();
  };

  const renderer: Renderer = {
    regl,
    gl,
    canvas,
    shared: false,
    isWebGL2,
    get destroyed() {
      return destroyed;
    },
    resize: (cssWidth, cssHeight, dpr) => resizeCanvas(canvas, cssWidth, cssHeight, dpr),
    onFrame(callback) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    render: () => scheduler.render(),
    renderNow,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      scheduler.cancel();
      callbacks.clear();
      regl.destroy();
    },
  };
  const scheduler = frameScheduler(renderNow, () => destroyed);
  return renderer;
}

/** A {@link Renderer} drawing through the page's shared context and copying frames into `canvas` (2-D). */
function createSharedRenderer(canvas: HTMLCanvasElement, preferWebGL2: boolean): Renderer {
  const ctx2d = canvas.getContext('2d');
  if (!ctx2d) throw new RendererError('webgl-unavailable', 'the canvas already has a WebGL context; a shared renderer needs a fresh canvas');
  const shared = acquireSharedContext(preferWebGL2);
  const { gl } = shared;
  const callbacks = new Set<() => void>();
  let destroyed = false;
  const renderNow = () => {
    if (destroyed || gl.isContextLost()) return;
    const glCanvas = shared.canvas;
    if (glCanvas.width !== canvas.width || glCanvas.height !== canvas.height) {
      glCanvas.width = canvas.width;
      glCanvas.height = canvas.height;
    }
    shared.regl.poll(); // viewport = the whole (resized) drawing buffer
    for (const callback of callbacks) callback();
    ctx2d.globalCompositeOperation = 'copy';
    ctx2d.drawImage(glCanvas, 0, 0);
  };
  const scheduler = frameScheduler(renderNow, () => destroyed);
  return {
    get regl() {
      return shared.regl;
    },
    gl,
    canvas,
    shared: true,
    isWebGL2: shared.isWebGL2,
    get destroyed() {
      return destroyed;
    },
    resize: (cssWidth, cssHeight, dpr) => resizeCanvas(canvas, cssWidth, cssHeight, dpr),
    onFrame(callback) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    render: () => scheduler.render(),
    renderNow,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      scheduler.cancel();
      callbacks.clear();
      shared.release();
    },
  };
}

/** requestAnimationFrame-coalesced calls of `draw`; promises resolve after the frame. */
function frameScheduler(draw: () => void, isDestroyed: () => boolean): { render(): Promise<void>; cancel(): void } {
  let frame = 0;
  let pending: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;
  return {
    render() {
      if (isDestroyed()) return Promise.reject(new RendererError('destroyed', 'render() called after destroy()'));
      if (pending) return pending.promise;
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      pending = { promise, resolve, reject };
      frame = requestAnimationFrame(() => {
        const done = pending!;
        pending = null;
        frame = 0;
        try {
          draw();
          done.resolve();
        } catch (error) {
          done.reject(error);
        }
      });
      return promise;
    },
    cancel() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      pending?.reject(new RendererError('destroyed', 'the renderer was destroyed before the frame was drawn'));
      pending?.promise.catch(() => {});
      pending = null;
    },
  };
}

/** Sets the drawing-buffer size of `canvas` to CSS size × dpr (at least 1×1); true when it changed. */
function resizeCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number, dpr: number): boolean {
  const w = Math.max(1, Math.round(cssWidth * dpr));
  const h = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width === w && canvas.height === h) return false;
  canvas.width = w;
  canvas.height = h;
  return true;
}
