import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { resolveColorScheme, type ColorScheme } from '../color/color-scheme.js';
import { parseCssColor } from '../color/parse-css-color.js';
import { pointColors, type PointColors } from '../color/point-colors.js';
import { PanZoomController } from '../controllers/pan-zoom-controller.js';
import { ResizeController, type ElementSize } from '../controllers/resize-controller.js';
import { resolvePointData, type ResolvedPoints } from '../data/resolve-point-data.js';
import { ClusterScatterInputError } from '../errors.js';
import { createScatterLayer, type PixelImage, type ScatterLayer } from '../gl/scatter-layer.js';
import { dataToScreen, fitView, panView, viewUniforms, zoomView, type ViewState } from '../view/view-state.js';
import type { Table } from 'apache-arrow';
import styles from './cluster-scatter.styles.js';

const DATA_KEYS = ['x', 'y', 'positions', 'cluster', 'data', 'xColumn', 'yColumn', 'clusterColumn'] as const;
const CATEGORICAL: ColorScheme = { kind: 'categorical' };
const WHITE = [1, 1, 1, 1] as const;
const EMPTY: ResolvedPoints = { n: 0, rel: new Float32Array(0), centerX: 0, centerY: 0, halfWidth: 0, halfHeight: 0, cluster: null };

/**
 * A WebGL scatter plot of 2-D points coloured by cluster (lit + regl), for 10k–1M points.
 *
 * Data (properties only, replace the array to re-render): `x`/`y` (n numbers each), or `positions`
 * (n×2 interleaved, as projections return), or `data` (an Arrow Table read through `x-column`,
 * `y-column`, `cluster-column`; defaults `x`, `y`, `cluster_id`; `cluster-column=""` for none).
 * Precedence: `data` > `positions` > `x`/`y`. `cluster`: n integer ids (any int32, negatives
 * included); `value`: n numbers coloured by continuous schemes instead of the id.
 * Inputs are never mutated. Bad input fires `cluster-scatter-error` and shows the message as text.
 *
 * @summary Clustered 2-D embedding scatter plot.
 * @event cluster-scatter-render - after a frame is drawn; `detail.pointCount`.
 * @event cluster-scatter-error - data/options rejected; `detail.error` names parameter, value, rule.
 * @event cluster-scatter-view - the user panned, zoomed or reset; `detail.view`.
 * @csspart canvas - the WebGL canvas (`role="img"`, labelled with point and cluster counts).
 * @csspart error - the error line shown when input is rejected.
 * @cssproperty --cluster-scatter-height - host height when none is set (default 400px).
 * @cssproperty --cluster-scatter-error-color - colour of the error line.
 */
export class ClusterScatter extends LitElement {
  static override styles = styles;
  static override properties = {
    x: { attribute: false },
    y: { attribute: false },
    positions: { attribute: false },
    cluster: { attribute: false },
    value: { attribute: false },
    data: { attribute: false },
    xColumn: { attribute: 'x-column' },
    yColumn: { attribute: 'y-column' },
    clusterColumn: { attribute: 'cluster-column' },
    pointSize: { attribute: 'point-size', type: Number },
    colorScheme: { attribute: 'color-scheme' },
    background: {},
    _error: { state: true },
  };

  /** n x coordinates (with `y`). */
  declare x: Float32Array | Float64Array | null;
  declare y: Float32Array | Float64Array | null;
  /** n×2 interleaved coordinates; wins over `x`/`y`. */
  declare positions: Float32Array | Float64Array | null;
  /** n cluster ids. */
  declare cluster: Int32Array | null;
  /** n numbers for continuous colour schemes (default: the cluster id). */
  declare value: Float32Array | null;
  /** An Apache Arrow Table; wins over the arrays. */
  declare data: Table | null;
  /** Column of `data` with x (attribute `x-column`, default `'x'`). */
  declare xColumn: string;
  /** Column of `data` with y (attribute `y-column`, default `'y'`). */
  declare yColumn: string;
  /** Column of `data` with cluster ids (attribute `cluster-column`, default `'cluster_id'`; `''` = none). */
  declare clusterColumn: string;
  /** Point diameter in CSS pixels (attribute `point-size`, default 4). */
  declare pointSize: number;
  /** `'categorical'` (default), `'tol-rainbow'`, `'continuous'` or a d3 interpolator name (attribute `color-scheme`). */
  declare colorScheme: string;
  /** Any CSS colour (default `'#ffffff'`). */
  declare background: string;
  declare private _error: Error | null;

