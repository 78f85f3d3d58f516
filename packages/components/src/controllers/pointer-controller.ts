import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SelectionMode } from '../selection/combine-selection.js';

/** Which selection gesture a drag makes. */
export type DragTool = 'lasso' | 'rect';

/** What pointer gestures ask the host to do (screen units: CSS px from the host's top-left). */
export interface PointerHandlers {
  pan(dx: number, dy: number): void;
  zoom(factor: number, x: number, y: number): void;
  reset(): void;
  /** Pointer moved without a button pressed (or left: x = y = NaN). */
  hover(x: number, y: number): void;
  /** Click without drag: `cluster` with Shift (whole cluster), `mode` from Ctrl/Meta (add) and Alt (remove). */
  click(x: number, y: number, mode: SelectionMode, cluster: boolean): void;
  /** Selection drag in progress: the path so far, n×2 screen coords (null when it ends). */
  sketch(path: Float64Array | null, tool: DragTool): void;
  /** Selection drag finished: lasso path or the rectangle's two corners, n×2 screen coords. */
  select(path: Float64Array, tool: DragTool, mode: SelectionMode): void;
  /** Which drag tool plain drags use (`'pan'` = pan; Shift+drag always lassos). */
  dragMode(): 'pan' | DragTool;
}

/** Zoom factor per wheel pixel: 100 px of wheel ≈ ×1.22. */
const WHEEL_RATE = 0.002;
/** A press that moves less than this many CSS px is a click. */
const CLICK_SLOP = 4;

const modeOf = (e: MouseEvent): SelectionMode => (e.altKey ? 'remove' : e.ctrlKey || e.metaKey ? 'add' : 'replace');

/**
 * Pointer gestures on the host: drag pans (or lassos with Shift, or uses the `drag-mode` tool),
 * two-finger pinch zooms and pans (touch), wheel zooms around the cursor, double-click resets, hover and click pick points.
 * Modifiers while selecting: Ctrl/Meta adds, Alt removes, none replaces; Shift+click takes the cluster.
 * Listeners live on the host only while it is connected; wheel is not passive (the page must not
 * scroll while zooming the plot).
 */
export class PointerController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly handlers: PointerHandlers;
  private drag: { id: number; x: number; y: number; x0: number; y0: number; tool: 'pan' | DragTool; moved: boolean; path: number[] } | null = null;
  /** Pressed pointers (local CSS px), for two-finger pinch zoom. */
  private readonly down = new Map<number, [number, number]>();
  private pinch: { distance: number; x: number; y: number } | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, handlers: PointerHandlers) {
    this.host = host;
    this.handlers = handlers;
    host.addController(this);
  }

  hostConnected(): void {
    for (const [type, fn] of this.listeners) this.host.addEventListener(type, fn as EventListener, { passive: false });
  }

  hostDisconnected(): void {
    for (const [type, fn] of this.listeners) this.host.removeEventListener(type, fn as EventListener);
    this.drag = null;
    this.down.clear();
    this.pinch = null;
  }

  private local(e: MouseEvent): [number, number] {
    const rect = this.host.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  /** Distance and midpoint of the two first pressed pointers. */
  private pinchState(): { distance: number; x: number; y: number } {
    const [[ax, ay], [bx, by]] = [...this.down.values()] as [[number, number], [number, number]];
    return { distance: Math.max(1, Math.hypot(bx - ax, by - ay)), x: (ax + bx) / 2, y: (ay + by) / 2 };
  }

  private readonly onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const [x, y] = this.local(e);
    this.down.set(e.pointerId, [x, y]);
    if (this.down.size === 2) {
      // A second finger turns the gesture into a pinch: drop the drag (and any selection sketch).
      if (this.drag && this.drag.tool !== 'pan') this.handlers.sketch(null, this.drag.tool);
      this.drag = null;
      this.pinch = this.pinchState();
      return;
    }
    if (this.drag || this.pinch) return;
    const tool = e.shiftKey ? 'lasso' : this.handlers.dragMode();
    this.drag = { id: e.pointerId, x: e.clientX, y: e.clientY, x0: x, y0: y, tool, moved: false, path: [x, y] };
    try {
      this.host.setPointerCapture(e.pointerId); // keep the drag when the pointer leaves the plot
    } catch {
      // synthetic events have no active pointer to capture; dragging still works inside the plot
    }
  };

  private readonly onMove = (e: PointerEvent) => {
    if (this.pinch && this.down.has(e.pointerId)) {
      this.down.set(e.pointerId, this.local(e));
      const next = this.pinchState();
      const prev = this.pinch;
      this.pinch = next;
      if (next.x !== prev.x || next.y !== prev.y) this.handlers.pan(next.x - prev.x, next.y - prev.y);
      if (next.distance !== prev.distance) this.handlers.zoom(next.distance / prev.distance, next.x, next.y);
      return;
    }
    const d = this.drag;
    if (!d) {
      const [x, y] = this.local(e);
      this.handlers.hover(x, y);
      return;
    }
    if (e.pointerId !== d.id) return;
    const [x, y] = this.local(e);
    if (!d.moved && Math.hypot(x - d.x0, y - d.y0) < CLICK_SLOP) return;
    d.moved = true;
    if (d.tool === 'pan') {
      const dx = e.clientX - d.x, dy = e.clientY - d.y;
      d.x = e.clientX;
      d.y = e.clientY;
      if (dx !== 0 || dy !== 0) this.handlers.pan(dx, dy);
      return;
    }
    if (d.tool === 'rect') d.path = [d.x0, d.y0, x, y];
    else d.path.push(x, y);
    this.handlers.sketch(Float64Array.from(d.path), d.tool);
  };

  private readonly onUp = (e: PointerEvent) => {
    this.down.delete(e.pointerId);
    if (this.pinch) {
      if (this.down.size < 2) this.pinch = null;
      return;
    }
    const d = this.drag;
    if (!d || e.pointerId !== d.id) return;
    this.drag = null;
    if (this.host.hasPointerCapture?.(e.pointerId)) this.host.releasePointerCapture(e.pointerId);
    if (e.type === 'pointercancel') {
      if (d.tool !== 'pan') this.handlers.sketch(null, d.tool);
      return;
    }
    const [x, y] = this.local(e);
    if (!d.moved) {
      this.handlers.click(x, y, modeOf(e), e.shiftKey);
      return;
    }
    if (d.tool === 'pan') return;
    if (d.tool === 'rect') d.path = [d.x0, d.y0, x, y];
    else d.path.push(x, y);
    this.handlers.sketch(null, d.tool);
    this.handlers.select(Float64Array.from(d.path), d.tool, modeOf(e));
  };

  private readonly onLeave = () => {
    if (!this.drag && !this.pinch) this.handlers.hover(NaN, NaN);
  };

  private readonly onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.host.clientHeight || 400 : 1;
    const [x, y] = this.local(e);
    this.handlers.zoom(Math.exp(-e.deltaY * unit * WHEEL_RATE), x, y);
  };

  private readonly onDoubleClick = () => this.handlers.reset();

  private readonly listeners: [string, (e: never) => void][] = [
    ['pointerdown', this.onDown],
    ['pointermove', this.onMove],
    ['pointerup', this.onUp],
    ['pointercancel', this.onUp],
    ['pointerleave', this.onLeave],
    ['wheel', this.onWheel],
    ['dblclick', this.onDoubleClick],
  ];
}
