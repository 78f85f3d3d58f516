import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { PointColors } from '../color/point-colors.js';
import { ColorSchemeController } from '../controllers/color-scheme-controller.js';
import { GlController } from '../controllers/gl-controller.js';
import { KeyboardController } from '../controllers/keyboard-controller.js';
import { MorphController } from '../controllers/morph-controller.js';
import { PointerController } from '../controllers/pointer-controller.js';
import { ResizeController, type ElementSize } from '../controllers/resize-controller.js';
import { SelectionController } from '../controllers/selection-controller.js';
import { TextRasterController } from '../controllers/text-raster-controller.js';
import { DEFAULT_PREAMBLE_COLUMN, DEFAULT_TOKEN_COLUMN } from '../cluster-scatter/default-columns.js';
import { InputProblems } from '../cluster-scatter/input-problems.js';
import { overlayTemplate, type OverlayState } from '../cluster-scatter/overlay-template.js';
import type { PixelImage } from '../gl/read-back.js';
import { clusterSummary, type ClusterSummary } from '../legend/cluster-summary.js';
import { legendItems, legendTemplate } from '../legend/legend-template.js';
import { normalizeIndices, type SelectionMode } from '../selection/combine-selection.js';
import type { SelectionModel } from '../selection/selection-model.js';
import type { LabelAtlas } from '../text/label-atlas.js';
import { createTextLayer, type TextLayer } from '../text/text-layer.js';
import { dataToScreen, type ViewState } from '../view/view-state.js';
import { cloudFrame } from './cloud-frame.js';
import { cloudGestures, cloudLegendHandlers, onCloudSelection } from './cloud-interaction.js';
import { applyCloudAria, cloudLabel, cloudSummary } from './describe-cloud.js';
import { deriveCloudState } from './derive-cloud-state.js';
import { exportCloudPNG } from './export-cloud-png.js';
import type { CloudFrame } from './layout-cloud.js';
import { EMPTY_TOKENS, type TokenData } from './resolve-token-data.js';
import { cloudTooltip } from './cloud-tooltip.js';
import { dimmedFlags, focusRank, PriorityOrder } from './priority-order.js';
import { TokenCloudInputError } from './token-cloud-input-error.js';
import type { TokenCloudEventMap } from './token-cloud.events.js';
import { TOKEN_CLOUD_PROPERTIES, type TokenCloudSettings, type TokenCloudState } from './token-cloud.properties.js';
import styles from './token-cloud.styles.js';

/** Frames `renderComplete` waits without fewer texts left to rasterise before it resolves anyway. */
export const RENDER_STALL_FRAMES = 8;