  private readonly resizer = new ResizeController(this, (size) => this.onResize(size));
  private layer: ScatterLayer | null = null;
  private points: ResolvedPoints = EMPTY;
  private colors: PointColors = { rgba: new Uint8Array(0), clusterIds: new Int32Array(0) };
  private view: ViewState = { centerX: 0, centerY: 0, pixelsPerUnit: 1 };
  private fittedScale = 1;
  private autoFit = true;
  private frame: Promise<void> | null = null;
  private backgroundRgba: readonly [number, number, number, number] = WHITE;
  /** Current input problems by source (data, color-scheme, value, point-size, background). */
  private readonly problems = new Map<string, Error>();

  constructor() {
    super();
    this.x = this.y = this.positions = this.value = this.cluster = null;
    this.data = null;
    this.xColumn = 'x';
    this.yColumn = 'y';
    this.clusterColumn = 'cluster_id';
    this.pointSize = 4;
    this.colorScheme = 'categorical';
    this.background = '#ffffff';
    this._error = null;
    new PanZoomController(this, {
      pan: (dx, dy) => this.setView(panView(this.view, dx, dy)),
      zoom: (f, x, y) => this.setView(zoomView(this.view, f, x, y, this.resizer.size, this.fittedScale)),
      reset: () => this.resetView(),
    });
  }

  /** Number of points currently drawn. */
  get pointCount(): number {
    return this.points.n;
  }

  /** Distinct cluster ids currently drawn, ascending (a copy). */
  get clusterIds(): Int32Array {
    return this.colors.clusterIds.slice();
  }

  /** The last input error, or null when the current data and options are valid. */
  get error(): Error | null {
    return this._error;
  }

  /** Resolves after pending property changes are applied and the next frame is drawn. */
  get renderComplete(): Promise<void> {
    return this.updateComplete.then(() => this.frame ?? undefined);
  }

  /**
   * Moves the current points without replacing the data (live layouts): `xy` is n×2 interleaved.
   * With the same n, buffers are updated in place, colours stay, and the view keeps following the
   * data until the user pans or zooms; the `positions`/`x`/`y` properties are left as they were.
   * With a different n it is the same as assigning `positions = xy` (a full re-render).
   * O(n); `xy` is not mutated.
   * @throws ClusterScatterInputError when the length is odd or a coordinate is not finite.
   */
  updatePositions(xy: Float32Array | Float64Array): void {
    const sameCount = xy.length === 2 * this.points.n;
    const next = resolvePointData({ positions: xy, cluster: sameCount ? this.points.cluster : null });
    if (!sameCount) {
      this.positions = xy;
      return;
    }
    if (!this.autoFit) {
      const v = this.view;
      this.view = { ...v, centerX: v.centerX + this.points.centerX - next.centerX, centerY: v.centerY + this.points.centerY - next.centerY };
    }
    this.points = next;
    this.layer?.setPositions(next.rel);
    this.refreshView();
  }

  /** Fits the view to the data bounds again (also on double-click). */
  resetView(): void {
    this.autoFit = true;
    this.refreshView();
    this.emit('cluster-scatter-view', { view: this.view });
  }

