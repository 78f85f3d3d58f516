import { html, LitElement, nothing, type PropertyValues } from 'lit';
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
import { DEFAULT_PREAMBLE_COLUMN, DEFAULT_TOKEN_COLUMN } from './default-columns.js';
import { overlayTemplate, type OverlayState } from './overlay-template.js';
import { tooltipText } from './point-info.js';
import { applyHostAria, plotLabel, plotSummary } from './describe-plot.js';
import { exportPNG } from './export-png.js';
import { derivePlotState, EMPTY_POINTS } from './derive-plot-state.js';
import { movePoints, syncLayer } from './sync-layer.js';
import { scheduleFrame } from './schedule-frame.js';
import { NO_OUTLINES } from '../outline/resolve-outlines.js';
import { NO_FILL } from '../gl/outline-fill.js';
import { OutlineController } from '../controllers/outline-controller.js';
import { ColorSchemeController } from '../controllers/color-scheme-controller.js';
import { gestureHandlers, legendHandlers, onSelectionChange, themeReader } from './scatter-interaction.js';
import styles from './cluster-scatter.styles.js';
import { CLUSTER_SCATTER_PROPERTIES, type ClusterScatterSettings, type ClusterScatterState } from './cluster-scatter.properties.js';


/**
 * A WebGL scatter plot of 2-D points coloured by cluster (lit + regl), for 10k–1M points.
 *
 * Data (properties only, replace the array to re-render): `x`/`y` (n numbers each), or `positions`
 * (n×2 interleaved, as projections return), or `data` (an Arrow Table read through `x-column`,
 * `y-column`, `cluster-column`, `token-column` (default `guess`), `preamble-column` (default `preamble`),
 * `value-column`; a missing *default* text column only fires `cluster-scatter-warning`). Precedence: `data` >
 * `positions` > `x`/`y`. `cluster`: n integer ids; `value` (or `value-column`): n numbers for continuous
 * schemes (legend: a min→max ramp); `tokens`/`preambles`: n strings for tooltips. Inputs are never
 * mutated. Bad input or settings fire `cluster-scatter-error` (a ClusterScatterInputError naming the
 * parameter, value and rule) and fall back to the default. Drawn with WebGL 2 when available, else WebGL 1;
 * `webgl="1"` always uses WebGL 1 (`isWebGL2` tells which).
 *
 * Accessibility: the host gets `role="application"`, `aria-roledescription="scatter plot"`, a label and
 * an `aria-description` summary (also `part="summary"`, the canvas's `aria-describedby`); hover is
 * announced after the pointer rests 300 ms. `hover-dim` (default on) dims other clusters on hover.
 *
 * Interaction: drag pans (Shift+drag lassos; `drag-mode="lasso|rect"` makes plain drags select),
 * wheel/`+`/`-` zoom, arrows pan, `0` and double-click fit, click selects a point (Shift: its
 * cluster), Ctrl/Meta adds, Alt removes, `Escape` clears. `selectionModel` links views.
 *
 * @summary Clustered 2-D embedding scatter plot.
 * @event hover - hovered row changed; `detail.row` (dataset row, -1 none) and `detail.rows`; `detail.index`/`indices`
 *   are the same rows (as in `<token-cloud>`, whose `index` is a label index: link views by `row`/`rows`).
 * @event select - selection changed; `detail.rows` (Uint32Array, ascending) and `detail.indices` (the same array).
 * @event view-change - the user panned, zoomed or reset; `detail.view`.
 * @event cluster-scatter-render - after a frame is drawn; `detail.pointCount`.
 * @event cluster-scatter-error - data/options rejected; `detail.error` names parameter, value, rule.
 * @event cluster-scatter-warning - a default text column is missing from `data`; `detail.warning` lists the columns.
 * @csspart canvas - the WebGL canvas (`role="img"`, labelled with point and cluster counts).
 * @csspart tooltip - hover text. @csspart legend - the cluster list (`legend` attribute); rows are `legend-item`.
 * @csspart legend-ramp - continuous colours: the ramp row (`legend-ramp-bar`, `legend-min`, `legend-max`, `legend-ramp-label`).
 * @csspart summary - the visually hidden plot description.
 * @csspart sketch - the lasso/rectangle outline. @csspart live - the visually hidden live region. @csspart error - the error line.
 * @cssproperty --cluster-scatter-background - plot background (overridden by the `background` attribute).
 * @cssproperty --cluster-scatter-foreground - text, hover ring and lasso colour.
 * @cssproperty --cluster-scatter-dim-opacity - opacity of points outside the hover/selection focus (0.15).
 * @cssproperty --cluster-scatter-panel - tooltip and legend background.
 * @cssproperty --cluster-scatter-outline - one colour for every cluster outline (default: a 60 % shade of each cluster's colour).
 * @cssproperty --cluster-scatter-height - host height when none is set (default 400px).
 */
