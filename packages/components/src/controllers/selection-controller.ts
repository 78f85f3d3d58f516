import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buildGridIndexAsync } from '../pick/build-grid-index.js';
import { nearestPoint, pointsInPolygon, pointsInRect, positionResiduals, type GridIndex, type PositionResiduals } from '../pick/grid-index.js';
import { createSelectionModel, type SelectionChange, type SelectionModel, type SelectionState } from '../selection/selection-model.js';

/**
 * Owns what a view needs for picking and selection: the spatial index of the current positions
 * (rebuilt off the main thread for large n, see build-grid-index.ts) and the subscription to a
 * {@link SelectionModel} (its own, or one shared with linked views). Subscribes only while the
 * host is connected; a pending index build is abandoned on disconnect or when new data comes
 * ({@link setPositions}); moved points ({@link movePositions}) keep the previous index answering.
 * Queries before the first index is ready return nothing (hover never blocks a frame).
 */
export class SelectionController implements ReactiveController {
  private modelValue: SelectionModel = createSelectionModel();
  private unsubscribe: (() => void) | null = null;
  private readonly onChange: (state: SelectionState, change: SelectionChange) => void;
  private xy: Float32Array = new Float32Array(0);
  private residuals: PositionResiduals | null = null;
  private index: GridIndex | null = null;
  /** Positions (and residuals) the current `index` was built over: queries read these. */
  private indexXy: Float32Array = new Float32Array(0);
  private indexResiduals: PositionResiduals | null = null;
  private build: AbortController | null = null;
  /** True when {@link movePositions} came while a build ran: one more build follows it. */
  private stale = false;
  private workerThreshold: number | undefined = undefined;
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
    // After a move in the DOM the index of unchanged positions is kept; only a missing or stale one is built.
    if (this.xy.length > 0 && (!this.index || this.indexXy !== this.xy)) this.startBuild();
  }

  /** Stops listening and abandons a pending build; a finished index stays (a moved element reuses it). */
  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.build?.abort();
    this.build = null;
    this.stale = false;
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
    if (xy === this.xy && (this.index ? this.indexXy === xy : this.build !== null)) return; // already indexed or indexing
    this.xy = xy;
    this.residuals = positionResiduals(lo);
    this.workerThreshold = workerThreshold;
    this.index = null;
    this.stale = false;
    this.build?.abort();
    this.build = null;
    if (this.connected) this.startBuild(after);
  }

  /**
   * Same rows, moved (live layouts: `updatePositions`). Unlike {@link setPositions} nothing is aborted:
   * at most one build runs; moves during it only mark the index stale, and when it finishes one more
   * build starts with the latest positions. Meanwhile queries use the previous index with the
   * positions it was built over, so hover/lasso may be off by how far points moved since (never empty
   * during a streaming layout, which an abort-and-restart would leave forever at ≥ 50k points).
   */
  movePositions(xy: Float32Array, lo?: Float32Array | null): void {
    this.xy = xy;
    this.residuals = positionResiduals(lo);
    if (!this.connected) return;
    if (this.build) this.stale = true;
    else this.startBuild();
  }

  private startBuild(after?: Promise<unknown>): void {
    const build = new AbortController();
    this.build = build;
    const xy = this.xy;
    const residuals = this.residuals;
    const t = this.workerThreshold;
    const start = () => buildGridIndexAsync(xy, t === undefined ? {} : { workerThreshold: t }, build.signal);
    this.readyPromise = (after ? after.then(start, start) : start()).then(
      (index): Promise<void> | void => {
        if (this.build !== build) return;
        this.index = index;
        this.indexXy = xy;
        this.indexResiduals = residuals;
        this.build = null;
        if (this.stale && this.connected) {
          this.stale = false;
          this.startBuild();
          return this.readyPromise;
        }
      },
      () => undefined,
    );
  }

  /** True while an index build runs (for tests and diagnostics). */
  get building(): boolean {
    return this.build !== null;
  }

  /** Nearest accepted point within `radius` data units of (x, y), or -1 (also while indexing). */
  nearest(x: number, y: number, radius: number, accept?: (i: number) => boolean): number {
    return this.index ? nearestPoint(this.index, this.indexXy, x, y, radius, accept, this.indexResiduals) : -1;
  }

  /** Accepted points inside a polygon (n×2 data coords), ascending. */
  inPolygon(polygon: ArrayLike<number>, accept?: (i: number) => boolean): Uint32Array {
    return this.index ? pointsInPolygon(this.index, this.indexXy, polygon, accept, this.indexResiduals) : new Uint32Array(0);
  }

  /** Accepted points inside the box with corners (x0, y0), (x1, y1), ascending. */
  inRect(x0: number, y0: number, x1: number, y1: number, accept?: (i: number) => boolean): Uint32Array {
    return this.index ? pointsInRect(this.index, this.indexXy, x0, y0, x1, y1, accept, this.indexResiduals) : new Uint32Array(0);
  }
}