  /** CSS-pixel position of point `index` relative to the element's top-left, or null if out of range. */
  pointPosition(index: number): { x: number; y: number } | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.points.n) return null;
    const [x, y] = dataToScreen(this.view, this.points.rel[2 * index]!, this.points.rel[2 * index + 1]!, this.resizer.size);
    return { x, y };
  }

  /** Draws now and returns the drawing buffer (device pixels, rows from the top); null before first render. */
  readPixels(): PixelImage | null {
    return this.layer && !this.layer.renderer.destroyed ? this.layer.readPixels() : null;
  }

  /** The current picture as a PNG. @throws RendererError when the element is not rendered. */
  toPNG(): Promise<Blob> {
    const layer = this.layer;
    if (!layer) return Promise.reject(new Error('toPNG(): <cluster-scatter> has not rendered yet (is it connected?)'));
    layer.renderer.renderNow();
    return new Promise((resolve, reject) =>
      layer.renderer.canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toPNG(): the canvas is empty'))), 'image/png'),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // re-create GL after a move in the DOM
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.layer?.destroy();
    this.layer = null;
    this.frame = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const dataChanged = DATA_KEYS.some((k) => changed.has(k));
    if (dataChanged) {
      this.autoFit = true;
      this.points = this.check('data', () => resolvePointData(this), EMPTY);
    }
    if (dataChanged || changed.has('colorScheme') || changed.has('value')) {
      const { n, cluster } = this.points;
      const scheme = this.check('color-scheme', () => resolveColorScheme(this.colorScheme), CATEGORICAL);
      this.colors = this.check('value', () => pointColors(n, cluster, this.value, scheme), () => pointColors(n, cluster, null, CATEGORICAL));
    }
    if (changed.has('pointSize')) {
      this.check('point-size', () => {
        if (!(this.pointSize > 0 && Number.isFinite(this.pointSize))) {
          throw new ClusterScatterInputError('point-size', this.pointSize, 'must be a positive number of CSS pixels');
        }
      }, undefined);
    }
    if (changed.has('background')) {
      this.backgroundRgba = this.check('background', () => {
        const c = parseCssColor(this.background);
        if (!c) throw new ClusterScatterInputError('background', this.background, 'must be a CSS colour');
        return c;
      }, WHITE);
    }
    this._error = this.problems.values().next().value ?? null;
  }

  /** Runs `fn`; on error records it under `key` (fires cluster-scatter-error) and returns the fallback. */
  private check<T>(key: string, fn: () => T, fallback: T | (() => T)): T {
    try {
      const result = fn();
      this.problems.delete(key);
      return result;
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      this.problems.set(key, e);
      this.emit('cluster-scatter-error', { error: e });
      return typeof fallback === 'function' ? (fallback as () => T)() : fallback;
    }
  }

  protected override render() {
    const k = this.colors.clusterIds.length;
    const label = `Scatter plot of ${this.points.n} points in ${k} cluster${k === 1 ? '' : 's'}`;
    return html`<canvas part="canvas" role="img" aria-label=${label}></canvas>${this._error
      ? html`<p part="error" role="alert">${this._error.message}</p>`
      : nothing}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const created = this.ensureLayer();
    if (!this.layer) return;
    if (created || DATA_KEYS.some((k) => changed.has(k))) this.layer.setPoints(this.points.rel, this.colors.rgba);
    else if (changed.has('colorScheme') || changed.has('value')) this.layer.setColors(this.colors.rgba);
    const bg = this.backgroundRgba;
    this.layer.setBackground([bg[0] * bg[3], bg[1] * bg[3], bg[2] * bg[3], bg[3]]);
    this.refreshView();
  }

  private ensureLayer(): boolean {
    if (this.layer || !this.isConnected) return false;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) return false;
    this.layer = this.check('webgl', () => createScatterLayer(canvas), null);
    this._error = this.problems.values().next().value ?? null;
    if (!this.layer) return false;
    canvas.addEventListener('webglcontextlost', this.onContextLost);
    canvas.addEventListener('webglcontextrestored', this.onContextRestored);
    const size = this.resizer.measure();
    this.layer.renderer.resize(size.width, size.height, size.devicePixelRatio);
    return true;
  }

  private readonly onContextLost = (e: Event) => e.preventDefault();

  private readonly onContextRestored = () => {
    const old = this.layer;
    old?.renderer.canvas.removeEventListener('webglcontextlost', this.onContextLost);
    old?.renderer.canvas.removeEventListener('webglcontextrestored', this.onContextRestored);
    old?.destroy();
    this.layer = null;
    this.requestUpdate(); // updated() re-creates the layer and re-uploads everything
  };

  private onResize(size: ElementSize): void {
    this.layer?.renderer.resize(size.width, size.height, size.devicePixelRatio);
    this.refreshView();
  }

  private setView(view: ViewState): void {
    this.autoFit = false;
    this.view = view;
    this.refreshView();
    this.emit('cluster-scatter-view', { view });
  }

  /** Refits if following the data, pushes uniforms and schedules a frame. */
  private refreshView(): void {
    const size = this.resizer.size;
    const pad = this.pointSize / 2 + 0.05 * Math.min(size.width, size.height);
    this.fittedScale = fitView(this.points.halfWidth, this.points.halfHeight, size, pad).pixelsPerUnit;
    if (this.autoFit) this.view = { centerX: 0, centerY: 0, pixelsPerUnit: this.fittedScale };
    const layer = this.layer;
    if (!layer || layer.renderer.destroyed) return;
    layer.setView(viewUniforms(this.view, size));
    layer.setPointSize(Math.max(1, this.pointSize > 0 ? this.pointSize : 4) * size.devicePixelRatio);
    const n = this.points.n;
    this.frame = layer.renderer.render().then(
      () => void this.emit('cluster-scatter-render', { pointCount: n }),
      () => undefined, // destroyed before the frame: nothing to report
    );
  }

  private emit<T>(type: string, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
