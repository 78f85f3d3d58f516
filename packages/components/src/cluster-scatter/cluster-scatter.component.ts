import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Table } from 'apache-arrow';
import type { PointColors } from '../color/point-colors.js';
import { GlController } from '../controllers/gl-controller.js';
import { KeyboardController } from '../controllers/keyboard-controller.js';
import { LodController } from '../controllers/lod-controller.js';
import { MorphController } from '../controllers/morph-controller.js';
import { PointerController } from '../controllers/pointer-controller.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { SelectionController } from '../controllers/selection-controller.js';
import type { ResolvedPoints } from '../data/resolve-point-data.js';
import { ClusterScatterInputError } from '../errors.js';
import { createScatterLayer, type PixelImage, type ScatterLayer } from '../gl/scatter-layer.js';
import { clusterSummary, type ClusterSummary } from '../legend/cluster-summary.js';
import { legendItems, legendTemplate } from '../legend/legend-template.js';
import { normalizeIndices, type SelectionMode } from '../selection/combine-selection.js';
import { HIDDEN } from '../selection/point-states.js';
import type { SelectionModel } from '../selection/selection-model.js';
import { dataToScreen, type ViewState } from '../view/view-state.js';
import type { ClusterScatterEventMap } from './cluster-scatter.events.js';
import { InputProblems } from './input-problems.js';
import { overlayTemplate, type OverlayState } from './overlay-template.js';
import { tooltipText, type TooltipFormatter } from './point-info.js';
import { exportPNG } from './export-png.js';
import { derivePlotState, EMPTY_POINTS } from './derive-plot-state.js';
import { movePoints, syncLayer } from './sync-layer.js';
import { scheduleFrame } from './schedule-frame.js';
import { NO_OUTLINES, type OutlinesSetting } from '../outline/resolve-outlines.js';
import type { ClusterOutline } from '../outline/cluster-outline.js';
import { OutlineController } from '../controllers/outline-controller.js';
import { ColorSchemeController } from '../controllers/color-scheme-controller.js';
import { gestureHandlers, legendHandlers, onSelectionChange, themeReader } from './scatter-interaction.js';
import styles from './cluster-scatter.styles.js';
import { CLUSTER_SCATTER_PROPERTIES } from './cluster-scatter.properties.js';


/**
 * A WebGL scatter plot of 2-D points coloured by cluster (lit + regl), for 10k–1M points.
 *
 * Data (properties only, replace the array to re-render): `x`/`y` (n numbers each), or `positions`
 * (n×2 interleaved, as projections return), or `data` (an Arrow Table read through `x-column`,
 * `y-column`, `cluster-column`, `token-column`, `preamble-column`). Precedence: `data` > `positions` >
 * `x`/`y`. `cluster`: n integer ids; `value`: n numbers for continuous schemes; `tokens`/`preambles`:
 * n strings for tooltips. Inputs are never mutated. Bad input fires `cluster-scatter-error`.
 *
 * Interaction: drag pans (Shift+drag lassos; `drag-mode="lasso|rect"` makes plain drags select),
 * wheel/`+`/`-` zoom, arrows pan, `0` and double-click fit, click selects a point (Shift: its
 * cluster), Ctrl/Meta adds, Alt removes, `Escape` clears. `selectionModel` links views.
 *
 * @summary Clustered 2-D embedding scatter plot.
 * @event hover - hovered row changed; `detail.index` (-1 none), `detail.indices`.
 * @event select - selection changed; `detail.indices` (Uint32Array, ascending).
 * @event view-change - the user panned, zoomed or reset; `detail.view`.
 * @event cluster-scatter-render - after a frame is drawn; `detail.pointCount`.
 * @event cluster-scatter-error - data/options rejected; `detail.error` names parameter, value, rule.
 * @csspart canvas - the WebGL canvas (`role="img"`, labelled with point and cluster counts).
 * @csspart tooltip - hover text. @csspart legend - the cluster list (`legend` attribute); rows are `legend-item`.
 * @csspart sketch - the lasso/rectangle outline. @csspart live - the visually hidden live region. @csspart error - the error line.
 * @cssproperty --cluster-scatter-background - plot background (overridden by the `background` attribute).
 * @cssproperty --cluster-scatter-foreground - text, hover ring and lasso colour.
 * @cssproperty --cluster-scatter-dim-opacity - opacity of points outside the hover/selection focus (0.15).
 * @cssproperty --cluster-scatter-panel - tooltip and legend background.
 * @cssproperty --cluster-scatter-outline - one colour for every cluster outline (default: a 60 % shade of each cluster's colour).
 * @cssproperty --cluster-scatter-height - host height when none is set (default 400px).
 */
