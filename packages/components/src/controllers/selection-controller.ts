import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buildGridIndexAsync } from '../pick/build-grid-index.js';
import { nearestPoint, pointsInPolygon, pointsInRect, positionResiduals, type GridIndex, type PositionResiduals } from '../pick/grid-index.js';
import { createSelectionModel, type SelectionChange, type SelectionModel, type SelectionState } from '../selection/selection-model.js';

/**
 * Owns what a view needs for picking and selection: the spatial index of the current positions
 * (rebuilt off the main thread for large n, see build-grid-index.ts) and the subscription to a
 * {@link SelectionModel} (its own, or one shared with linked views). Subscribes only while the
 * host is connected; a pending index build is abandoned on disconnect or when positions change.
 * Queries before the index is ready return nothing (hover never blocks a frame).
 */
export class SelectionController implements ReactiveController {
  private modelValue: SelectionModel = createSelectionModel();
  private unsubscribe: (() => void) | null = null;
  private readonly onChange: (state: SelectionState, change: SelectionChange) => void;
  private xy: Float32Array = new Float32Array(0);
  private residuals: PositionResiduals | null = null;
  private index: GridIndex | null = null;
  private build: AbortController | null = null;
  private readyPromise: Promise<void> = Promise.resolve();
  private connected = false;

  constructor(host: ReactiveControllerHost, onChange: (state: SelectionState, change: SelectionChange) => void) {
    this.onChange = onChange;
    host.addController(this);
  }

  get model(): SelectionModel {
    return this.modelValue;
  }

  /** Switches to another (e.g. shared) model; the host is told about its current selection. */
  set model(model: SelectionModel) {
    if (model === this.modelValue) return;
    this.modelValue = model;
    if (this.connected) this.subscribe();
  }

  /** Resolves when the index for the latest positions is built (or abandoned). */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
    if (!this.index && this.xy.length > 0) this.setPositions(this.xy, undefined, undefined, this.residuals?.lo);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.build?.abort();
    this.build = null;
    this.index = null;
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.modelValue.subscribe(this.onChange);
    this.onChange(this.modelValue.state, { kind: 'select', source: null });
  }

  /**
   * Indexes new positions (n×2, kept by reference and not mutated; replace, don't edit in place).
   * With `after`, the build starts once it settles (e.g. after the first frame, so indexing never
   * delays the picture); queries find nothing until the index is ready either way. `lo` (n×2 float32
   * residuals of float64 inputs, kept by reference) makes hover distances float64-exact.
   */
  setPositions(xy: Float32Array, workerThreshold?: number, after?: Promise<unknown>, lo?: Float32Array | null): void {
    this.xy = xy;
    this.residuals = positionResiduals(lo);
    this.index = null;
    this.build?.abort();
    if (!this.connected) return;
    const build = new AbortController();
    this.build = build;
    const start = () => buildGridIndexAsync(xy, workerThreshold === undefined ? {} : { workerThreshold }, build.signal);
    this.readyPromise = (after ? after.then(start, start) : start()).then(
      (index) => {
        if (this.build === build) {
          this.index = index;
          this.build = null;
        }
      },
      () => undefined,
    );
  }

  /** Nearest accepted point within `radius` data units of (x, y), or -1 (also while indexing). */
  nearest(x: number, y: number, radius: number, accept?: (i: number) => boolean): number {
    return this.index ? nearestPoint(this.index, this.xy, x, y, radius, accept, this.residuals) : -1;
  }

  /** Accepted points inside a polygon (n×2 data coords), ascending. */
  inPolygon(polygon: ArrayLike<number>, accept?: (i: number) => boolean): Uint32Array {
    return this.index ? pointsInPolygon(this.index, this.xy, polygon, accept, this.residuals) : new Uint32Array(0);
  }

  /** Accepted points inside the box with corners (x0, y0), (x1, y1), ascending. */
  inRect(x0: number, y0: number, x1: number, y1: number, accept?: (i: number) => boolean): Uint32Array {
    return this.index ? pointsInRect(this.index, this.xy, x0, y0, x1, y1, accept, this.residuals) : new Uint32Array(0);
  }
}
