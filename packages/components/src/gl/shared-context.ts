import createREGL from 'regl';
import type { Regl } from 'regl';
import { RendererError } from '../errors.js';

/**
 * One offscreen WebGL context (and its regl) per page, shared by every plot that asks for it, so a
 * page with many plots stays under the browser's cap of live contexts (~16 in Chromium). Each plot
 * draws into this canvas, sized to its own drawing buffer, and copies the frame into its visible 2-D
 * canvas (the `createRenderer` approach of flekschas/regl-scatterplot). Created lazily on first
 * use (nothing at import time) and then kept for the page (one context; every user frees its own
 * buffers, so an unused context holds nothing but compiled shaders). On context loss the regl is
 * dropped and re-made on restore; users re-create their resources through `webglcontextrestored`
 * on {@link SharedContext.canvas}, which fires after this module's own listener.
 */
export interface SharedContext {
  readonly canvas: HTMLCanvasElement;
  readonly gl: WebGLRenderingContext | WebGL2RenderingContext;
  readonly isWebGL2: boolean;
  /** The current regl (replaced after a context restore). */
  readonly regl: Regl;
  /** Lets go of this use (the context itself stays for the next user). */
  release(): void;
}

interface Entry {
  canvas: HTMLCanvasElement;
  gl: WebGLRenderingContext | WebGL2RenderingContext;
  isWebGL2: boolean;
  regl: Regl | null;
  users: number;
}

const entries = new Map<boolean, Entry>();

const ATTRIBUTES: WebGLContextAttributes = {
  alpha: true, antialias: false, depth: false, stencil: false, premultipliedAlpha: true, preserveDrawingBuffer: false,
};

function open(preferWebGL2: boolean): Entry {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  let gl: WebGLRenderingContext | WebGL2RenderingContext | null = preferWebGL2 ? canvas.getContext('webgl2', ATTRIBUTES) : null;
  const isWebGL2 = gl !== null;
  gl ??= canvas.getContext('webgl', ATTRIBUTES);
  if (!gl) throw new RendererError('webgl-unavailable', 'WebGL is not available in this browser (tried webgl2 and webgl)');
  const entry: Entry = { canvas, gl, isWebGL2, regl: createREGL({ gl: gl as WebGLRenderingContext }), users: 0 };
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    entry.regl = null; // its resources are gone; users drop theirs on restore
  });
  canvas.addEventListener('webglcontextrestored', () => {
    entry.regl = createREGL({ gl: gl as WebGLRenderingContext });
  });
  return entry;
}

/**
 * Takes a use of the page's shared context (WebGL2 preferred, WebGL1 fallback; one per choice).
 * @throws RendererError code `'webgl-unavailable'` when WebGL is not available.
 */
export function acquireSharedContext(preferWebGL2 = true): SharedContext {
  let entry = entries.get(preferWebGL2);
  if (!entry || (entry.regl === null && !entry.gl.isContextLost())) {
    entry = open(preferWebGL2);
    entries.set(preferWebGL2, entry);
  }
  const e = entry;
  e.users++;
  let released = false;
  return {
    canvas: e.canvas,
    gl: e.gl,
    isWebGL2: e.isWebGL2,
    get regl() {
      if (!e.regl) throw new RendererError('destroyed', 'the shared WebGL context is lost');
      return e.regl;
    },
    release() {
      if (released) return;
      released = true;
      e.users--;
    },
  };
}

/** Number of live uses of the shared contexts (for tests and diagnostics). */
export function sharedContextUsers(): number {
  let n = 0;
  for (const e of entries.values()) n += e.users;
  return n;
}

/**
 * Calls `callback` once when a lost shared context is restored (after the module has re-created its
 * regl), e.g. to retry creating a plot that failed while the context was lost. Returns a function
 * that cancels the wait; returns null (and never calls back) when no shared context is lost now.
 */
export function whenSharedContextRestored(callback: () => void): (() => void) | null {
  const lost = [...entries.values()].filter((e) => e.regl === null && e.gl.isContextLost());
  if (lost.length === 0) return null;
  const once = () => {
    cancel();
    callback();
  };
  const cancel = () => lost.forEach((e) => e.canvas.removeEventListener('webglcontextrestored', once));
  lost.forEach((e) => e.canvas.addEventListener('webglcontextrestored', once));
  return cancel;
}