export class ClusterScatter extends LitElement {
  static override styles = styles;
  static override properties = CLUSTER_SCATTER_PROPERTIES;


  // Data properties (see the class comment): replace arrays to re-render, never edit them in place.
  declare x: Float32Array | Float64Array | null;
  declare y: Float32Array | Float64Array | null;
  declare positions: Float32Array | Float64Array | null;
  declare cluster: Int32Array | null;
  declare value: Float32Array | null;
  declare data: Table | null;
  declare tokens: ArrayLike<string> | null;
  declare preambles: ArrayLike<string> | null;
  /** Tooltip text of a point (default: token, preamble, cluster); shown as text, never HTML. */
  declare tooltipFormatter: TooltipFormatter | null;
  /** Arrow column names (attributes `x-column`, `y-column`, `cluster-column` (`''` = none), `token-column`, `preamble-column`). */
  declare xColumn: string; declare yColumn: string; declare clusterColumn: string; declare tokenColumn: string; declare preambleColumn: string;
  /** Point diameter in CSS pixels (attribute `point-size`, default 4). */
  declare pointSize: number;
  /** `'categorical'` (default), `'tol-rainbow'`, `'continuous'` or a d3 interpolator name. */
  declare colorScheme: string;
  /** Any CSS colour; `''` (default) uses `--cluster-scatter-background`. */
  declare background: string;
  /** Shows the cluster legend (boolean attribute). */
  declare legend: boolean;
  /** What plain drags do: `'pan'` (default), `'lasso'` or `'rect'`. */
  declare dragMode: 'pan' | 'lasso' | 'rect';
  /** Morph duration in ms when new coordinates keep the row count (default 0: jump). */
  declare transition: number;
  /** `'light'` (default), `'dark'` or `'auto'` (follows prefers-color-scheme, repainting when it changes). */
  declare theme: string;
  /**
   * Level of detail (attribute `interactive-points`, default 30000): while the camera moves, draw about
   * this many points inside the view (a fixed seeded random sample), then all points 150 ms after it
   * stops. 0 = always draw everything.
   */
  declare interactivePoints: number;
  /**
   * Cluster outlines, drawn as `outline-width` lines in a darker shade of the cluster colour (or
   * `--cluster-scatter-outline`): given polygons (`{clusterId, rings}[]`, data coordinates), `'auto'`
   * (attribute `outlines="auto"`: concave hull of each cluster's 80 % density core, computed in a
   * Worker for large data) or null (default).
   */
  declare outlines: OutlinesSetting;
  /** Outline line width in CSS pixels (attribute `outline-width`, default 2; 0 hides outlines). */
  declare outlineWidth: number;
  /** @internal */ declare _error: Error | null;
  /** @internal */ declare _hovered: number;
  /** @internal */ declare _focusRank: number;
  /** @internal */ declare _hidden: ReadonlySet<number>;
  /** @internal */ declare _selected: Uint32Array;
  /** @internal Hulls of `outlines="auto"` for the current data; null while computed in a Worker. */ declare _autoOutlines: ClusterOutline[] | null;
  declare private _overlay: Omit<OverlayState, 'tooltip'>;