// Public properties and internal state are declared in cluster-scatter.properties.ts (merged here).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ClusterScatter extends ClusterScatterSettings, ClusterScatterState {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ClusterScatter extends LitElement {
  static override styles = styles;
  static override properties = CLUSTER_SCATTER_PROPERTIES;


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
    (canvas) => this.problems.check('webgl', () => {
      this.layerPrefersWebGL2 = this.preferWebGL2; // also when it fails: a new `webgl` value retries
      return createScatterLayer(canvas, { shared: true, preferWebGL2: this.preferWebGL2 });
    }, null),
    () => this.requestUpdate(), // updated() re-creates the layer and re-uploads everything
  );
  /** @internal The GL layer while connected and rendered. */
  get layer(): ScatterLayer | null { return this.gl.layer; }
  /** @internal The resolved `webgl` setting (false for `'1'`). */ preferWebGL2 = true;
  private layerPrefersWebGL2 = true;
  /** @internal */ points: ResolvedPoints = EMPTY_POINTS;
  /** @internal */ colors: PointColors = { rgba: new Uint8Array(0), clusterIds: new Int32Array(0) };
  /** @internal */ summary: ClusterSummary = clusterSummary(0, null, new Int32Array(0));
  /** @internal */ states: Uint8Array = new Uint8Array(0);
  /** @internal */ view: ViewState = { centerX: 0, centerY: 0, pixelsPerUnit: 1 };
  /** @internal */ fittedScale = 1;
  /** @internal CSS px the legend covered at the last fit (see scheduleFrame). */ fitInset = 0;
  /** @internal */ autoFit = true;
  /** @internal */ frame: Promise<void> | null = null;
  /** @internal */ backgroundRgba: readonly [number, number, number, number] | null = null;
  /** @internal */ morphFrom: Float32Array | null = null;
  /** @internal */ outlineSegments = NO_OUTLINES;
  /** @internal Triangles of the outline fill (empty while `outline-fill` is 0). */ outlineFillTriangles = NO_FILL;
  /** @internal Current warnings (see `warnings`). */ inputWarnings: ClusterScatterInputError[] = [];

  constructor() {
    super();
    this.x = this.y = this.positions = this.value = this.cluster = this.data = null;
    this.tokens = this.preambles = this.tooltipFormatter = this.outlines = null;
    Object.assign(this, { xColumn: 'x', yColumn: 'y', clusterColumn: 'cluster_id', tokenColumn: DEFAULT_TOKEN_COLUMN, preambleColumn: DEFAULT_PREAMBLE_COLUMN, valueColumn: '' });
    Object.assign(this, { hoverDim: 'auto', pointSize: 4, colorScheme: 'categorical', background: '', legend: false, dragMode: 'pan', transition: 0, theme: 'light', webgl: 'auto', interactivePoints: this.lod.budget, outlineWidth: 2, outlineFill: 0 });
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
  /** Current warnings (a copy): default text columns missing from `data` (also fired as `cluster-scatter-warning`). */
  get warnings(): ClusterScatterInputError[] { return this.inputWarnings.slice(); }
  /** True when drawing with WebGL 2, false with WebGL 1 (see `webgl`); null while no GL layer exists (not rendered yet, disconnected, no WebGL). */
  get isWebGL2(): boolean | null { return this.layer?.renderer.isWebGL2 ?? null; }
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
    movePoints(this, xy, this.picking, this.problems);
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
    if (!this.hasUpdated) return;
    // After a move in the DOM: updated() re-creates the GL layer and uploads everything; data, view,
    // legend filters, selection and the picking index are kept. Only an abandoned 'auto' job restarts.
    this.requestUpdate(this.outlines === 'auto' && !this._autoOutlines ? 'outlines' : undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // GlController destroys the layer
    this.frame = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    derivePlotState(this, changed as Map<PropertyKey, unknown>, this.problems, this.lod, this.outlineJob);
  }

  protected override render() {
    const summary = plotSummary(this);
    applyHostAria(this, summary);
    const h = this._hovered;
    const at = h >= 0 ? this.pointPosition(h) : null;
    const size = this.resizer.size;
    const tooltip = at ? { text: this.tooltipText(h), x: at.x, y: at.y, width: size.width, height: size.height } : null;
    return html`<canvas part="canvas" role="img" aria-label=${plotLabel(this)} aria-describedby="summary"></canvas><p id="summary" part="summary" class="visually-hidden">${summary}</p>${overlayTemplate({ ...this._overlay, tooltip })}${
      this.legend ? legendTemplate(legendItems(this.colors, this.summary), this._hidden, this.legendHandlers, this.colors.ramp, this.colors.ramp?.by === 'value' ? this.valueColumn || 'value' : 'cluster id') : nothing
    }${this._error ? html`<p part="error" role="alert">${this._error.message}</p>` : nothing}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const created = this.ensureLayer();
    if (this.layer) syncLayer(this, this.layer, changed as Map<PropertyKey, unknown>, created, this.picking, this.morph, this.lod);
    this.refreshView(false);
  }

  private ensureLayer(): boolean {
    if (!this.isConnected) return false;
    if (this.layerPrefersWebGL2 !== this.preferWebGL2) this.gl.recreate(); // `webgl` changed (or failed with the old one)
    const created = this.gl.ensure(this.renderRoot.querySelector('canvas'));
    if (this._error !== this.problems.first) this._error = this.problems.first; // e.g. WebGL unavailable or lost
    if (!created) return false;
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