/**
 * One preamble's guesses drawn as text at their 2-D coordinates, coloured by cluster: the notebook's
 * `geom_text(aes(label = guess, colour = factor(cluster_id)))` view, interactive (lit + regl, the page's
 * shared WebGL context). Labels are placed greedily without overlap (hovered, selected, then input order)
 * from measured text widths; only the placed labels' texts are rasterised with Canvas2D into a glyph atlas
 * (white coverage + halo, least recently used rows reused, a few ms of new texts per frame) and drawn as tinted
 * quads at constant screen size; the rest are dots, still hoverable. Scales to 20,000+ distinct labels.
 *
 * Data (properties): `x`, `y`, `cluster`, `tokens`, `rows` (distinct dataset rows, for linking), or `data` (Arrow
 * Table, columns by `x-column`, `y-column`, `cluster-column`, `token-column` (default `guess`), `preamble-column`
 * (default `preamble`), rows filtered by `preamble`). A missing *default* text column draws `∅` labels / no
 * preamble and fires `token-cloud-warning`; a column set to another name must exist. A table with more than
 * MAX_CLOUD_LABELS (50,000) rows needs `preamble` (else a `token-cloud-error` on `preamble` and nothing drawn).
 * `webgl="1"` draws with WebGL 1 even where WebGL 2 exists (`isWebGL2` tells which).
 * A shared `selectionModel` speaks dataset rows, so the cloud links with `<cluster-scatter>` views of the whole dataset.
 *
 * @summary Tokens as coloured text at their embedding coordinates.
 * @event hover - `detail.row`/`detail.rows` (dataset row, -1 / empty none: link views by these, as with `<cluster-scatter>`),
 *   `detail.index`/`detail.indices` (the local label index). @event select - `detail.rows` (dataset rows), `detail.indices` (local).
 * @event view-change - `detail.view`. @event token-cloud-render - `detail.labelCount`, `detail.placedCount`.
 * @event token-cloud-error - `detail.error` (TokenCloudInputError naming parameter, value, rule).
 * @event token-cloud-warning - `detail.warning` (a default column missing, with the table's columns; a preamble matching no row).
 * @csspart canvas @csspart tooltip @csspart legend @csspart summary @csspart live @csspart error @csspart sketch
 * @cssproperty --token-cloud-background @cssproperty --token-cloud-foreground @cssproperty --token-cloud-panel
 * @cssproperty --token-cloud-dim-opacity @cssproperty --token-cloud-font-family @cssproperty --token-cloud-font-size
 * @cssproperty --token-cloud-height
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface TokenCloud extends TokenCloudSettings, TokenCloudState {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class TokenCloud extends LitElement {
  static override styles = styles;
  static override properties = TOKEN_CLOUD_PROPERTIES;

  declare private _overlay: Omit<OverlayState, 'tooltip'>;
  readonly resizer = new ResizeController(this, () => this.refresh());
  private readonly picking = new SelectionController(this, (state, change) => onCloudSelection(this, state, change));
  private readonly morph = new MorphController(this);
  private readonly problems = new InputProblems((error) => this.emit('token-cloud-error', { error }));
  private readonly gl = new GlController<TextLayer>(this, (canvas) => this.problems.check('webgl', () => {
    this.layerPrefersWebGL2 = this.preferWebGL2; // also when it fails: a new `webgl` value retries
    return createTextLayer(canvas, { shared: true, preferWebGL2: this.preferWebGL2 });
  }, null), () => this.requestUpdate());
  /** @internal The resolved `webgl` setting (false for `'1'`). */ preferWebGL2 = true;
  private layerPrefersWebGL2 = true;
  private readonly legendHandlers = cloudLegendHandlers(this);
  /** @internal waits for web fonts, re-rasterises when they load or devicePixelRatio changes */
  readonly raster = new TextRasterController(this, {
    fontsChanged: () => {
      this.atlasKey = '';
      this.atlases = []; // rasterised with the fallback font
      this.refresh(false);
    },
    resolutionChanged: () => {
      this.resizer.measure(); // the new ratio is part of the atlas key: text is rasterised again, sharp
      this.refresh(false);
    },
  });
  /** @internal */ tokenData: TokenData = EMPTY_TOKENS;
  /** @internal display text per label */ labels: string[] = [];
  /** @internal distinct display texts (atlas entries) */ texts: string[] = [];
  /** @internal index in `texts` of each label's display text */ entry: Int32Array = new Int32Array(0);
  /** @internal */ colors: PointColors = { rgba: new Uint8Array(0), clusterIds: new Int32Array(0) };
  /** @internal */ summary: ClusterSummary = clusterSummary(0, null, new Int32Array(0));
  /** @internal */ rowToLocal = new Map<number, number>();
  /** @internal */ view: ViewState = { centerX: 0, centerY: 0, pixelsPerUnit: 1 };
  /** @internal */ fittedScale = 1;
  /** @internal */ autoFit = true;
  /** @internal */ morphFrom: { x: Float64Array; y: Float64Array } | null = null;
  /** @internal */ morphT = 1;
  /** @internal the atlas of the current font and pixel ratio (texts rasterised on demand) */ atlas: LabelAtlas | null = null;
  /** @internal key of the atlas uploaded to the layer ('' = upload at the next frame) */ atlasKey = '';
  /** @internal atlases kept for reuse (the current one first), with their keys */ atlases: { key: string; atlas: LabelAtlas }[] = [];
  /** @internal placed labels of the last frame still waiting for their text (drawn as dots; the next frames draw them) */ textPending = false;
  /** @internal */ lastFrame: CloudFrame | null = null;
  /** @internal */ backgroundRgba: readonly [number, number, number, number] | null = null;
  /** @internal device px per CSS px of a PNG export in progress */ exportScale: number | null = null;
  /** @internal */ frame: Promise<void> | null = null;
  private readonly order = new PriorityOrder();

  constructor() {
    super();
    this.x = this.y = this.cluster = this.tokens = this.rows = this.data = this.tooltipFormatter = null;
    Object.assign(this, { preamble: '', xColumn: 'x', yColumn: 'y', clusterColumn: 'cluster_id', tokenColumn: DEFAULT_TOKEN_COLUMN, preambleColumn: DEFAULT_PREAMBLE_COLUMN });
    Object.assign(this, { fontSize: 12, fontFamily: '', maxTokenLength: 24, colorScheme: 'tol-rainbow', background: '', legend: false, transition: 0, theme: 'light', hoverDim: true, dragMode: 'pan', webgl: 'auto' });
    Object.assign(this, { _error: null, _hovered: -1, _focusRank: -1, _selected: new Uint32Array(0), _hidden: new Set() });
    this._overlay = { sketch: null, announcement: '' };
    new ColorSchemeController(this, () => this.theme === 'auto' && this.refresh());
    const g = cloudGestures(this, () => this.picking.model);
    new PointerController(this, g.pointer);
    new KeyboardController(this, g.keyboard);
  }

  /** Labels in the data (after the preamble filter). */
  get labelCount(): number { return this.tokenData.n; }
  /** @internal Texts held by the current glyph atlas (the placed labels' and recently placed ones'), not counting the dot. */
  get atlasEntries(): number { return this.atlas?.entries ?? 0; }
  /** Labels drawn as text in the last frame (the others are dots). */
  get placedCount(): number { return this.lastFrame?.placement.placed ?? 0; }
  /** Distinct cluster ids shown, ascending (a copy). */
  get clusterIds(): Int32Array { return this.colors.clusterIds.slice(); }
  /** True when drawing with WebGL 2, false with WebGL 1 (see `webgl`); null while no GL layer exists. */
  get isWebGL2(): boolean | null { return this.layer?.renderer.isWebGL2 ?? null; }
  /** The last input error, or null. */
  get error(): Error | null { return this._error; }
  /** Warnings of the current data (a copy; also fired as `token-cloud-warning`): a default column missing, a preamble matching no row. */
  get warnings(): TokenCloudInputError[] { return this.tokenData.warnings.slice(); }
  /** Selected labels (local indices, ascending; a copy). */
  get selection(): Uint32Array { return this._selected.slice(); }
  /** Dataset rows of the selected labels. */
  get selectedRows(): Uint32Array { return Uint32Array.from(this._selected, (k) => this.tokenData.rows[k]!); }
  /** The hovered label (local), or -1. */
  get hovered(): number { return this._hovered; }
  /** Dataset row of each label (a copy). */
  get labelRows(): Uint32Array { return this.tokenData.rows.slice(); }
  /** The selection/hover store; share one from `createSelectionModel()` with `<cluster-scatter>` views. */
  get selectionModel(): SelectionModel { return this.picking.model; }
  set selectionModel(model: SelectionModel) { this.picking.model = model; }
  /**
   * Resolves after pending property changes are applied and the next frame is drawn (with its web fonts loaded and
   * its placed texts rasterised, or after {@link RENDER_STALL_FRAMES} frames that rasterised no more of them).
   */
  get renderComplete(): Promise<void> {
    return this.updateComplete.then(async () => {
      await this.frame;
      // A frame that waits for a web font draws no text; the frame after the font loaded does. A frame that
      // left texts to rasterise later schedules the next one (in a task after it), which we wait for too, while
      // those frames make progress (an atlas that cannot hold every placed text would otherwise keep us waiting).
      let best = Infinity, stalled = 0;
      for (;;) {
        const wait = this.raster.pending;
        if (wait) await wait;
        else if (this.textPending && this.isConnected && this.layer && stalled < RENDER_STALL_FRAMES) await new Promise((r) => setTimeout(r, 0));
        else break;
        await this.frame;
        const pending = this.lastFrame?.pending ?? 0;
        stalled = pending < best ? 0 : stalled + 1;
        best = Math.min(best, pending);
      }
    });
  }
  /** @internal labels of hidden clusters */
  get hiddenCount(): number {
    let c = 0;
    if (this._hidden.size) for (const r of this.summary.rank) if (this._hidden.has(r)) c++;
    return c;
  }

  /**
   * Selects labels (local indices) combined by `mode`; the shared model receives their dataset rows.
   * @throws TokenCloudInputError naming `indices[k]` when an entry is not a label index in [0, n).
   */
  select(indices: ArrayLike<number>, mode: SelectionMode = 'replace'): void {
    const r = normalizeIndices(indices, this.tokenData.n);
    if ('bad' in r) throw new TokenCloudInputError(`indices[${r.bad}]`, indices[r.bad], `must be an integer label index in [0, ${this.tokenData.n})`);
    this.picking.model.select(Uint32Array.from(r.indices, (k) => this.tokenData.rows[k]!).sort(), mode, this);
  }

  clearSelection(): void { this.picking.model.clear(this); }

  /** Fits the view to the labels again (also double-click, `0`, `Home`). */
  resetView(): void {
    this.autoFit = true;
    this.refresh();
    this.emit('view-change', { view: this.view });
  }

  /** CSS px position of label i's true coordinate (its anchor), or null when out of range. */
  labelPosition(i: number): { x: number; y: number } | null {
    if (!Number.isInteger(i) || i < 0 || i >= this.tokenData.n) return null;
    const { x, y } = this.currentPositions();
    const [sx, sy] = dataToScreen(this.view, x[i]!, y[i]!, this.resizer.size);
    return { x: sx, y: sy };
  }

  /** Where label i's text was drawn in the last frame (CSS px box), or null when it is a dot (or out of range). */
  labelBox(i: number): { left: number; top: number; width: number; height: number } | null {
    const f = this.lastFrame;
    if (!f || !(i >= 0 && i < f.placement.slot.length) || f.placement.slot[i] === 0) return null;
    return { left: f.placement.left[i]!, top: f.placement.top[i]!, width: f.width[i]!, height: f.height[i]! };
  }

  /** The text drawn for label i (whitespace and controls made visible, long tokens cut), or null. */
  displayText(i: number): string | null { return this.labels[i] ?? null; }

  /** Draws now and returns the drawing buffer (device pixels, rows from the top); null before the first render. */
  readPixels(): PixelImage | null {
    return this.layer && !this.layer.renderer.destroyed ? this.layer.readPixels() : null;
  }

  /** The picture as a PNG of `round(scale × CSS size)` px (default devicePixelRatio), text re-rasterised at that scale. */
  toPNG(options: { scale?: number } = {}): Promise<Blob> { return exportCloudPNG(this, options.scale); }

  /** @internal */
  get layer(): TextLayer | null { return this.gl.layer; }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // re-create the GL layer after a move in the DOM
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // GlController destroys the layer
    this.frame = null;
    this.textPending = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    deriveCloudState(this, changed as Map<PropertyKey, unknown>, this.problems);
  }

  protected override render() {
    const summary = cloudSummary(this);
    applyCloudAria(this, summary);
    const h = this._hovered;
    const at = h >= 0 ? this.labelPosition(h) : null;
    const size = this.resizer.size;
    const tooltip = at ? { text: this.tooltipText(h), x: at.x, y: at.y, width: size.width, height: size.height } : null;
    return html`<canvas part="canvas" role="img" aria-label=${cloudLabel(this)} aria-describedby="summary"></canvas><p id="summary" part="summary" class="visually-hidden">${summary}</p>${overlayTemplate({ ...this._overlay, tooltip })}${
      this.legend ? legendTemplate(legendItems(this.colors, this.summary), this._hidden, this.legendHandlers) : nothing
    }${this._error ? html`<p part="error" role="alert">${this._error.message}</p>` : nothing}`;
  }

  protected override updated(): void {
    if (this.layerPrefersWebGL2 !== this.preferWebGL2) this.gl.recreate(); // `webgl` changed (or failed with the old one)
    if (this.isConnected && this.gl.ensure(this.renderRoot.querySelector('canvas'))) {
      this.layer!.beforeFrame(() => cloudFrame(this));
      this.atlasKey = ''; // a new layer (first render or after a context restore) needs the atlas uploaded
      this.resizer.measure();
    }
    if (this._error !== this.problems.first) this._error = this.problems.first;
    const from = this.morphFrom;
    if (from) {
      this.morphFrom = null;
      const target = this.tokenData;
      this.morph.start(this.transition, (t) => {
        this.morphT = t;
        this.morphFrom = t < 1 && this.tokenData === target ? from : null;
        this.refresh(false);
      });
    }
    this.refresh(false);
  }

  /** @internal Positions now (mid-morph: interpolated from the previous ones). */
  currentPositions(): { x: Float64Array; y: Float64Array } {
    const d = this.tokenData, from = this.morphFrom, t = this.morphT;
    if (!from || t >= 1 || from.x.length !== d.n) return { x: d.x, y: d.y };
    const x = new Float64Array(d.n), y = new Float64Array(d.n);
    for (let i = 0; i < d.n; i++) {
      x[i] = from.x[i]! + (d.x[i]! - from.x[i]!) * t;
      y[i] = from.y[i]! + (d.y[i]! - from.y[i]!) * t;
    }
    return { x, y };
  }

  /** @internal CSS size and the device-pixel ratio frames are drawn at (the export scale during toPNG). */
  frameSize(): ElementSize {
    const s = this.resizer.size;
    return this.exportScale ? { ...s, devicePixelRatio: this.exportScale } : s;
  }

  /** @internal Labels to draw, highest priority first: hovered, selected, the legend's cluster, then input order; hidden clusters left out. */
  priorityOrder(): Uint32Array { return this.order.get(this); }

  /** @internal The highlighted cluster rank: the legend row under the pointer, else (hover-dim) the hovered label's; -1 none. */
  focusRank(): number { return focusRank(this); }

  /** @internal n flags: 1 for labels dimmed (outside an active selection or the highlighted cluster). O(n). */
  dimmedFlags(): Uint8Array { return dimmedFlags(this); }

  /** @internal CSS px the legend covers at the right (0 without one; at most half the width). One layout read. */
  legendInset(width: number): number {
    if (!this.legend) return 0;
    const box = this.renderRoot.querySelector('[part="legend"]')?.getBoundingClientRect();
    if (!box || box.width <= 0) return 0;
    return Math.min(Math.max(0, this.getBoundingClientRect().right - box.left), width / 2);
  }

  /** @internal Sets a user view (pan/zoom) and fires view-change. */
  setView(view: ViewState): void {
    this.autoFit = false;
    this.view = view;
    this.refresh();
    this.emit('view-change', { view });
  }

  /** @internal Sizes the canvas and schedules one frame (laid out in cloudFrame), then fires token-cloud-render. */
  refresh(moveTooltip = true): void {
    const layer = this.layer;
    if (!layer || layer.renderer.destroyed) return;
    // A ratio change whose media-query event was missed (or not yet delivered) is caught here too.
    const size = this.resizer.size.devicePixelRatio === (globalThis.devicePixelRatio || 1) ? this.resizer.size : this.resizer.measure();
    layer.renderer.resize(size.width, size.height, size.devicePixelRatio);
    this.frame = layer.renderer.render().then(
      () => void this.emit('token-cloud-render', { labelCount: this.tokenData.n, placedCount: this.placedCount }),
      () => undefined,
    );
    if (moveTooltip && this._hovered >= 0) this.requestUpdate();
  }

  /** @internal */
  setOverlay(overlay: Partial<Omit<OverlayState, 'tooltip'>>): void { this._overlay = { ...this._overlay, ...overlay }; }
  /** @internal */
  announce(text: string): void { this.setOverlay({ announcement: text }); }
  /** @internal Tooltip text of label k (formatter output; the default on formatter error). */
  tooltipText(k: number): string { return cloudTooltip(this, k); }

  /** @internal Dispatches a bubbling, composed CustomEvent. */
  emit<K extends keyof TokenCloudEventMap>(type: K, detail: TokenCloudEventMap[K] extends CustomEvent<infer D> ? D : never): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'token-cloud': TokenCloud;
  }
}