  readonly resizer = new ResizeController(this, () => this.refreshView());
  private readonly picking = new SelectionController(this, (state, change) => onSelectionChange(this, state, change));
  private readonly morph = new MorphController(this);
  private readonly lod = new LodController(this, () => this.refreshView(false));
  private readonly legendHandlers = legendHandlers(this);
  /** @internal Computes `outlines="auto"` (in a Worker for large n). */
  readonly outlineJob = new OutlineController(this, (o) => (this._autoOutlines = o), (e) => {
    this.problems.check('outlines', () => { throw e; }, null); // records and reports it (cluster-scatter-error)
    this._error = this.problems.first;
  });
  private readonly problems = new InputProblems((error) => this.emit('cluster-scatter-error', { error }));
  private readonly gl = new GlController(
    this,
    (canvas) => this.problems.check('webgl', () => createScatterLayer(canvas, { shared: true }), null),
    () => this.requestUpdate(), // updated() re-creates the layer and re-uploads everything
  );
  /** @internal The GL layer while connected and rendered. */
  get layer(): ScatterLayer | null { return this.gl.layer; }
  /** @internal */ points: ResolvedPoints = EMPTY_POINTS;
  /** @internal */ colors: PointColors = { rgba: new Uint8Array(0), clusterIds: new Int32Array(0) };
  /** @internal */ summary: ClusterSummary = clusterSummary(0, null, new Int32Array(0));
  /** @internal */ states: Uint8Array = new Uint8Array(0);
  /** @internal */ view: ViewState = { centerX: 0, centerY: 0, pixelsPerUnit: 1 };
  /** @internal */ fittedScale = 1;
  /** @internal */ autoFit = true;
  /** @internal */ frame: Promise<void> | null = null;
  /** @internal */ backgroundRgba: readonly [number, number, number, number] | null = null;
  /** @internal */ morphFrom: Float32Array | null = null;
  /** @internal */ outlineSegments = NO_OUTLINES;

  constructor() {
    super();
    this.x = this.y = this.positions = this.value = this.cluster = this.data = null;
    this.tokens = this.preambles = this.tooltipFormatter = this.outlines = null;
    Object.assign(this, { xColumn: 'x', yColumn: 'y', clusterColumn: 'cluster_id', tokenColumn: 'token', preambleColumn: 'preamble' });
    Object.assign(this, { pointSize: 4, colorScheme: 'categorical', background: '', legend: false, dragMode: 'pan', transition: 0, theme: 'light', interactivePoints: this.lod.budget, outlineWidth: 2 });
    Object.assign(this, { _error: null, _autoOutlines: null, _hovered: -1, _focusRank: -1, _hidden: new Set(), _selected: new Uint32Array(0) });
    this._overlay = { sketch: null, announcement: '' };
    new ColorSchemeController(this, () => this.theme === 'auto' && this.refreshView(false));
    const g = gestureHandlers(this, this.picking);
    new PointerController(this, g.pointer);
    new KeyboardController(this, g.keyboard);
  }

  /** Number of points currently drawn. */
  get pointCount(): number { return this.points.n; }
  /** Distinct cluster ids currently drawn, ascending (a copy). */
  get clusterIds(): Int32Array { return this.colors.clusterIds.slice(); }
  /** The last input error, or null when the current data and options are valid. */
  get error(): Error | null { return this._error; }
  /** Selected rows, ascending (a copy). */
  get selection(): Uint32Array { return this._selected.slice(); }
  /** The hovered row, or -1. */
  get hovered(): number { return this._hovered; }
  /** Cluster ids hidden through the legend, ascending. */
  get hiddenClusterIds(): Int32Array { return Int32Array.from([...this._hidden].sort((a, b) => a - b), (k) => this.colors.clusterIds[k]!); }
  /** The selection/hover store; assign one from `createSelectionModel()` to several views to link them. */
  get selectionModel(): SelectionModel { return this.picking.model; }
  set selectionModel(model: SelectionModel) { this.picking.model = model; }
  /** Resolves when the picking index of the current positions is ready (built in a Worker for large n). */
  get indexReady(): Promise<void> { return this.updateComplete.then(() => this.picking.ready); }

  /** Resolves after pending property changes are applied and the next frame is drawn. */
  get renderComplete(): Promise<void> {
    return this.updateComplete.then(() => this.frame ?? undefined);
  }

  /**
   * Selects rows (any order, duplicates allowed) combined by `mode` (default `replace`).
   * @throws ClusterScatterInputError naming `indices[k]` when an entry is not a row index in [0, n).
   */
  select(indices: ArrayLike<number>, mode: SelectionMode = 'replace'): void {
    const r = normalizeIndices(indices, this.points.n);
    if ('bad' in r) throw new ClusterScatterInputError(`indices[${r.bad}]`, indices[r.bad], `must be an integer row index in [0, ${this.points.n})`);
    this.picking.model.select(r.indices, mode, this);
  }

  clearSelection(): void {
    this.picking.model.clear(this);
  }

  /** Moves the points without replacing the data (live layouts): `xy` is n×2; see README. O(n), no mutation. */
  updatePositions(xy: Float32Array | Float64Array): void {
    movePoints(this, xy, this.picking);
  }

