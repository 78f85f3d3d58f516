import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenSharedContextRestored } from '../gl/shared-context.js';
import type { TextLayer } from '../text/text-layer.js';

/**
 * Owns the host's {@link TextLayer} (the pattern of `GlController` for `<cluster-scatter>`): creates it on
 * demand, destroys it on disconnect, and survives WebGL context loss: on `webglcontextrestored` the old
 * layer is dropped and `onRestored` asks the host to re-create and re-upload everything; a creation that
 * failed while the shared context was lost is retried after its restore.
 */
export class TextLayerController implements ReactiveController {
  layer: TextLayer | null = null;
  private waitForRestore: (() => void) | null = null;
  private failed = false;
  private readonly create: (canvas: HTMLCanvasElement) => TextLayer | null;
  private readonly onRestored: () => void;

  constructor(host: ReactiveControllerHost, create: (canvas: HTMLCanvasElement) => TextLayer | null, onRestored: () => void) {
    this.create = create;
    this.onRestored = onRestored;
    host.addController(this);
  }

  /** Creates the layer on `canvas` unless one exists (or creation failed and no restore came yet); true when new. */
  ensure(canvas: HTMLCanvasElement | null): boolean {
    if (this.layer || !canvas || this.failed) return false;
    this.layer = this.create(canvas);
    if (!this.layer) {
      this.failed = true;
      this.waitForRestore = whenSharedContextRestored(() => {
        this.waitForRestore = null;
        this.failed = false;
        this.onRestored();
      });
      return false;
    }
    const glCanvas = this.layer.renderer.gl.canvas as HTMLCanvasElement;
    glCanvas.addEventListener('webglcontextlost', this.onLost);
    glCanvas.addEventListener('webglcontextrestored', this.onRestore);
    return true;
  }

  hostDisconnected(): void {
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
