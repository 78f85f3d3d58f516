import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the pan/zoom gestures ask the host to do (screen units: CSS px from the host's top-left). */
export interface PanZoomHandlers {
  pan(dx: number, dy: number): void;
  zoom(factor: number, x: number, y: number): void;
  reset(): void;
}

/** Zoom factor per wheel pixel: 100 px of wheel ≈ ×1.22. */
const WHEEL_RATE = 0.002;

/**
 * Pointer-drag pan, wheel zoom around the cursor and double-click reset on the host element.
 * Listeners live on the host only while it is connected. Wheel events are not passive (the page
 * must not scroll while zooming the plot).
 */
export class PanZoomController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly handlers: PanZoomHandlers;
  private drag: { id: number; x: number; y: number } | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, handlers: PanZoomHandlers) {
    this.host = host;
    this.handlers = handlers;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.onDown);
    this.host.addEventListener('pointermove', this.onMove);
    this.host.addEventListener('pointerup', this.onUp);
    this.host.addEventListener('pointercancel', this.onUp);
    this.host.addEventListener('wheel', this.onWheel, { passive: false });
    this.host.addEventListener('dblclick', this.onDoubleClick);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.onDown);
    this.host.removeEventListener('pointermove', this.onMove);
    this.host.removeEventListener('pointerup', this.onUp);
    this.host.removeEventListener('pointercancel', this.onUp);
    this.host.removeEventListener('wheel', this.onWheel);
    this.host.removeEventListener('dblclick', this.onDoubleClick);
    this.drag = null;
  }

  private readonly onDown = (e: PointerEvent) => {
    if (e.button !== 0 || this.drag) return;
    this.drag = { id: e.pointerId, x: e.clientX, y: e.clientY };
    try {
      this.host.setPointerCapture(e.pointerId); // keep the drag when the pointer leaves the plot
    } catch {
      // synthetic events have no active pointer to capture; dragging still works inside the plot
    }
  };

  private readonly onMove = (e: PointerEvent) => {
    if (!this.drag || e.pointerId !== this.drag.id) return;
    const dx = e.clientX - this.drag.x;
    const dy = e.clientY - this.drag.y;
    this.drag.x = e.clientX;
    this.drag.y = e.clientY;
    if (dx !== 0 || dy !== 0) this.handlers.pan(dx, dy);
  };

  private readonly onUp = (e: PointerEvent) => {
    if (!this.drag || e.pointerId !== this.drag.id) return;
    this.drag = null;
    if (this.host.hasPointerCapture?.(e.pointerId)) this.host.releasePointerCapture(e.pointerId);
  };

  private readonly onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.host.clientHeight || 400 : 1;
    const rect = this.host.getBoundingClientRect();
    this.handlers.zoom(Math.exp(-e.deltaY * unit * WHEEL_RATE), e.clientX - rect.left, e.clientY - rect.top);
  };

  private readonly onDoubleClick = () => this.handlers.reset();
}