  /** Fits the view to the data bounds again (also on double-click, `0` and `Home`). */
  resetView(): void {
    this.autoFit = true;
    this.refreshView();
    this.emit('view-change', { view: this.view });
  }

  /** CSS-pixel position of point `index` relative to the element's top-left, or null if out of range. */
  pointPosition(index: number): { x: number; y: number } | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.points.n) return null;
    const { rel, lo } = this.points;
    const [x, y] = dataToScreen(this.view, rel[2 * index]! + (lo?.[2 * index] ?? 0), rel[2 * index + 1]! + (lo?.[2 * index + 1] ?? 0), this.resizer.size);
    return { x, y };
  }

  /** Draws now and returns the drawing buffer (device pixels, rows from the top); null before first render. */
  readPixels(): PixelImage | null {
    return this.layer && !this.layer.renderer.destroyed ? this.layer.readPixels() : null;
  }

  /**
   * The current picture as a PNG of `round(scale × CSS size)` pixels (default scale: devicePixelRatio),
   * points scaled alike, all points drawn. Rejects when the element is not rendered or `scale` is not
   * a number in (0, 16].
   */
  toPNG(options: { scale?: number } = {}): Promise<Blob> {
    return exportPNG(this.layer, this.resizer.size, this.pointSize, options.scale, () => this.refreshView(false), this.outlineWidth);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate('x'); // re-create GL and the index after a move in the DOM
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // GlController destroys the layer
    this.frame = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    derivePlotState(this, changed as Map<PropertyKey, unknown>, this.problems, this.lod, this.outlineJob);
  }

  protected override render() {
    const k = this.colors.clusterIds.length;
    const label = `Scatter plot of ${this.points.n} points in ${k} cluster${k === 1 ? '' : 's'}`;
    const h = this._hovered;
    const at = h >= 0 ? this.pointPosition(h) : null;
    const size = this.resizer.size;
    const tooltip = at ? { text: this.tooltipText(h), x: at.x, y: at.y, width: size.width, height: size.height } : null;
    return html`<canvas part="canvas" role="img" aria-label=${label}></canvas>${overlayTemplate({ ...this._overlay, tooltip })}${
      this.legend ? legendTemplate(legendItems(this.colors, this.summary), this._hidden, this.legendHandlers) : nothing
    }${this._error ? html`<p part="error" role="alert">${this._error.message}</p>` : nothing}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const created = this.ensureLayer();
    if (this.layer) syncLayer(this, this.layer, changed as Map<PropertyKey, unknown>, created, this.picking, this.morph, this.lod);
    this.refreshView(false);
  }

  private ensureLayer(): boolean {
    if (!this.isConnected || !this.gl.ensure(this.renderRoot.querySelector('canvas'))) return false;
    this._error = this.problems.first;
    this.layer!.beforeFrame(themeReader(this));
    const size = this.resizer.measure();
    this.layer!.renderer.resize(size.width, size.height, size.devicePixelRatio);
    return true;
  }

  /** @internal Sets a user view (pan/zoom) and fires view-change. */
  setView(view: ViewState): void {
    this.autoFit = false;
    this.lod.moved();
    this.view = view;
    this.refreshView();
    this.emit('view-change', { view });
  }

  /** @internal Refits if following the data, pushes uniforms and schedules a frame. */
  refreshView(moveTooltip = true): void {
    scheduleFrame(this, this.lod);
    if (moveTooltip && this._hovered >= 0) this.requestUpdate(); // the tooltip follows its point
  }

  /** @internal True when point i is not filtered out by the legend. */
  readonly visible = (i: number): boolean => !(this.states[i]! & HIDDEN);

  /** @internal */
  setOverlay(overlay: Partial<Omit<OverlayState, 'tooltip'>>): void {
    this._overlay = { ...this._overlay, ...overlay };
  }

  /** @internal */
  announce(text: string): void {
    this.setOverlay({ announcement: text });
  }

  /** @internal The tooltip text of row i (formatter output, or the default with the formatter's error). */
  tooltipText(i: number): string {
    return tooltipText(this, this.tooltipFormatter, i);
  }

  /** @internal Dispatches a bubbling, composed CustomEvent. */
  emit<K extends keyof ClusterScatterEventMap>(type: K, detail: ClusterScatterEventMap[K] extends CustomEvent<infer D> ? D : never): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
