import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Renderer } from '../gl/create-renderer.js';
import type { ScatterLayer } from '../gl/scatter-layer.js';
import { whenSharedContextRestored } from '../gl/shared-context.js';

/** What {@link GlController} manages: anything drawn with a {@link Renderer} that can be destroyed. */
export interface GlLayer {
  readonly renderer: Renderer;
  destroy(): void;
}

/**
 * Owns the host's GL layer (a {@link ScatterLayer} for `<cluster-scatter>`, a `TextLayer` for
 * `<token-cloud>`): creates it on the canvas when asked ({@link ensure}), destroys it on disconnect,
 * and survives WebGL context loss: `webglcontextlost` is cancelled (so the browser may restore), and on
 * `webglcontextrestored` the old layer is dropped and `onRestored` is called so the host re-creates and
 * re-uploads everything.
 */
export class GlController<L extends GlLayer = ScatterLayer> implements ReactiveController {
  layer: L | null = null;
  private waitForRestore: (() => void) | null = null;
  private failed = false;
  private readonly create: (canvas: HTMLCanvasElement) => L | null;
  private readonly onRestored: () => void;

  constructor(host: ReactiveControllerHost, create: (canvas: HTMLCanvasElement) => L | null, onRestored: () => void) {
    this.create = create;
    this.onRestored = onRestored;
    host.addController(this);
  }

  /**
   * Creates the layer on `canvas` unless one exists; true when a new layer was made. When creation
   * fails while the page's shared context is lost, waits for its restore and calls `onRestored` then
   * (so the host retries), instead of staying blank.
   */
  ensure(canvas: HTMLCanvasElement | null): boolean {
    if (this.layer || !canvas || this.failed) return false;
    this.layer = this.create(canvas);
    if (!this.layer) {
      this.failed = true; // no retry on every update (each would report a new error): only after a restore or reconnect
      this.waitForRestore = whenSharedContextRestored(() => {
        this.waitForRestore = null;
        this.failed = false;
        this.onRestored();
      });
      return false;
    }
    const glCanvas = this.layer.renderer.gl.canvas as HTMLCanvasElement; // the shared canvas when shared
    glCanvas.addEventListener('webglcontextlost', this.onLost);
    glCanvas.addEventListener('webglcontextrestored', this.onRestore);
    return true;
  }

  hostDisconnected(): void {
    this.recreate();
  }

  /**
   * Drops the layer (freeing its GL resources and its use of the shared context) and forgets a failed
   * creation, so the next {@link ensure} makes a new layer: e.g. after the host's `webgl` setting
   * changed. The host then re-uploads everything, as after a context restore. O(1) plus the layer's destroy.
   */
  recreate(): void {
    this.waitForRestore?.();
    this.waitForRestore = null;
    this.failed = false;
    this.drop();
  }

  private drop(): void {
    const old = this.layer;
    const glCanvas = old?.renderer.gl.canvas as HTMLCanvasElement | undefined;
    glCanvas?.removeEventListener('webglcontextlost', this.onLost);
    glCanvas?.removeEventListener('webglcontextrestored', this.onRestore);
    old?.destroy();
    this.layer = null;
  }

  private readonly onLost = (e: Event) => e.preventDefault();

  private readonly onRestore = () => {
    this.drop();
    this.onRestored();
  };
}
